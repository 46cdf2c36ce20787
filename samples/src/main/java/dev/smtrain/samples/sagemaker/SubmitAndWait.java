package dev.smtrain.samples.sagemaker;

import dev.smtrain.SmtrainException;
import dev.smtrain.executor.ResourceInUseException;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobExecutor;
import dev.smtrain.executor.TrainingJobTimeoutException;
import dev.smtrain.model.AlgorithmSpecification;
import dev.smtrain.model.Channel;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.MetricData;
import dev.smtrain.model.MetricDefinition;
import dev.smtrain.model.OutputDataConfig;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.StoppingCondition;
import dev.smtrain.model.Tag;
import dev.smtrain.model.TrainingInputMode;
import dev.smtrain.model.TrainingInstanceType;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.samples.progress.ConsoleProgress;
import dev.smtrain.sagemaker.SageMakerExecutor;
import dev.smtrain.validation.ValidationException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The SageMaker sample: production code that submits a training job and waits for it, as a batch step or a
 * pipeline task would. Credentials and region come from the AWS SDK's default chains (environment variables,
 * {@code ~/.aws/config}, instance or container roles), exactly as for the AWS CLI.
 *
 * <pre>{@code
 * java -cp samples/target/smtrain.jar dev.smtrain.samples.sagemaker.SubmitAndWait job.json [MAX_WAIT_MINUTES]
 * }</pre>
 *
 * <p>The request file is the AWS CLI's {@code --cli-input-json} shape. The job is validated before anything is
 * sent; a second run with the same name is refused by SageMaker ({@code ResourceInUse}); a wait that times out
 * stops the job so that nothing keeps running unattended.
 */
public final class SubmitAndWait {

  private SubmitAndWait() {}

  /**
   * Submits the request in a JSON file to SageMaker and waits for it; exit code 0 when it completed.
   *
   * @param args the request file, and optionally the minutes to wait (default 24 hours)
   */
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: SubmitAndWait REQUEST.json [MAX_WAIT_MINUTES]");
      System.exit(2);
    }
    if (args.length == 2 && !args[1].matches("[1-9][0-9]{0,6}")) {
      System.err.println("MAX_WAIT_MINUTES must be a whole number of minutes from 1, got '" + args[1] + "'");
      System.exit(2);
    }
    Duration maxWait = Duration.ofMinutes(args.length == 2 ? Long.parseLong(args[1]) : 24 * 60);
    int exit;
    try (SageMakerExecutor sagemaker = SageMakerExecutor.builder().build()) {
      CreateTrainingJobRequest request = TrainingJobJson.readRequest(Path.of(args[0])).orElseThrow();
      TrainingJobDescription done = submitAndWait(sagemaker, request, maxWait, System.out);
      exit = done.trainingJobStatus().orElse(null) == TrainingJobStatus.COMPLETED ? 0 : 1;
    } catch (ValidationException e) {
      System.err.println("not submitted, the request has errors:\n" + e.report());
      exit = 1;
    } catch (SmtrainException e) {
      // ResourceInUse, a timeout (the job is being stopped), a request file that cannot be read, ...
      System.err.println(e.getMessage());
      exit = 1;
    }
    System.exit(exit);
  }

  /**
   * Submits a request, prints its progress, waits for its end and prints the outcome. When the wait times
   * out, the job is asked to stop and the timeout is rethrown.
   *
   * @param executor a SageMaker executor (or any other: the code does not change)
   * @param request the request
   * @param maxWait how long to wait for the job's end
   * @param out where progress and the outcome are printed
   * @return the final description: {@code Completed}, {@code Failed} or {@code Stopped}
   * @throws ValidationException when the request has errors; nothing is sent then
   * @throws ResourceInUseException when a job of that name exists
   * @throws TrainingJobTimeoutException when the job did not end within {@code maxWait} (it is being stopped)
   */
  public static TrainingJobDescription submitAndWait(TrainingJobExecutor executor,
      CreateTrainingJobRequest request, Duration maxWait, PrintStream out) {
    TrainingJob job = executor.submit(request, ConsoleProgress.to(out));
    out.println("submitted " + job.arn());
    TrainingJobDescription done;
    try {
      done = job.awaitCompletion(maxWait);
    } catch (TrainingJobTimeoutException e) {
      out.println("no end after " + maxWait + ": stopping " + job.name());
      job.stop();
      throw e;
    }
    out.println(job.name() + " ended " + done.trainingJobStatus().map(TrainingJobStatus::value).orElse("?")
        + done.failureReason().map(r -> ": " + r).orElse(""));
    if (done.hasFinalMetricDataList()) {
      for (MetricData m : done.finalMetricDataList()) {
        out.printf(Locale.ROOT, "  %s = %s%n", m.metricName().orElse("?"), m.value().map(String::valueOf).orElse("?"));
      }
    }
    done.modelArtifacts().flatMap(a -> a.s3ModelArtifacts()).ifPresent(uri -> out.println("  model: " + uri));
    done.trainingTimeInSeconds().ifPresent(s -> out.println("  training time: " + s + " s"));
    return done;
  }

  /**
   * A typical production request, built in code: a built-in XGBoost image, train and validation channels
   * in S3, metrics, a runtime limit and cost tags.
   *
   * @param jobName the job name, unique in the account and region
   * @param bucket the S3 bucket holding {@code churn/train/}, {@code churn/validation/} and the output
   * @param roleArn the execution role SageMaker assumes
   * @return the request
   */
  public static CreateTrainingJobRequest churnRequest(String jobName, String bucket, String roleArn) {
    return CreateTrainingJobRequest.builder()
        .trainingJobName(jobName)
        .roleArn(roleArn)
        .algorithmSpecification(AlgorithmSpecification.builder()
            .trainingImage("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1")
            .trainingInputMode(TrainingInputMode.FILE)
            .metricDefinitions(List.of(MetricDefinition.of("validation:auc", "validation-auc:([0-9.]+)")))
            .build())
        .putHyperParameter("objective", "binary:logistic")
        .putHyperParameter("num_round", "200")
        .putHyperParameter("eval_metric", "auc")
        .addInputDataConfig(Channel.s3("train", "s3://" + bucket + "/churn/train/"))
        .addInputDataConfig(Channel.s3("validation", "s3://" + bucket + "/churn/validation/"))
        .outputDataConfig(OutputDataConfig.s3("s3://" + bucket + "/churn/output/"))
        .resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_M5_XLARGE, 1, 30))
        .stoppingCondition(StoppingCondition.maxRuntime(Duration.ofHours(2)))
        .addTag(Tag.of("team", "growth"))
        .build();
  }
}
