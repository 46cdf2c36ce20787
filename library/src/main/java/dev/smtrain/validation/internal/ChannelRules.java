package dev.smtrain.validation.internal;

import static dev.smtrain.validation.internal.WirePaths.element;
import static dev.smtrain.validation.internal.WirePaths.member;

import dev.smtrain.model.AlgorithmSpecification;
import dev.smtrain.model.Channel;
import dev.smtrain.model.CompressionType;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.DataSource;
import dev.smtrain.model.InstanceGroup;
import dev.smtrain.model.RecordWrapper;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.S3DataSource;
import dev.smtrain.model.S3DataType;
import dev.smtrain.model.TrainingInputMode;
import dev.smtrain.validation.ValidationRule;
import dev.smtrain.validation.ValidationTarget;
import dev.smtrain.validation.Violation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rules about {@code InputDataConfig}: one method per rule, each pointing at the member it is about. A
 * channel's input mode is its own {@code InputMode}, else {@code AlgorithmSpecification.TrainingInputMode}.
 */
final class ChannelRules {

  private ChannelRules() {}

  static List<ValidationRule> all() {
    return List.of(ChannelRules::uniqueNames, ChannelRules::oneDataSource, ChannelRules::modeRules,
        ChannelRules::attributeNamesNeedAugmentedManifest, ChannelRules::fileSystemNeedsVpcAndFileMode,
        ChannelRules::instanceGroupNamesExist);
  }

  private interface ChannelCheck {
    void check(CreateTrainingJobRequest r, Channel c, String path, Consumer<Violation> out);
  }

  private static void forEach(CreateTrainingJobRequest r, Consumer<Violation> out, ChannelCheck check) {
    List<Channel> channels = r.inputDataConfig();
    if (channels == null) {
      return;
    }
    for (int i = 0; i < channels.size(); i++) {
      check.check(r, channels.get(i), element("InputDataConfig", i), out);
    }
  }

  static TrainingInputMode mode(CreateTrainingJobRequest r, Channel c) {
    return c.inputMode().orElseGet(() -> r.algorithmSpecification()
        .flatMap(AlgorithmSpecification::trainingInputMode).orElse(null));
  }

  private static String modePath(Channel c, String channelPath) {
    return c.inputMode().isPresent() ? member(channelPath, "InputMode") : "AlgorithmSpecification.TrainingInputMode";
  }

  /** Channel names are unique. */
  static void uniqueNames(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    if (r.inputDataConfig() == null || r.inputDataConfig().size() < 2) {
      return;
    }
    Set<String> seen = new HashSet<>();
    forEach(r, out, (req, c, path, o) -> c.channelName().ifPresent(name -> {
      if (!seen.add(name)) {
        o.accept(Violation.error(member(path, "ChannelName"), "channel.duplicate-name",
            "channel name " + WirePaths.quoted(name) + " is used by an earlier channel; names must be unique"));
      }
    }));
  }

  /** A data source is either an S3 data source or a file system data source. */
  static void oneDataSource(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    forEach(r, out, (req, c, path, o) -> c.dataSource().ifPresent(d -> {
      int n = (d.s3DataSource().isPresent() ? 1 : 0) + (d.fileSystemDataSource().isPresent() ? 1 : 0);
      if (n != 1) {
        o.accept(Violation.error(member(path, "DataSource"), "channel.data-source-count",
            "exactly one of S3DataSource and FileSystemDataSource must be set, got " + n));
      }
    }));
  }

