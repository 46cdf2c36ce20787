package dev.smtrain.validation;

import static dev.smtrain.validation.Requests.lines;
import static dev.smtrain.validation.Requests.minimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.Tag;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {

  private static final String ACCESS_KEY_ID = "AKIA" + "IOSFODNN7EXAMPLE";
  private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY";
  private static final String PRIVATE_KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow==\n-----END RSA PRIVATE KEY-----";

  private final TrainingJobValidator validator = TrainingJobValidator.standard();

  @ParameterizedTest
  @CsvSource({
      "aws_key, AKIA_ID, secret.access-key-id",
      "session, ASIA_ID, secret.access-key-id",
      "aws_secret, SECRET_KEY, secret.secret-access-key",
      "cert, PRIVATE_KEY, secret.private-key",
      "db_password, hunter2, secret.password-literal",
      "hfToken, hf_abcdefghijklmnop, secret.password-literal",
      "API_KEY, abc123, secret.password-literal"})
  void validate_whenSecretInHyperParametersEnvironmentOrTags_thenErrorWithoutValue(String key, String value,
      String code) {
    String v = value.equals("AKIA_ID") ? ACCESS_KEY_ID : value.equals("ASIA_ID") ? "ASIA" + ACCESS_KEY_ID.substring(4)
        : value.equals("SECRET_KEY") ? SECRET_KEY : value.equals("PRIVATE_KEY") ? PRIVATE_KEY : value;
    String envKey = key.replaceAll("[^A-Za-z0-9_]", "_");
    CreateTrainingJobRequest r = minimal().toBuilder()
        .putHyperParameter(key, v)
        .putEnvironment(envKey, v)
        .addTag(Tag.of(key, v.length() <= 256 && !v.contains("\n") ? v : "x"))
        .build();
    ValidationReport report = validator.validate(r);
    List<String> expected = new java.util.ArrayList<>(List.of("Environment[" + envKey + "] " + code + " ERROR",
        "HyperParameters[" + key + "] " + code + " ERROR"));
    if (code.equals("secret.private-key")) {
      // the model's HyperParameterValue pattern (.*) refuses line breaks as well
      expected.add("HyperParameters[" + key + "] string.pattern ERROR");
    } else {
      expected.add("Tags[0].Value " + code + " ERROR");
    }
    List<String> got = lines(report);
    got.sort(null);
    expected.sort(null);
    assertEquals(expected, got);
    for (Violation violation : report.violations()) {
      assertFalse(violation.message().contains(v), violation::message);
      assertFalse(violation.toString().contains(v), violation::toString);
    }
  }

  @ParameterizedTest
  @CsvSource({
      "max_tokens, 512",
      "tokenizer, bert-base-uncased",
      "secret_name, prod/db",
      "password, ''",
      "use_auth_token, true",
      "db_password, arn:aws:secretsmanager:us-east-1:123456789012:secret:db",
      "git_sha, 0123456789abcdef0123456789abcdef01234567",
      "objective, binary:logistic"})
  void validate_whenNotASecret_thenNoViolation(String key, String value) {
    CreateTrainingJobRequest r = minimal().toBuilder().putHyperParameter(key, value == null ? "" : value).build();
    assertEquals(List.of(), lines(validator.validate(r)));
  }
}
