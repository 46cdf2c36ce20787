package dev.smtrain.local.internal;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.TrainingInputMode;
import dev.smtrain.model.TrainingInstanceType;

/** Requests for the local runner's unit tests. */
final class Requests {

  private Requests() {}

  static CreateTrainingJobRequest.Builder valid(String name) {
    return CreateTrainingJobRequest.builder()
        .trainingJobName(name)
        .roleArn("arn:aws:iam::123456789012:role/SageMakerRole")
        .algorithmSpecification(a -> a.trainingImage("example/train:1").trainingInputMode(TrainingInputMode.FILE))
        .resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_M5_XLARGE, 1, 10))
        .outputDataConfig(o -> o.s3OutputPath("file:///tmp/out"))
        .stoppingCondition(s -> s.maxRuntimeInSeconds(60));
  }
}
