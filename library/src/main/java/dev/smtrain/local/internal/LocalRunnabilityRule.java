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

  @Override
  public void check(CreateTrainingJobRequest request, ValidationTarget target, Consumer<Violation> report) {
    if (request.trainingJobName().isEmpty()) {
      report.accept(Violation.error("TrainingJobName", REQUIRED, "a job name is required"));
    }
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
    if (request.outputDataConfig().flatMap(o -> o.s3OutputPath()).isEmpty()) {
      report.accept(Violation.error("OutputDataConfig.S3OutputPath", REQUIRED,
          "the local runner uploads model.tar.gz there: set an s3:// or file:// URI"));
    }
    if (request.resourceConfig().map(r -> r.hasInstanceGroups() && !r.instanceGroups().isEmpty())
        .orElse(false)) {
      report.accept(Violation.error("ResourceConfig.InstanceGroups", UNSUPPORTED,
          "heterogeneous clusters are not supported by the local runner yet; use InstanceType and "
              + "InstanceCount"));
    }
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
    }
  }
}
