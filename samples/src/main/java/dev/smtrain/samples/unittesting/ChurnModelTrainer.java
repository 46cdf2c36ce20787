package dev.smtrain.samples.unittesting;

import dev.smtrain.executor.ResourceInUseException;
import dev.smtrain.executor.ResourceLimitExceededException;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobExecutor;
import dev.smtrain.executor.TrainingJobTimeoutException;
import dev.smtrain.model.Channel;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.MetricData;
import dev.smtrain.model.MetricDefinition;
import dev.smtrain.model.OutputDataConfig;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.StoppingCondition;
import dev.smtrain.model.TrainingInputMode;
import dev.smtrain.model.TrainingInstanceType;
import dev.smtrain.model.TrainingJobDescription;
import java.time.Duration;
import java.util.Objects;

/**
 * A user's service: trains the churn model for one dataset version and returns where the model is. It knows
 * nothing of where jobs run: production hands it {@code TrainingJobExecutors.fromEnvironment()}, tests a
 * {@code FakeExecutor}.
 */
public final class ChurnModelTrainer {

  /** The metric that decides whether a model ships. */
  public static final String AUC = "validation:auc";

  private final TrainingJobExecutor executor;
  private final String bucket;
  private final Duration maxRuntime;
  private final Duration maxWait;
  private final double minimumAuc;

  /**
   * A trainer.
   *
   * @param executor where jobs run
   * @param bucket the S3 bucket holding {@code churn/data/<version>/} and receiving {@code churn/models/}
   * @param maxRuntime the job's {@code MaxRuntimeInSeconds}
   * @param maxWait how long {@link #train} waits before stopping the job
   * @param minimumAuc the lowest {@value #AUC} worth shipping
   */
  public ChurnModelTrainer(TrainingJobExecutor executor, String bucket, Duration maxRuntime, Duration maxWait,
      double minimumAuc) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.maxRuntime = Objects.requireNonNull(maxRuntime, "maxRuntime");
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    this.minimumAuc = minimumAuc;
  }

  /**
   * The job name for a dataset version: one job per version.
   *
   * @param datasetVersion such as {@code 2025-06}
   * @return the {@code TrainingJobName}
   */
  public static String jobName(String datasetVersion) {
    return "churn-" + datasetVersion;
  }

  /**
   * The request for a dataset version.
   *
   * @param datasetVersion the version
   * @return the request
   */
  public CreateTrainingJobRequest request(String datasetVersion) {
    return CreateTrainingJobRequest.builder()
        .trainingJobName(jobName(datasetVersion))
        .roleArn("arn:aws:iam::123456789012:role/ChurnTraining")
        .algorithmSpecification(a -> a
            .trainingImage("123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-xgboost:3")
            .trainingInputMode(TrainingInputMode.FILE)
            .addMetricDefinition(MetricDefinition.of(AUC, "validation-auc:([0-9.]+)")))
        .addInputDataConfig(Channel.s3("train", "s3://" + bucket + "/churn/data/" + datasetVersion + "/train/"))
        .addInputDataConfig(Channel.s3("validation",
            "s3://" + bucket + "/churn/data/" + datasetVersion + "/validation/"))
        .outputDataConfig(OutputDataConfig.s3("s3://" + bucket + "/churn/models"))
        .resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_M5_2XLARGE, 2, 30))
        .stoppingCondition(StoppingCondition.maxRuntime(maxRuntime))
        .putHyperParameter("objective", "binary:logistic")
        .putHyperParameter("num_round", "200")
        .build();
  }

  /**
   * Trains the model for a dataset version and returns its S3 URI.
   *
   * @param datasetVersion the version
   * @return the {@code S3ModelArtifacts} URI
   * @throws ChurnTrainingException saying why there is no model
   */
  public String train(String datasetVersion) {
    String name = jobName(datasetVersion);
    TrainingJob job;
    try {
      job = executor.submit(request(datasetVersion));
    } catch (ResourceInUseException e) {
      throw new ChurnTrainingException(ChurnTrainingException.Reason.ALREADY_SUBMITTED, name,
          "dataset " + datasetVersion + " is already trained or training", e);
    } catch (ResourceLimitExceededException e) {
      throw new ChurnTrainingException(ChurnTrainingException.Reason.NO_CAPACITY, name,
          "no training capacity left; try again later", e);
    }
    TrainingJobDescription done;
    try {
      done = job.awaitCompletion(maxWait);
    } catch (TrainingJobTimeoutException e) {
      job.stop();
      throw new ChurnTrainingException(ChurnTrainingException.Reason.TIMED_OUT, name,
          "gave up after " + maxWait + " and stopped the job", e);
    }
    switch (done.trainingJobStatus().orElseThrow()) {
      case COMPLETED:
        return checkedModel(name, done);
      case FAILED:
        throw new ChurnTrainingException(ChurnTrainingException.Reason.FAILED, name,
            "training failed: " + done.failureReason().orElse("no reason given"), null);
      default:
        boolean outOfTime = done.secondaryStatus().orElse(null) == SecondaryStatus.MAX_RUNTIME_EXCEEDED;
        throw new ChurnTrainingException(outOfTime ? ChurnTrainingException.Reason.TIMED_OUT
            : ChurnTrainingException.Reason.STOPPED, name,
            outOfTime ? "training ran longer than " + maxRuntime : "the job was stopped", null);
    }
  }

  private String checkedModel(String name, TrainingJobDescription done) {
    double auc = done.hasFinalMetricDataList() ? done.finalMetricDataList().stream()
        .filter(m -> m.metricName().orElse("").equals(AUC)).map(MetricData::value)
        .flatMap(v -> v.stream()).mapToDouble(Float::doubleValue).findFirst().orElse(Double.NaN) : Double.NaN;
    if (!(auc >= minimumAuc)) {
      throw new ChurnTrainingException(ChurnTrainingException.Reason.BELOW_QUALITY_BAR, name,
          AUC + " is " + auc + ", below " + minimumAuc, null);
    }
    return done.modelArtifacts().flatMap(a -> a.s3ModelArtifacts()).orElseThrow();
  }
}
