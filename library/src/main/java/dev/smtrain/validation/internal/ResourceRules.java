package dev.smtrain.validation.internal;

import static dev.smtrain.validation.internal.WirePaths.element;
import static dev.smtrain.validation.internal.WirePaths.member;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.DebugRuleConfiguration;
import dev.smtrain.model.InstanceGroup;
import dev.smtrain.model.ProfilerRuleConfiguration;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.TrainingInstanceType;
import dev.smtrain.validation.ValidationRule;
import dev.smtrain.validation.ValidationTarget;
import dev.smtrain.validation.Violation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Rules about {@code ResourceConfig}: instance groups, instance types, volume encryption, warm pools. */
final class ResourceRules {

  private static final String RC = "ResourceConfig";

  /** Instance families with local NVMe instance storage, where SageMaker refuses VolumeKmsKeyId. */
  static final Set<String> NVME_FAMILIES = Set.of("p3dn", "p4d", "p4de", "p5", "p5e", "p5en", "p6", "g4dn",
      "g4ad", "g5", "g6", "g6e", "gr6", "trn1", "trn1n", "trn2", "m5d", "m5dn", "c5d", "r5d", "r5dn", "m6id",
      "c6id", "r6id", "m6idn", "r6idn", "i3", "i3en", "i4i", "x2idn", "x2iedn");

  /** The shape of every SageMaker instance type: {@code ml.family.size}. */
  static final Pattern WELL_FORMED = Pattern.compile("ml\\.[a-z0-9-]{1,32}\\.[a-z0-9-]{1,32}");

  private ResourceRules() {}

  static List<ValidationRule> all() {
    return List.of(ResourceRules::groupsOrTypeAndCount, ResourceRules::uniqueGroupNames,
        ResourceRules::instanceTypes, ResourceRules::ruleInstanceTypes, ResourceRules::volumeKmsKeyOnNvme, ResourceRules::keepAlive);
  }

  /** Either InstanceGroups, or InstanceType and InstanceCount; never both. */
  static void groupsOrTypeAndCount(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    r.resourceConfig().ifPresent(rc -> {
      if (rc.hasInstanceGroups()) {
        if (rc.instanceType().isPresent()) {
          out.accept(Violation.error(member(RC, "InstanceType"), "resource.groups-exclude-type",
              "InstanceType must not be set together with InstanceGroups"));
        }
        if (rc.instanceCount().isPresent()) {
          out.accept(Violation.error(member(RC, "InstanceCount"), "resource.groups-exclude-count",
              "InstanceCount must not be set together with InstanceGroups"));
        }
      } else {
        if (rc.instanceType().isEmpty()) {
          out.accept(Violation.error(member(RC, "InstanceType"), "resource.type-or-groups",
              "InstanceType is required unless InstanceGroups is set"));
        }
        if (rc.instanceCount().isEmpty()) {
          out.accept(Violation.error(member(RC, "InstanceCount"), "resource.count-or-groups",
              "InstanceCount is required unless InstanceGroups is set"));
        }
      }
    });
  }

