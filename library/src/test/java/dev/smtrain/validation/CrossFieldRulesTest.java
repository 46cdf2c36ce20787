package dev.smtrain.validation;

import static dev.smtrain.validation.Requests.lines;
import static dev.smtrain.validation.Requests.minimal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smtrain.model.AlgorithmSpecification;
import dev.smtrain.model.Channel;
import dev.smtrain.model.CompressionType;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.DebugRuleConfiguration;
import dev.smtrain.model.FileSystemAccessMode;
import dev.smtrain.model.FileSystemType;
import dev.smtrain.model.ProfilerRuleConfiguration;
import dev.smtrain.model.RecordWrapper;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.S3DataType;
import dev.smtrain.model.StoppingCondition;
import dev.smtrain.model.Tag;
import dev.smtrain.model.TrainingInputMode;
import dev.smtrain.model.TrainingInstanceType;
import dev.smtrain.model.TrainingRepositoryAccessMode;
import dev.smtrain.model.VpcConfig;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** One test per cross-field rule: the request breaks exactly that rule, and the report says exactly that. */
class CrossFieldRulesTest {

  private final TrainingJobValidator validator = TrainingJobValidator.standard();

  private List<String> check(UnaryOperator<CreateTrainingJobRequest.Builder> change) {
    return lines(validator.validate(change.apply(minimal().toBuilder()).build()));
  }

  private static AlgorithmSpecification.Builder spec() {
    return minimal().algorithmSpecification().get().toBuilder();
  }

  private static ResourceConfig.Builder resources() {
    return minimal().resourceConfig().get().toBuilder();
  }

  private static Channel channel(String name, S3DataType type, UnaryOperator<Channel.Builder> more) {
    return more.apply(Channel.builder().channelName(name)
        .dataSource(d -> d.s3DataSource(s -> s.s3DataType(type).s3Uri("s3://bucket/" + name)))).build();
  }

  private static final VpcConfig VPC = VpcConfig.builder().addSecurityGroupId("sg-1").addSubnet("subnet-1").build();

  @Test
  void imageXorAlgorithm_whenBoth_thenError() {
    assertEquals(List.of("AlgorithmSpecification.AlgorithmName algorithm.image-and-name ERROR"),
        check(b -> b.algorithmSpecification(spec().algorithmName("my-algorithm").build())));
  }

  @Test
  void imageXorAlgorithm_whenNeither_thenError() {
    assertEquals(List.of("AlgorithmSpecification.TrainingImage algorithm.image-or-name ERROR"),
        check(b -> b.algorithmSpecification(spec().trainingImage(Optional.empty()).build())));
  }

  @Test
  void spot_whenNoMaxWait_thenError() {
    assertEquals(List.of("StoppingCondition.MaxWaitTimeInSeconds spot.max-wait-required ERROR"),
        check(b -> b.enableManagedSpotTraining(true).checkpointConfig(c -> c.s3Uri("s3://bucket/ckpt"))));
  }

  @Test
  void spot_whenMaxWaitBelowMaxRuntime_thenError() {
    assertEquals(List.of("StoppingCondition.MaxWaitTimeInSeconds spot.max-wait-below-max-runtime ERROR"),
        check(b -> b.enableManagedSpotTraining(true).checkpointConfig(c -> c.s3Uri("s3://bucket/ckpt"))
            .stoppingCondition(s -> s.maxRuntimeInSeconds(3600).maxWaitTimeInSeconds(3599))));
  }

  @Test
  void spot_whenMaxWaitWithoutSpot_thenError() {
    assertEquals(List.of("StoppingCondition.MaxWaitTimeInSeconds spot.max-wait-without-spot ERROR"),
        check(b -> b.stoppingCondition(s -> s.maxRuntimeInSeconds(3600).maxWaitTimeInSeconds(7200))));
  }

