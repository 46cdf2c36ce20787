package dev.smtrain.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.MetricEvent;
import dev.smtrain.executor.ResourceNotFoundException;
import dev.smtrain.executor.StatusEvent;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.sagemaker.internal.CloudWatchLogReader;
import dev.smtrain.sagemaker.internal.JobBackend;
import dev.smtrain.sagemaker.internal.JobWatch;
import dev.smtrain.sagemaker.internal.Polling;
import dev.smtrain.sagemaker.loopback.ScriptedExecutor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobWatchTest {

  private static final Polling FAST = new Polling(Duration.ofMillis(1), Duration.ofMillis(4), 2);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final Clock clock = Clock.fixed(ScriptedExecutor.T0, ZoneOffset.UTC);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  /** Describes through a scripted executor; has no log. */
  private static JobBackend backend(ScriptedExecutor scripted) {
    return new JobBackend() {
      @Override
      public TrainingJobDescription describe(String name) {
        return scripted.describe(name);
      }

      @Override
      public void stop(String name) {
        scripted.stop(name);
      }

      @Override
      public CloudWatchLogReader logReader(String name) {
        throw new IllegalStateException("no CloudWatch Logs in this test");
      }

      @Override
      public List<LogEvent> logs(String name) {
        return List.of();
      }
    };
  }

  private static final class Recorder implements TrainingJobListener {
    final List<String> statuses = new CopyOnWriteArrayList<>();
    final List<MetricEvent> metrics = new CopyOnWriteArrayList<>();

    @Override
    public void onStatusChange(StatusEvent event) {
      statuses.add(event.status().value() + "/" + event.secondaryStatus().value());
    }

    @Override
    public void onMetric(MetricEvent event) {
      metrics.add(event);
    }
  }

  private static CreateTrainingJobRequest minimal(String name) throws IOException {
    return TrainingJobJson.readRequest(SdkMappingTest.resource("/requests/minimal.json")).orElseThrow().toBuilder()
        .trainingJobName(name).build();
  }

  @Test
  void done_whenJobGoesFromInProgressToCompleted_raisesEveryTransitionThenTheMetrics() throws Exception {
    ScriptedExecutor scripted = new ScriptedExecutor(2);
    scripted.submit(minimal("job-1"));
    Recorder recorder = new Recorder();
    JobWatch watch = new JobWatch("job-1", backend(scripted), scheduler, FAST, clock, List.of(recorder));

    watch.start();
    TrainingJobDescription last = watch.done().get(30, TimeUnit.SECONDS);

    assertEquals(TrainingJobStatus.COMPLETED, last.trainingJobStatus().orElseThrow());
    assertEquals(List.of("InProgress/Starting", "InProgress/Downloading", "InProgress/Training",
        "InProgress/Uploading", "Completed/Completed"), recorder.statuses);
    assertEquals(1, recorder.metrics.size());
    assertEquals("train:loss", recorder.metrics.get(0).metricName());
    assertEquals(0.25, recorder.metrics.get(0).value(), 1e-6);
  }

  @Test
  void done_whenJobWasStopped_endsWithStopped() throws Exception {
    ScriptedExecutor scripted = new ScriptedExecutor(5);
    scripted.submit(minimal("job-2"));
    scripted.stop("job-2");
    Recorder recorder = new Recorder();
    JobWatch watch = new JobWatch("job-2", backend(scripted), scheduler, FAST, clock, List.of(recorder));

    watch.start();
    TrainingJobDescription last = watch.done().get(30, TimeUnit.SECONDS);

    assertEquals(TrainingJobStatus.STOPPED, last.trainingJobStatus().orElseThrow());
    assertEquals(List.of("InProgress/Starting", "Stopped/Stopped"), recorder.statuses);
  }

  @Test
  void done_whenJobDoesNotExist_failsWithResourceNotFound() {
    JobWatch watch = new JobWatch("missing", backend(new ScriptedExecutor()), scheduler, FAST, clock, List.of());

    watch.start();

    ExecutionException e = assertThrows(ExecutionException.class, () -> watch.done().get(30, TimeUnit.SECONDS));
    assertInstanceOf(ResourceNotFoundException.class, e.getCause());
  }

  @Test
  void done_whenAListenerThrows_stillNotifiesTheOthers() throws Exception {
    ScriptedExecutor scripted = new ScriptedExecutor(1);
    scripted.submit(minimal("job-3"));
    TrainingJobListener broken = new TrainingJobListener() {
      @Override
      public void onStatusChange(StatusEvent event) {
        throw new IllegalStateException("listener bug");
      }
    };
    Recorder recorder = new Recorder();
    JobWatch watch = new JobWatch("job-3", backend(scripted), scheduler, FAST, clock, List.of(broken, recorder));

    watch.start();
    watch.done().get(30, TimeUnit.SECONDS);

    assertEquals("Completed/Completed", recorder.statuses.get(recorder.statuses.size() - 1));
  }

  @Test
  void next_whenGrowing_staysAtTheMaximum() {
    Polling polling = new Polling(Duration.ofSeconds(5), Duration.ofSeconds(60), 1.5);

    assertEquals(Duration.ofMillis(7500), polling.next(Duration.ofSeconds(5)));
    assertEquals(Duration.ofSeconds(60), polling.next(Duration.ofSeconds(50)));
    assertThrows(IllegalArgumentException.class, () -> new Polling(Duration.ZERO, Duration.ofSeconds(1), 1));
  }
}
