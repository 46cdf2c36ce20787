package dev.smtrain.local.internal;

import dev.smtrain.local.engine.ContainerSpec;
import dev.smtrain.local.engine.EngineLabels;
import dev.smtrain.local.storage.StagedChannel;
import dev.smtrain.model.AlgorithmSpecification;
import dev.smtrain.model.CreateTrainingJobRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage "create containers", the pure part: one {@link ContainerSpec} per host, as SageMaker runs the image.
 * <ul>
 *   <li>command {@code train}; {@code ContainerEntrypoint} replaces the image's entrypoint (and drops
 *       {@code train}); {@code ContainerArguments} alone replace {@code train}; both give entrypoint + arguments;
 *   <li>hostname {@code algo-<i>}, which is also its alias on the job's network;
 *   <li>environment: the request's {@code Environment} plus {@code TRAINING_JOB_NAME} and
 *       {@code TRAINING_JOB_ARN};
 *   <li>binds: {@code /opt/ml/input} (config files and channel mount points), each channel read-only at
 *       {@code /opt/ml/input/data/<channel>}, {@code /opt/ml/model}, {@code /opt/ml/output} and the checkpoint
 *       {@code LocalPath} (default {@code /opt/ml/checkpoints});
 *   <li>network: none with {@code EnableNetworkIsolation} on a single host, else the job's internal network;
 *   <li>labels: the job, the runner session and the host, so leftovers can be found.
 * </ul>
 */
public final class ContainerPlan {

  /** Label naming the host ({@code algo-<i>}) a container plays. */
  public static final String HOST_LABEL = "dev.smtrain.host";
  /** Default checkpoint directory in the container. */
  public static final String DEFAULT_CHECKPOINT_PATH = "/opt/ml/checkpoints";

  private ContainerPlan() {}

  /**
   * The network the job's containers join, or null for none.
   *
   * @param request the job
   * @param hostCount the number of hosts
   * @param networkName the name the job's network gets when it needs one
   * @return the network name, or null when the containers get no network
   */
  public static String network(CreateTrainingJobRequest request, int hostCount, String networkName) {
    boolean isolated = request.enableNetworkIsolation().orElse(false);
    return isolated && hostCount == 1 ? null : networkName;
  }

  /**
   * The container of host {@code i}.
   *
   * @param request the job
   * @param arn the job's ARN
   * @param workspace the job's directories
   * @param channels the channels staged for this host
   * @param i the host, 1-based
   * @param network the job's network, or null
   * @param containerName the container's name
   * @param session the runner session id
   * @return the spec
   */
  public static ContainerSpec container(CreateTrainingJobRequest request, String arn, JobWorkspace workspace,
      List<StagedChannel> channels, int i, String network, String containerName, String session) {
    String name = request.trainingJobName().orElseThrow();
    AlgorithmSpecification algorithm = request.algorithmSpecification().orElseThrow();
    String host = JobWorkspace.hostName(i);
    ContainerSpec.Builder spec = ContainerSpec.builder(algorithm.trainingImage().orElseThrow())
        .name(containerName)
        .hostname(host)
        .network(network)
        .labels(labels(name, session, host))
        .env(environment(request, arn));
    List<String> entrypoint = algorithm.hasContainerEntrypoint() ? algorithm.containerEntrypoint() : null;
    List<String> arguments = algorithm.hasContainerArguments() ? algorithm.containerArguments() : null;
    if (entrypoint != null && !entrypoint.isEmpty()) {
      spec.entrypoint(entrypoint).cmd(arguments == null ? List.of() : arguments);
    } else {
      spec.cmd(arguments != null && !arguments.isEmpty() ? arguments : List.of("train"));
    }
    spec.bind(workspace.input(i), "/opt/ml/input");
    for (StagedChannel c : channels) {
      spec.bindReadOnly(c.hostPath(), c.containerPath());
    }
    spec.bind(workspace.model(i), "/opt/ml/model");
    spec.bind(workspace.output(i), "/opt/ml/output");
    spec.bind(workspace.checkpoints(i), checkpointPath(request));
    return spec.build();
  }

  /** Where checkpoints live in the container. */
  public static String checkpointPath(CreateTrainingJobRequest request) {
    return request.checkpointConfig().flatMap(c -> c.localPath()).orElse(DEFAULT_CHECKPOINT_PATH);
  }

  static Map<String, String> labels(String job, String session, String host) {
    Map<String, String> labels = jobLabels(job, session);
    labels.put(HOST_LABEL, host);
    return labels;
  }

  /**
   * The labels of everything made for a job: smtrain's, the job, the runner session and the runner's machine.
   *
   * @param job the job name
   * @param session the runner session
   * @return a mutable map
   */
  public static Map<String, String> jobLabels(String job, String session) {
    Map<String, String> labels = EngineLabels.of(job, session);
    labels.put(SessionLease.HOST_LABEL, SessionLease.hostName());
    return labels;
  }

  static Map<String, String> environment(CreateTrainingJobRequest request, String arn) {
    Map<String, String> env = new LinkedHashMap<>();
    if (request.hasEnvironment()) {
      env.putAll(request.environment());
    }
    env.put("TRAINING_JOB_NAME", request.trainingJobName().orElseThrow());
    env.put("TRAINING_JOB_ARN", arn);
    return env;
  }

  /** The argument vector SageMaker would run, for messages: entrypoint (or the image's) and command. */
  static List<String> describeCommand(ContainerSpec spec) {
    List<String> argv = new ArrayList<>();
    argv.add(spec.entrypoint() == null ? "<image entrypoint>" : String.join(" ", spec.entrypoint()));
    if (spec.cmd() != null) {
      argv.addAll(spec.cmd());
    }
    return argv;
  }
}
