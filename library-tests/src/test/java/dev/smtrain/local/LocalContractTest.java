package dev.smtrain.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.MetricEvent;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.local.storage.TarContents;
import dev.smtrain.model.Channel;
import dev.smtrain.model.MetricData;
import dev.smtrain.model.MetricDefinition;
import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.SecondaryStatusTransition;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The container contract, checked from inside the container by the test image's {@code train} script. */
@Tag("engine")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LocalContractTest {

  @TempDir
  static Path root;
  static LocalRunnerFixture fx;
  static Path data;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws IOException {
    fx = LocalRunnerFixture.start(root, Duration.ofSeconds(5));
    data = Files.createDirectories(root.resolve("data/train/sub"));
    Files.writeString(data.getParent().resolve("a.csv"), "1,2\n");
    Files.writeString(data.getParent().resolve("b.csv"), "3,4\n");
    Files.writeString(data.getParent().resolve("c.csv"), "5,6\n");
    Files.writeString(data.resolve("d.csv"), "7,8\n");
  }

  @AfterAll
  static void stop() {
    if (fx != null) {
      fx.close();
    }
  }

  @Test
  void submit_whenFileChannelOnOneHost_meetsEveryContractPointAndDescribesTheRun() throws Exception {
    String name = LocalRunnerFixture.uniqueName("contract");
    LocalRunnerFixture.Recorder recorder = new LocalRunnerFixture.Recorder("contract ok");
    TrainingJob job = fx.executor.submit(fx.request(name, "contract")
        .putHyperParameter("lr", "0.1")
        .putHyperParameter("epochs", "3")
        .addInputDataConfig(Channel.s3("train", data.getParent().toUri().toString()).toBuilder()
            .contentType("text/csv").build())
        .algorithmSpecification(a -> a.trainingImage(fx.image).trainingInputMode(
                dev.smtrain.model.TrainingInputMode.FILE)
            .addMetricDefinition(MetricDefinition.of("loss", "loss=([0-9.]+)"))
            .addMetricDefinition(MetricDefinition.of("accuracy", "accuracy=([0-9.]+)")))
        .putEnvironment("USER_SETTING", "from Environment")
        .putEnvironment("EXPECT_JOB", name)
        .putEnvironment("EXPECT_HOSTS", "algo-1")
        .putEnvironment("EXPECT_INSTANCE_TYPE", "ml.m5.xlarge")
        .putEnvironment("EXPECT_HP", "lr=0.1 epochs=3")
        .putEnvironment("EXPECT_CHANNELS", "train:text/csv:FullyReplicated")
        .putEnvironment("EXPECT_FILES", "train/a.csv train/b.csv train/c.csv train/sub/d.csv")
        .build(), recorder);

    TrainingJobDescription done = job.awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT);

    assertEquals(null, done.failureReason().orElse(null), "the train script found a contract point wrong");
    assertEquals(TrainingJobStatus.COMPLETED, done.trainingJobStatus().orElseThrow());
    assertEquals(SecondaryStatus.COMPLETED, done.secondaryStatus().orElseThrow());
    assertEquals(List.of(SecondaryStatus.STARTING, SecondaryStatus.DOWNLOADING, SecondaryStatus.TRAINING,
        SecondaryStatus.UPLOADING, SecondaryStatus.COMPLETED),
        done.secondaryStatusTransitions().stream().map(t -> t.status().orElseThrow()).toList());
    for (SecondaryStatusTransition t : done.secondaryStatusTransitions()) {
      assertTrue(t.endTime().isPresent() && !t.endTime().get().isBefore(t.startTime().orElseThrow()), t::toString);
    }
    assertTrue(done.trainingTimeInSeconds().isPresent());
    assertTrue(!done.trainingEndTime().orElseThrow().isBefore(done.trainingStartTime().orElseThrow()));
    assertEquals(fx.outputUri() + name + "/output/model.tar.gz",
        done.modelArtifacts().orElseThrow().s3ModelArtifacts().orElseThrow());

    // metrics: the last value per definition, and the whole series
    assertEquals(Map.of("loss", 0.25f, "accuracy", 0.9f), Map.of(
        done.finalMetricDataList().get(0).metricName().orElseThrow(),
        done.finalMetricDataList().get(0).value().orElseThrow(),
        done.finalMetricDataList().get(1).metricName().orElseThrow(),
        done.finalMetricDataList().get(1).value().orElseThrow()));
    assertEquals(List.of(0.75, 0.5, 0.25), fx.executor.metrics(name).stream()
        .filter(m -> m.metricName().equals("loss")).map(MetricEvent::value).toList());
    assertEquals(fx.executor.metrics(name), recorder.metrics);
    for (MetricData m : done.finalMetricDataList()) {
      assertTrue(m.timestamp().isPresent());
    }

    // logs: from the executor and the listener, stream algo-1, stdout and stderr
    List<String> lines = fx.executor.logs(name).map(LogEvent::message).toList();
    assertTrue(lines.contains("contract ok on algo-1"), lines::toString);
    assertTrue(lines.contains("epoch=3 loss=0.25 accuracy=0.9"), lines::toString);
    assertEquals(lines, recorder.lines.stream().map(LogEvent::message).toList());
    assertTrue(recorder.lines.stream().allMatch(l -> l.stream().equals("algo-1") && l.trainingJobName().equals(name)));
    assertEquals(TrainingJobStatus.COMPLETED, recorder.statuses.get(recorder.statuses.size() - 1).status());

    // artifacts: the model file, and the config files as the container saw them
    TarContents model = fx.model(name);
    assertEquals("model of algo-1\n", model.text("model-algo-1.txt"));
    TarContents output = fx.outputData(name);
    JsonNode resource = JSON.readTree(output.text("algo-1/resourceconfig.json"));
    assertEquals(JSON.readTree("""
        {"current_host":"algo-1","current_instance_type":"ml.m5.xlarge","current_group_name":"homogeneousCluster",
         "hosts":["algo-1"],"instance_groups":[{"instance_group_name":"homogeneousCluster",
         "instance_type":"ml.m5.xlarge","hosts":["algo-1"]}],"network_interface_name":"eth0"}"""), resource);
    assertEquals(JSON.readTree("{\"epochs\":\"3\",\"lr\":\"0.1\"}"),
        JSON.readTree(output.text("algo-1/hyperparameters.json")));
    assertEquals(JSON.readTree("""
        {"train":{"ContentType":"text/csv","TrainingInputMode":"File","S3DistributionType":"FullyReplicated",
         "RecordWrapperType":"None"}}"""), JSON.readTree(output.text("algo-1/inputdataconfig.json")));
    assertEquals("train/a.csv\ntrain/b.csv\ntrain/c.csv\ntrain/sub/d.csv\n", output.text("algo-1/files.txt"));

    fx.assertNothingLeft(name);
    fx.assertWorkspacesDeleted();
    assertTrue(Files.exists(data.resolve("d.csv")), "the user's input is untouched");
  }

  @Test
  void submit_whenTwoHostsShardByKey_eachHostGetsItsShareAndResolvesTheOther() throws Exception {
    String name = LocalRunnerFixture.uniqueName("two-hosts");
    TrainingJob job = fx.executor.submit(fx.request(name, "contract")
        .resourceConfig(r -> r.instanceType(dev.smtrain.model.TrainingInstanceType.ML_M5_XLARGE)
            .instanceCount(2).volumeSizeInGB(10))
        .addInputDataConfig(c -> c.channelName("train").dataSource(d -> d.s3DataSource(s -> s
            .s3DataType(dev.smtrain.model.S3DataType.S3_PREFIX)
            .s3Uri(data.getParent().toUri().toString())
            .s3DataDistributionType(dev.smtrain.model.S3DataDistribution.SHARDED_BY_S3_KEY))))
        .putEnvironment("USER_SETTING", "from Environment")
        .putEnvironment("EXPECT_JOB", name)
        .putEnvironment("EXPECT_HOSTS", "algo-1 algo-2")
        .putEnvironment("EXPECT_INSTANCE_TYPE", "ml.m5.xlarge")
        .putEnvironment("EXPECT_CHANNELS", "train:-:ShardedByS3Key")
        // sorted keys a.csv, b.csv, c.csv, sub/d.csv: object i goes to host i mod 2
        .putEnvironment("EXPECT_FILES_algo_1", "train/a.csv train/c.csv")
        .putEnvironment("EXPECT_ABSENT_algo_1", "train/b.csv train/sub/d.csv")
        .putEnvironment("EXPECT_FILES_algo_2", "train/b.csv train/sub/d.csv")
        .putEnvironment("EXPECT_ABSENT_algo_2", "train/a.csv train/c.csv")
        .build());

    TrainingJobDescription done = job.awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT);

    assertEquals(null, done.failureReason().orElse(null), "the train script found a contract point wrong");
    assertEquals(TrainingJobStatus.COMPLETED, done.trainingJobStatus().orElseThrow());
    TarContents model = fx.model(name);
    assertEquals("model of algo-1\n", model.text("model-algo-1.txt"));
    assertEquals("model of algo-2\n", model.text("model-algo-2.txt"));
    TarContents output = fx.outputData(name);
    assertEquals("algo-2", JSON.readTree(output.text("algo-2/resourceconfig.json")).get("current_host").asText());
    assertEquals("train/b.csv\ntrain/sub/d.csv\n", output.text("algo-2/files.txt"));
    assertEquals("train/a.csv\ntrain/c.csv\n", output.text("algo-1/files.txt"));
    assertEquals(List.of("algo-1", "algo-2"), fx.executor.logs(name).map(LogEvent::stream).distinct().sorted()
        .toList());
    fx.assertNothingLeft(name);
  }
}
