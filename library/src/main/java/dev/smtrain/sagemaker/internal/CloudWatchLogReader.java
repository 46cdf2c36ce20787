package dev.smtrain.sagemaker.internal;

import dev.smtrain.executor.LogEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Reads one training job's CloudWatch log: the streams {@code <job>/algo-<n>-<epoch>} of the group
 * {@code /aws/sagemaker/TrainingJobs}, each from its head, paging with {@code nextForwardToken}. Remembers
 * where each stream was left, so that {@link #readNew()} returns only lines not yet returned. Not thread-safe.
 */
public final class CloudWatchLogReader {

  /** The log group SageMaker writes training jobs' output to. */
  public static final String LOG_GROUP = "/aws/sagemaker/TrainingJobs";

  private static final Logger LOG = LoggerFactory.getLogger(CloudWatchLogReader.class);
  /** A bound on one read, so that a stream written faster than it is read cannot hold a reader forever. */
  private static final int MAX_PAGES_PER_READ = 10_000;

  private final Supplier<CloudWatchLogsClient> client;
  private final String jobName;
  private final Map<String, String> forwardTokens = new HashMap<>();

  /**
   * A reader positioned at the start of every stream.
   *
   * @param client the client, made on first use
   * @param jobName the training job
   */
  public CloudWatchLogReader(Supplier<CloudWatchLogsClient> client, String jobName) {
    this.client = Objects.requireNonNull(client, "client");
    this.jobName = Objects.requireNonNull(jobName, "jobName");
  }

  /**
   * The lines written since the last call, stream by stream in stream-name order, each stream in time order.
   * A job that has not written a line yet (no log group or stream) has none.
   *
   * @return the new lines
   * @throws SdkException when CloudWatch Logs refuses a call
   */
  public List<LogEvent> readNew() {
    List<LogEvent> out = new ArrayList<>();
    for (String stream : streams()) {
      readStream(stream, out);
    }
    return out;
  }

  private List<String> streams() {
    List<String> names = new ArrayList<>();
    String next = null;
    do {
      String token = next;
      DescribeLogStreamsResponse page;
      try {
        page = client.get().describeLogStreams(r -> r.logGroupName(LOG_GROUP)
            .logStreamNamePrefix(jobName + "/").nextToken(token));
      } catch (ResourceNotFoundException e) {
        LOG.debug("no log group {} yet for training job {}", LOG_GROUP, jobName);
        return names;
      }
      for (LogStream s : page.logStreams()) {
        names.add(s.logStreamName());
      }
      next = page.nextToken();
    } while (next != null && !next.isEmpty());
    names.sort(null);
    return names;
  }

  private void readStream(String stream, List<LogEvent> out) {
    String token = forwardTokens.get(stream);
    for (int pages = 0; pages < MAX_PAGES_PER_READ; pages++) {
      String sent = token;
      GetLogEventsResponse page;
      try {
        page = client.get().getLogEvents(r -> r.logGroupName(LOG_GROUP).logStreamName(stream)
            .startFromHead(true).nextToken(sent));
      } catch (ResourceNotFoundException e) {
        LOG.debug("log stream {} of training job {} is gone", stream, jobName);
        return;
      }
      for (OutputLogEvent e : page.events()) {
        Instant at = e.timestamp() == null ? Instant.EPOCH : Instant.ofEpochMilli(e.timestamp());
        out.add(new LogEvent(jobName, stream, at, stripLineEnd(e.message())));
      }
      String next = page.nextForwardToken();
      if (next != null) {
        token = next;
        forwardTokens.put(stream, next);
      }
      // CloudWatch Logs returns the token it was given once the stream's end is reached; an empty page with a
      // new token is not the end.
      if (next == null || next.equals(sent)) {
        return;
      }
    }
    LOG.debug("log stream {} has more than {} pages; the rest follows on the next read", stream,
        MAX_PAGES_PER_READ);
  }

  private static String stripLineEnd(String message) {
    if (message == null) {
      return "";
    }
    int end = message.length();
    while (end > 0 && (message.charAt(end - 1) == '\n' || message.charAt(end - 1) == '\r')) {
      end--;
    }
    return message.substring(0, end);
  }
}
