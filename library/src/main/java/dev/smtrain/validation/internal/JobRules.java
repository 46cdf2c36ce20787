package dev.smtrain.validation.internal;

import static dev.smtrain.validation.internal.WirePaths.element;
import static dev.smtrain.validation.internal.WirePaths.member;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ProfilerConfig;
import dev.smtrain.model.StoppingCondition;
import dev.smtrain.model.Tag;
import dev.smtrain.validation.ValidationRule;
import dev.smtrain.validation.ValidationTarget;
import dev.smtrain.validation.Violation;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** Rules about the stopping condition, spot training, tags, Debugger and Profiler. */
final class JobRules {

  /** 28 days, SageMaker's longest MaxRuntimeInSeconds. */
  static final int MAX_RUNTIME = 28 * 24 * 60 * 60;
  /** SageMaker's MaxRuntimeInSeconds when none is given: one day. */
  static final int DEFAULT_MAX_RUNTIME = 24 * 60 * 60;
  /** The profiling intervals SageMaker accepts. */
  static final Set<Long> PROFILING_INTERVALS = Set.of(100L, 200L, 500L, 1000L, 5000L, 60000L);

  private static final String SC = "StoppingCondition";

  private JobRules() {}

  static List<ValidationRule> all() {
    return List.of(JobRules::maxRuntime, JobRules::spotWaitTime, JobRules::profilingInterval, JobRules::tags,
        JobRules::uniqueRuleNames);
  }

  /** MaxRuntimeInSeconds is at most 28 days. */
  static void maxRuntime(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    r.stoppingCondition().flatMap(StoppingCondition::maxRuntimeInSeconds).filter(s -> s > MAX_RUNTIME)
        .ifPresent(s -> out.accept(Violation.error(member(SC, "MaxRuntimeInSeconds"),
            "stopping.max-runtime-too-long", MAX_RUNTIME + " seconds (28 days) at most, got " + s)));
  }

  /** Spot training needs MaxWaitTimeInSeconds, at least MaxRuntimeInSeconds; without spot it is refused. */
  static void spotWaitTime(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    boolean spot = r.enableManagedSpotTraining().orElse(false);
    Optional<Integer> maxWait = r.stoppingCondition().flatMap(StoppingCondition::maxWaitTimeInSeconds);
    String path = member(SC, "MaxWaitTimeInSeconds");
    if (!spot) {
      if (maxWait.isPresent()) {
        out.accept(Violation.error(path, "spot.max-wait-without-spot",
            "MaxWaitTimeInSeconds is only allowed with EnableManagedSpotTraining true"));
      }
      return;
    }
    if (maxWait.isEmpty()) {
      out.accept(Violation.error(path, "spot.max-wait-required",
          "managed spot training needs MaxWaitTimeInSeconds, which is not set"));
      return;
    }
    int maxRuntime = r.stoppingCondition().flatMap(StoppingCondition::maxRuntimeInSeconds)
        .orElse(DEFAULT_MAX_RUNTIME);
    if (maxWait.get() < maxRuntime) {
      out.accept(Violation.error(path, "spot.max-wait-below-max-runtime",
          "at least MaxRuntimeInSeconds (" + maxRuntime + "), got " + maxWait.get()));
    }
  }

  /** ProfilingIntervalInMilliseconds is one of the values SageMaker supports. */
  static void profilingInterval(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    r.profilerConfig().flatMap(ProfilerConfig::profilingIntervalInMilliseconds)
        .filter(ms -> !PROFILING_INTERVALS.contains(ms))
        .ifPresent(ms -> out.accept(Violation.error("ProfilerConfig.ProfilingIntervalInMilliseconds",
            "profiler.interval", "one of [100, 200, 500, 1000, 5000, 60000], got " + ms)));
  }

  /** Tag keys are unique and do not use the reserved {@code aws:} prefix. */
  static void tags(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    List<Tag> tags = r.tags();
    if (tags == null) {
      return;
    }
    Set<String> seen = tags.size() < 2 ? Set.of() : new HashSet<>();
    for (int i = 0; i < tags.size(); i++) {
      String key = tags.get(i).key().orElse(null);
      if (key == null) {
        continue;
      }
      String path = member(element("Tags", i), "Key");
      if (key.regionMatches(true, 0, "aws:", 0, 4)) {
        out.accept(Violation.error(path, "tag.reserved-prefix", "tag keys starting with aws: are reserved"));
      }
      if (tags.size() > 1 && !seen.add(key)) {
        out.accept(Violation.error(path, "tag.duplicate-key",
            "tag key " + WirePaths.quoted(key) + " is used by an earlier tag; keys must be unique"));
      }
    }
  }

  /** Debugger and Profiler rule configuration names are unique within their list. */
  static void uniqueRuleNames(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    unique(r.debugRuleConfigurations(), "DebugRuleConfigurations", d -> d.ruleConfigurationName(), out);
    unique(r.profilerRuleConfigurations(), "ProfilerRuleConfigurations", p -> p.ruleConfigurationName(), out);
  }

  private static <T> void unique(List<T> rules, String list, Function<T, Optional<String>> name,
      Consumer<Violation> out) {
    if (rules == null || rules.size() < 2) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      String n = name.apply(rules.get(i)).orElse(null);
      if (n != null && !seen.add(n)) {
        out.accept(Violation.error(member(element(list, i), "RuleConfigurationName"), "rule-config.duplicate-name",
            "rule configuration name " + WirePaths.quoted(n) + " is used by an earlier one; names must be unique"));
      }
    }
  }
}