  @Test
  void maxRuntime_whenOver28Days_thenError() {
    assertEquals(List.of("StoppingCondition.MaxRuntimeInSeconds stopping.max-runtime-too-long ERROR"),
        check(b -> b.stoppingCondition(StoppingCondition.builder().maxRuntimeInSeconds(2_419_201).build())));
  }

  @Test
  void channelNames_whenDuplicate_thenErrorOnSecond() {
    assertEquals(List.of("InputDataConfig[1].ChannelName channel.duplicate-name ERROR"),
        check(b -> b.addInputDataConfig(Channel.s3("train", "s3://b/1")).addInputDataConfig(Channel.s3("train", "s3://b/2"))));
  }

  @Test
  void dataSource_whenBothSources_thenError() {
    Channel both = Channel.builder().channelName("train").dataSource(d -> d
        .s3DataSource(s -> s.s3DataType(S3DataType.S3_PREFIX).s3Uri("s3://b/t"))
        .fileSystemDataSource(f -> f.fileSystemId("fs-0123456789abcdef0").fileSystemAccessMode(FileSystemAccessMode.RO)
            .fileSystemType(FileSystemType.EFS).directoryPath("/fs/train"))).build();
    assertEquals(List.of("InputDataConfig[0].DataSource channel.data-source-count ERROR"),
        check(b -> b.vpcConfig(VPC).addInputDataConfig(both)));
  }

  @Test
  void dataSource_whenNoSource_thenError() {
    Channel none = Channel.builder().channelName("train").dataSource(d -> { }).build();
    assertEquals(List.of("InputDataConfig[0].DataSource channel.data-source-count ERROR"),
        check(b -> b.addInputDataConfig(none)));
  }

  @Test
  void augmentedManifest_whenFileMode_thenError() {
    assertEquals(List.of("InputDataConfig[0].DataSource.S3DataSource.S3DataType channel.augmented-manifest-needs-pipe ERROR"),
        check(b -> b.addInputDataConfig(channel("train", S3DataType.AUGMENTED_MANIFEST_FILE, c -> c))));
  }

  @Test
  void fastFile_whenManifestFile_thenErrorOnInputMode() {
    assertEquals(List.of("InputDataConfig[0].InputMode channel.fast-file-needs-s3-prefix ERROR"),
        check(b -> b.addInputDataConfig(channel("train", S3DataType.MANIFEST_FILE,
            c -> c.inputMode(TrainingInputMode.FAST_FILE)))));
  }

  @Test
  void fastFile_whenInheritedFromAlgorithm_thenErrorOnAlgorithmInputMode() {
    assertEquals(List.of("AlgorithmSpecification.TrainingInputMode channel.fast-file-needs-s3-prefix ERROR"),
        check(b -> b.algorithmSpecification(spec().trainingInputMode(TrainingInputMode.FAST_FILE).build())
            .addInputDataConfig(channel("train", S3DataType.MANIFEST_FILE, c -> c))));
  }

  @Test
  void gzip_whenFileMode_thenError() {
    assertEquals(List.of("InputDataConfig[0].CompressionType channel.gzip-needs-pipe ERROR"),
        check(b -> b.addInputDataConfig(channel("train", S3DataType.S3_PREFIX, c -> c.compressionType(CompressionType.GZIP)))));
  }

  @Test
  void recordIo_whenFileMode_thenError() {
    assertEquals(List.of("InputDataConfig[0].RecordWrapperType channel.recordio-needs-pipe ERROR"),
        check(b -> b.addInputDataConfig(channel("train", S3DataType.S3_PREFIX, c -> c.recordWrapperType(RecordWrapper.RECORD_IO)))));
  }

  @Test
  void attributeNames_whenS3Prefix_thenError() {
    Channel c = Channel.builder().channelName("train").dataSource(d -> d.s3DataSource(s -> s
        .s3DataType(S3DataType.S3_PREFIX).s3Uri("s3://b/t").addAttributeName("label"))).build();
    assertEquals(List.of("InputDataConfig[0].DataSource.S3DataSource.AttributeNames channel.attribute-names-need-augmented-manifest ERROR"),
        check(b -> b.addInputDataConfig(c)));
  }

