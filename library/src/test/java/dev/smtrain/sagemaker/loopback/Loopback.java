package dev.smtrain.sagemaker.loopback;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** Real SDK clients for loopback endpoints, with static dummy credentials. */
public final class Loopback {

  private static final StaticCredentialsProvider DUMMY =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOOPBACKTEST", "loopback-secret"));

  private Loopback() {}

  /**
   * A SageMaker client with the SDK's standard retry policy.
   *
   * @param endpoint the loopback endpoint
   * @return the client
   */
  public static SageMakerClient sageMaker(URI endpoint) {
    return SageMakerClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(DUMMY)
        .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)).build();
  }

  /**
   * A SageMaker client that never retries.
   *
   * @param endpoint the loopback endpoint
   * @return the client
   */
  public static SageMakerClient sageMakerWithoutRetries(URI endpoint) {
    return SageMakerClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(DUMMY)
        .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build();
  }

  /**
   * A CloudWatch Logs client.
   *
   * @param endpoint the loopback endpoint
   * @return the client
   */
  public static CloudWatchLogsClient logs(URI endpoint) {
    return CloudWatchLogsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(DUMMY).build();
  }
}
