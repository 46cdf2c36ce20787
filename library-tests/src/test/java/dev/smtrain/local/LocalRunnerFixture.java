package dev.smtrain.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.StatusEvent;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.local.engine.ContainerEngine;
import dev.smtrain.local.engine.EngineLabels;
import dev.smtrain.local.storage.StorageSettings;
import dev.smtrain.local.storage.TarContents;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.TrainingInstanceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Shared by the local runner's engine tests: one engine connection and test image per JVM, a
 * {@link LocalExecutor} per test class with a short grace period, and helpers for requests and artifacts.
 */
final class LocalRunnerFixture implements AutoCloseable {

  static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);
  private static ContainerEngine sharedEngine;
  private static String sharedImage;

  final ContainerEngine engine;
  final String image;
  final Path root;
  final Path sessions;
  final LocalExecutor executor;

  private LocalRunnerFixture(ContainerEngine engine, String image, Path root, Duration grace,
      StorageSettings storage) throws IOException {
    this.engine = engine;
    this.image = image;
    this.root = root;
    this.sessions = Files.createDirectories(root.resolve("sessions"));
    this.executor = LocalExecutor.builder().engine(engine).gracePeriod(grace).storageSettings(storage)
        .workDirectory(root.resolve("work")).sessionsDirectory(sessions).build();
  }

  /** Connects (or skips the test) and builds the image once, then a new executor working under {@code root}. */
  static LocalRunnerFixture start(Path root, Duration grace) throws IOException {
    return start(root, grace, StorageSettings.defaults());
  }

  /** As {@link #start(Path, Duration)}, reaching S3 with {@code storage}. */
  static LocalRunnerFixture start(Path root, Duration grace, StorageSettings storage) throws IOException {
    synchronized (LocalRunnerFixture.class) {
      if (sharedEngine == null) {
        sharedEngine = TestImages.connectOrSkip();
        sharedImage = TestImages.trainingImage(sharedEngine);
      }
    }
    return new LocalRunnerFixture(sharedEngine, sharedImage, root, grace, storage);
  }

  static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A valid single-host request on the test image, with its output under {@code root/out}. */
  CreateTrainingJobRequest.Builder request(String name, String mode) {
    return CreateTrainingJobRequest.builder()
        .trainingJobName(name)
        .roleArn("arn:aws:iam::123456789012:role/SageMakerRole")
        .algorithmSpecification(a -> a.trainingImage(image).trainingInputMode(
            dev.smtrain.model.TrainingInputMode.FILE))
        .resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_M5_XLARGE, 1, 10))
        .outputDataConfig(o -> o.s3OutputPath(outputUri()))
        .stoppingCondition(s -> s.maxRuntimeInSeconds(600))
        .putEnvironment("MODE", mode);
  }

  String outputUri() {
    return root.resolve("out").toUri().toString();
  }

  Path outputDir(String job) {
    return root.resolve("out").resolve(job).resolve("output");
  }

  TarContents model(String job) {
    return read(outputDir(job).resolve("model.tar.gz"));
  }

  TarContents outputData(String job) {
    return read(outputDir(job).resolve("output.tar.gz"));
  }

  private static TarContents read(Path p) {
    try {
      return TarContents.read(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Nothing of the job is left on the engine: no container, no network. */
  void assertNothingLeft(String job) {
    Map<String, String> labels = Map.of(EngineLabels.JOB, job, EngineLabels.SESSION, executor.sessionId());
    assertEquals(List.of(), engine.listContainers(labels), "containers left by " + job);
    assertEquals(List.of(), engine.listNetworks(labels), "networks left by " + job);
  }

  /** The work directory holds no job workspace any more. */
  void assertWorkspacesDeleted() throws IOException {
    Path work = root.resolve("work").resolve(executor.sessionId());
    if (Files.exists(work)) {
      try (var list = Files.list(work)) {
        assertEquals(List.of(), list.toList(), "workspaces left in " + work);
      }
    }
  }

  @Override
  public void close() {
    executor.close();
  }

  /** Records events, and lets a test wait for a log line or a status. */
  static final class Recorder implements TrainingJobListener {
    final List<StatusEvent> statuses = Collections.synchronizedList(new ArrayList<>());
    final List<LogEvent> lines = Collections.synchronizedList(new ArrayList<>());
    final List<dev.smtrain.executor.MetricEvent> metrics = Collections.synchronizedList(new ArrayList<>());
    private final String awaitedLine;
    final CountDownLatch sawLine = new CountDownLatch(1);

    Recorder(String awaitedLine) {
      this.awaitedLine = awaitedLine;
    }

    @Override
    public void onStatusChange(StatusEvent event) {
      statuses.add(event);
    }

    @Override
    public void onLogLine(LogEvent event) {
      lines.add(event);
      if (event.message().contains(awaitedLine)) {
        sawLine.countDown();
      }
    }

    @Override
    public void onMetric(dev.smtrain.executor.MetricEvent event) {
      metrics.add(event);
    }

    void awaitLine() throws InterruptedException {
      assertTrue(sawLine.await(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "no log line containing "
          + awaitedLine + "; got " + lines);
    }
  }

  static Consumer<CreateTrainingJobRequest.Builder> none() {
    return b -> {};
  }
}
