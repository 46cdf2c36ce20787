package dev.smtrain.samples.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.model.Tag;
import dev.smtrain.validation.ValidationReport;
import dev.smtrain.validation.Violation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ValidationSampleTest {

  @Test
  void validate_whenRequestWithMistakes_reportsEveryMistakeAtItsWirePath() {
    ValidationReport report = ValidationSample.validator().validate(ValidationSample.requestWithMistakes());

    Set<String> found = report.errors().stream().map(v -> v.path() + " " + v.code()).collect(Collectors.toSet());
    assertEquals(Set.of(
        "TrainingJobName string.pattern",
        "AlgorithmSpecification.AlgorithmName algorithm.image-and-name",
        "InputDataConfig[0].DataSource.S3DataSource.S3Uri string.pattern",
        "InputDataConfig[1].ChannelName channel.duplicate-name",
        "ResourceConfig.VolumeSizeInGB number.too-small",
        "StoppingCondition.MaxRuntimeInSeconds number.too-small",
        "Environment[AWS_SECRET_ACCESS_KEY] secret.secret-access-key",
        "Tags acme.team-tag"), found);
    assertFalse(report.isValid());
  }

  @Test
  void validate_whenMistakesFixed_isValid() {
    var fixed = ValidationSample.requestWithMistakes().toBuilder()
        .trainingJobName("churn-model-v2")
        .algorithmSpecification(a -> a.trainingImage("123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:2")
            .trainingInputMode(dev.smtrain.model.TrainingInputMode.FILE))
        .inputDataConfig(List.of(
            dev.smtrain.model.Channel.s3("train", "s3://acme-ml/churn/train/"),
            dev.smtrain.model.Channel.s3("validation", "s3://acme-ml/churn/validation/")))
        .resourceConfig(r -> r.instanceType(dev.smtrain.model.TrainingInstanceType.ML_M5_XLARGE)
            .instanceCount(2).volumeSizeInGB(30))
        .stoppingCondition(dev.smtrain.model.StoppingCondition.maxRuntime(java.time.Duration.ofHours(2)))
        .environment(java.util.Map.of())
        .addTag(Tag.of("team", "growth"))
        .build();

    ValidationReport report = ValidationSample.validator().validate(fixed);

    assertTrue(report.isValid(), report.toString());
  }

  @Test
  void print_whenReportHasSecret_neverEchoesTheSecretValue() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ValidationSample.print(ValidationSample.validator().validate(ValidationSample.requestWithMistakes()),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.startsWith("invalid: 8 error(s), 0 warning(s)"), printed);
    assertTrue(printed.contains("  Tags: every job needs a 'team' tag"), printed);
    assertFalse(printed.contains("wJalrXUtnFEMI"), printed);
    for (Violation v : ValidationSample.validator().validate(ValidationSample.requestWithMistakes()).errors()) {
      assertTrue(printed.contains(v.path() + ": " + v.message()), v.toString());
    }
  }
}
