package dev.smtrain.validation;

import static dev.smtrain.validation.Requests.lines;
import static dev.smtrain.validation.Requests.minimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.model.Channel;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.DebugRuleConfiguration;
import dev.smtrain.model.OutputDataConfig;
import dev.smtrain.model.TrainingInstanceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTargetTest {

  private static CreateTrainingJobRequest withFileUris() {
    return minimal().toBuilder()
        .addInputDataConfig(Channel.s3("train", "file:///data/train"))
        .outputDataConfig(OutputDataConfig.s3("file:///tmp/output"))
        .checkpointConfig(c -> c.s3Uri("file:///tmp/checkpoints"))
        .debugHookConfig(d -> d.s3OutputPath("file:///tmp/debug"))
        .tensorBoardOutputConfig(t -> t.s3OutputPath("file:///tmp/tensorboard"))
        .profilerConfig(p -> p.s3OutputPath("file:///tmp/profiler"))
        .build();
  }

  @Test
  void validate_whenFileUrisForSageMaker_thenFileSchemeErrors() {
    assertEquals(List.of(
        "CheckpointConfig.S3Uri uri.file-scheme ERROR",
        "DebugHookConfig.S3OutputPath uri.file-scheme ERROR",
        "InputDataConfig[0].DataSource.S3DataSource.S3Uri uri.file-scheme ERROR",
        "OutputDataConfig.S3OutputPath uri.file-scheme ERROR",
        "ProfilerConfig.S3OutputPath uri.file-scheme ERROR",
        "TensorBoardOutputConfig.S3OutputPath uri.file-scheme ERROR"),
        lines(TrainingJobValidator.standard().validate(withFileUris())));
  }

  @Test
  void validate_whenFileUrisForLocal_thenValid() {
    ValidationReport report = TrainingJobValidator.forTarget(ValidationTarget.LOCAL).validate(withFileUris());
    assertEquals(List.of(), lines(report));
  }

  @Test
  void validate_whenTargetArgumentOverridesDefault_thenThatTargetApplies() {
    assertTrue(TrainingJobValidator.standard().validate(withFileUris(), ValidationTarget.LOCAL).isValid());
    assertTrue(!TrainingJobValidator.forTarget(ValidationTarget.LOCAL)
        .validate(withFileUris(), ValidationTarget.SAGEMAKER).isValid());
  }

  @Test
  void validate_whenRelativeFileUriForLocal_thenError() {
    CreateTrainingJobRequest r = minimal().toBuilder().addInputDataConfig(Channel.s3("train", "file:data")).build();
    assertEquals(List.of("InputDataConfig[0].DataSource.S3DataSource.S3Uri uri.file-scheme ERROR"),
        lines(TrainingJobValidator.forTarget(ValidationTarget.LOCAL).validate(r)));
  }

  @Test
  void validate_whenFileUriInMemberTheRunnerDoesNotRead_thenErrorEvenLocally() {
    DebugRuleConfiguration rule = DebugRuleConfiguration.builder().ruleConfigurationName("loss")
        .ruleEvaluatorImage("rules:latest").s3OutputPath("file:///tmp/rules").build();
    CreateTrainingJobRequest r = minimal().toBuilder().addDebugRuleConfiguration(rule).build();
    assertEquals(List.of("DebugRuleConfigurations[0].S3OutputPath string.pattern ERROR",
        "DebugRuleConfigurations local.ignored WARNING"),
        lines(TrainingJobValidator.forTarget(ValidationTarget.LOCAL).validate(r)));
  }

  @Test
  void validate_whenMembersTheLocalRunnerIgnores_thenWarningsLocallyOnly() {
    CreateTrainingJobRequest r = minimal().toBuilder()
        .vpcConfig(v -> v.addSecurityGroupId("sg-1").addSubnet("subnet-1"))
        .outputDataConfig(o -> o.s3OutputPath("s3://bucket/out").kmsKeyId("alias/key"))
        .resourceConfig(minimal().resourceConfig().get().toBuilder().volumeKmsKeyId("alias/key").build())
        .addProfilerRuleConfiguration(p -> p.ruleConfigurationName("cpu").ruleEvaluatorImage("rules:latest"))
        .build();
    assertEquals(List.of(), lines(TrainingJobValidator.standard().validate(r)));
    ValidationReport local = TrainingJobValidator.forTarget(ValidationTarget.LOCAL).validate(r);
    assertEquals(List.of("VpcConfig local.ignored WARNING", "OutputDataConfig.KmsKeyId local.ignored WARNING",
        "ResourceConfig.VolumeKmsKeyId local.ignored WARNING", "ProfilerRuleConfigurations local.ignored WARNING"),
        lines(local));
    assertTrue(local.isValid());
  }

  @Test
  void validate_whenLocalInstanceType_thenValidLocallyOnly() {
    CreateTrainingJobRequest r = minimal().toBuilder()
        .resourceConfig(minimal().resourceConfig().get().toBuilder().instanceType(TrainingInstanceType.of("local")).build())
        .build();
    assertEquals(List.of(), lines(TrainingJobValidator.forTarget(ValidationTarget.LOCAL).validate(r)));
    assertEquals(List.of("ResourceConfig.InstanceType instance-type.malformed ERROR"),
        lines(TrainingJobValidator.standard().validate(r)));
  }

  @Test
  void validate_whenNvmeKmsKeyLocally_thenWarningNotError() {
    CreateTrainingJobRequest r = minimal().toBuilder()
        .resourceConfig(minimal().resourceConfig().get().toBuilder()
            .instanceType(TrainingInstanceType.of("ml.g5.xlarge")).volumeKmsKeyId("alias/key").build())
        .build();
    assertEquals(List.of("ResourceConfig.VolumeKmsKeyId local.ignored WARNING"),
        lines(TrainingJobValidator.forTarget(ValidationTarget.LOCAL).validate(r)));
  }
}
