package dev.smtrain.samples.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.executor.MetricEvent;
import dev.smtrain.model.MetricData;
import dev.smtrain.model.TrainingJobDescription;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricChartTest {

  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir
  Path dir;

  private static List<MetricEvent> run(int epochs) {
    MetricRecorder recorder = new MetricRecorder();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      recorder.onMetric(new MetricEvent("job-1", "train_loss", 1.0 / epoch, T0.plusSeconds(epoch)));
      recorder.onMetric(new MetricEvent("job-1", "accuracy", 1 - 0.5 / epoch, T0.plusSeconds(epoch)));
    }
    return recorder.events();
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertTrue(image != null, "not a readable image");
    return image;
  }

  @Test
  void writePng_whenEventsRecorded_writesReadableImageWithALinePerMetric() throws IOException {
    MetricChart chart = MetricChart.of("job-1", run(10));

    Path png = chart.writePng(dir.resolve("charts/metrics.png"));

    BufferedImage image = decode(Files.readAllBytes(png));
    assertEquals(800, image.getWidth());
    assertEquals(480, image.getHeight());
    assertEquals(List.of("train_loss", "accuracy"), new ArrayList<>(chart.series().keySet()));
    assertEquals(10, chart.series().get("accuracy").size());
    assertEquals(Map.of("train_loss", 0.1, "accuracy", 0.95), chart.finalValues());
    try (var files = Files.list(png.getParent())) {
      assertEquals(List.of(png), files.toList(), "no temporary files left behind");
    }
  }

  @Test
  void toPng_whenSeriesDiffer_drawsDifferentPictures() throws IOException {
    byte[] short1 = MetricChart.of("job-1", run(3)).toPng();
    byte[] long1 = MetricChart.of("job-1", run(30)).toPng();

    int[] a = decode(short1).getRGB(0, 0, 800, 480, null, 0, 800);
    int[] b = decode(long1).getRGB(0, 0, 800, 480, null, 0, 800);
    assertTrue(!java.util.Arrays.equals(a, b), "the picture must depend on the data");
  }

  @Test
  void of_whenOnlyDescription_chartsFinalMetricDataList() throws IOException {
    TrainingJobDescription description = TrainingJobDescription.builder()
        .trainingJobName("job-2")
        .addFinalMetricDataList(MetricData.builder().metricName("validation_accuracy").value(0.93f).build())
        .addFinalMetricDataList(MetricData.builder().metricName("train_loss").value(0.21f).build())
        .build();

    MetricChart chart = MetricChart.of(description);

    assertEquals("job-2", chart.title());
    assertEquals(Map.of(), chart.series());
    assertEquals(0.93, chart.finalValues().get("validation_accuracy"), 1e-6);
    assertEquals(480, decode(chart.toPng()).getHeight());
  }

  @Test
  void writeHtml_whenWritten_isSelfContainedWithInlinedPngAndEscapedTitle() throws IOException {
    MetricChart chart = MetricChart.of("a<b&c", run(4));

    String html = Files.readString(chart.writeHtml(dir.resolve("metrics.html")));

    assertTrue(html.contains("<h1>a&lt;b&amp;c</h1>"), html);
    assertTrue(html.contains("<td>train_loss</td><td>0.250000</td><td>4</td>"), html);
    assertTrue(!html.contains("src=\"http") && !html.contains("<script"), "no external resources");
    Matcher m = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
    assertTrue(m.find(), "inlined PNG");
    assertArrayEquals(chart.toPng(), Base64.getDecoder().decode(m.group(1)));
  }

  @Test
  void of_whenNoMetrics_throwsNamingTheJobAndMember() {
    IllegalArgumentException fromEvents = assertThrows(IllegalArgumentException.class,
        () -> MetricChart.of("job-3", List.of()));
    assertTrue(fromEvents.getMessage().contains("job-3"), fromEvents.getMessage());
    assertTrue(fromEvents.getMessage().contains("MetricDefinitions"), fromEvents.getMessage());

    IllegalArgumentException fromDescription = assertThrows(IllegalArgumentException.class,
        () -> MetricChart.of(TrainingJobDescription.builder().trainingJobName("job-4").build()));
    assertTrue(fromDescription.getMessage().contains("FinalMetricDataList"), fromDescription.getMessage());
  }
}