  /** AugmentedManifestFile, Gzip and RecordIO need Pipe mode; FastFile needs S3Prefix. */
  static void modeRules(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    forEach(r, out, (req, c, path, o) -> {
      TrainingInputMode mode = mode(req, c);
      S3DataType type = c.dataSource().flatMap(DataSource::s3DataSource).flatMap(S3DataSource::s3DataType)
          .orElse(null);
      String s3 = member(member(path, "DataSource"), "S3DataSource");
      if (type == S3DataType.AUGMENTED_MANIFEST_FILE && mode != null && mode != TrainingInputMode.PIPE) {
        o.accept(Violation.error(member(s3, "S3DataType"), "channel.augmented-manifest-needs-pipe",
            "AugmentedManifestFile needs Pipe input mode, the channel's mode is " + mode));
      }
      if (mode == TrainingInputMode.FAST_FILE && type != null && type != S3DataType.S3_PREFIX) {
        o.accept(Violation.error(modePath(c, path), "channel.fast-file-needs-s3-prefix",
            "FastFile input mode needs S3DataType S3Prefix, the channel's is " + type));
      }
      if (c.compressionType().orElse(null) == CompressionType.GZIP && mode != null
          && mode != TrainingInputMode.PIPE) {
        o.accept(Violation.error(member(path, "CompressionType"), "channel.gzip-needs-pipe",
            "CompressionType Gzip needs Pipe input mode, the channel's mode is " + mode));
      }
      if (c.recordWrapperType().orElse(null) == RecordWrapper.RECORD_IO && mode != null
          && mode != TrainingInputMode.PIPE) {
        o.accept(Violation.error(member(path, "RecordWrapperType"), "channel.recordio-needs-pipe",
            "RecordWrapperType RecordIO needs Pipe input mode, the channel's mode is " + mode));
      }
    });
  }

  /** AttributeNames select fields of an augmented manifest and mean nothing elsewhere. */
  static void attributeNamesNeedAugmentedManifest(CreateTrainingJobRequest r, ValidationTarget t,
      Consumer<Violation> out) {
    forEach(r, out, (req, c, path, o) -> c.dataSource().flatMap(DataSource::s3DataSource).ifPresent(s3 -> {
      if (s3.hasAttributeNames() && s3.s3DataType().orElse(null) != S3DataType.AUGMENTED_MANIFEST_FILE) {
        o.accept(Violation.error(member(path, "DataSource.S3DataSource.AttributeNames"),
            "channel.attribute-names-need-augmented-manifest",
            "AttributeNames are only allowed with S3DataType AugmentedManifestFile"));
      }
    }));
  }

  /** EFS and FSx for Lustre are reached through the job's VPC and mounted in File mode. */
  static void fileSystemNeedsVpcAndFileMode(CreateTrainingJobRequest r, ValidationTarget t,
      Consumer<Violation> out) {
    forEach(r, out, (req, c, path, o) -> c.dataSource().flatMap(DataSource::fileSystemDataSource).ifPresent(fs -> {
      String fsPath = member(path, "DataSource.FileSystemDataSource");
      if (req.vpcConfig().isEmpty()) {
        o.accept(Violation.error(fsPath, "channel.file-system-needs-vpc",
            "a FileSystemDataSource needs VpcConfig, which is not set"));
      }
      TrainingInputMode mode = mode(req, c);
      if (mode != null && mode != TrainingInputMode.FILE) {
        o.accept(Violation.error(modePath(c, path), "channel.file-system-needs-file-mode",
            "a FileSystemDataSource needs File input mode, the channel's mode is " + mode));
      }
    }));
  }

  /** InstanceGroupNames name groups of ResourceConfig.InstanceGroups. */
  static void instanceGroupNamesExist(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    if (r.inputDataConfig() == null || r.inputDataConfig().stream().noneMatch(c -> c.dataSource()
        .flatMap(DataSource::s3DataSource).map(S3DataSource::hasInstanceGroupNames).orElse(false))) {
      return;
    }
    Set<String> groups = new HashSet<>();
    List<InstanceGroup> declared = r.resourceConfig().map(ResourceConfig::instanceGroups).orElse(null);
    if (declared != null) {
      declared.forEach(g -> g.instanceGroupName().ifPresent(groups::add));
    }
    forEach(r, out, (req, c, path, o) -> c.dataSource().flatMap(DataSource::s3DataSource).ifPresent(s3 -> {
      List<String> names = s3.instanceGroupNames();
      if (names == null) {
        return;
      }
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i) != null && !groups.contains(names.get(i))) {
          o.accept(Violation.error(element(member(path, "DataSource.S3DataSource.InstanceGroupNames"), i),
              "channel.unknown-instance-group", WirePaths.quoted(names.get(i)) + " names no group of "
                  + "ResourceConfig.InstanceGroups" + (groups.isEmpty() ? " (there are none)" : " " + groups)));
        }
      }
    }));
  }
}
