package dev.smtrain.samples.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.MetricEvent;
import dev.smtrain.executor.StatusEvent;
import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.TrainingJobStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static StatusEvent status(TrainingJobStatus s, SecondaryStatus s2, String message, int second) {
    return new StatusEvent("job-1", s, s2, message, T0.plusSeconds(second));
  }

  @Test
  void onStatusChange_whenTransition_printsTimeJobStatusAndMessage() {
    ConsoleProgress progress = ConsoleProgress.to(out);

    progress.onStatusChange(status(TrainingJobStatus.IN_PROGRESS, SecondaryStatus.DOWNLOADING,
        "Downloading input data", 3));

    assertEquals("[03:04:08] job-1: InProgress / Downloading - Downloading input data" + System.lineSeparator(),
        printed());
  }

  @Test
  void onMetric_whenMetricRepeats_printsPreviousRoundOnce() {
    ConsoleProgress progress = ConsoleProgress.to(out);

    progress.onMetric(new MetricEvent("job-1", "train_loss", 0.5, T0));
    progress.onMetric(new MetricEvent("job-1", "accuracy", 0.75, T0));
    assertEquals("", printed(), "a round is printed only when it is complete");
    progress.onMetric(new MetricEvent("job-1", "train_loss", 0.25, T0.plusSeconds(1)));

    assertEquals("  metrics: train_loss=0.5000 accuracy=0.7500" + System.lineSeparator(), printed());
    assertEquals(Map.of("train_loss", 0.25, "accuracy", 0.75), progress.latestMetrics());
  }

  @Test
  void onStatusChange_whenJobEnds_printsFinalMetricsAndLogTail() {
    ConsoleProgress progress = ConsoleProgress.to(out, 2, false);
    for (int i = 1; i <= 4; i++) {
      progress.onLogLine(new LogEvent("job-1", "algo-1", T0, "line " + i));
    }
    progress.onMetric(new MetricEvent("job-1", "epoch", 3, T0));

    progress.onStatusChange(status(TrainingJobStatus.FAILED, SecondaryStatus.FAILED, "AlgorithmError: boom", 9));

    String text = printed();
    assertTrue(text.contains("job-1: Failed / Failed - AlgorithmError: boom"), text);
    assertTrue(text.contains("  final metrics: epoch=3"), text);
    assertTrue(text.contains("  last 2 log lines:\n  | line 3\n  | line 4".replace("\n", System.lineSeparator())),
        text);
    assertFalse(text.contains("line 2"), text);
    assertEquals(List.of("line 3", "line 4"), progress.logTail());
  }

  @Test
  void onMetric_whenRoundsComeFast_printsAtMostOneLinePerInterval() {
    ConsoleProgress progress = ConsoleProgress.to(out, 0, false, java.time.Duration.ofSeconds(5));

    for (int epoch = 1; epoch <= 12; epoch++) {
      progress.onMetric(new MetricEvent("job-1", "epoch", epoch, T0.plusSeconds(epoch)));
    }
    progress.onStatusChange(status(TrainingJobStatus.COMPLETED, SecondaryStatus.COMPLETED, "", 13));

    String n = System.lineSeparator();
    assertEquals("  metrics: epoch=1" + n + "  metrics: epoch=6" + n + "  metrics: epoch=11" + n + "[03:04:18] job-1: Completed / Completed" + n
        + "  final metrics: epoch=12" + n, printed());
  }

  @Test
  void onLogLine_whenFollowing_printsEachLineWithItsStream() {
    ConsoleProgress progress = ConsoleProgress.to(out, 0, true);

    progress.onLogLine(new LogEvent("job-1", "algo-2", T0, "hello"));
    progress.onStatusChange(status(TrainingJobStatus.COMPLETED, SecondaryStatus.COMPLETED, "", 1));

    assertEquals("  algo-2 | hello" + System.lineSeparator() + "[03:04:06] job-1: Completed / Completed"
        + System.lineSeparator(), printed());
    assertEquals(List.of(), progress.logTail());
  }

  @Test
  void to_whenTailNegative_throwsNamingTheArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConsoleProgress.to(out, -1, false));
    assertTrue(e.getMessage().contains("tailLines"), e.getMessage());
  }
}
