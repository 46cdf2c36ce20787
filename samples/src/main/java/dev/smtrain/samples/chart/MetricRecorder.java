package dev.smtrain.samples.chart;

import dev.smtrain.executor.MetricEvent;
import dev.smtrain.executor.TrainingJobListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a job's metric values as the executor reads them, for {@link MetricChart#of(String, List)}.
 * Attach it when submitting; thread-safe.
 *
 * <pre>{@code
 * MetricRecorder metrics = new MetricRecorder();
 * TrainingJob job = executor.submit(request, metrics);
 * job.awaitCompletion(Duration.ofHours(1));
 * MetricChart.of(job.name(), metrics.events()).writePng(Path.of("metrics.png"));
 * }</pre>
 */
public final class MetricRecorder implements TrainingJobListener {

  private final List<MetricEvent> events = new ArrayList<>();

  /** Creates an empty recorder. */
  public MetricRecorder() {}

  @Override
  public synchronized void onMetric(MetricEvent event) {
    events.add(event);
  }

  /**
   * Every metric value seen so far, in arrival order.
   *
   * @return a copy of the events
   */
  public synchronized List<MetricEvent> events() {
    return List.copyOf(events);
  }

  /**
   * The values seen so far, per metric name (in the order metrics first appeared), each in arrival order.
   *
   * @return metric name to values, a copy
   */
  public synchronized Map<String, List<Double>> series() {
    return group(events);
  }

  static Map<String, List<Double>> group(List<MetricEvent> events) {
    Map<String, List<Double>> series = new LinkedHashMap<>();
    for (MetricEvent e : events) {
      series.computeIfAbsent(e.metricName(), k -> new ArrayList<>()).add(e.value());
    }
    return series;
  }
}
