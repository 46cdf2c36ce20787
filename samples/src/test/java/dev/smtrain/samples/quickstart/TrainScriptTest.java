package dev.smtrain.samples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the image's {@code train} script with the host's busybox (the same binary the image holds), with
 * {@code /opt/ml} moved to a temporary directory, to check the algorithm itself without an engine.
 */
class TrainScriptTest {

  private static final Pattern METRICS = Pattern.compile(
      "epoch=(\\d+) train_loss=([0-9.]+) validation_loss=([0-9.]+) validation_accuracy=([0-9.]+)");

  @TempDir
  Path ml;

  private Path busybox;

  @BeforeEach
  void setUp() throws IOException {
    busybox = QuickstartImage.BUSYBOX.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    assumeTrue(busybox != null, "busybox is not installed on this machine");
    QuickstartFiles.copyDataSet(ml.resolve("input"));
    Files.createDirectories(ml.resolve("input/config"));
  }

  private record Run(int exitCode, String output) {}

  private Run train(String hyperparameters) throws IOException, InterruptedException {
    Files.writeString(ml.resolve("input/config/hyperparameters.json"), hyperparameters);
    Path script = ml.resolve("train.sh");
    Files.write(script, QuickstartFiles.resource("train"));
    ProcessBuilder pb = new ProcessBuilder(busybox.toString(), "sh", script.toString()).redirectErrorStream(true);
    pb.environment().put("SMTRAIN_ML_ROOT", ml.toString());
    pb.environment().put("PATH", "/nonexistent");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "train did not end");
    return new Run(p.exitValue(), out);
  }

  @Test
  void train_whenDataSetGiven_fitsTheGeneratingModel() throws Exception {
    Run run = train("{\"epochs\": \"100\", \"learning_rate\": \"2.0\"}");

    assertEquals(0, run.exitCode(), run.output());
    List<double[]> epochs = new ArrayList<>();
    Matcher m = METRICS.matcher(run.output());
    while (m.find()) {
      epochs.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
          Double.parseDouble(m.group(4))});
    }
    assertEquals(100, epochs.size(), run.output());
    assertEquals(0.6931, epochs.get(0)[1], 1e-4, "initial log loss is ln 2");
    double lastLoss = epochs.get(99)[1];
    assertTrue(lastLoss < 0.40, "loss went down to " + lastLoss);
    assertTrue(epochs.get(99)[2] >= 0.80, "validation accuracy " + epochs.get(99)[2]);

    JsonNode model = new ObjectMapper().readTree(ml.resolve("model/model.json").toFile());
    double b0 = model.get("intercept").asDouble();
    double b1 = model.get("coefficients").get(0).asDouble();
    double b2 = model.get("coefficients").get(1).asDouble();
    // the data were drawn from 0.12 exam1 + 0.10 exam2 - 15: same signs, similar ratios
    assertTrue(b0 < -8 && b1 > 0.06 && b2 > 0.04, model.toString());
    assertEquals(1.2, b1 / b2, 0.35, model.toString());
    assertEquals(epochs.get(99)[2], model.get("validation_accuracy").asDouble(), 1e-9);
    assertEquals(101, Files.readAllLines(ml.resolve("output/data/predictions.csv")).size());
    assertTrue(Files.notExists(ml.resolve("output/failure")));
  }

  @Test
  void train_whenHyperparameterInvalid_writesFailureAndExits1() throws Exception {
    Run run = train("{\"epochs\": \"ten\"}");

    assertEquals(1, run.exitCode(), run.output());
    String failure = Files.readString(ml.resolve("output/failure"));
    assertTrue(failure.contains("hyperparameter epochs must be an integer") && failure.contains("'ten'"), failure);
  }

  @Test
  void train_whenChannelMissing_namesTheChannel() throws Exception {
    Files.delete(ml.resolve("input/data/validation/validation.csv"));

    Run run = train("{}");

    assertEquals(1, run.exitCode(), run.output());
    assertEquals("channel validation has no .csv file\n", Files.readString(ml.resolve("output/failure")));
  }
}
