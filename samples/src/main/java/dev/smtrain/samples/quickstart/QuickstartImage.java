package dev.smtrain.samples.quickstart;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Builds the quick start's training image through the Docker Engine API (docker-java), on Docker or Podman:
 * {@code FROM scratch}, the host's statically linked busybox as {@code /bin/busybox} with the applets the
 * {@code train} script uses linked to it, and the {@code train} script on the {@code PATH}, so that the
 * engine runs {@code train} as SageMaker does ({@code docker run IMAGE train}). No registry is needed.
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
    try (DockerClient docker = connect(dockerHost);
        InputStream tar = new ByteArrayInputStream(context)) {
      StringBuilder output = new StringBuilder();
      try {
        return docker.buildImageCmd(tar)
            .withTags(Set.of(TAG))
            .withPull(false)
            .withNetworkMode("none")
            .withRemove(true)
            .withForcerm(true)
            .exec(new BuildImageResultCallback() {
              @Override
              public void onNext(BuildResponseItem item) {
                if (item.getStream() != null) {
                  output.append(item.getStream());
                }
                super.onNext(item);
              }
            })
            .awaitImageId();
      } catch (RuntimeException e) {
        throw new IllegalStateException("building " + TAG + " on " + dockerHost + " failed: " + e.getMessage()
            + (output.length() > 0 ? "\nbuild output:\n" + output : ""), e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot talk to the container engine at " + dockerHost, e);
    }
  }

  /**
   * A docker-java client for an engine.
   *
   * @param dockerHost the engine's address
   * @return the client; close it
   */
  static DockerClient connect(String dockerHost) {
    DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost(dockerHost)
        .build();
    ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .connectionTimeout(Duration.ofSeconds(5))
        .responseTimeout(Duration.ofMinutes(5))
        .build();
    return DockerClientImpl.getInstance(config, http);
  }

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
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      file(tar, "Dockerfile", DOCKERFILE.getBytes(StandardCharsets.UTF_8), 0644);
      for (String dir : List.of("rootfs/", "rootfs/bin/", "rootfs/usr/", "rootfs/usr/local/",
          "rootfs/usr/local/bin/", "rootfs/tmp/")) {
        TarArchiveEntry entry = new TarArchiveEntry(dir);
        entry.setMode(dir.equals("rootfs/tmp/") ? 01777 : 0755);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
      }
      file(tar, "rootfs/bin/busybox", Files.readAllBytes(busybox), 0755);
      for (String applet : APPLETS) {
        TarArchiveEntry link = new TarArchiveEntry("rootfs/bin/" + applet, TarConstants.LF_SYMLINK);
        link.setLinkName("busybox");
        tar.putArchiveEntry(link);
        tar.closeArchiveEntry();
      }
      file(tar, "rootfs/usr/local/bin/train", QuickstartFiles.resource("train"), 0755);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot assemble the quick start's build context", e);
    }
    return bytes.toByteArray();
  }

  private static void file(TarArchiveOutputStream tar, String name, byte[] content, int mode) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    entry.setMode(mode);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }
}
