package dev.smtrain.validation.internal;

import static dev.smtrain.validation.internal.WirePaths.element;
import static dev.smtrain.validation.internal.WirePaths.member;

import dev.smtrain.model.Channel;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.DataSource;
import dev.smtrain.model.InstanceGroup;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.S3DataDistribution;
import dev.smtrain.model.S3DataSource;
import dev.smtrain.validation.ValidationRule;
import dev.smtrain.validation.ValidationTarget;
import dev.smtrain.validation.Violation;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/** Warnings: legal requests that are probably not what was meant. */
final class AdvisoryRules {

  private AdvisoryRules() {}

  static List<ValidationRule> all() {
    return List.of(AdvisoryRules::shardedWithOneInstance, AdvisoryRules::spotWithoutCheckpoints,
        AdvisoryRules::encryptionWithOneInstance);
  }

  /** The total instance count, when known. */
  static OptionalInt instances(CreateTrainingJobRequest r) {
    ResourceConfig rc = r.resourceConfig().orElse(null);
    if (rc == null) {
      return OptionalInt.empty();
    }
    if (rc.hasInstanceGroups()) {
      int n = 0;
      for (InstanceGroup g : rc.instanceGroups()) {
        n += g.instanceCount().orElse(0);
      }
      return OptionalInt.of(n);
    }
    return rc.instanceCount().map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  /** ShardedByS3Key with one instance gives it every object anyway. */
  static void shardedWithOneInstance(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    List<Channel> channels = r.inputDataConfig();
    if (channels == null || instances(r).orElse(0) != 1) {
      return;
    }
    for (int i = 0; i < channels.size(); i++) {
      boolean sharded = channels.get(i).dataSource().flatMap(DataSource::s3DataSource)
          .flatMap(S3DataSource::s3DataDistributionType).filter(d -> d == S3DataDistribution.SHARDED_BY_S3_KEY)
          .isPresent();
      if (sharded) {
        out.accept(Violation.warning(
            member(element("InputDataConfig", i), "DataSource.S3DataSource.S3DataDistributionType"),
            "distribution.sharded-single-instance",
            "ShardedByS3Key with a single instance: the instance gets every object, as with FullyReplicated"));
      }
    }
  }

  /** An interrupted spot job without checkpoints starts over. */
  static void spotWithoutCheckpoints(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    if (r.enableManagedSpotTraining().orElse(false) && r.checkpointConfig().isEmpty()) {
      out.accept(Violation.warning("CheckpointConfig", "spot.no-checkpoint",
          "managed spot training without CheckpointConfig: an interrupted job restarts from the beginning"));
    }
  }

  /** Inter-container traffic encryption has nothing to encrypt between fewer than two instances. */
  static void encryptionWithOneInstance(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    if (r.enableInterContainerTrafficEncryption().orElse(false) && instances(r).orElse(0) == 1) {
      out.accept(Violation.warning("EnableInterContainerTrafficEncryption", "encryption.single-instance",
          "inter-container traffic encryption with a single instance: there is no traffic to encrypt, "
              + "and it slows the job's start"));
    }
  }
}
