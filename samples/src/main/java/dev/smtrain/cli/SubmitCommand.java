package dev.smtrain.cli;

import dev.smtrain.executor.StatusEvent;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.MetricData;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.sagemaker.SageMakerExecutor;
import dev.smtrain.validation.TrainingJobValidator;
import dev.smtrain.validation.ValidationException;
import dev.smtrain.validation.ValidationReport;
import dev.smtrain.validation.ValidationTarget;
import dev.smtrain.validation.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smtrain submit FILE.json}: validates a request in the AWS CLI's JSON shape and sends it to SageMaker
 * ({@code CreateTrainingJob}), printing the job's ARN; with {@code --wait}, follows it to the end and prints
 * the final status, metrics and model artifact URI. Exit 0 when submitted (and, with {@code --wait},
 * Completed), 1 otherwise.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
    description = "Submit a training job to SageMaker (CreateTrainingJob) and print its ARN.")
final class SubmitCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  SageMakerOptions sagemaker;

  @Option(names = "--wait", description = "Wait for the job to end; print its status, metrics and artifacts.")
  boolean await;

  @Option(names = "--wait-timeout", paramLabel = "DURATION", converter = SageMakerOptions.DurationConverter.class,
      description = "With --wait: how long to wait at most (default: 30 days).")
  Duration waitTimeout = Duration.ofDays(30);

  @Parameters(paramLabel = "FILE.json", description = "The CreateTrainingJob request, as for "
      + "'aws sagemaker create-training-job --cli-input-json'.")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String json;
    try {
      json = Files.readString(file);
    } catch (IOException e) {
      err.println("smtrain submit: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
    ValidationReport report = TrainingJobValidator.forTarget(ValidationTarget.SAGEMAKER).validateJson(json);
    report.violations().forEach(v -> err.println(v));
    if (!report.isValid()) {
      return 1;
    }
    CreateTrainingJobRequest request = TrainingJobJson.readRequest(json).orElseThrow();
    try (SageMakerExecutor executor = sagemaker.executor()) {
      TrainingJob job = executor.submit(request);
      out.println(job.arn());
      out.flush();
      if (!await) {
        return 0;
      }
      job.addListener(new TrainingJobListener() {
        @Override
        public void onStatusChange(StatusEvent event) {
          err.println(event.trainingJobName() + ": " + event.status() + " / " + event.secondaryStatus()
              + (event.statusMessage().isEmpty() ? "" : " - " + event.statusMessage()));
          err.flush();
        }
      });
      TrainingJobDescription done = job.awaitCompletion(waitTimeout);
      printOutcome(done, out);
      return done.trainingJobStatus().orElse(null) == TrainingJobStatus.COMPLETED ? 0 : 1;
    } catch (ValidationException e) {
      for (Violation v : e.report().violations()) {
        err.println(v);
      }
      return 1;
    } catch (RuntimeException e) {
      err.println("smtrain submit: " + SageMakerOptions.message(e));
      return 1;
    }
  }

  static void printOutcome(TrainingJobDescription d, PrintWriter out) {
    out.println("TrainingJobStatus: " + d.trainingJobStatus().map(TrainingJobStatus::value).orElse("?"));
    d.failureReason().ifPresent(r -> out.println("FailureReason: " + r));
    if (d.hasFinalMetricDataList()) {
      for (MetricData m : d.finalMetricDataList()) {
        out.println("Metric: " + m.metricName().orElse("?") + " = " + m.value().map(String::valueOf).orElse("?"));
      }
    }
    d.modelArtifacts().flatMap(m -> m.s3ModelArtifacts()).ifPresent(uri -> out.println("ModelArtifacts: " + uri));
    out.flush();
  }
}
