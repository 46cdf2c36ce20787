package dev.smtrain.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.SmtrainException;
import dev.smtrain.testing.FakeExecutor;
import dev.smtrain.testing.TestRequests;
import dev.smtrain.validation.ValidationTarget;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TrainingJobExecutorsTest {

  @Test
  void fromEnvironment_whenSystemPropertySaysFake_returnsAFake() {
    String before = System.getProperty(TrainingJobExecutors.PROPERTY);
    System.setProperty(TrainingJobExecutors.PROPERTY, "fake");
    try (TrainingJobExecutor executor = TrainingJobExecutors.fromEnvironment()) {
      assertInstanceOf(FakeExecutor.class, executor);
    } finally {
      if (before == null) {
        System.clearProperty(TrainingJobExecutors.PROPERTY);
      } else {
        System.setProperty(TrainingJobExecutors.PROPERTY, before);
      }
    }
  }

  @Test
  void fromConfiguration_whenEnvironmentVariableSaysFake_returnsAFakeWithItsSettings() {
    TrainingJobExecutor executor = TrainingJobExecutors.fromConfiguration(Map.of("SMTRAIN_EXECUTOR", "Fake",
        "SMTRAIN_FAKE_MAX__CONCURRENT__JOBS", "1", "SMTRAIN_FAKE_REGION", "eu-west-1"), new Properties());

    TrainingJob first = executor.submit(TestRequests.valid("a"));

    assertTrue(first.arn().startsWith("arn:aws:sagemaker:eu-west-1:"), first.arn());
    assertThrows(ResourceLimitExceededException.class, () -> executor.submit(TestRequests.valid("b")));
  }

  @Test
  void fromConfiguration_whenPropertyAndVariableDisagree_thePropertyWins() {
    Properties props = new Properties();
    props.setProperty("smtrain.executor", "fake");
    props.setProperty("smtrain.fake.validation-target", "local");

    TrainingJobExecutor executor = TrainingJobExecutors.fromConfiguration(
        Map.of("SMTRAIN_EXECUTOR", "no-such-kind", "SMTRAIN_FAKE_VALIDATION__TARGET", "sagemaker"), props);

    assertEquals(ValidationTarget.LOCAL, executor.validationTarget());
  }

  @Test
  void settings_whenBothSourcesSet_mapVariablesToDottedKeysAndPreferProperties() {
    Properties props = new Properties();
    props.setProperty("smtrain.sagemaker.endpoint-url", "http://from-property");
    props.setProperty("unrelated", "x");

    Map<String, String> s = TrainingJobExecutors.settings(Map.of("SMTRAIN_SAGEMAKER_ENDPOINT__URL", "http://from-env",
        "SMTRAIN_LOCAL_ENGINE", "podman", "SMTRAIN_EXECUTOR", "local", "PATH", "/bin"), props);

    assertEquals(Map.of("sagemaker.endpoint-url", "http://from-property", "local.engine", "podman"), s);
  }

  @Test
  void create_whenKindIsUnknown_listsTheAvailableKinds() {
    SmtrainException e = assertThrows(SmtrainException.class,
        () -> TrainingJobExecutors.create("sagemkr", Map.of()));

    assertTrue(e.getMessage().contains("unknown executor kind 'sagemkr'"), e.getMessage());
    for (String kind : TrainingJobExecutors.availableKinds()) {
      assertTrue(e.getMessage().contains(kind), e.getMessage());
    }
    assertTrue(e.getMessage().contains("fake") && e.getMessage().contains("SMTRAIN_EXECUTOR"), e.getMessage());
  }

  @Test
  void create_whenASettingIsMalformed_namesTheSetting() {
    SmtrainException e = assertThrows(SmtrainException.class,
        () -> TrainingJobExecutors.create("fake", Map.of("fake.max-concurrent-jobs", "many")));

    assertTrue(e.getMessage().contains("fake.max-concurrent-jobs") && e.getMessage().contains("'many'"),
        e.getMessage());
  }

  @Test
  void create_whenAFakeSettingIsUnknown_listsTheKnownOnes() {
    SmtrainException e = assertThrows(SmtrainException.class,
        () -> TrainingJobExecutors.create("fake", Map.of("fake.max-concurent-jobs", "2")));

    assertTrue(e.getMessage().contains("'fake.max-concurent-jobs'") && e.getMessage().contains("fake.max-concurrent-jobs"),
        e.getMessage());
  }

  @Test
  void availableKinds_always_includesTheFake() {
    assertTrue(TrainingJobExecutors.availableKinds().contains("fake"), TrainingJobExecutors.availableKinds()::toString);
  }
}
