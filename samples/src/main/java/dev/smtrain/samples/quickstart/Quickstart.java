package dev.smtrain.samples.quickstart;

import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobExecutor;
import dev.smtrain.local.LocalExecutor;
import dev.smtrain.local.engine.EngineLocator;
import dev.smtrain.local.engine.EngineUnavailableException;
import dev.smtrain.model.AlgorithmSpecification;
import dev.smtrain.model.Channel;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.MetricData;
import dev.smtrain.model.MetricDefinition;
import dev.smtrain.model.OutputDataConfig;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.StoppingCondition;
import dev.smtrain.model.TrainingInputMode;
import dev.smtrain.model.TrainingInstanceType;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.samples.chart.MetricChart;
import dev.smtrain.samples.chart.MetricRecorder;
import dev.smtrain.samples.progress.ConsoleProgress;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The quick start: a real training job on the local runner. It builds a small image ({@code FROM scratch},
 * busybox, a {@code train} script that fits a logistic regression), submits a job whose {@code train} and
 * {@code validation} channels are the CSV files of {@link AdmissionsDataSet}, follows it on the console,
 * and prints the fitted model read back from {@code model.tar.gz}, plus a chart of the metrics.
 *
 * <p>Run it with {@code samples/quickstart.sh}, which starts a container engine first when none answers,
 * or with {@code java -cp samples/target/smtrain.jar dev.smtrain.samples.quickstart.Quickstart [WORK_DIR]}.
 */
public final class Quickstart {

  /** How long the job may run, and how long the quick start waits for it. */
  public static final Duration MAX_RUNTIME = Duration.ofMinutes(10);

  private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

  private Quickstart() {}

  /**
   * What the quick start produced.
   *
   * @param description the job's final description
   * @param modelJson the {@code model.json} the job wrote, read back from {@code model.tar.gz}
   * @param chartPng the metrics chart as PNG
   * @param chartHtml the metrics chart as a self-contained HTML page
   */
  public record Result(TrainingJobDescription description, String modelJson, Path chartPng, Path chartHtml) {

    /**
     * Whether the job completed.
     *
     * @return true when {@code TrainingJobStatus} is {@code Completed}
     */
    public boolean completed() {
      return description.trainingJobStatus().orElse(null) == TrainingJobStatus.COMPLETED;
    }
  }

  /**
   * Runs the quick start.
   *
   * @param args optionally the working directory (default {@code target/quickstart})
   */
  public static void main(String[] args) {
    Path workDir = Path.of(args.length > 0 ? args[0] : "target/quickstart").toAbsolutePath();
    // The local runner's own engine search; its message lists every place tried and how to start one.
    String engine;
    try {
      engine = EngineLocator.defaults().locate().dockerHost();
    } catch (EngineUnavailableException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    boolean completed;
    try (TrainingJobExecutor local = LocalExecutor.builder().dockerHost(engine).build()) {
      completed = run(local, engine, workDir, System.out).completed();
    } catch (RuntimeException e) {
      System.err.println("quick start failed: " + e.getMessage());
      completed = false;
    }
    System.exit(completed ? 0 : 1);
  }

  /**
   * The quick start's request: the image, the two channels, hyperparameters and metric definitions.
   *
   * @param jobName the job name
   * @param dataDir the directory holding {@code train/} and {@code validation/}
   * @param outputDir where {@code <job>/output/model.tar.gz} goes
   * @return the request
   */
  public static CreateTrainingJobRequest request(String jobName, Path dataDir, Path outputDir) {
    return CreateTrainingJobRequest.builder()
        .trainingJobName(jobName)
        .roleArn("arn:aws:iam::123456789012:role/SmtrainQuickstart")
        .algorithmSpecification(AlgorithmSpecification.builder()
            .trainingImage(QuickstartImage.TAG)
            .trainingInputMode(TrainingInputMode.FILE)
            .metricDefinitions(List.of(
                MetricDefinition.of("train_loss", "train_loss=([0-9.]+)"),
                MetricDefinition.of("validation_loss", "validation_loss=([0-9.]+)"),
                MetricDefinition.of("validation_accuracy", "validation_accuracy=([0-9.]+)")))
            .build())
        .putHyperParameter("epochs", "100")
        .putHyperParameter("learning_rate", "2.0")
        .addInputDataConfig(Channel.s3("train", dataDir.resolve("train").toUri().toString()))
        .addInputDataConfig(Channel.s3("validation", dataDir.resolve("validation").toUri().toString()))
        .outputDataConfig(OutputDataConfig.s3(outputDir.toUri().toString()))
        .resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_M5_LARGE, 1, 1))
        .stoppingCondition(StoppingCondition.maxRuntime(MAX_RUNTIME))
        .build();
  }

  /**
   * Builds the image on the engine, copies the data set to {@code <workDir>/data} and returns the request
   * for a new job (named {@code quickstart-<time>}) whose output goes to {@code <workDir>/output}.
   *
   * @param dockerHost the engine to build the image on
   * @param workDir where the data and the job's output go
   * @return the request, ready for a local executor using that engine
   */
  public static CreateTrainingJobRequest prepare(String dockerHost, Path workDir) {
    QuickstartImage.build(dockerHost);
    Path data = QuickstartFiles.copyDataSet(workDir);
    String jobName = "quickstart-" + LocalDateTime.now().format(NAME_TIME);
    return request(jobName, data, workDir.resolve("output"));
  }

  /**
   * Builds the image, runs the job on {@code executor}, and prints its progress, model and chart files.
   *
   * @param executor a local executor using the engine at {@code dockerHost}
   * @param dockerHost the engine to build the image on
   * @param workDir where the data, the job's output and the charts go
   * @param out where to print
   * @return what the job produced
   */
  public static Result run(TrainingJobExecutor executor, String dockerHost, Path workDir, PrintStream out) {
    out.println("building " + QuickstartImage.TAG + " on " + dockerHost);
    CreateTrainingJobRequest request = prepare(dockerHost, workDir);
    String jobName = request.trainingJobName().orElseThrow();

    MetricRecorder metrics = new MetricRecorder();
    TrainingJob job = executor.submit(request, ConsoleProgress.to(out, 3, false), metrics);
    TrainingJobDescription done = job.awaitCompletion(MAX_RUNTIME.plusMinutes(1));

    out.println();
    out.println(jobName + ": " + done.trainingJobStatus().map(TrainingJobStatus::value).orElse("?")
        + done.failureReason().map(r -> " (" + r + ")").orElse(""));
    if (done.hasFinalMetricDataList()) {
      for (MetricData m : done.finalMetricDataList()) {
        out.printf(Locale.ROOT, "  %-20s %.4f%n", m.metricName().orElse("?"), m.value().orElse(Float.NaN));
      }
    }
    String modelJson = null;
    Optional<String> artifact = done.modelArtifacts().flatMap(a -> a.s3ModelArtifacts());
    if (artifact.isPresent() && artifact.get().startsWith("file:")) {
      modelJson = ModelArchive.read(Path.of(URI.create(artifact.get())), "model.json");
      out.println("model artifact: " + artifact.get());
      out.println("model.json: " + modelJson.strip());
    }
    Path png = null;
    Path html = null;
    if (!metrics.events().isEmpty() || done.hasFinalMetricDataList()) {
      MetricChart chart = MetricChart.of(done, metrics.events());
      png = chart.writePng(workDir.resolve(jobName + "-metrics.png"));
      html = chart.writeHtml(workDir.resolve(jobName + "-metrics.html"));
      out.println("metrics chart: " + png + " and " + html);
    }
    return new Result(done, modelJson, png, html);
  }
}
