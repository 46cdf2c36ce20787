package dev.smtrain.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.executor.TrainingJob;
import dev.smtrain.local.storage.TarContents;
import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Stopping: by the user and by MaxRuntimeInSeconds, SIGTERM then SIGKILL, and what was saved is uploaded. */
@Tag("engine")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LocalStopTest {

  @TempDir
  static Path root;
  static LocalRunnerFixture fx;

  @BeforeAll
  static void start() throws IOException {
    fx = LocalRunnerFixture.start(root, Duration.ofSeconds(3));
  }

  @AfterAll
  static void stop() {
    if (fx != null) {
      fx.close();
    }
  }

  @Test
  void stop_whenTraining_sendsSigtermEndsStoppedAndUploadsWhatWasSaved() throws Exception {
    String name = LocalRunnerFixture.uniqueName("user-stop");
    LocalRunnerFixture.Recorder recorder = new LocalRunnerFixture.Recorder("training forever");
    TrainingJob job = fx.executor.submit(fx.request(name, "sleep").build(), recorder);
    recorder.awaitLine();

    job.stop();
    TrainingJobDescription done = job.awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT);

    assertEquals(TrainingJobStatus.STOPPED, done.trainingJobStatus().orElseThrow());
    assertEquals(SecondaryStatus.STOPPED, done.secondaryStatus().orElseThrow());
    assertNull(done.failureReason().orElse(null));
    List<SecondaryStatus> transitions = done.secondaryStatusTransitions().stream()
        .map(t -> t.status().orElseThrow()).toList();
    assertEquals(List.of(SecondaryStatus.STARTING, SecondaryStatus.DOWNLOADING, SecondaryStatus.TRAINING,
        SecondaryStatus.STOPPING, SecondaryStatus.UPLOADING, SecondaryStatus.STOPPED), transitions);
    assertTrue(recorder.statuses.stream().anyMatch(s -> s.status() == TrainingJobStatus.STOPPING));
    TarContents model = fx.model(name);
    assertEquals("kept after stop\n", model.text("partial.txt"));
    assertEquals("term\n", model.text("terminated.txt"), "the container got SIGTERM and could save");
    assertTrue(fx.executor.logs(name).anyMatch(l -> l.message().equals("got SIGTERM")));
    fx.assertNothingLeft(name);
  }

  @Test
  void awaitCompletion_whenMaxRuntimePasses_endsMaxRuntimeExceededWithArtifactsKept() throws Exception {
    String name = LocalRunnerFixture.uniqueName("max-runtime");
    TrainingJob job = fx.executor.submit(fx.request(name, "sleep")
        .stoppingCondition(s -> s.maxRuntimeInSeconds(2)).build());

    TrainingJobDescription done = job.awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT);

    assertEquals(TrainingJobStatus.STOPPED, done.trainingJobStatus().orElseThrow());
    assertEquals(SecondaryStatus.MAX_RUNTIME_EXCEEDED, done.secondaryStatus().orElseThrow());
    assertTrue(done.trainingTimeInSeconds().orElseThrow() >= 2, done::toString);
    TarContents model = fx.model(name);
    assertEquals("kept after stop\n", model.text("partial.txt"));
    assertEquals("term\n", model.text("terminated.txt"));
    assertTrue(done.modelArtifacts().isPresent());
    fx.assertNothingLeft(name);
  }

  @Test
  void stop_whenContainerIgnoresSigterm_killsItAfterTheGracePeriod() throws Exception {
    String name = LocalRunnerFixture.uniqueName("deaf");
    LocalRunnerFixture.Recorder recorder = new LocalRunnerFixture.Recorder("deaf to SIGTERM");
    TrainingJob job = fx.executor.submit(fx.request(name, "ignore-term").build(), recorder);
    recorder.awaitLine();

    fx.executor.stop(name);
    TrainingJobDescription done = job.awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT);

    assertEquals(TrainingJobStatus.STOPPED, done.trainingJobStatus().orElseThrow());
    TarContents model = fx.model(name);
    assertEquals("kept after kill\n", model.text("partial.txt"));
    assertFalse(model.files().containsKey("terminated.txt"));
    fx.assertNothingLeft(name);
  }

  @Test
  void stop_whenJobHasEnded_changesNothing() throws Exception {
    String name = LocalRunnerFixture.uniqueName("ended");
    TrainingJob job = fx.executor.submit(fx.request(name, "noop").build());
    TrainingJobDescription done = job.awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT);

    job.stop();

    assertEquals(TrainingJobStatus.COMPLETED, done.trainingJobStatus().orElseThrow());
    assertEquals(done, fx.executor.describe(name));
  }
}
