package dev.smtrain.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.SmtrainException;
import dev.smtrain.executor.ResourceNotFoundException;
import dev.smtrain.executor.TrainingJobExecutor;
import dev.smtrain.executor.TrainingJobExecutorProvider;
import dev.smtrain.sagemaker.loopback.ScriptedExecutor;
import dev.smtrain.server.SageMakerEndpoint;
import dev.smtrain.validation.ValidationTarget;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SageMakerExecutorProviderTest {

  private static final Map<String, String> CREDENTIALS = Map.of("aws.accessKeyId", "AKIDPROVIDERTEST",
      "aws.secretAccessKey", "provider-test-secret");
  private final Map<String, String> saved = new HashMap<>();

  @BeforeEach
  void setCredentials() {
    CREDENTIALS.forEach((k, v) -> {
      saved.put(k, System.getProperty(k));
      System.setProperty(k, v);
    });
  }

  @AfterEach
  void restore() {
    saved.forEach((k, v) -> {
      if (v == null) {
        System.clearProperty(k);
      } else {
        System.setProperty(k, v);
      }
    });
  }

  private static TrainingJobExecutorProvider provider() {
    return ServiceLoader.load(TrainingJobExecutorProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("sagemaker")).findFirst().orElseThrow();
  }

  @Test
  void create_whenFoundByServiceLoaderWithEndpointAndRegion_talksToThatEndpoint() {
    try (SageMakerEndpoint endpoint = SageMakerEndpoint.start(new ScriptedExecutor());
        TrainingJobExecutor executor = provider().create(Map.of(SageMakerExecutorProvider.ENDPOINT_URL,
            endpoint.uri().toString(), SageMakerExecutorProvider.REGION, "eu-west-1"))) {

      assertEquals(ValidationTarget.SAGEMAKER, executor.validationTarget());
      assertEquals("eu-west-1", ((SageMakerExecutor) executor).sageMakerClient().serviceClientConfiguration()
          .region().id());
      assertThrows(ResourceNotFoundException.class, () -> executor.describe("nobody"));
    }
  }

  @Test
  void create_whenEndpointIsNotAUrl_namesTheSetting() {
    SmtrainException e = assertThrows(SmtrainException.class, () -> provider().create(Map.of(
        SageMakerExecutorProvider.ENDPOINT_URL, "localhost:8080", SageMakerExecutorProvider.REGION, "eu-west-1")));

    assertTrue(e.getMessage().startsWith("setting sagemaker.endpoint-url must be an http or https URL"),
        e.getMessage());
  }
}
