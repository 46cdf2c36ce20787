package dev.smtrain.samples.quickstart;

import dev.smtrain.local.engine.ContainerEngine;
import dev.smtrain.local.engine.TarContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the quick start's training image through the Docker Engine API, on Docker or Podman, with the
 * library's engine seam ({@link ContainerEngine}, {@link TarContext}): {@code FROM scratch}, the host's
 * statically linked busybox as {@code /bin/busybox} with the applets the {@code train} script uses linked to it,
 * and the {@code train} script on the {@code PATH}, so that the engine runs {@code train} as SageMaker does
 * ({@code docker run IMAGE train}). No registry is needed.
 */
public final class QuickstartImage {

  /** The image's tag. */
  public static final String TAG = "smtrain-quickstart:latest";

  /** Where busybox-static is looked for on the host, in order. */
  static final List<Path> BUSYBOX = List.of(Path.of("/bin/busybox"), Path.of("/usr/bin/busybox"));

  private static final List<String> APPLETS =
      List.of("sh", "awk", "sed", "grep", "find", "sort", "head", "mkdir", "cat", "ls", "echo", "printf");

  private static final String DOCKERFILE = String.join("\n",
      "FROM scratch",
      "COPY rootfs/ /",
      "ENV PATH=/usr/local/bin:/bin",
      "LABEL dev.smtrain.sample=quickstart",
      "");

  private QuickstartImage() {}

  /**
   * Builds (or, unchanged, reuses from the engine's cache) the image on the engine at {@code dockerHost}.
   *
   * @param dockerHost the engine, e.g. {@code unix:///run/smtrain/podman.sock}
   * @return the image id
   * @throws IllegalStateException when busybox-static is missing or the build fails, with the build output
   */
  public static String build(String dockerHost) {
    byte[] context = context(busybox());
    try (ContainerEngine engine = ContainerEngine.connect(dockerHost)) {
      return engine.buildImage(new ByteArrayInputStream(context), TAG, Map.of());
    }
  }

  /**
   * The host's busybox-static binary.
   *
   * @return its path
   * @throws IllegalStateException when it is not installed
   */
  static Path busybox() {
    Optional<Path> found = BUSYBOX.stream().filter(Files::isRegularFile).findFirst();
    return found.orElseThrow(() -> new IllegalStateException("busybox is not installed (looked for "
        + BUSYBOX + "); the quick start's image is FROM scratch + busybox-static: "
        + "run apt-get install busybox-static (samples/engine/podman.sh installs it)"));
  }

  /**
   * The build context: a Dockerfile and {@code rootfs/} with busybox, its applet links and {@code train}.
   *
   * @param busybox the host's static busybox binary
   * @return the context as a tar
   */
  static byte[] context(Path busybox) {
    TarContext context = TarContext.create()
        .file("Dockerfile", DOCKERFILE)
        .directory("rootfs")
        .directory("rootfs/bin")
        .directory("rootfs/usr")
        .directory("rootfs/usr/local")
        .directory("rootfs/usr/local/bin")
        .directory("rootfs/tmp", 01777);
    try {
      context.file("rootfs/bin/busybox", Files.readAllBytes(busybox), 0755);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + busybox, e);
    }
    for (String applet : APPLETS) {
      context.symlink("rootfs/bin/" + applet, "busybox");
    }
    return context.file("rootfs/usr/local/bin/train", QuickstartFiles.resource("train"), 0755).toByteArray();
  }
}
