package dev.smtrain.testing;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.MetricDefinition;
import dev.smtrain.model.OutputDataConfig;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.StoppingCondition;
import dev.smtrain.model.TrainingInputMode;
import dev.smtrain.model.TrainingInstanceType;
import java.time.Duration;

/** Valid requests for the executor and fake tests. */
public final class TestRequests {

  private TestRequests() {}

  /**
   * A minimal valid request: one ml.m5.xlarge, one hour of MaxRuntime, output to {@code s3://bucket/output}.
   *
   * @param name the job name
   * @return the request
   */
  public static CreateTrainingJobRequest valid(String name) {
    return builder(name).build();
  }

  /**
   * A builder holding a minimal valid request.
   *
   * @param name the job name
   * @return the builder
   */
  public static CreateTrainingJobRequest.Builder builder(String name) {
    return CreateTrainingJobRequest.builder()
        .trainingJobName(name)
        .roleArn("arn:aws:iam::123456789012:role/SageMakerRole")
        .algorithmSpecification(a -> a.trainingImage("123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:1")
            .trainingInputMode(TrainingInputMode.FILE)
            .addMetricDefinition(MetricDefinition.of("validation:auc", "auc=([0-9.]+)")))
        .outputDataConfig(OutputDataConfig.s3("s3://bucket/output"))
        .resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_M5_XLARGE, 1, 10))
        .stoppingCondition(StoppingCondition.maxRuntime(Duration.ofHours(1)));
  }
}
