package dev.smtrain.bench;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.json.TrainingJobJson;
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
 * Warm cost of validating the seed's full example (every member set) against the baseline of serializing the
 * same request to its JSON wire form, in the same run. The ratio validate / serialize is what the README
 * reports.
 *
 * <pre>mvn -B -o -Pbenchmarks -DskipTests verify -pl library-tests -am -Djmh.args="ValidationBenchmark -f 1 -wi 3 -i 5"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {

  private CreateTrainingJobRequest seed;
  private CreateTrainingJobRequest minimal;
  private TrainingJobValidator validator;

  /** Reads the requests and builds the validator once. */
  @Setup
  public void setUp() {
    seed = Requests.seed();
    minimal = Requests.minimal();
    validator = TrainingJobValidator.standard();
  }

  /**
   * Validates the seed's full example.
   *
   * @return the report
   */
  @Benchmark
  public ValidationReport validateSeed() {
    return validator.validate(seed);
  }

  /**
   * The baseline: serializes the seed's full example to JSON.
   *
   * @return the JSON
   */
  @Benchmark
  public String serializeSeedBaseline() {
    return TrainingJobJson.write(seed);
  }

  /**
   * Validates the minimal request, for scale.
   *
   * @return the report
   */
  @Benchmark
  public ValidationReport validateMinimal() {
    return validator.validate(minimal);
  }
}