  private static Channel efs(UnaryOperator<Channel.Builder> more) {
    return more.apply(Channel.builder().channelName("train").dataSource(d -> d.fileSystemDataSource(f -> f
        .fileSystemId("fs-0123456789abcdef0").fileSystemAccessMode(FileSystemAccessMode.RO)
        .fileSystemType(FileSystemType.EFS).directoryPath("/fs/train")))).build();
  }

  @Test
  void fileSystem_whenNoVpc_thenError() {
    assertEquals(List.of("InputDataConfig[0].DataSource.FileSystemDataSource channel.file-system-needs-vpc ERROR"),
        check(b -> b.addInputDataConfig(efs(c -> c))));
  }

  @Test
  void fileSystem_whenPipeMode_thenError() {
    assertEquals(List.of("InputDataConfig[0].InputMode channel.file-system-needs-file-mode ERROR"),
        check(b -> b.vpcConfig(VPC).addInputDataConfig(efs(c -> c.inputMode(TrainingInputMode.PIPE)))));
  }

  private static ResourceConfig.Builder groups(String... names) {
    ResourceConfig.Builder b = ResourceConfig.builder().volumeSizeInGB(10);
    for (String n : names) {
      b.addInstanceGroup(g -> g.instanceGroupName(n).instanceType(TrainingInstanceType.ML_M5_XLARGE).instanceCount(1));
    }
    return b;
  }

  @Test
  void instanceGroups_whenWithInstanceTypeAndCount_thenTwoErrors() {
    assertEquals(List.of("ResourceConfig.InstanceType resource.groups-exclude-type ERROR",
        "ResourceConfig.InstanceCount resource.groups-exclude-count ERROR"),
        check(b -> b.resourceConfig(groups("a").instanceType(TrainingInstanceType.ML_M5_LARGE).instanceCount(1).build())));
  }

  @Test
  void instanceGroups_whenNeitherGroupsNorType_thenErrors() {
    assertEquals(List.of("ResourceConfig.InstanceType resource.type-or-groups ERROR",
        "ResourceConfig.InstanceCount resource.count-or-groups ERROR"),
        check(b -> b.resourceConfig(ResourceConfig.builder().volumeSizeInGB(10).build())));
  }

  @Test
  void instanceGroups_whenDuplicateNames_thenError() {
    assertEquals(List.of("ResourceConfig.InstanceGroups[1].InstanceGroupName resource.duplicate-group-name ERROR"),
        check(b -> b.resourceConfig(groups("a", "a").build())));
  }

  @Test
  void instanceGroupNames_whenNoSuchGroup_thenError() {
    Channel c = Channel.builder().channelName("train").dataSource(d -> d.s3DataSource(s -> s
        .s3DataType(S3DataType.S3_PREFIX).s3Uri("s3://b/t").addInstanceGroupName("a").addInstanceGroupName("b"))).build();
    assertEquals(List.of("InputDataConfig[0].DataSource.S3DataSource.InstanceGroupNames[1] channel.unknown-instance-group ERROR"),
        check(b -> b.resourceConfig(groups("a").build()).addInputDataConfig(c)));
  }

  @Test
  void volumeKmsKey_whenNvmeInstance_thenError() {
    assertEquals(List.of("ResourceConfig.VolumeKmsKeyId resource.kms-key-on-nvme ERROR"),
        check(b -> b.resourceConfig(resources().instanceType(TrainingInstanceType.of("ml.g5.xlarge"))
            .volumeKmsKeyId("arn:aws:kms:us-east-1:123456789012:key/abc").build())));
  }

