package dev.smtrain.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtrain.model.Channel;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.RecordWrapper;
import dev.smtrain.model.S3DataDistribution;
import dev.smtrain.model.TrainingInputMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void write_whenThreeHosts_givesEachItsOwnResourceConfigWithSortedHosts() throws Exception {
    CreateTrainingJobRequest request = Requests.valid("job").resourceConfig(r -> r
        .instanceType(dev.smtrain.model.TrainingInstanceType.of("ml.g6.xlarge")).instanceCount(3)
        .volumeSizeInGB(5)).build();
    JobWorkspace ws = JobWorkspace.create(dir, "job", 3);

    ConfigFiles.write(request, ws);

    assertEquals(JSON.readTree("""
        {"current_host":"algo-2","current_instance_type":"ml.g6.xlarge","current_group_name":"homogeneousCluster",
         "hosts":["algo-1","algo-2","algo-3"],"instance_groups":[{"instance_group_name":"homogeneousCluster",
         "instance_type":"ml.g6.xlarge","hosts":["algo-1","algo-2","algo-3"]}],"network_interface_name":"eth0"}"""),
        JSON.readTree(Files.readString(ws.config(2).resolve("resourceconfig.json"))));
    assertEquals("algo-3", JSON.readTree(Files.readString(ws.config(3).resolve("resourceconfig.json")))
        .get("current_host").asText());
    assertEquals(JSON.readTree("{}"), JSON.readTree(Files.readString(ws.config(1).resolve("hyperparameters.json"))));
  }

  @Test
  void inputDataConfig_whenChannelsDifferInSettings_writesSageMakersMembersAndDefaults() throws Exception {
    CreateTrainingJobRequest request = Requests.valid("job")
        .algorithmSpecification(a -> a.trainingImage("i").trainingInputMode(TrainingInputMode.FAST_FILE))
        .addInputDataConfig(Channel.s3("train", "s3://b/train").toBuilder().contentType("text/csv")
            .inputMode(TrainingInputMode.FILE).recordWrapperType(RecordWrapper.RECORD_IO).build())
        .addInputDataConfig(c -> c.channelName("test").dataSource(d -> d.s3DataSource(s -> s
            .s3DataType(dev.smtrain.model.S3DataType.S3_PREFIX).s3Uri("s3://b/test")
            .s3DataDistributionType(S3DataDistribution.SHARDED_BY_S3_KEY))))
        .putHyperParameter("epochs", "3")
        .build();

    assertEquals(JSON.readTree("""
        {"train":{"ContentType":"text/csv","TrainingInputMode":"File","S3DistributionType":"FullyReplicated",
                  "RecordWrapperType":"RecordIO"},
         "test":{"TrainingInputMode":"FastFile","S3DistributionType":"ShardedByS3Key","RecordWrapperType":"None"}}
        """), JSON.valueToTree(ConfigFiles.inputDataConfig(request)));
    assertEquals(JSON.readTree("{\"epochs\":\"3\"}"), JSON.valueToTree(ConfigFiles.hyperParameters(request)));
  }
}
