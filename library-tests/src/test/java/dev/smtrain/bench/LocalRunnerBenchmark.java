package dev.smtrain.bench;

import dev.smtrain.local.LocalExecutor;
import dev.smtrain.local.TestImages;
import dev.smtrain.local.engine.ContainerEngine;
import dev.smtrain.local.engine.ContainerSpec;
import dev.smtrain.local.engine.EngineLabels;
import dev.smtrain.local.internal.JobWorkspace;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.TrainingInputMode;
import dev.smtrain.model.TrainingInstanceType;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The local runner's overhead: a no-op training job, submit to Completed (validation, workspace, config files,
 * per-job network, container, log following, model.tar.gz and output.tar.gz, cleanup), against a bare
 * {@code docker run --rm} of the same image through the same engine (create, start, wait, remove via
 * docker-java). The engine is the one {@code DOCKER_HOST} names. Aim: {@code localJob} at most 1.3 times
 * {@code bareRun}.
 *
 * <pre>
 * DOCKER_HOST=unix:///run/smtrain/podman.sock mvn -B -o -Pbenchmarks -DskipTests verify -pl library-tests -am \
 *     -Djmh.args="LocalRunnerBenchmark -f 1 -wi 3 -i 10"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class LocalRunnerBenchmark {

  private ContainerEngine engine;
  private String image;
  private Path root;
  private LocalExecutor executor;
  private final AtomicLong counter = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    engine = ContainerEngine.connect();
    image = TestImages.trainingImage(engine);
    root = Files.createTempDirectory("smtrain-bench-");
    executor = LocalExecutor.builder().engine(engine).gracePeriod(Duration.ofSeconds(5))
        .workDirectory(root.resolve("work")).sessionsDirectory(root.resolve("sessions")).build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    executor.close();
    engine.close();
    JobWorkspace.deleteTree(root);
  }

  /** A no-op job through the whole local runner. */
  @Benchmark
  public TrainingJobDescription localJob() {
    String name = "bench-" + counter.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    TrainingJobDescription done = executor.submit(CreateTrainingJobRequest.builder()
        .trainingJobName(name)
        .roleArn("arn:aws:iam::123456789012:role/SageMakerRole")
        .algorithmSpecification(a -> a.trainingImage(image).trainingInputMode(TrainingInputMode.FILE))
        .resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_M5_XLARGE, 1, 10))
        .outputDataConfig(o -> o.s3OutputPath(root.resolve("out").toUri().toString()))
        .stoppingCondition(s -> s.maxRuntimeInSeconds(600))
        .putEnvironment("MODE", "noop")
        .build()).awaitCompletion(Duration.ofMinutes(5));
    if (done.trainingJobStatus().orElseThrow() != TrainingJobStatus.COMPLETED) {
      throw new IllegalStateException("benchmark job did not complete: " + done.failureReason());
    }
    return done;
  }

  /** The same image and command, {@code docker run --rm} style: create, start, wait, remove. */
  @Benchmark
  public int bareRun() {
    String id = engine.createContainer(ContainerSpec.builder(image)
        .cmd("train")
        .env("MODE", "noop")
        .labels(EngineLabels.of("bench-bare", "bench"))
        .build());
    try {
      engine.start(id);
      int code = engine.waitFor(id);
      if (code != 0) {
        throw new IllegalStateException("bare run exited with " + code);
      }
      return code;
    } finally {
      engine.remove(id);
    }
  }
}
