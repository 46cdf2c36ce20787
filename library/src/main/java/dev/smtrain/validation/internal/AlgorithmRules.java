package dev.smtrain.validation.internal;

import static dev.smtrain.validation.internal.WirePaths.element;
import static dev.smtrain.validation.internal.WirePaths.member;

import dev.smtrain.model.AlgorithmSpecification;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.MetricDefinition;
import dev.smtrain.model.TrainingRepositoryAccessMode;
import dev.smtrain.validation.ValidationRule;
import dev.smtrain.validation.ValidationTarget;
import dev.smtrain.validation.Violation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.PatternSyntaxException;

/** Rules about {@code AlgorithmSpecification}. */
final class AlgorithmRules {

  private static final String SPEC = "AlgorithmSpecification";

  /** What is wrong with a metric regex ({@code code:message}, empty when nothing), by regex; bounded. */
  private static final Map<String, String> REGEX_PROBLEMS = new ConcurrentHashMap<>();

  private AlgorithmRules() {}

  private static String regexProblem(String regex) {
    if (REGEX_PROBLEMS.size() > 1000) {
      REGEX_PROBLEMS.clear();
    }
    try {
      return java.util.regex.Pattern.compile(regex).matcher("").groupCount() < 1
          ? "metric.regex-no-group:the metric value is read from the first capturing group, and this regex has none"
          : "";
    } catch (PatternSyntaxException e) {
      return "metric.regex-invalid:not a valid regular expression (at index " + e.getIndex() + "): "
          + e.getDescription();
    }
  }

  static List<ValidationRule> all() {
    return List.of(AlgorithmRules::imageXorAlgorithm, AlgorithmRules::vpcRepositoryNeedsVpc,
        AlgorithmRules::metricRegexes);
  }

  /** Exactly one of TrainingImage and AlgorithmName. */
  static void imageXorAlgorithm(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    r.algorithmSpecification().ifPresent(spec -> {
      boolean image = spec.trainingImage().isPresent();
      boolean algorithm = spec.algorithmName().isPresent();
      if (image && algorithm) {
        out.accept(Violation.error(member(SPEC, "AlgorithmName"), "algorithm.image-and-name",
            "TrainingImage and AlgorithmName exclude each other: set exactly one"));
      } else if (!image && !algorithm) {
        out.accept(Violation.error(member(SPEC, "TrainingImage"), "algorithm.image-or-name",
            "one of TrainingImage and AlgorithmName is required"));
      }
    });
  }

  /** TrainingRepositoryAccessMode Vpc pulls the image through the job's VPC. */
  static void vpcRepositoryNeedsVpc(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    boolean vpcMode = r.algorithmSpecification().flatMap(AlgorithmSpecification::trainingImageConfig)
        .flatMap(c -> c.trainingRepositoryAccessMode())
        .filter(m -> m == TrainingRepositoryAccessMode.VPC).isPresent();
    if (vpcMode && r.vpcConfig().isEmpty()) {
      out.accept(Violation.error(member(SPEC, "TrainingImageConfig.TrainingRepositoryAccessMode"),
          "algorithm.vpc-repository-needs-vpc", "access mode Vpc needs VpcConfig, which is not set"));
    }
  }

  /**
   * A metric's Regex must compile and capture the value in a group (a warning: SageMaker's regex dialect
   * is not Java's, so this is a strong hint, not proof).
   */
  static void metricRegexes(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    List<MetricDefinition> defs = r.algorithmSpecification().map(AlgorithmSpecification::metricDefinitions)
        .orElse(null);
    if (defs == null) {
      return;
    }
    for (int i = 0; i < defs.size(); i++) {
      String regex = defs.get(i).regex().orElse(null);
      if (regex == null || regex.length() > 500) {
        continue;
      }
      String problem = REGEX_PROBLEMS.computeIfAbsent(regex, AlgorithmRules::regexProblem);
      if (!problem.isEmpty()) {
        String path = member(element(member(SPEC, "MetricDefinitions"), i), "Regex");
        int colon = problem.indexOf(':');
        out.accept(Violation.warning(path, problem.substring(0, colon), problem.substring(colon + 1)));
      }
    }
  }
}
