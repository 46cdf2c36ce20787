package dev.smtrain.bench;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.OutputDataConfig;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.StoppingCondition;
import dev.smtrain.model.TrainingInputMode;
import dev.smtrain.model.TrainingInstanceType;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.testing.FakeExecutor;
import dev.smtrain.testing.FakeOutcome;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Submit-to-completion throughput of the fake executor: validate, admit (unique name, quotas), plan the
 * timeline, and {@code awaitCompletion} (advance the virtual clock, tell listeners, build the final
 * description). Requests are built up front, 10,000 distinct names; the fake is {@link FakeExecutor#reset()}
 * each time the names wrap around, and that cost is included.
 *
 * <p>Run: {@code mvn -B -o -Pbenchmarks -DskipTests verify -pl library-tests -am
 * -Djmh.args="FakeExecutorBenchmark"}. Five warm-up and five measured iterations of 5 s each: on a busy
 * machine the JIT needs the longer warm-up. The validator is still the issue-3 placeholder here; expect
 * lower figures once its built-in rules land.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class FakeExecutorBenchmark {

  private static final int NAMES = 10_000;

  private final CreateTrainingJobRequest[] requests = new CreateTrainingJobRequest[NAMES];
  private FakeExecutor fake;
  private FakeExecutor scripted;
  private int next;

  /** Builds the requests and the fakes. */
  @Setup
  public void setUp() {
    CreateTrainingJobRequest base = CreateTrainingJobRequest.builder()
        .trainingJobName("bench")
        .roleArn("arn:aws:iam::123456789012:role/SageMakerRole")
        .algorithmSpecification(a -> a.trainingImage("123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:1")
            .trainingInputMode(TrainingInputMode.FILE))
        .outputDataConfig(OutputDataConfig.s3("s3://bucket/output"))
        .resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_M5_XLARGE, 1, 10))
        .stoppingCondition(StoppingCondition.maxRuntime(Duration.ofHours(1)))
        .build();
    for (int i = 0; i < NAMES; i++) {
      requests[i] = base.toBuilder().trainingJobName("bench-" + i).build();
    }
    fake = FakeExecutor.create();
    scripted = FakeExecutor.builder().maxConcurrentJobs(10).instanceLimit("ml.m5.xlarge", 10)
        .defaultOutcome(FakeOutcome.completes().withMetric("validation:auc", 0.9).withLogLine("epoch 1")).build();
  }

  private CreateTrainingJobRequest nextRequest(FakeExecutor f) {
    if (next == NAMES) {
      next = 0;
      f.reset();
    }
    return requests[next++];
  }

  /**
   * An unscripted job, no quotas: submit, then wait for completion.
   *
   * @return the final description
   */
  @Benchmark
  public TrainingJobDescription submitToCompletion() {
    return fake.submit(nextRequest(fake)).awaitCompletion(Duration.ofHours(1));
  }

  /**
   * A job with a metric and a log line, under quotas (so admission counts active jobs).
   *
   * @return the final description
   */
  @Benchmark
  public TrainingJobDescription submitToCompletionWithQuotasAndMetrics() {
    return scripted.submit(nextRequest(scripted)).awaitCompletion(Duration.ofHours(1));
  }
}
