package dev.smtrain.samples.quickstart;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which container engine the quick start uses: the one named by the {@code smtrain.docker.host} system
 * property or {@code DOCKER_HOST}, otherwise the first of the usual sockets that answers (the local runner's
 * own search order). The quick start builds its image on that engine and gives the same address to the
 * local runner, so that the job runs where the image is.
 */
final class EngineAddress {

  static final String PROPERTY = "smtrain.docker.host";

  static final List<Path> SOCKETS = List.of(Path.of("/run/smtrain/podman.sock"),
      Path.of("/run/smtrain/docker.sock"), Path.of("/var/run/docker.sock"), Path.of("/run/podman/podman.sock"));

  private EngineAddress() {}

  /** The engine's address, or empty when none answers (then run samples/engine/podman.sh). */
  static Optional<String> find() {
    String named = Optional.ofNullable(System.getProperty(PROPERTY)).filter(s -> !s.isBlank())
        .orElse(System.getenv("DOCKER_HOST"));
    List<String> candidates = new ArrayList<>();
    if (named != null && !named.isBlank()) {
      candidates.add(named.strip());
    } else {
      SOCKETS.stream().filter(Files::exists).forEach(s -> candidates.add("unix://" + s));
    }
    return candidates.stream().filter(EngineAddress::answers).findFirst();
  }

  static boolean answers(String dockerHost) {
    try (DockerClient docker = QuickstartImage.connect(dockerHost)) {
      docker.pingCmd().exec();
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
