package dev.smtrain.validation.internal;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.OutputDataConfig;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.validation.ValidationRule;
import dev.smtrain.validation.ValidationTarget;
import dev.smtrain.validation.Violation;
import java.util.List;
import java.util.function.Consumer;

/** For the local runner: members it cannot honour are accepted, with a warning that they are ignored. */
final class LocalTargetRules {

  private LocalTargetRules() {}

  static List<ValidationRule> all() {
    return List.of(LocalTargetRules::ignoredLocally);
  }

  static void ignoredLocally(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    if (t != ValidationTarget.LOCAL) {
      return;
    }
    if (r.vpcConfig().isPresent()) {
      out.accept(ignored("VpcConfig", "the containers run on the local engine's network"));
    }
    if (r.outputDataConfig().flatMap(OutputDataConfig::kmsKeyId).isPresent()) {
      out.accept(ignored("OutputDataConfig.KmsKeyId", "outputs are written unencrypted"));
    }
    if (r.resourceConfig().flatMap(ResourceConfig::volumeKmsKeyId).isPresent()) {
      out.accept(ignored("ResourceConfig.VolumeKmsKeyId", "the local volumes are not encrypted"));
    }
    if (r.hasDebugRuleConfigurations()) {
      out.accept(ignored("DebugRuleConfigurations", "Debugger rules are not evaluated"));
    }
    if (r.hasProfilerRuleConfigurations()) {
      out.accept(ignored("ProfilerRuleConfigurations", "Profiler rules are not evaluated"));
    }
  }

  private static Violation ignored(String path, String consequence) {
    return Violation.warning(path, "local.ignored", "ignored by the local runner: " + consequence);
  }
}
