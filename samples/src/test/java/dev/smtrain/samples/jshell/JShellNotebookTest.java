package dev.smtrain.samples.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.local.engine.EngineLocator;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a notebook user does in JShell, in a real jshell process; the checks read what jshell printed. */
class JShellNotebookTest {

  @TempDir
  Path work;

  private static void assertNoJShellError(String output) {
    assertFalse(output.contains("Error:"), output);
    assertFalse(output.contains("Exception"), output);
    assertFalse(output.contains("cannot find symbol"), output);
  }

  @Test
  void notebook_whenBuildValidateAndRunOnFake_printsViolationsProgressAndChart() throws Exception {
    String output = JShellSession.run(work, """
        var request = CreateTrainingJobRequest.builder().
            trainingJobName("jshell-demo").
            roleArn("arn:aws:iam::123456789012:role/Notebook").
            algorithmSpecification(a -> a.trainingImage("123456789012.dkr.ecr.us-east-1.amazonaws.com/demo:1").
                trainingInputMode(TrainingInputMode.FILE)).
            addInputDataConfig(Channel.s3("train", "s3://acme-ml/demo/train/")).
            outputDataConfig(OutputDataConfig.s3("s3://acme-ml/demo/output/")).
            resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_M5_LARGE, 1, 0)).
            stoppingCondition(StoppingCondition.maxRuntime(Duration.ofMinutes(0))).
            build();
        report(request);
        var fixed = request.toBuilder().
            resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_M5_LARGE, 1, 10)).
            stoppingCondition(StoppingCondition.maxRuntime(Duration.ofHours(1))).
            build();
        report(fixed);
        var fake = fake();
        fake.script("jshell-demo", FakeOutcome.completes().withMetric("validation:accuracy", 0.93));
        var done = run(fake, fixed);
        System.out.println("STATUS=" + done.trainingJobStatus().get().value());
        System.out.println("RECORDED=" + fake.requests().names());
        chart(done);
        """);

    assertNoJShellError(output);
    assertTrue(output.contains("smtrain JShell: the public API is imported"), output);
    assertTrue(output.contains("invalid for SAGEMAKER: 2 error(s)"), output);
    assertTrue(output.contains("  ResourceConfig.VolumeSizeInGB: at least 1, got 0 (ERROR)"), output);
    assertTrue(output.contains("  StoppingCondition.MaxRuntimeInSeconds: at least 1, got 0 (ERROR)"), output);
    assertTrue(output.contains("valid for SAGEMAKER"), output);
    assertTrue(Pattern.compile("\\[\\d\\d:\\d\\d:\\d\\d] jshell-demo: InProgress / Training").matcher(output).find(),
        output);
    assertTrue(output.contains("jshell-demo: Completed / Completed"), output);
    assertTrue(output.contains("validation:accuracy=0.9300"), output);
    assertTrue(output.contains("STATUS=Completed"), output);
    assertTrue(output.contains("RECORDED=[jshell-demo]"), output);
    assertChart(output, "jshell-demo");
  }

  @Test
  void notebook_whenHelpersMisused_printsClearErrors() throws Exception {
    String output = JShellSession.run(work, """
        try { json("not a request"); } catch (IllegalArgumentException e) { System.out.println("ERR " + e.getMessage()); }
        try { request("{\\"TrainingJobNmae\\": \\"x\\"}"); } catch (RuntimeException e) { System.out.println("READ " + e.getClass().getSimpleName()); }
        help();
        """);

    assertTrue(output.contains("ERR json() prints a CreateTrainingJobRequest or a TrainingJobDescription, not String"),
        output);
    assertTrue(output.contains("TrainingJobNmae"), output);
    assertTrue(output.contains("READ JsonReadException"), output);
    assertTrue(output.contains("chart(description)"), output);
  }

  @Test
  @Tag("engine")
  void notebook_whenEngineReachable_runsTheQuickStartJobOnTheLocalRunner() throws Exception {
    String host = EngineLocator.defaults().locate().dockerHost();
    String output = JShellSession.run(work, """
        import dev.smtrain.samples.quickstart.Quickstart;
        var engine = "%s";
        var local = LocalExecutor.builder().dockerHost(engine).build();
        var job = Quickstart.prepare(engine, Path.of("quickstart"));
        report(job, ValidationTarget.LOCAL);
        var done = run(local, job);
        System.out.println("STATUS=" + done.trainingJobStatus().get().value());
        done.finalMetricDataList().forEach(m -> System.out.println("FINAL " + m.metricName().get() + "=" + m.value().get()));
        chart(done);
        local.close();
        """.formatted(host));

    assertNoJShellError(output);
    assertTrue(output.contains("valid for LOCAL"), output);
    assertTrue(output.contains(": InProgress / Training"), output);
    assertTrue(output.contains("STATUS=Completed"), output);
    Matcher accuracy = Pattern.compile("FINAL validation_accuracy=([0-9.]+)").matcher(output);
    assertTrue(accuracy.find(), output);
    assertTrue(Float.parseFloat(accuracy.group(1)) >= 0.8f, output);
    Matcher name = Pattern.compile("(quickstart-[0-9-]+): Completed / Completed").matcher(output);
    assertTrue(name.find(), output);
    assertChart(output, name.group(1));
  }

  private void assertChart(String output, String jobName) throws Exception {
    Path png = work.resolve(jobName + "-metrics.png");
    assertTrue(output.contains("chart: " + png.toRealPath()), output);
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, "readable PNG");
    assertEquals(800, image.getWidth());
    assertTrue(Files.readString(work.resolve(jobName + "-metrics.html")).contains("data:image/png;base64,"));
  }
}
