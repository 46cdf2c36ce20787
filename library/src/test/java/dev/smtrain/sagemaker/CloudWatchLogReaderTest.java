package dev.smtrain.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.sagemaker.internal.CloudWatchLogReader;
import dev.smtrain.sagemaker.loopback.CloudWatchLogsEndpoint;
import dev.smtrain.sagemaker.loopback.Loopback;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

class CloudWatchLogReaderTest {

  private static List<String> messages(List<LogEvent> events) {
    return events.stream().map(LogEvent::message).toList();
  }

  @Test
  void readNew_whenLinesAreAppendedBetweenReads_returnsOnlyTheNewOnes() throws Exception {
    try (CloudWatchLogsEndpoint logs = new CloudWatchLogsEndpoint(2);
        CloudWatchLogsClient client = Loopback.logs(logs.uri())) {
      CloudWatchLogReader reader = new CloudWatchLogReader(() -> client, "job");
      logs.append("job/algo-1-1", 1000, "one\n");
      logs.append("job/algo-1-1", 2000, "two\r\n");
      logs.append("job/algo-1-1", 3000, "three");

      List<LogEvent> first = reader.readNew();
      logs.append("job/algo-1-1", 4000, "four");
      logs.append("job/algo-2-1", 4000, "other host");
      List<LogEvent> second = reader.readNew();
      List<LogEvent> third = reader.readNew();

      assertEquals(List.of("one", "two", "three"), messages(first));
      assertEquals(Instant.ofEpochMilli(1000), first.get(0).timestamp());
      assertEquals("job", first.get(0).trainingJobName());
      assertEquals(List.of("four", "other host"), messages(second));
      assertEquals(List.of(), third);
    }
  }

  @Test
  void readNew_whenTheJobHasNoStreamYet_returnsNothing() throws Exception {
    try (CloudWatchLogsEndpoint logs = new CloudWatchLogsEndpoint(2);
        CloudWatchLogsClient client = Loopback.logs(logs.uri())) {
      logs.append("another-job/algo-1-1", 1000, "not ours");

      assertEquals(List.of(), new CloudWatchLogReader(() -> client, "job").readNew());
    }
  }
}
