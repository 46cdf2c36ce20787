package dev.smtrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smtrain.local.engine.ContainerEngine;
import dev.smtrain.local.engine.EngineLabels;
import dev.smtrain.local.engine.EngineLocator;
import dev.smtrain.local.engine.EngineUnavailableException;
import dev.smtrain.local.engine.TarContext;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.model.json.TrainingJobJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code smtrain run --local} against a real engine, with a busybox image whose train script obeys MODE. */
@Tag("engine")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RunCommandTest {

  private static final String TRAIN = """
      #!/bin/sh
      echo "hello from $(hostname) as $TRAINING_JOB_NAME"
      echo "loss=0.125"
      echo "saved" > /opt/ml/model/model.txt
      if [ "$MODE" = fail ]; then echo "bad data in row 3" > /opt/ml/output/failure; exit 1; fi
      """;

  @TempDir
  static Path root;
  static ContainerEngine engine;
  static String image;

  @BeforeAll
  static void buildImage() {
    try {
      engine = ContainerEngine.connect(EngineLocator.defaults().locate().dockerHost());
    } catch (EngineUnavailableException e) {
      assumeTrue(false, e.getMessage());
    }
    image = "smtrain-cli-test:" + UUID.randomUUID().toString().substring(0, 8);
    TarContext ctx = TarContext.create()
        .file("Dockerfile", "FROM scratch\nCOPY rootfs/ /\nENV PATH=/bin\n")
        .directory("rootfs/bin")
        .directory("rootfs/tmp")
        .copy(Path.of("/bin/busybox"), "rootfs/bin/busybox")
        .symlink("rootfs/bin/sh", "busybox")
        .symlink("rootfs/bin/echo", "busybox")
        .symlink("rootfs/bin/hostname", "busybox")
        .file("rootfs/bin/train", TRAIN.getBytes(StandardCharsets.UTF_8), 0755);
    engine.buildImage(ctx, image, EngineLabels.managed());
  }

  @AfterAll
  static void removeImage() {
    if (engine != null) {
      engine.removeImage(image);
      engine.close();
    }
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = SmtrainCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  private static Path request(String name, String mode) throws IOException {
    return request(name, mode, "");
  }

  private static Path request(String name, String mode, String extraMembers) throws IOException {
    String json = """
        {"TrainingJobName": "%s",
         "AlgorithmSpecification": {"TrainingImage": "%s", "TrainingInputMode": "File",
           "MetricDefinitions": [{"Name": "loss", "Regex": "loss=([0-9.]+)"}]},
         "RoleArn": "arn:aws:iam::123456789012:role/SageMakerRole",
         "OutputDataConfig": {"S3OutputPath": "%s"},
         "ResourceConfig": {"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 1},
         "StoppingCondition": {"MaxRuntimeInSeconds": 600},
         %s
         "Environment": {"MODE": "%s"}}
        """.formatted(name, image, root.resolve("out").toUri(), extraMembers, mode);
    return Files.writeString(root.resolve(name + ".json"), json);
  }

  @Test
  void run_whenJobCompletes_printsDescriptionAndExitsZero() throws IOException {
    String name = "cli-ok-" + UUID.randomUUID().toString().substring(0, 8);

    Result r = run("run", "--local", "--grace-period", "5", request(name, "ok").toString());

    assertEquals(0, r.exit(), r.err());
    TrainingJobDescription d = TrainingJobJson.readDescription(r.out()).orElseThrow();
    assertEquals(TrainingJobStatus.COMPLETED, d.trainingJobStatus().orElseThrow());
    assertEquals(name, d.trainingJobName().orElseThrow());
    assertEquals(0.125f, d.finalMetricDataList().get(0).value().orElseThrow());
    assertTrue(r.err().contains("[algo-1] hello from algo-1 as " + name), r.err());
    assertTrue(Files.isRegularFile(root.resolve("out").resolve(name).resolve("output/model.tar.gz")));
  }

  @Test
  void run_whenJobFails_printsFailureReasonAndExitsOne() throws IOException {
    String name = "cli-fail-" + UUID.randomUUID().toString().substring(0, 8);

    Result r = run("run", "--local", request(name, "fail", "\"RetryStrategy\": {\"MaximumRetryAttempts\": 2},")
        .toString());

    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("RetryStrategy: ignored by the local runner"), r.err());
    TrainingJobDescription d = TrainingJobJson.readDescription(r.out()).orElseThrow();
    assertEquals(TrainingJobStatus.FAILED, d.trainingJobStatus().orElseThrow());
    assertEquals("bad data in row 3", d.failureReason().orElseThrow());
  }

  @Test
  void run_whenRequestIsInvalid_namesTheProblemAndExitsOne() throws IOException {
    Path bad = Files.writeString(root.resolve("bad.json"), "{\"TrainingJobName\": \"x\", \"Nope\": 1}");

    Result r = run("run", "--local", bad.toString());

    assertEquals(1, r.exit());
    assertTrue(r.err().contains("Nope"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void run_whenLocalIsMissing_isAUsageErrorNamingTheOption() {
    Result r = run("run", "whatever.json");

    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--local"), r.err());
  }
}
