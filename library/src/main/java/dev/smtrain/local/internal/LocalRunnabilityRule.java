package dev.smtrain.local.internal;

import dev.smtrain.model.AlgorithmSpecification;
import dev.smtrain.model.Channel;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.TrainingInputMode;
import dev.smtrain.validation.ValidationRule;
import dev.smtrain.validation.ValidationTarget;
import dev.smtrain.validation.Violation;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stage "validate", the runner's own part: what a request needs so that the local runner can run it, beyond
 * the service's rules (which the validator's {@code LOCAL} target checks). Each error names the member and
 * what to do.
 */
public final class LocalRunnabilityRule implements ValidationRule {

  /** Code of errors for members the local runner cannot run. */
  public static final String UNSUPPORTED = "local.unsupported";
  /** Code of errors for members the local runner needs. */
  public static final String REQUIRED = "local.required";
  /** Code of errors for metric regular expressions RE2/J cannot compile. */
  public static final String METRIC_REGEX = "local.metric-regex";
  /** Code of warnings for members the local runner accepts but does not act on (as the validator's). */
  public static final String IGNORED = "local.ignored";

  @Override
  public void check(CreateTrainingJobRequest request, ValidationTarget target, Consumer<Violation> report) {
    // Required members (TrainingJobName, OutputDataConfig.S3OutputPath, ...) are the validator's: reporting
    // them here too would list each problem twice in LocalExecutor.check.
    AlgorithmSpecification algorithm = request.algorithmSpecification().orElse(null);
    if (algorithm == null || algorithm.trainingImage().isEmpty()) {
      report.accept(Violation.error("AlgorithmSpecification.TrainingImage", REQUIRED,
          "the local runner runs a container image: set TrainingImage to an image the local engine has "
              + "(AlgorithmName, a SageMaker marketplace algorithm, cannot run locally)"));
    }
    if (algorithm != null) {
      if (algorithm.trainingInputMode().orElse(TrainingInputMode.FILE) == TrainingInputMode.PIPE) {
        report.accept(Violation.error("AlgorithmSpecification.TrainingInputMode", UNSUPPORTED,
            "Pipe mode is not supported by the local runner yet; use File"));
      }
      List<dev.smtrain.model.MetricDefinition> defs =
          algorithm.hasMetricDefinitions() ? algorithm.metricDefinitions() : List.of();
      for (int i = 0; i < defs.size(); i++) {
        String problem = MetricExtractor.check(i, defs.get(i).regex().orElse(""));
        if (problem != null) {
          report.accept(Violation.error("AlgorithmSpecification.MetricDefinitions[" + i + "].Regex",
              METRIC_REGEX, problem.substring(problem.indexOf(": ") + 2)));
        }
      }
    }
    if (request.resourceConfig().map(r -> r.hasInstanceGroups() && !r.instanceGroups().isEmpty())
        .orElse(false)) {
      report.accept(Violation.error("ResourceConfig.InstanceGroups", UNSUPPORTED,
          "heterogeneous clusters are not supported by the local runner yet; use InstanceType and "
              + "InstanceCount"));
    }
    ignoredMembers(request, report);
    List<Channel> channels = request.hasInputDataConfig() ? request.inputDataConfig() : List.of();
    for (int i = 0; i < channels.size(); i++) {
      Channel c = channels.get(i);
      String path = "InputDataConfig[" + i + "]";
      if (c.dataSource().flatMap(d -> d.s3DataSource()).isEmpty()) {
        report.accept(Violation.error(path + ".DataSource", UNSUPPORTED,
            "the local runner reads channels from S3DataSource (s3:// or file:// URIs); "
                + "FileSystemDataSource (EFS, FSx) cannot be mounted locally"));
      }
      if (c.inputMode().orElse(TrainingInputMode.FILE) == TrainingInputMode.PIPE) {
        report.accept(Violation.error(path + ".InputMode", UNSUPPORTED,
            "Pipe mode is not supported by the local runner yet; use File"));
      }
      if (c.inputMode().orElse(null) == TrainingInputMode.FAST_FILE) {
        report.accept(ignored(path + ".InputMode", "FastFile channels are staged as in File mode"));
      }
    }
  }

  /** Members the runner does not act on yet; the validator's LOCAL target warns about the others. */
  private static void ignoredMembers(CreateTrainingJobRequest r, Consumer<Violation> report) {
    if (r.algorithmSpecification().flatMap(a -> a.trainingInputMode()).orElse(null) == TrainingInputMode.FAST_FILE) {
      report.accept(ignored("AlgorithmSpecification.TrainingInputMode", "FastFile channels are staged as in File "
          + "mode"));
    }
    if (r.enableManagedSpotTraining().orElse(false)) {
      report.accept(ignored("EnableManagedSpotTraining", "the job runs to the end without spot interruptions"));
    }
    if (r.stoppingCondition().flatMap(s -> s.maxWaitTimeInSeconds()).isPresent()) {
      report.accept(ignored("StoppingCondition.MaxWaitTimeInSeconds", "only MaxRuntimeInSeconds is enforced"));
    }
    if (r.enableInterContainerTrafficEncryption().orElse(false)) {
      report.accept(ignored("EnableInterContainerTrafficEncryption", "traffic between local hosts is not "
          + "encrypted"));
    }
    if (r.retryStrategy().isPresent()) {
      report.accept(ignored("RetryStrategy", "a failed job is not retried"));
    }
    if (r.debugHookConfig().isPresent() || r.tensorBoardOutputConfig().isPresent()
        || r.profilerConfig().isPresent()) {
      report.accept(ignored("DebugHookConfig", "Debugger, Profiler and TensorBoard outputs are not uploaded"));
    }
  }

  private static Violation ignored(String path, String consequence) {
    return Violation.warning(path, IGNORED, "ignored by the local runner: " + consequence);
  }
}