  @Test
  void volumeKmsKey_whenNvmeInstanceInGroup_thenError() {
    assertEquals(List.of("ResourceConfig.VolumeKmsKeyId resource.kms-key-on-nvme ERROR"),
        check(b -> b.resourceConfig(groups("a").addInstanceGroup(g -> g.instanceGroupName("gpu")
            .instanceType(TrainingInstanceType.ML_P4D_24XLARGE).instanceCount(1)).volumeKmsKeyId("key-id").build())));
  }

  @Test
  void keepAlive_whenSpot_thenError() {
    assertEquals(List.of("ResourceConfig.KeepAlivePeriodInSeconds resource.keep-alive-with-spot ERROR"),
        check(b -> b.enableManagedSpotTraining(true).checkpointConfig(c -> c.s3Uri("s3://bucket/ckpt"))
            .stoppingCondition(s -> s.maxRuntimeInSeconds(3600).maxWaitTimeInSeconds(3600))
            .resourceConfig(resources().keepAlivePeriodInSeconds(600).build())));
  }

  @Test
  void keepAlive_whenInstanceGroups_thenError() {
    assertEquals(List.of("ResourceConfig.KeepAlivePeriodInSeconds resource.keep-alive-with-groups ERROR"),
        check(b -> b.resourceConfig(groups("a").keepAlivePeriodInSeconds(600).build())));
  }

  @Test
  void profilingInterval_whenNotSupported_thenError() {
    assertEquals(List.of("ProfilerConfig.ProfilingIntervalInMilliseconds profiler.interval ERROR"),
        check(b -> b.profilerConfig(p -> p.profilingIntervalInMilliseconds(300L))));
  }

  @Test
  void tags_whenDuplicateKey_thenError() {
    assertEquals(List.of("Tags[1].Key tag.duplicate-key ERROR"),
        check(b -> b.addTag(Tag.of("team", "a")).addTag(Tag.of("team", "b"))));
  }

  @Test
  void tags_whenAwsPrefix_thenError() {
    assertEquals(List.of("Tags[0].Key tag.reserved-prefix ERROR"), check(b -> b.addTag(Tag.of("aws:owner", "me"))));
  }

  @Test
  void debugRuleNames_whenDuplicate_thenError() {
    DebugRuleConfiguration rule = DebugRuleConfiguration.builder().ruleConfigurationName("loss")
        .ruleEvaluatorImage("123456789012.dkr.ecr.us-east-1.amazonaws.com/rules:latest").build();
    assertEquals(List.of("DebugRuleConfigurations[1].RuleConfigurationName rule-config.duplicate-name ERROR"),
        check(b -> b.addDebugRuleConfiguration(rule).addDebugRuleConfiguration(rule)));
  }

  @Test
  void profilerRuleNames_whenDuplicate_thenError() {
    ProfilerRuleConfiguration rule = ProfilerRuleConfiguration.builder().ruleConfigurationName("cpu")
        .ruleEvaluatorImage("123456789012.dkr.ecr.us-east-1.amazonaws.com/rules:latest").build();
    assertEquals(List.of("ProfilerRuleConfigurations[1].RuleConfigurationName rule-config.duplicate-name ERROR"),
        check(b -> b.addProfilerRuleConfiguration(rule).addProfilerRuleConfiguration(rule)));
  }

  @Test
  void vpcRepositoryAccess_whenNoVpc_thenError() {
    assertEquals(List.of("AlgorithmSpecification.TrainingImageConfig.TrainingRepositoryAccessMode algorithm.vpc-repository-needs-vpc ERROR"),
        check(b -> b.algorithmSpecification(spec().trainingImageConfig(c -> c
            .trainingRepositoryAccessMode(TrainingRepositoryAccessMode.VPC)).build())));
  }

  @Test
  void instanceType_whenMalformed_thenError() {
    assertEquals(List.of("ResourceConfig.InstanceType instance-type.malformed ERROR"),
        check(b -> b.resourceConfig(resources().instanceType(TrainingInstanceType.of("m5.large")).build())));
  }
}
