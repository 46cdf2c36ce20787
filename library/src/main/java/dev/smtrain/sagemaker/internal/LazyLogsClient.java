package dev.smtrain.sagemaker.internal;

import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The CloudWatch Logs client, given by the user or made on first use (most callers never read logs).
 * Closes only a client it made.
 */
public final class LazyLogsClient implements Supplier<CloudWatchLogsClient>, AutoCloseable {

  private final Supplier<CloudWatchLogsClient> factory;
  private final boolean owned;
  private CloudWatchLogsClient client;

  private LazyLogsClient(CloudWatchLogsClient given, Supplier<CloudWatchLogsClient> factory) {
    this.client = given;
    this.factory = factory;
    this.owned = given == null;
  }

  /**
   * A holder of a user's client, which it never closes.
   *
   * @param client the client
   * @return the holder
   */
  public static LazyLogsClient given(CloudWatchLogsClient client) {
    return new LazyLogsClient(client, null);
  }

  /**
   * A holder that makes its client on first use and closes it.
   *
   * @param factory makes the client
   * @return the holder
   */
  public static LazyLogsClient lazy(Supplier<CloudWatchLogsClient> factory) {
    return new LazyLogsClient(null, factory);
  }

  @Override
  public synchronized CloudWatchLogsClient get() {
    if (client == null) {
      client = factory.get();
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (owned && client != null) {
      client.close();
      client = null;
    }
  }
}