  /** Instance group names are unique. */
  static void uniqueGroupNames(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    List<InstanceGroup> groups = r.resourceConfig().map(ResourceConfig::instanceGroups).orElse(null);
    if (groups == null || groups.size() < 2) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < groups.size(); i++) {
      String name = groups.get(i).instanceGroupName().orElse(null);
      if (name != null && !seen.add(name)) {
        out.accept(Violation.error(member(element(member(RC, "InstanceGroups"), i), "InstanceGroupName"),
            "resource.duplicate-group-name",
            "group name " + WirePaths.quoted(name) + " is used by an earlier group; names must be unique"));
      }
    }
  }

  /**
   * An instance type is {@code ml.family.size}; a well-formed type this library does not know is a warning
   * (it may be newer than the library). The local runner also takes {@code local} and {@code local_gpu}.
   */
  static void instanceTypes(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    r.resourceConfig().ifPresent(rc -> {
      rc.instanceType().ifPresent(type -> instanceType(type, member(RC, "InstanceType"), t, out));
      List<InstanceGroup> groups = rc.instanceGroups();
      if (groups != null) {
        for (int i = 0; i < groups.size(); i++) {
          String path = member(element(member(RC, "InstanceGroups"), i), "InstanceType");
          groups.get(i).instanceType().ifPresent(type -> instanceType(type, path, t, out));
        }
      }
    });
  }

  /** The instance types of Debugger and Profiler rule evaluation jobs ({@code ProcessingInstanceType}). */
  static void ruleInstanceTypes(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    List<DebugRuleConfiguration> debug = r.debugRuleConfigurations();
    for (int i = 0; debug != null && i < debug.size(); i++) {
      String path = member(element("DebugRuleConfigurations", i), "InstanceType");
      debug.get(i).instanceType().ifPresent(type -> instanceType(type.value(), type.isKnown(), path, t, out));
    }
    List<ProfilerRuleConfiguration> profiler = r.profilerRuleConfigurations();
    for (int i = 0; profiler != null && i < profiler.size(); i++) {
      String path = member(element("ProfilerRuleConfigurations", i), "InstanceType");
      profiler.get(i).instanceType().ifPresent(type -> instanceType(type.value(), type.isKnown(), path, t, out));
    }
  }

  private static void instanceType(TrainingInstanceType type, String path, ValidationTarget t,
      Consumer<Violation> out) {
    instanceType(type.value(), type.isKnown(), path, t, out);
  }

  private static void instanceType(String value, boolean known, String path, ValidationTarget t,
      Consumer<Violation> out) {
    if (known || value == null) {
      return;
    }
    if (t == ValidationTarget.LOCAL && (value.equals("local") || value.equals("local_gpu"))) {
      return;
    }
    if (!WELL_FORMED.matcher(value).matches()) {
      out.accept(Violation.error(path, "instance-type.malformed",
          "expected an instance type such as ml.m5.xlarge (ml.family.size), got " + WirePaths.quoted(value)));
    } else {
      out.accept(Violation.warning(path, "instance-type.unknown", WirePaths.quoted(value)
          + " is not an instance type this version of the library knows; SageMaker may refuse it"));
    }
  }

  /** Instances with local NVMe storage encrypt it with a hardware key; SageMaker refuses a KMS key. */
  static void volumeKmsKeyOnNvme(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    if (t == ValidationTarget.LOCAL) {
      return;
    }
    r.resourceConfig().filter(rc -> rc.volumeKmsKeyId().isPresent()).ifPresent(rc -> {
      Set<String> nvme = new java.util.TreeSet<>();
      rc.instanceType().map(ResourceRules::family).filter(NVME_FAMILIES::contains).ifPresent(nvme::add);
      if (rc.instanceGroups() != null) {
        rc.instanceGroups().forEach(g -> g.instanceType().map(ResourceRules::family)
            .filter(NVME_FAMILIES::contains).ifPresent(nvme::add));
      }
      if (!nvme.isEmpty()) {
        out.accept(Violation.error(member(RC, "VolumeKmsKeyId"), "resource.kms-key-on-nvme",
            "instance family " + nvme + " has local NVMe storage, encrypted by hardware; SageMaker refuses "
                + "a VolumeKmsKeyId for it"));
      }
    });
  }

  static String family(TrainingInstanceType type) {
    String v = type.value();
    if (v == null || !v.startsWith("ml.")) {
      return "";
    }
    int dot = v.indexOf('.', 3);
    return dot < 0 ? "" : v.substring(3, dot);
  }

  /** Warm pools (KeepAlivePeriodInSeconds) are not available with spot training or instance groups. */
  static void keepAlive(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    r.resourceConfig().filter(rc -> rc.keepAlivePeriodInSeconds().isPresent()).ifPresent(rc -> {
      String path = member(RC, "KeepAlivePeriodInSeconds");
      if (r.enableManagedSpotTraining().orElse(false)) {
        out.accept(Violation.error(path, "resource.keep-alive-with-spot",
            "warm pools (KeepAlivePeriodInSeconds) are not available with managed spot training"));
      }
      if (rc.hasInstanceGroups()) {
        out.accept(Violation.error(path, "resource.keep-alive-with-groups",
            "warm pools (KeepAlivePeriodInSeconds) are not available with heterogeneous InstanceGroups"));
      }
    });
  }
}
