package dev.smtrain.local;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smtrain.local.engine.ContainerEngine;
import dev.smtrain.local.engine.EngineLabels;
import dev.smtrain.local.engine.EngineLocator;
import dev.smtrain.local.engine.EngineUnavailableException;
import dev.smtrain.local.engine.TarContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local runner's test image, built through the engine API: {@code FROM scratch}, the host's static busybox
 * with its applets in {@code /bin}, and the {@code train} and {@code record-args} scripts (test resources next
 * to this class) in {@code /usr/local/bin}. The tag is a hash of the content, so it is built once per engine.
 */
public final class TestImages {

  private static final String SCRIPT_DIR = "/dev/smtrain/local/image/";

  private TestImages() {}

  /**
   * Connects to the engine named by {@code DOCKER_HOST} (or found in the usual places); skips the test when
   * there is none, unless {@code SMTRAIN_ENGINE_REQUIRED=true}.
   */
  public static ContainerEngine connectOrSkip() {
    EngineLocator.Located located;
    try {
      located = EngineLocator.defaults().locate();
    } catch (EngineUnavailableException e) {
      if ("true".equalsIgnoreCase(System.getenv("SMTRAIN_ENGINE_REQUIRED"))
          || Boolean.getBoolean("smtrain.engine.required")) {
        fail("a container engine is required here", e);
      }
      assumeTrue(false, e.getMessage());
      throw e;
    }
    return ContainerEngine.connect(located.dockerHost());
  }

  /** The training image on this engine, built when missing; returns its tag. */
  public static synchronized String trainingImage(ContainerEngine engine) {
    try {
      byte[] train = resource("train");
      byte[] recordArgs = resource("record-args");
      Path busybox = busybox();
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(train);
      sha.update(recordArgs);
      sha.update(Long.toString(Files.size(busybox)).getBytes(StandardCharsets.UTF_8));
      String tag = "smtrain-test-train:" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
      if (!engine.imageExists(tag)) {
        TarContext ctx = busyboxContext(busybox)
            .file("Dockerfile", "FROM scratch\nCOPY rootfs/ /\nENV PATH=/usr/local/bin:/bin\nCMD [\"/bin/sh\"]\n")
            .directory("rootfs/usr/local/bin")
            .file("rootfs/usr/local/bin/train", train, 0755)
            .file("rootfs/usr/local/bin/record-args", recordArgs, 0755);
        engine.buildImage(ctx, tag, EngineLabels.managed());
      }
      return tag;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = TestImages.class.getResourceAsStream(SCRIPT_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + SCRIPT_DIR + name + " is missing");
      }
      return in.readAllBytes();
    }
  }

  static Path busybox() {
    for (String p : List.of("/bin/busybox", "/usr/bin/busybox")) {
      if (Files.isExecutable(Path.of(p))) {
        return Path.of(p);
      }
    }
    throw new IllegalStateException("no busybox on this machine: apt-get install busybox-static");
  }

  private static TarContext busyboxContext(Path busybox) throws IOException {
    Process list = new ProcessBuilder(busybox.toString(), "--list").redirectErrorStream(true).start();
    String applets = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!list.waitFor(30, TimeUnit.SECONDS) || list.exitValue() != 0) {
        throw new IllegalStateException("busybox --list failed: " + applets);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    TarContext ctx = TarContext.create()
        .directory("rootfs/bin")
        .directory("rootfs/tmp")
        .copy(busybox, "rootfs/bin/busybox");
    for (String applet : applets.split("\\s+")) {
      if (!applet.isBlank() && !applet.equals("busybox")) {
        ctx.symlink("rootfs/bin/" + applet, "busybox");
      }
    }
    return ctx;
  }
}
