package dev.smtrain.local.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.smtrain.model.Channel;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.RecordWrapper;
import dev.smtrain.model.S3DataDistribution;
import dev.smtrain.model.S3DataSource;
import dev.smtrain.model.TrainingInputMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stage "write config": the three files SageMaker puts in {@code /opt/ml/input/config} of every host, with the
 * members and spellings of SageMaker's own files.
 */
public final class ConfigFiles {

  /** The group name SageMaker uses for a homogeneous cluster. */
  public static final String HOMOGENEOUS_GROUP = "homogeneousCluster";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ConfigFiles() {}

  /**
   * Writes {@code hyperparameters.json}, {@code inputdataconfig.json} and {@code resourceconfig.json} for
   * every host of the workspace.
   *
   * @param request the job
   * @param workspace where the hosts' config directories are
   */
  public static void write(CreateTrainingJobRequest request, JobWorkspace workspace) {
    for (int i = 1; i <= workspace.hostCount(); i++) {
      Path dir = workspace.config(i);
      writeJson(dir.resolve("hyperparameters.json"), hyperParameters(request));
      writeJson(dir.resolve("inputdataconfig.json"), inputDataConfig(request));
      writeJson(dir.resolve("resourceconfig.json"), resourceConfig(request, i, workspace.hostCount()));
    }
  }

  static Map<String, String> hyperParameters(CreateTrainingJobRequest request) {
    return request.hasHyperParameters() ? new TreeMap<>(request.hyperParameters()) : Map.of();
  }

  static Map<String, Object> inputDataConfig(CreateTrainingJobRequest request) {
    Map<String, Object> channels = new LinkedHashMap<>();
    if (!request.hasInputDataConfig()) {
      return channels;
    }
    TrainingInputMode jobMode = request.algorithmSpecification()
        .flatMap(a -> a.trainingInputMode()).orElse(TrainingInputMode.FILE);
    for (Channel c : request.inputDataConfig()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      c.contentType().ifPresent(t -> entry.put("ContentType", t));
      entry.put("TrainingInputMode", c.inputMode().orElse(jobMode).value());
      S3DataDistribution distribution = c.dataSource().flatMap(d -> d.s3DataSource())
          .flatMap(S3DataSource::s3DataDistributionType).orElse(S3DataDistribution.FULLY_REPLICATED);
      entry.put("S3DistributionType", distribution.value());
      entry.put("RecordWrapperType", c.recordWrapperType().orElse(RecordWrapper.NONE).value());
      channels.put(c.channelName().orElseThrow(), entry);
    }
    return channels;
  }

  static Map<String, Object> resourceConfig(CreateTrainingJobRequest request, int host, int hostCount) {
    String instanceType = request.resourceConfig().flatMap(r -> r.instanceType())
        .map(t -> t.value()).orElse("local");
    List<String> hosts = new ArrayList<>();
    for (int i = 1; i <= hostCount; i++) {
      hosts.add(JobWorkspace.hostName(i));
    }
    hosts.sort(null);
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("instance_group_name", HOMOGENEOUS_GROUP);
    group.put("instance_type", instanceType);
    group.put("hosts", hosts);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("current_host", JobWorkspace.hostName(host));
    config.put("current_instance_type", instanceType);
    config.put("current_group_name", HOMOGENEOUS_GROUP);
    config.put("hosts", hosts);
    config.put("instance_groups", List.of(group));
    config.put("network_interface_name", "eth0");
    return config;
  }

  private static void writeJson(Path file, Object value) {
    try {
      Files.write(file, JSON.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
