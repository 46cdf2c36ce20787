package dev.smtrain.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.OutputCompressionType;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.sagemaker.internal.SameDefinition;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SameDefinitionTest {

  private static TrainingJobDescription echo(CreateTrainingJobRequest request) {
    return TrainingJobJson.readDescription(TrainingJobJson.write(request)).value().orElseThrow().toBuilder()
        .trainingJobArn("arn:aws:sagemaker:us-east-1:123456789012:training-job/x")
        .trainingJobStatus(TrainingJobStatus.IN_PROGRESS).build();
  }

  @Test
  void firstDifference_whenDescriptionEchoesTheRequest_isEmpty() throws IOException {
    CreateTrainingJobRequest seed = SdkMappingTest.seed();

    assertEquals(Optional.empty(), SameDefinition.firstDifference(seed, echo(seed)));
  }

  @Test
  void firstDifference_whenServiceFilledInDefaults_isEmpty() throws IOException {
    CreateTrainingJobRequest minimal =
        TrainingJobJson.readRequest(SdkMappingTest.resource("/requests/minimal.json")).orElseThrow();
    TrainingJobDescription withDefaults = echo(minimal).toBuilder().enableNetworkIsolation(false)
        .outputDataConfig(o -> o.s3OutputPath("s3://bucket/output").compressionType(OutputCompressionType.GZIP))
        .build();

    assertEquals(Optional.empty(), SameDefinition.firstDifference(minimal, withDefaults));
  }

  @Test
  void firstDifference_whenANestedMemberDiffers_namesItsPath() throws IOException {
    CreateTrainingJobRequest seed = SdkMappingTest.seed();
    CreateTrainingJobRequest other = seed.toBuilder().resourceConfig(seed.resourceConfig().orElseThrow().toBuilder()
        .volumeSizeInGB(51).build()).build();

    assertEquals(Optional.of("ResourceConfig.VolumeSizeInGB"), SameDefinition.firstDifference(other, echo(seed)));
  }

  @Test
  void firstDifference_whenAHyperParameterDiffers_namesTheMap() throws IOException {
    CreateTrainingJobRequest seed = SdkMappingTest.seed();
    CreateTrainingJobRequest other = seed.toBuilder().putHyperParameter("eta", "0.3").build();

    assertEquals(Optional.of("HyperParameters.eta"), SameDefinition.firstDifference(other, echo(seed)));
  }

  @Test
  void firstDifference_whenOnlyTagsDiffer_isEmptyBecauseDescribeDoesNotEchoTags() throws IOException {
    CreateTrainingJobRequest seed = SdkMappingTest.seed();
    CreateTrainingJobRequest other = seed.toBuilder().addTag(t -> t.key("k").value("v")).build();

    assertEquals(Optional.empty(), SameDefinition.firstDifference(other, echo(seed)));
  }
}
