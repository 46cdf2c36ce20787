package dev.smtrain.samples.progress;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.MetricEvent;
import dev.smtrain.executor.StatusEvent;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.model.TrainingJobStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A plain-text progress view of a training job for a terminal or a JShell session: one line per status
 * transition, a line of the latest metric values when the job reports a new round of them (at most one such
 * line per {@link #DEFAULT_METRICS_EVERY} of job time, so a fast loop does not flood the screen), and, when
 * the job ends, its last metrics and the tail of its log.
 *
 * <p>Only plain lines are written (no cursor movement), so the output reads the same in a terminal, in
 * JShell, in a CI log and in a file. Attach it when submitting, or later with
 * {@link dev.smtrain.executor.TrainingJob#addListener}:
 *
 * <pre>{@code
 * TrainingJob job = executor.submit(request, ConsoleProgress.to(System.out));
 * job.awaitCompletion(Duration.ofHours(1));
 * }</pre>
 *
 * <p>Thread-safe: executors call listeners from their own threads.
 */
public final class ConsoleProgress implements TrainingJobListener {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** The least job time between two printed metric lines, unless chosen otherwise. */
  public static final Duration DEFAULT_METRICS_EVERY = Duration.ofSeconds(5);

  private final PrintStream out;
  private final int tailLines;
  private final boolean followLog;
  private final Duration metricsEvery;
  private Instant roundTime;
  private Instant lastPrinted;
  private final Map<String, Double> latest = new LinkedHashMap<>();
  private final Map<String, Double> round = new LinkedHashMap<>();
  private final Deque<String> tail = new ArrayDeque<>();

  private ConsoleProgress(PrintStream out, int tailLines, boolean followLog, Duration metricsEvery) {
    this.out = Objects.requireNonNull(out, "out");
    if (tailLines < 0) {
      throw new IllegalArgumentException("tailLines must be 0 or more, was " + tailLines);
    }
    if (metricsEvery.isNegative()) {
      throw new IllegalArgumentException("metricsEvery must not be negative, was " + metricsEvery);
    }
    this.tailLines = tailLines;
    this.followLog = followLog;
    this.metricsEvery = metricsEvery;
  }

  /**
   * A view that prints status changes and metrics as they come, and the last 10 log lines when the job ends.
   *
   * @param out where to print, e.g. {@code System.out}
   * @return the listener
   */
  public static ConsoleProgress to(PrintStream out) {
    return new ConsoleProgress(out, 10, false, DEFAULT_METRICS_EVERY);
  }

  /**
   * A view with a chosen log tail, optionally also printing every log line as it comes.
   *
   * @param out where to print
   * @param tailLines how many of the last log lines to print when the job ends (0 for none)
   * @param followLog whether to print each log line as it arrives too
   * @return the listener
   * @throws IllegalArgumentException when {@code tailLines} is negative
   */
  public static ConsoleProgress to(PrintStream out, int tailLines, boolean followLog) {
    return new ConsoleProgress(out, tailLines, followLog, DEFAULT_METRICS_EVERY);
  }

  /**
   * A view with a chosen log tail, log following and spacing of metric lines.
   *
   * @param out where to print
   * @param tailLines how many of the last log lines to print when the job ends (0 for none)
   * @param followLog whether to print each log line as it arrives too
   * @param metricsEvery the least job time (by the metrics' timestamps) between two printed metric lines;
   *     {@link Duration#ZERO} prints every round
   * @return the listener
   * @throws IllegalArgumentException when {@code tailLines} or {@code metricsEvery} is negative
   */
  public static ConsoleProgress to(PrintStream out, int tailLines, boolean followLog, Duration metricsEvery) {
    return new ConsoleProgress(out, tailLines, followLog, Objects.requireNonNull(metricsEvery, "metricsEvery"));
  }

  @Override
  public synchronized void onStatusChange(StatusEvent event) {
    StringBuilder line = new StringBuilder()
        .append('[').append(TIME.format(event.time())).append("] ")
        .append(event.trainingJobName()).append(": ")
        .append(event.status() == null ? "?" : event.status().value());
    if (event.secondaryStatus() != null) {
      line.append(" / ").append(event.secondaryStatus().value());
    }
    if (event.statusMessage() != null && !event.statusMessage().isBlank()) {
      line.append(" - ").append(event.statusMessage().strip());
    }
    out.println(line);
    if (isTerminal(event.status())) {
      round.clear();
      if (!latest.isEmpty()) {
        out.println("  final metrics: " + format(latest));
      }
      if (!tail.isEmpty()) {
        out.println("  last " + tail.size() + " log line" + (tail.size() == 1 ? "" : "s") + ":");
        tail.forEach(l -> out.println("  | " + l));
      }
    }
    out.flush();
  }

  @Override
  public synchronized void onMetric(MetricEvent event) {
    if (round.containsKey(event.metricName())) {
      flushRound();
    }
    if (round.isEmpty()) {
      roundTime = event.timestamp();
    }
    round.put(event.metricName(), event.value());
    latest.put(event.metricName(), event.value());
  }

  @Override
  public synchronized void onLogLine(LogEvent event) {
    if (followLog) {
      out.println("  " + event.stream() + " | " + event.message());
      out.flush();
    }
    if (tailLines > 0) {
      if (tail.size() == tailLines) {
        tail.removeFirst();
      }
      tail.addLast(event.message());
    }
  }

  /**
   * The latest value of each metric seen so far, in the order the metrics first appeared.
   *
   * @return metric name to value, a copy
   */
  public synchronized Map<String, Double> latestMetrics() {
    return new LinkedHashMap<>(latest);
  }

  /**
   * The last log lines seen so far, oldest first.
   *
   * @return at most {@code tailLines} lines, a copy
   */
  public synchronized List<String> logTail() {
    return new ArrayList<>(tail);
  }

  private void flushRound() {
    boolean due = lastPrinted == null || roundTime == null
        || !roundTime.isBefore(lastPrinted.plus(metricsEvery));
    if (!round.isEmpty() && due) {
      out.println("  metrics: " + format(round));
      out.flush();
      lastPrinted = roundTime;
    }
    round.clear();
  }

  private static boolean isTerminal(TrainingJobStatus status) {
    return status == TrainingJobStatus.COMPLETED || status == TrainingJobStatus.FAILED
        || status == TrainingJobStatus.STOPPED;
  }

  private static String format(Map<String, Double> metrics) {
    StringBuilder s = new StringBuilder();
    metrics.forEach((name, value) -> {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append(name).append('=').append(formatValue(value));
    });
    return s.toString();
  }

  private static String formatValue(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.4g", value);
  }
}
