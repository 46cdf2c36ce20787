package dev.smtrain.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.local.engine.ContainerSpec;
import dev.smtrain.local.engine.EngineLabels;
import dev.smtrain.local.storage.StagedChannel;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.TrainingInputMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerPlanTest {

  @TempDir
  Path dir;

  private ContainerSpec spec(CreateTrainingJobRequest request, List<StagedChannel> channels) {
    JobWorkspace ws = JobWorkspace.create(dir, "job", 2);
    return ContainerPlan.container(request, "arn:aws:sagemaker:local:000000000000:training-job/job", ws, channels,
        2, "net", "job-algo-2-x", "session-1");
  }

  @Test
  void container_whenNoEntrypointOrArguments_runsTrainWithTheImageEntrypoint() {
    ContainerSpec s = spec(Requests.valid("job").build(), List.of());

    assertNull(s.entrypoint());
    assertEquals(List.of("train"), s.cmd());
    assertEquals("algo-2", s.hostname());
    assertEquals("net", s.network());
  }

  @Test
  void container_whenEntrypointAndArgumentsAreSet_followsSageMaker() {
    CreateTrainingJobRequest both = Requests.valid("job").algorithmSpecification(a -> a.trainingImage("i")
        .trainingInputMode(TrainingInputMode.FILE).containerEntrypoint(List.of("python", "run.py"))
        .containerArguments(List.of("--epochs", "3"))).build();
    CreateTrainingJobRequest entrypointOnly = Requests.valid("job").algorithmSpecification(a -> a
        .trainingImage("i").trainingInputMode(TrainingInputMode.FILE).containerEntrypoint(List.of("python"))).build();
    CreateTrainingJobRequest argumentsOnly = Requests.valid("job").algorithmSpecification(a -> a
        .trainingImage("i").trainingInputMode(TrainingInputMode.FILE).containerArguments(List.of("serve"))).build();

    assertEquals(List.of("python", "run.py"), spec(both, List.of()).entrypoint());
    assertEquals(List.of("--epochs", "3"), spec(both, List.of()).cmd());
    assertEquals(List.of("python"), spec(entrypointOnly, List.of()).entrypoint());
    assertEquals(List.of(), spec(entrypointOnly, List.of()).cmd());
    assertNull(spec(argumentsOnly, List.of()).entrypoint());
    assertEquals(List.of("serve"), spec(argumentsOnly, List.of()).cmd());
  }

  @Test
  void container_whenChannelsAndCheckpoints_bindsChannelsReadOnlyAndOutputsWritable() {
    Path data = dir.resolve("user-data");
    CreateTrainingJobRequest request = Requests.valid("job").checkpointConfig(c -> c.s3Uri("s3://b/c")
        .localPath("/opt/ml/ckpt")).putEnvironment("A", "b").build();

    ContainerSpec s = spec(request, List.of(new StagedChannel("train", data, true, -1, -1)));

    assertTrue(s.binds().contains(new ContainerSpec.Bind(data, "/opt/ml/input/data/train", true)));
    assertEquals(List.of("/opt/ml/input", "/opt/ml/input/data/train", "/opt/ml/model", "/opt/ml/output",
        "/opt/ml/ckpt"), s.binds().stream().map(ContainerSpec.Bind::containerPath).toList());
    assertEquals(List.of(true), s.binds().stream().filter(ContainerSpec.Bind::readOnly)
        .map(b -> b.containerPath().startsWith("/opt/ml/input/data/")).distinct().toList());
    assertEquals("b", s.env().get("A"));
    assertEquals("job", s.env().get("TRAINING_JOB_NAME"));
    assertEquals("arn:aws:sagemaker:local:000000000000:training-job/job", s.env().get("TRAINING_JOB_ARN"));
    assertEquals("job", s.labels().get(EngineLabels.JOB));
    assertEquals("session-1", s.labels().get(EngineLabels.SESSION));
    assertEquals("algo-2", s.labels().get(ContainerPlan.HOST_LABEL));
  }

  @Test
  void network_whenIsolated_isNoneForOneHostAndTheInternalNetworkForMore() {
    CreateTrainingJobRequest isolated = Requests.valid("job").enableNetworkIsolation(true).build();

    assertNull(ContainerPlan.network(isolated, 1, "n"));
    assertEquals("n", ContainerPlan.network(isolated, 2, "n"));
    assertEquals("n", ContainerPlan.network(Requests.valid("job").build(), 1, "n"));
  }
}
