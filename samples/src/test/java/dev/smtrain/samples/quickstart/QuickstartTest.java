package dev.smtrain.samples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtrain.local.LocalExecutor;
import dev.smtrain.local.engine.EngineLocator;
import dev.smtrain.model.MetricData;
import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.SecondaryStatusTransition;
import dev.smtrain.model.TrainingJobDescription;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job, end to end on a real engine (DOCKER_HOST or the usual sockets). */
@Tag("engine")
class QuickstartTest {

  @TempDir
  Path work;

  @Test
  void run_whenEngineReachable_trainsModelAndWritesArtifactsAndChart() throws Exception {
    // Fails with the locator's list of places tried when no engine answers.
    String engine = EngineLocator.defaults().locate().dockerHost();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Quickstart.Result result;
    try (LocalExecutor local = LocalExecutor.builder().dockerHost(engine).build()) {
      result = Quickstart.run(local, engine, work, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    TrainingJobDescription d = result.description();

    assertTrue(result.completed(), printed);
    assertEquals(
        java.util.List.of(SecondaryStatus.STARTING, SecondaryStatus.DOWNLOADING, SecondaryStatus.TRAINING,
            SecondaryStatus.UPLOADING, SecondaryStatus.COMPLETED),
        d.secondaryStatusTransitions().stream().map(SecondaryStatusTransition::status)
            .map(s -> s.orElse(null)).toList(), printed);
    Map<String, Float> metrics = d.finalMetricDataList().stream()
        .collect(Collectors.toMap(m -> m.metricName().orElseThrow(), m -> m.value().orElseThrow()));
    assertTrue(metrics.get("validation_accuracy") >= 0.8f, metrics.toString());
    assertTrue(metrics.get("train_loss") < 0.4f, metrics.toString());

    JsonNode model = new ObjectMapper().readTree(result.modelJson());
    assertEquals("logistic-regression", model.get("algorithm").asText());
    assertTrue(model.get("coefficients").get(0).asDouble() > 0, model.toString());
    assertEquals(metrics.get("validation_accuracy"), model.get("validation_accuracy").floatValue(), 1e-4);
    String jobName = d.trainingJobName().orElseThrow();
    assertTrue(Files.isRegularFile(work.resolve("output").resolve(jobName).resolve("output/model.tar.gz")));

    assertTrue(printed.contains(jobName + ": InProgress / Training"), printed);
    assertTrue(printed.contains("  metrics: train_loss="), printed);
    assertTrue(printed.contains("model.json: {\"algorithm\":\"logistic-regression\""), printed);
    BufferedImage png = ImageIO.read(result.chartPng().toFile());
    assertNotNull(png);
    assertEquals(800, png.getWidth());
    assertTrue(Files.readString(result.chartHtml()).contains("<td>validation_accuracy</td>"));
    for (MetricData m : d.finalMetricDataList()) {
      assertTrue(printed.contains(m.metricName().orElseThrow()), printed);
    }
  }
}
