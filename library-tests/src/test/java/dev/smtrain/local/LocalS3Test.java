package dev.smtrain.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.local.storage.TarContents;
import dev.smtrain.model.S3DataDistribution;
import dev.smtrain.model.S3DataType;
import dev.smtrain.model.TrainingInstanceType;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.testing.s3.S3ProxyServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The contract with {@code s3://} inputs, outputs and checkpoints, against S3Proxy on loopback. */
@Tag("engine")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LocalS3Test {

  @RegisterExtension
  static final S3ProxyServer S3 = new S3ProxyServer();
  @TempDir
  static Path root;
  static LocalRunnerFixture fx;
  static String bucket;

  @BeforeAll
  static void start() throws IOException {
    fx = LocalRunnerFixture.start(root, Duration.ofSeconds(3), S3.storageSettings());
    bucket = S3.createBucket();
    for (String key : new String[] {"data/train/a.csv", "data/train/b.csv", "data/train/c.csv",
        "data/train/sub/d.csv", "data/other/x.csv"}) {
      S3.put(bucket, key, "content of " + key + "\n");
    }
  }

  @AfterAll
  static void stop() {
    if (fx != null) {
      fx.close();
    }
  }

  @Test
  void submit_whenS3ChannelShardedOverTwoHosts_meetsTheContractAndUploadsTheMergedModel() throws Exception {
    String name = LocalRunnerFixture.uniqueName("s3-two-hosts");
    TrainingJobDescription done = fx.executor.submit(fx.request(name, "contract")
        .resourceConfig(r -> r.instanceType(TrainingInstanceType.ML_M5_XLARGE).instanceCount(2).volumeSizeInGB(10))
        .outputDataConfig(o -> o.s3OutputPath("s3://" + bucket + "/results"))
        .addInputDataConfig(c -> c.channelName("train").dataSource(d -> d.s3DataSource(s -> s
            .s3DataType(S3DataType.S3_PREFIX)
            .s3Uri("s3://" + bucket + "/data/train")
            .s3DataDistributionType(S3DataDistribution.SHARDED_BY_S3_KEY))))
        .putEnvironment("USER_SETTING", "from Environment")
        .putEnvironment("EXPECT_JOB", name)
        .putEnvironment("EXPECT_HOSTS", "algo-1 algo-2")
        .putEnvironment("EXPECT_INSTANCE_TYPE", "ml.m5.xlarge")
        .putEnvironment("EXPECT_CHANNELS", "train:-:ShardedByS3Key")
        .putEnvironment("EXPECT_FILES_algo_1", "train/a.csv train/c.csv")
        .putEnvironment("EXPECT_ABSENT_algo_1", "train/b.csv train/sub/d.csv")
        .putEnvironment("EXPECT_FILES_algo_2", "train/b.csv train/sub/d.csv")
        .putEnvironment("EXPECT_ABSENT_algo_2", "train/a.csv train/c.csv")
        .build()).awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT);

    assertEquals(null, done.failureReason().orElse(null), "the train script found a contract point wrong");
    assertEquals(TrainingJobStatus.COMPLETED, done.trainingJobStatus().orElseThrow());
    String modelKey = "results/" + name + "/output/model.tar.gz";
    assertEquals("s3://" + bucket + "/" + modelKey,
        done.modelArtifacts().orElseThrow().s3ModelArtifacts().orElseThrow());
    TarContents model = TarContents.read(S3.get(bucket, modelKey));
    assertEquals("model of algo-1\n", model.text("model-algo-1.txt"));
    assertEquals("model of algo-2\n", model.text("model-algo-2.txt"));
    TarContents output = TarContents.read(S3.get(bucket, "results/" + name + "/output/output.tar.gz"));
    assertEquals("train/a.csv\ntrain/c.csv\n", output.text("algo-1/files.txt"));
    assertEquals("train/b.csv\ntrain/sub/d.csv\n", output.text("algo-2/files.txt"));
    fx.assertNothingLeft(name);
  }

  @Test
  void submit_whenCheckpointsInS3_copiesThemInAndSyncsThemBack() {
    S3.put(bucket, "ckpt/count", "41\n");
    String name = LocalRunnerFixture.uniqueName("s3-checkpoint");
    TrainingJobDescription done = fx.executor.submit(fx.request(name, "checkpoint")
        .outputDataConfig(o -> o.s3OutputPath("s3://" + bucket + "/results"))
        .checkpointConfig(c -> c.s3Uri("s3://" + bucket + "/ckpt"))
        .build()).awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT);

    assertEquals(null, done.failureReason().orElse(null));
    assertEquals("42\n", new String(S3.get(bucket, "ckpt/count"), StandardCharsets.UTF_8));
    assertEquals("run 42\n", new String(S3.get(bucket, "ckpt/run-42.txt"), StandardCharsets.UTF_8));
    assertTrue(S3.keys(bucket, "results/" + name + "/output/").contains("results/" + name
        + "/output/model.tar.gz"));
  }
}
