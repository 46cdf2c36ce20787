package dev.smtrain.validation;

import static dev.smtrain.validation.Requests.lines;
import static dev.smtrain.validation.Requests.minimal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smtrain.model.Channel;
import dev.smtrain.model.CompressionType;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.RecordWrapper;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.S3DataDistribution;
import dev.smtrain.model.S3DataType;
import dev.smtrain.model.Tag;
import dev.smtrain.model.TrainingInputMode;
import dev.smtrain.model.TrainingInstanceType;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Requests SageMaker accepts that a too-strict validator would reject: no error, and only the warnings named. */
class ValidVariationsTest {

  private static Arguments ok(String name, UnaryOperator<CreateTrainingJobRequest.Builder> change, String... warnings) {
    return Arguments.of(name, change, List.of(warnings));
  }

  private static Channel channel(String name, S3DataType type, UnaryOperator<Channel.Builder> more) {
    return more.apply(Channel.builder().channelName(name)
        .dataSource(d -> d.s3DataSource(s -> s.s3DataType(type).s3Uri("s3://bucket/" + name)))).build();
  }

  static Stream<Arguments> variations() {
    ResourceConfig rc = minimal().resourceConfig().get();
    return Stream.of(
        ok("algorithm name instead of image", b -> b.algorithmSpecification(a -> a.algorithmName("my-algo")
            .trainingInputMode(TrainingInputMode.FILE))),
        ok("https S3 URI", b -> b.addInputDataConfig(Channel.s3("train", "https://bucket.s3.amazonaws.com/train"))),
        ok("S3 bucket without key", b -> b.addInputDataConfig(Channel.s3("train", "s3://bucket"))),
        ok("hyperparameter key 256 and value 2,500 characters", b -> b.putHyperParameter("k".repeat(256), "v".repeat(2500))),
        ok("100 hyperparameters", b -> {
          for (int i = 0; i < 100; i++) {
            b.putHyperParameter("p" + i, "1");
          }
          return b;
        }),
        ok("environment value with newline", b -> b.putEnvironment("SCRIPT", "line1\nline2")),
        ok("tag with unicode letters and spaces", b -> b.addTag(Tag.of("équipe", "Données clients"))),
        ok("empty tag value", b -> b.addTag(Tag.of("empty", ""))),
        ok("spot with MaxWait equal to MaxRuntime and checkpoints", b -> b.enableManagedSpotTraining(true)
            .checkpointConfig(c -> c.s3Uri("s3://bucket/ckpt"))
            .stoppingCondition(s -> s.maxRuntimeInSeconds(3600).maxWaitTimeInSeconds(3600))),
        ok("MaxRuntime exactly 28 days", b -> b.stoppingCondition(s -> s.maxRuntimeInSeconds(2_419_200))),
        ok("augmented manifest in Pipe mode with attribute names", b -> b.addInputDataConfig(
            channel("train", S3DataType.AUGMENTED_MANIFEST_FILE, c -> c.inputMode(TrainingInputMode.PIPE)))
            .addInputDataConfig(Channel.builder().channelName("labels").inputMode(TrainingInputMode.PIPE)
                .dataSource(d -> d.s3DataSource(s -> s.s3DataType(S3DataType.AUGMENTED_MANIFEST_FILE)
                    .s3Uri("s3://bucket/m").addAttributeName("source-ref").addAttributeName("label"))).build())),
        ok("Gzip and RecordIO in Pipe mode", b -> b.addInputDataConfig(channel("train", S3DataType.S3_PREFIX,
            c -> c.inputMode(TrainingInputMode.PIPE).compressionType(CompressionType.GZIP)
                .recordWrapperType(RecordWrapper.RECORD_IO)))),
        ok("CompressionType None in File mode", b -> b.addInputDataConfig(channel("train", S3DataType.S3_PREFIX,
            c -> c.compressionType(CompressionType.NONE).recordWrapperType(RecordWrapper.NONE)))),
        ok("FastFile with S3Prefix", b -> b.addInputDataConfig(channel("train", S3DataType.S3_PREFIX,
            c -> c.inputMode(TrainingInputMode.FAST_FILE)))),
        ok("ShardedByS3Key with two instances", b -> b.resourceConfig(rc.toBuilder().instanceCount(2).build())
            .addInputDataConfig(Channel.builder().channelName("train").dataSource(d -> d.s3DataSource(s -> s
                .s3DataType(S3DataType.S3_PREFIX).s3Uri("s3://b/t")
                .s3DataDistributionType(S3DataDistribution.SHARDED_BY_S3_KEY))).build())),
        ok("instance groups without InstanceType and InstanceCount, channel naming a group",
            b -> b.resourceConfig(ResourceConfig.builder().volumeSizeInGB(10)
                .addInstanceGroup(g -> g.instanceGroupName("cpu").instanceType(TrainingInstanceType.ML_M5_XLARGE).instanceCount(2))
                .addInstanceGroup(g -> g.instanceGroupName("gpu").instanceType(TrainingInstanceType.of("ml.g5.xlarge")).instanceCount(1))
                .build())
                .addInputDataConfig(Channel.builder().channelName("train").dataSource(d -> d.s3DataSource(s -> s
                    .s3DataType(S3DataType.S3_PREFIX).s3Uri("s3://b/t").addInstanceGroupName("gpu"))).build())),
        ok("KMS key on an instance type without NVMe", b -> b.resourceConfig(rc.toBuilder().volumeKmsKeyId("alias/key").build())),
        ok("warm pool on a single on-demand instance", b -> b.resourceConfig(rc.toBuilder().keepAlivePeriodInSeconds(3600).build())),
        ok("every supported profiling interval", b -> b.profilerConfig(p -> p.profilingIntervalInMilliseconds(60000L))),
        ok("same name for a channel and a tag key", b -> b.addInputDataConfig(Channel.s3("train", "s3://b/t"))
            .addTag(Tag.of("train", "yes"))),
        ok("job name of 63 characters with hyphens", b -> b.trainingJobName("a-" + "b".repeat(60) + "c")),
        ok("role ARN in another partition", b -> b.roleArn("arn:aws-cn:iam::123456789012:role/Role")),
        ok("empty lists and maps", b -> b.tags(List.of()).hyperParameters(java.util.Map.of()).environment(java.util.Map.of())),
        ok("no AlgorithmSpecification.TrainingImageConfig and no optional members", b -> b.vpcConfig(Optional.empty())),
        ok("new, well-formed instance type: a warning only",
            b -> b.resourceConfig(rc.toBuilder().instanceType(TrainingInstanceType.of("ml.m99.xlarge")).build()),
            "ResourceConfig.InstanceType instance-type.unknown WARNING"),
        ok("ShardedByS3Key with one instance: a warning only", b -> b.addInputDataConfig(Channel.builder()
            .channelName("train").dataSource(d -> d.s3DataSource(s -> s.s3DataType(S3DataType.S3_PREFIX).s3Uri("s3://b/t")
                .s3DataDistributionType(S3DataDistribution.SHARDED_BY_S3_KEY))).build()),
            "InputDataConfig[0].DataSource.S3DataSource.S3DataDistributionType distribution.sharded-single-instance WARNING"),
        ok("spot without checkpoints: a warning only", b -> b.enableManagedSpotTraining(true)
            .stoppingCondition(s -> s.maxRuntimeInSeconds(3600).maxWaitTimeInSeconds(7200)),
            "CheckpointConfig spot.no-checkpoint WARNING"),
        ok("inter-container encryption with one instance: a warning only",
            b -> b.enableInterContainerTrafficEncryption(true),
            "EnableInterContainerTrafficEncryption encryption.single-instance WARNING"),
        ok("metric regex without a group: a warning only", b -> b.algorithmSpecification(
            minimal().algorithmSpecification().get().toBuilder().addMetricDefinition(m -> m.name("loss").regex("loss=[0-9.]+")).build()),
            "AlgorithmSpecification.MetricDefinitions[0].Regex metric.regex-no-group WARNING"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variations")
  void validate_whenValidVariation_thenNoError(String name, UnaryOperator<CreateTrainingJobRequest.Builder> change,
      List<String> warnings) {
    ValidationReport report = TrainingJobValidator.standard().validate(change.apply(minimal().toBuilder()).build());
    assertEquals(warnings, lines(report), report::toString);
  }
}
