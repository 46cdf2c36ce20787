package dev.smtrain.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.executor.ResourceInUseException;
import dev.smtrain.executor.ResourceNotFoundException;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.model.MetricDefinition;
import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.validation.ValidationException;
import dev.smtrain.validation.Violation;
import java.io.IOException;
import java.nio.file.Files;
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

/** Failures: FailureReason, exit codes, a wrong contract point, a missing image, bad requests, duplicate names. */
@Tag("engine")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LocalFailureTest {

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
  void awaitCompletion_whenContainerWritesFailure_reportsItsFirst1024Characters() {
    String name = LocalRunnerFixture.uniqueName("fails");
    String message = "ValueError: bad row 7 " + "x".repeat(1500);
    TrainingJob job = fx.executor.submit(fx.request(name, "fail").putEnvironment("FAIL_MESSAGE", "ValueError: bad row 7 ")
        .putEnvironment("FAIL_PAD_X", "1500").build());

    TrainingJobDescription done = job.awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT);

    assertEquals(TrainingJobStatus.FAILED, done.trainingJobStatus().orElseThrow());
    assertEquals(SecondaryStatus.FAILED, done.secondaryStatus().orElseThrow());
    assertEquals(message.substring(0, 1024), done.failureReason().orElseThrow());
    assertTrue(done.modelArtifacts().isEmpty());
    assertTrue(fx.executor.logs(name).anyMatch(l -> l.message().equals("failing on purpose")));
    fx.assertNothingLeft(name);
  }

  @Test
  void awaitCompletion_whenContainerExitsWithoutFailureFile_reportsTheExitCode() {
    String name = LocalRunnerFixture.uniqueName("exit-code");
    TrainingJob job = fx.executor.submit(fx.request(name, "exit").putEnvironment("EXIT_CODE", "42").build());

    TrainingJobDescription done = job.awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT);

    assertEquals(TrainingJobStatus.FAILED, done.trainingJobStatus().orElseThrow());
    String reason = done.failureReason().orElseThrow();
    assertTrue(reason.contains("algo-1 exited with code 42"), reason);
  }

  @Test
  void awaitCompletion_whenAContractPointIsWrong_theTrainScriptNamesIt() {
    String name = LocalRunnerFixture.uniqueName("wrong");
    TrainingJob job = fx.executor.submit(fx.request(name, "contract")
        .putEnvironment("USER_SETTING", "from Environment")
        .putEnvironment("EXPECT_JOB", name)
        .putEnvironment("EXPECT_HOSTS", "algo-1")
        .putEnvironment("EXPECT_INSTANCE_TYPE", "ml.p3.2xlarge")
        .build());

    TrainingJobDescription done = job.awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT);

    assertEquals("current_instance_type is not ml.p3.2xlarge", done.failureReason().orElseThrow()
        .replaceAll(" \\(.*", ""));
  }

  @Test
  void awaitCompletion_whenImageIsMissing_failsWithAReasonNamingIt() {
    String name = LocalRunnerFixture.uniqueName("no-image");
    TrainingJob job = fx.executor.submit(fx.request(name, "noop")
        .algorithmSpecification(a -> a.trainingImage("smtrain-test-absent:never").trainingInputMode(
            dev.smtrain.model.TrainingInputMode.FILE)).build());

    TrainingJobDescription done = job.awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT);

    assertEquals(TrainingJobStatus.FAILED, done.trainingJobStatus().orElseThrow());
    assertTrue(done.failureReason().orElseThrow().contains("smtrain-test-absent"), done.failureReason()::get);
    fx.assertNothingLeft(name);
  }

  @Test
  void submit_whenNameExists_throwsResourceInUse() {
    String name = LocalRunnerFixture.uniqueName("twice");
    TrainingJob first = fx.executor.submit(fx.request(name, "noop").build());

    ResourceInUseException e = assertThrows(ResourceInUseException.class,
        () -> fx.executor.submit(fx.request(name, "noop").build()));

    assertTrue(e.getMessage().contains(name), e.getMessage());
    assertEquals(TrainingJobStatus.COMPLETED,
        first.awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT).trainingJobStatus().orElseThrow());
  }

  @Test
  void submit_whenRequestCannotRunLocally_throwsValidationExceptionWithEveryProblem() {
    String name = LocalRunnerFixture.uniqueName("invalid");

    ValidationException e = assertThrows(ValidationException.class, () -> fx.executor.submit(
        fx.request(name, "noop")
            .algorithmSpecification(a -> a.algorithmName("some-marketplace-algorithm")
                .trainingInputMode(dev.smtrain.model.TrainingInputMode.FILE)
                .addMetricDefinition(MetricDefinition.of("loss", "(a)\\1")))
            .build()));

    List<String> paths = e.report().errors().stream().map(Violation::path).toList();
    assertTrue(paths.contains("AlgorithmSpecification.TrainingImage"), paths::toString);
    assertTrue(paths.contains("AlgorithmSpecification.MetricDefinitions[0].Regex"), paths::toString);
    assertThrows(ResourceNotFoundException.class, () -> fx.executor.describe(name));
  }

  @Test
  void submit_whenEntrypointAndArgumentsAreSet_runsTheImageAsSageMakerDoes() throws Exception {
    assertEquals("record-args x y\n", argv(List.of(), List.of("record-args", "x", "y")));
    assertEquals("record-args e\n", argv(List.of("record-args", "e"), List.of()));
    assertEquals("record-args e x y\n", argv(List.of("record-args", "e"), List.of("x", "y")));
  }

  private String argv(List<String> entrypoint, List<String> arguments) throws IOException {
    String name = LocalRunnerFixture.uniqueName("argv");
    TrainingJobDescription done = fx.executor.submit(fx.request(name, "noop")
        .algorithmSpecification(a -> a.trainingImage(fx.image)
            .trainingInputMode(dev.smtrain.model.TrainingInputMode.FILE)
            .containerEntrypoint(entrypoint.isEmpty() ? null : entrypoint)
            .containerArguments(arguments.isEmpty() ? null : arguments))
        .build()).awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT);
    assertEquals(TrainingJobStatus.COMPLETED, done.trainingJobStatus().orElseThrow(), done::toString);
    return fx.model(name).text("argv.txt");
  }

  @Test
  void submit_whenNetworkIsolated_containerHasNoNetworkInterface() {
    String name = LocalRunnerFixture.uniqueName("isolated");
    TrainingJobDescription done = fx.executor.submit(fx.request(name, "isolation")
        .enableNetworkIsolation(true).build()).awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT);

    assertEquals(null, done.failureReason().orElse(null));
    assertEquals("isolated: lo \n", fx.model(name).text("isolation.txt"));
    assertTrue(done.enableNetworkIsolation().orElseThrow());
  }

  @Test
  void submit_whenNotIsolated_containerHasAnInterface() {
    String name = LocalRunnerFixture.uniqueName("connected");
    TrainingJobDescription done = fx.executor.submit(fx.request(name, "isolation").build())
        .awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT);

    assertEquals(TrainingJobStatus.FAILED, done.trainingJobStatus().orElseThrow());
    assertTrue(done.failureReason().orElseThrow().startsWith("network isolation: interfaces are"));
  }

  @Test
  void submit_whenCheckpointConfigured_copiesCheckpointsInAndSyncsThemBack() throws Exception {
    Path checkpoints = Files.createDirectories(root.resolve("checkpoints"));
    Files.writeString(checkpoints.resolve("count"), "5\n");
    for (int run = 6; run <= 7; run++) {
      String name = LocalRunnerFixture.uniqueName("checkpoint");
      TrainingJobDescription done = fx.executor.submit(fx.request(name, "checkpoint")
          .checkpointConfig(c -> c.s3Uri(checkpoints.toUri().toString()).localPath("/opt/ml/ckpt"))
          .putEnvironment("CHECKPOINT_DIR", "/opt/ml/ckpt")
          .build()).awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT);
      assertEquals(null, done.failureReason().orElse(null));
      assertEquals(run + "\n", fx.model(name).text("count"), "the container saw the earlier checkpoint");
      assertEquals(run + "\n", Files.readString(checkpoints.resolve("count")));
      assertEquals("run " + run + "\n", Files.readString(checkpoints.resolve("run-" + run + ".txt")));
    }
    assertFalse(Files.exists(checkpoints.resolve("run-5.txt")));
  }
}
