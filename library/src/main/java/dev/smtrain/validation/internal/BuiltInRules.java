package dev.smtrain.validation.internal;

import dev.smtrain.validation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** Every built-in rule beyond the service model's own constraints, in reporting order. */
public final class BuiltInRules {

  private static final List<ValidationRule> ALL = build();

  private BuiltInRules() {}

  /**
   * The built-in rules.
   *
   * @return the rules
   */
  public static List<ValidationRule> all() {
    return ALL;
  }

  private static List<ValidationRule> build() {
    List<ValidationRule> rules = new ArrayList<>();
    rules.addAll(AlgorithmRules.all());
    rules.addAll(ChannelRules.all());
    rules.addAll(ResourceRules.all());
    rules.addAll(JobRules.all());
    rules.addAll(SecretRules.all());
    rules.addAll(AdvisoryRules.all());
    rules.addAll(LocalTargetRules.all());
    return List.copyOf(rules);
  }
}
