package dev.smtrain.validation;

import static dev.smtrain.validation.Requests.lines;
import static dev.smtrain.validation.Requests.minimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.model.Channel;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.S3DataType;
import dev.smtrain.model.TrainingInputMode;
import dev.smtrain.model.VpcConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingJobValidatorTest {

  private final TrainingJobValidator validator = TrainingJobValidator.standard();

  private static Violation only(ValidationReport report) {
    assertEquals(1, report.violations().size(), report::toString);
    return report.violations().get(0);
  }

  @Test
  void validate_whenMinimalRequest_thenNoViolations() {
    ValidationReport report = validator.validate(minimal());
    assertEquals(List.of(), report.violations());
    assertTrue(report.isValid());
  }

  @Test
  void validate_whenRequiredOptionalMemberEmpty_thenRequiredAtWirePath() {
    Violation v = only(validator.validate(minimal().toBuilder().roleArn(java.util.Optional.empty()).build()));
    assertEquals("RoleArn", v.path());
    assertEquals("required", v.code());
    assertEquals(Severity.ERROR, v.severity());
  }

  @Test
  void validate_whenNestedRequiredMissing_thenPathThroughStructures() {
    CreateTrainingJobRequest r = minimal().toBuilder()
        .resourceConfig(minimal().resourceConfig().get().toBuilder().volumeSizeInGB(java.util.Optional.empty()).build())
        .build();
    assertEquals(List.of("ResourceConfig.VolumeSizeInGB required ERROR"), lines(validator.validate(r)));
  }

  @Test
  void validate_whenStringTooLong_thenLimitAndLengthInMessageWithoutValue() {
    String name = "a".repeat(70);
    Violation v = only(validator.validate(minimal().toBuilder().trainingJobName(name).build()));
    assertEquals("TrainingJobName", v.path());
    assertEquals("string.too-long", v.code());
    assertEquals("63 characters at most, got 70", v.message());
  }

  @Test
  void validate_whenListElementInvalid_thenIndexedPath() {
    CreateTrainingJobRequest r = minimal().toBuilder()
        .addInputDataConfig(Channel.s3("train", "s3://bucket/train/"))
        .addInputDataConfig(Channel.s3("test", "ftp://bucket/test/"))
        .build();
    Violation v = only(validator.validate(r));
    assertEquals("InputDataConfig[1].DataSource.S3DataSource.S3Uri", v.path());
    assertEquals("string.pattern", v.code());
    assertFalse(v.message().contains("ftp"), v.message());
  }

  @Test
  void validate_whenMapKeyAndValueInvalid_thenKeyInBrackets() {
    CreateTrainingJobRequest r = minimal().toBuilder()
        .putHyperParameter("learning_rate", "x".repeat(2501))
        .putEnvironment("9LIVES", "ok")
        .build();
    assertEquals(List.of("Environment[9LIVES] key.pattern ERROR", "HyperParameters[learning_rate] string.too-long ERROR"),
        lines(validator.validate(r)));
  }

  @Test
  void validate_whenListElementStringInvalid_thenIndexedElementPath() {
    CreateTrainingJobRequest r = minimal().toBuilder()
        .vpcConfig(VpcConfig.builder().addSecurityGroupId("sg-1").addSubnet("subnet-1").addSubnet("bad_subnet").build())
        .build();
    assertTrue(lines(validator.validate(r)).contains("VpcConfig.Subnets[1] string.pattern ERROR"),
        () -> validator.validate(r).toString());
  }

  @Test
  void validate_whenEnumUnknownToLibrary_thenEnumUnknown() {
    CreateTrainingJobRequest r = minimal().toBuilder()
        .algorithmSpecification(minimal().algorithmSpecification().get().toBuilder()
            .trainingInputMode(TrainingInputMode.fromValue("Streaming")).build())
        .build();
    Violation v = only(validator.validate(r));
    assertEquals("AlgorithmSpecification.TrainingInputMode", v.path());
    assertEquals("enum.unknown", v.code());
    assertTrue(v.message().contains("[Pipe, File, FastFile]"), v.message());
  }

  @Test
  void validate_whenMegabyteStrings_thenLengthViolationsOnlyAndNoException() {
    String huge = "a-".repeat(512 * 1024);
    CreateTrainingJobRequest r = minimal().toBuilder()
        .trainingJobName(huge)
        .roleArn(huge)
        .addTag(t -> t.key(huge).value(huge))
        .putEnvironment("K", huge)
        .addInputDataConfig(c -> c.channelName(huge).dataSource(d -> d.s3DataSource(s -> s
            .s3DataType(S3DataType.S3_PREFIX).s3Uri("s3://" + huge))))
        .build();
    List<String> lines = lines(validator.validate(r));
    assertEquals(List.of(
        "Environment[K] string.too-long ERROR",
        "InputDataConfig[0].ChannelName string.too-long ERROR",
        "InputDataConfig[0].DataSource.S3DataSource.S3Uri string.too-long ERROR",
        "RoleArn string.too-long ERROR",
        "Tags[0].Key string.too-long ERROR",
        "Tags[0].Value string.too-long ERROR",
        "TrainingJobName string.too-long ERROR"), lines);
  }

  @Test
  void validate_whenUserRuleReports_thenItsViolationIsInTheReport() {
    TrainingJobValidator withRule = TrainingJobValidator.builder()
        .addRule((request, target, report) -> {
          if (request.tags() == null || request.tags().stream().noneMatch(t -> t.key().orElse("").equals("cost-center"))) {
            report.accept(Violation.error("Tags", "tags.cost-center", "every job carries a cost-center tag"));
          }
        })
        .build();
    assertEquals(List.of("Tags tags.cost-center ERROR"), lines(withRule.validate(minimal())));
    assertTrue(withRule.validate(minimal().toBuilder().addTag(t -> t.key("cost-center").value("ml")).build()).isValid());
  }

  @Test
  void validate_whenUserRuleThrows_thenRuleFailedViolationNotException() {
    TrainingJobValidator withRule = TrainingJobValidator.builder()
        .addRule((request, target, report) -> {
          throw new IllegalStateException("secret-value-123");
        })
        .build();
    Violation v = only(withRule.validate(minimal()));
    assertEquals("rule.failed", v.code());
    assertEquals("", v.path());
    assertFalse(v.message().contains("secret-value-123"), v.message());
  }

  @Test
  void validateJson_whenReadingProblemsAndViolations_thenAllInOneReportWithoutDuplicateRequired() {
    String json = Requests.text("/requests/minimal.json")
        .replace("\"TrainingJobName\": \"minimal\"", "\"TrainingJobName\": 42, \"Colour\": \"blue\"")
        .replace("\"File\"", "\"Streaming\"")
        .replace("\"VolumeSizeInGB\": 1", "\"VolumeSizeInGB\": 0");
    assertEquals(List.of(
        "TrainingJobName json.wrong-type ERROR",
        "Colour json.unknown-member ERROR",
        "AlgorithmSpecification.TrainingInputMode json.unknown-enum-value ERROR",
        "ResourceConfig.VolumeSizeInGB number.too-small ERROR"),
        lines(validator.validateJson(json)));
  }

  @Test
  void validateJson_whenNotJson_thenMalformedAtRoot() {
    Violation v = only(validator.validateJson("{\"TrainingJobName\": "));
    assertEquals("", v.path());
    assertEquals("json.malformed", v.code());
  }

  @Test
  void validate_whenHyperParametersAtModelLimits_thenValid() {
    CreateTrainingJobRequest r = minimal().toBuilder()
        .hyperParameters(Map.of("k".repeat(256), "v".repeat(2500)))
        .build();
    assertTrue(validator.validate(r).isValid(), () -> validator.validate(r).toString());
  }

  @Test
  void validate_whenMoreThan100HyperParameters_thenMapTooMany() {
    CreateTrainingJobRequest.Builder b = minimal().toBuilder();
    for (int i = 0; i <= 100; i++) {
      b.putHyperParameter("p" + i, "1");
    }
    Violation v = only(validator.validate(b.build()));
    assertEquals("HyperParameters", v.path());
    assertEquals("map.too-many", v.code());
    assertEquals("100 entries at most, got 101", v.message());
  }
}
