package dev.smtrain.sagemaker;

import dev.smtrain.SmtrainException;
import dev.smtrain.executor.TrainingJobExecutor;
import dev.smtrain.executor.TrainingJobExecutorProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * Makes {@link SageMakerExecutor}s for {@code SMTRAIN_EXECUTOR=sagemaker}. Settings (all optional; the SDK's
 * default chains fill in the rest):
 * <ul>
 *   <li>{@code sagemaker.endpoint-url}: SageMaker endpoint override, such as {@code http://127.0.0.1:8080}</li>
 *   <li>{@code sagemaker.region}: the region, such as {@code eu-west-1}</li>
 *   <li>{@code logs.endpoint-url}: CloudWatch Logs endpoint override</li>
 * </ul>
 */
public final class SageMakerExecutorProvider implements TrainingJobExecutorProvider {

  /** The setting naming the SageMaker endpoint override. */
  public static final String ENDPOINT_URL = "sagemaker.endpoint-url";
  /** The setting naming the region. */
  public static final String REGION = "sagemaker.region";
  /** The setting naming the CloudWatch Logs endpoint override. */
  public static final String LOGS_ENDPOINT_URL = "logs.endpoint-url";

  /** Made by {@link java.util.ServiceLoader}. */
  public SageMakerExecutorProvider() {}

  @Override
  public String name() {
    return "sagemaker";
  }

  @Override
  public TrainingJobExecutor create(Map<String, String> settings) {
    SageMakerExecutor.Builder builder = SageMakerExecutor.builder();
    String endpoint = settings.get(ENDPOINT_URL);
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(uri(ENDPOINT_URL, endpoint));
    }
    String logs = settings.get(LOGS_ENDPOINT_URL);
    if (logs != null && !logs.isBlank()) {
      builder.logsEndpointOverride(uri(LOGS_ENDPOINT_URL, logs));
    }
    String region = settings.get(REGION);
    if (region != null && !region.isBlank()) {
      builder.region(Region.of(region.trim()));
    }
    return builder.build();
  }

  private static URI uri(String setting, String value) {
    try {
      URI uri = new URI(value.trim());
      if (uri.getScheme() == null || uri.getHost() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new SmtrainException("setting " + setting + " must be an http or https URL such as "
            + "http://127.0.0.1:8080, got '" + value + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new SmtrainException("setting " + setting + " is not a URL: " + e.getMessage(), e);
    }
  }
}
