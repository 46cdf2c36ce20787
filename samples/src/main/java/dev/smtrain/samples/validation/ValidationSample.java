package dev.smtrain.samples.validation;

import dev.smtrain.model.AlgorithmSpecification;
import dev.smtrain.model.Channel;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.OutputDataConfig;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.StoppingCondition;
import dev.smtrain.model.Tag;
import dev.smtrain.model.TrainingInputMode;
import dev.smtrain.model.TrainingInstanceType;
import dev.smtrain.validation.Severity;
import dev.smtrain.validation.TrainingJobValidator;
import dev.smtrain.validation.ValidationReport;
import dev.smtrain.validation.ValidationRule;
import dev.smtrain.validation.Violation;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The validation sample: a request with the mistakes people make, and the report the validator gives back
 * before anything is sent. Every problem is reported at once, each with the member's wire path
 * ({@code ResourceConfig.InstanceCount}), what was expected, and a code to match on. A rule of the team's own
 * ({@link #TEAM_TAG}) runs beside the built-in ones.
 *
 * <p>Run with {@code java -cp samples/target/smtrain.jar dev.smtrain.samples.validation.ValidationSample}.
 */
public final class ValidationSample {

  /** A rule of the user's own: every job carries a {@code team} tag, for cost reports. */
  public static final ValidationRule TEAM_TAG = (request, target, report) -> {
    boolean tagged = request.hasTags() && request.tags().stream()
        .anyMatch(t -> t.key().filter("team"::equals).isPresent());
    if (!tagged) {
      report.accept(Violation.of("Tags", "acme.team-tag", Severity.ERROR,
          "every job needs a 'team' tag for the cost report; add .addTag(Tag.of(\"team\", \"...\"))"));
    }
  };

  private ValidationSample() {}

  /**
   * Prints the report for {@link #requestWithMistakes()}.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    print(validator().validate(requestWithMistakes()), System.out);
  }

  /**
   * The validator the sample uses: SageMaker's rules plus {@link #TEAM_TAG}. Build it once and share it.
   *
   * @return the validator
   */
  public static TrainingJobValidator validator() {
    return TrainingJobValidator.builder().addRule(TEAM_TAG).build();
  }

  /**
   * A request with typical mistakes: a job name SageMaker refuses, both an image and an algorithm name, an
   * HTTP URI where S3 is expected, no instances, a zero-second runtime, a secret in the environment and no
   * {@code team} tag.
   *
   * @return the request
   */
  public static CreateTrainingJobRequest requestWithMistakes() {
    return CreateTrainingJobRequest.builder()
        .trainingJobName("churn_model_v2")
        .roleArn("arn:aws:iam::123456789012:role/SageMakerTraining")
        .algorithmSpecification(AlgorithmSpecification.builder()
            .trainingImage("123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:2")
            .algorithmName("xgboost")
            .trainingInputMode(TrainingInputMode.FILE)
            .build())
        .addInputDataConfig(Channel.s3("train", "s3:/acme-ml/churn/train/"))
        .addInputDataConfig(Channel.s3("train", "s3://acme-ml/churn/validation/"))
        .outputDataConfig(OutputDataConfig.s3("s3://acme-ml/churn/output/"))
        .resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_M5_XLARGE, 2, 0))
        .stoppingCondition(StoppingCondition.maxRuntime(Duration.ZERO))
        .putEnvironment("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        .putHyperParameter("max_depth", "")
        .addTag(Tag.of("project", "churn"))
        .build();
  }

  /**
   * Prints a report, one violation per line, errors first.
   *
   * @param report the report
   * @param out where to print
   */
  public static void print(ValidationReport report, PrintStream out) {
    out.println(report.isValid() ? "valid" : "invalid: " + report.errors().size() + " error(s), "
        + report.warnings().size() + " warning(s)");
    report.errors().forEach(v -> out.println("  " + v + "  [" + v.code() + "]"));
    report.warnings().forEach(v -> out.println("  " + v + "  [" + v.code() + "]"));
  }
}
