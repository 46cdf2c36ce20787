package dev.smtrain.bench;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.validation.Requests;
import dev.smtrain.validation.TrainingJobValidator;
import dev.smtrain.validation.ValidationReport;
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
 * Cold cost of the first validation in a fresh JVM: each fork is a new JVM, the request is read in the
 * (untimed) setup, and the one timed call builds the validator and validates the seed's full example, paying
 * for class loading, Hibernate Validator's bootstrap and its metadata, with nothing warmed up.
 *
 * <pre>mvn -B -o -Pbenchmarks -DskipTests verify -pl library-tests -am -Djmh.args="ValidationColdStartBenchmark"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class ValidationColdStartBenchmark {

  private CreateTrainingJobRequest seed;

  /** Reads the request: JSON reading is not part of the cost measured. */
  @Setup
  public void setUp() {
    seed = Requests.seed();
  }

  /**
   * The first validation in this JVM.
   *
   * @return the report
   */
  @Benchmark
  public ValidationReport firstValidation() {
    return TrainingJobValidator.standard().validate(seed);
  }
}
