package dev.smtrain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.model.json.TrainingJobJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildersTest {

  static CreateTrainingJobRequest sample() {
    return CreateTrainingJobRequest.builder()
        .trainingJobName("churn")
        .roleArn("arn:aws:iam::123456789012:role/SageMakerRole")
        .algorithmSpecification(a -> a.trainingImage("img:1").trainingInputMode(TrainingInputMode.FILE)
            .addMetricDefinition(MetricDefinition.of("loss", "loss=([0-9.]+)")))
        .addInputDataConfig(Channel.s3("train", "s3://bucket/train/"))
        .addInputDataConfig(c -> c.channelName("validation")
            .dataSource(d -> d.s3DataSource(s -> s.s3DataType(S3DataType.S3_PREFIX).s3Uri("s3://bucket/val/"))))
        .outputDataConfig(OutputDataConfig.s3("s3://bucket/out"))
        .resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_M5_XLARGE, 1, 10))
        .stoppingCondition(StoppingCondition.maxRuntime(Duration.ofHours(1)))
        .putHyperParameter("epochs", "10")
        .putEnvironment("TOKEN", "super-secret-value")
        .addTag(Tag.of("team", "ml"))
        .build();
  }

  @Test
  void builders_readLikeTheSdk_andToBuilderCopies() {
    CreateTrainingJobRequest r = sample();
    CreateTrainingJobRequest copy = r.toBuilder().trainingJobName("churn-2").build();

    assertEquals("churn", r.trainingJobName().orElseThrow());
    assertEquals("churn-2", copy.trainingJobName().orElseThrow());
    assertEquals(r.inputDataConfig(), copy.inputDataConfig());
    assertEquals(2, r.inputDataConfig().size());
    assertEquals("s3://bucket/train/",
        r.inputDataConfig().get(0).dataSource().orElseThrow().s3DataSource().orElseThrow().s3Uri().orElseThrow());
    assertEquals(r, TrainingJobJson.readRequest(TrainingJobJson.write(r)).orElseThrow());
  }

  @Test
  void collections_areImmutable() {
    CreateTrainingJobRequest r = sample();
    assertThrows(UnsupportedOperationException.class, () -> r.inputDataConfig().add(Channel.s3("x", "s3://b/x")));
    assertThrows(UnsupportedOperationException.class, () -> r.hyperParameters().put("a", "b"));
  }

  @Test
  void toString_redactsEnvironmentAndHyperParameters() {
    String text = sample().toString();
    assertFalse(text.contains("super-secret-value"), text);
    assertTrue(text.contains("churn"), text);
  }

  @Test
  void absentMembers_areEmptyOptionals_andNullCollections() {
    CreateTrainingJobRequest r = CreateTrainingJobRequest.builder().build();
    assertFalse(r.trainingJobName().isPresent());
    assertFalse(r.hasInputDataConfig());
    assertEquals(null, r.inputDataConfig());
    assertEquals(List.of(), CreateTrainingJobRequest.builder().inputDataConfig(List.of()).build().inputDataConfig());
  }
}
