package dev.smtrain.samples.chart;

import dev.smtrain.executor.MetricEvent;
import dev.smtrain.model.MetricData;
import dev.smtrain.model.TrainingJobDescription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * A picture of a training job's metrics, drawn with XChart: a line per metric over the values the job
 * reported (collected by a {@link MetricRecorder} during the run), or, when only the final description is
 * at hand, a bar per metric of its {@code FinalMetricDataList}. Written as a PNG, or as one self-contained
 * HTML file (the PNG inlined, plus a table of the values) that a notebook user can open anywhere.
 *
 * <pre>{@code
 * MetricChart.of(description, recorder.events()).writePng(Path.of("metrics.png"));
 * }</pre>
 */
public final class MetricChart {

  private static final int WIDTH = 800;
  private static final int HEIGHT = 480;

  private final String title;
  private final Map<String, List<Double>> series;
  private final Map<String, Double> finals;

  private MetricChart(String title, Map<String, List<Double>> series, Map<String, Double> finals) {
    this.title = title;
    this.series = series;
    this.finals = finals;
  }

  /**
   * A line chart of metric values collected during a run.
   *
   * @param title the chart's title, typically the job name
   * @param events the metric events, e.g. {@link MetricRecorder#events()}
   * @return the chart
   * @throws IllegalArgumentException when there are no events
   */
  public static MetricChart of(String title, List<MetricEvent> events) {
    Objects.requireNonNull(title, "title");
    Map<String, List<Double>> series = seriesOf(events);
    if (series.isEmpty()) {
      throw new IllegalArgumentException("no metric values to chart for " + title
          + ": the job reported none (does AlgorithmSpecification.MetricDefinitions match its output?)");
    }
    return new MetricChart(title, series, lastValues(series));
  }

  /**
   * A bar chart of a finished job's {@code FinalMetricDataList}.
   *
   * @param description the job's description
   * @return the chart
   * @throws IllegalArgumentException when the description has no final metrics
   */
  public static MetricChart of(TrainingJobDescription description) {
    return of(description, List.of());
  }

  /**
   * A chart of a finished job: a line per metric from {@code events} when there are any, otherwise a bar
   * per metric of the description's {@code FinalMetricDataList}.
   *
   * @param description the job's description (its name is the title)
   * @param events metric events collected during the run, possibly empty
   * @return the chart
   * @throws IllegalArgumentException when there is neither an event nor a final metric
   */
  public static MetricChart of(TrainingJobDescription description, List<MetricEvent> events) {
    Objects.requireNonNull(description, "description");
    String title = description.trainingJobName().orElse("training job");
    if (!events.isEmpty()) {
      return of(title, events);
    }
    Map<String, Double> finals = new LinkedHashMap<>();
    List<MetricData> finalMetrics =
        description.hasFinalMetricDataList() ? description.finalMetricDataList() : List.of();
    for (MetricData m : finalMetrics) {
      if (m.metricName().isPresent() && m.value().isPresent()) {
        finals.put(m.metricName().get(), m.value().get().doubleValue());
      }
    }
    if (finals.isEmpty()) {
      throw new IllegalArgumentException("no metric values to chart for " + title
          + ": FinalMetricDataList is empty and no metric events were given");
    }
    return new MetricChart(title, Map.of(), finals);
  }

  static Map<String, List<Double>> seriesOf(List<MetricEvent> events) {
    Objects.requireNonNull(events, "events");
    return MetricRecorder.group(events);
  }

  /**
   * The chart's title.
   *
   * @return the title
   */
  public String title() {
    return title;
  }

  /**
   * The values drawn as lines, per metric (empty for a bar chart of final values).
   *
   * @return metric name to values in the order reported
   */
  public Map<String, List<Double>> series() {
    return series;
  }

  /**
   * The last value of each metric: the series' last points, or the final metrics.
   *
   * @return metric name to value
   */
  public Map<String, Double> finalValues() {
    return finals;
  }

  /**
   * Renders the chart as a PNG image.
   *
   * @return the PNG bytes
   */
  public byte[] toPng() {
    try {
      return BitmapEncoder.getBitmapBytes(chart(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the chart of " + title + " as PNG", e);
    }
  }

  /**
   * Writes the chart as a PNG file. The file appears complete or not at all.
   *
   * @param file where to write, e.g. {@code metrics.png}
   * @return {@code file}
   */
  public Path writePng(Path file) {
    return writeAtomically(file, toPng());
  }

  /**
   * The chart as one self-contained HTML page: the PNG inlined and a table of the last values.
   *
   * @return the HTML text
   */
  public String toHtml() {
    StringBuilder rows = new StringBuilder();
    finals.forEach((name, value) -> rows.append("<tr><td>").append(escape(name)).append("</td><td>")
        .append(String.format(Locale.ROOT, "%.6g", value)).append("</td>")
        .append(series.isEmpty() ? "" : "<td>" + series.get(name).size() + "</td>").append("</tr>\n"));
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        + "<title>" + escape(title) + " metrics</title>\n"
        + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        + "td,th{border:1px solid #ccc;padding:.3em .8em;text-align:right}td:first-child{text-align:left}</style>\n"
        + "</head><body>\n<h1>" + escape(title) + "</h1>\n"
        + "<img alt=\"metrics of " + escape(title) + "\" width=\"" + WIDTH + "\" height=\"" + HEIGHT
        + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(toPng()) + "\">\n"
        + "<table><tr><th>metric</th><th>" + (series.isEmpty() ? "final value" : "last value")
        + "</th>" + (series.isEmpty() ? "" : "<th>values</th>") + "</tr>\n" + rows + "</table>\n"
        + "</body></html>\n";
  }

  /**
   * Writes {@link #toHtml()} to a file. The file appears complete or not at all.
   *
   * @param file where to write, e.g. {@code metrics.html}
   * @return {@code file}
   */
  public Path writeHtml(Path file) {
    return writeAtomically(file, toHtml().getBytes(StandardCharsets.UTF_8));
  }

  private Chart<?, ?> chart() {
    if (series.isEmpty()) {
      CategoryChart bars = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
          .xAxisTitle("metric").yAxisTitle("final value").build();
      bars.getStyler().setLegendVisible(false);
      bars.getStyler().setLabelsVisible(true);
      bars.addSeries("final", new ArrayList<>(finals.keySet()), new ArrayList<>(finals.values()));
      return bars;
    }
    XYChart lines = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("step (n-th value reported)").yAxisTitle("value").build();
    lines.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    lines.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    lines.getStyler().setMarkerSize(4);
    series.forEach((name, values) -> {
      List<Integer> x = IntStream.rangeClosed(1, values.size()).boxed().toList();
      lines.addSeries(name, x, values);
    });
    return lines;
  }

  private static Map<String, Double> lastValues(Map<String, List<Double>> series) {
    Map<String, Double> last = new LinkedHashMap<>();
    series.forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
    return last;
  }

  private static Path writeAtomically(Path file, byte[] content) {
    Path target = file.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
      try {
        Files.write(tmp, content);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
