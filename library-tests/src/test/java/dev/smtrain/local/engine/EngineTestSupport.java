package dev.smtrain.local.engine;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Connects to a real engine for tests, and builds a tiny {@code FROM scratch}
 * image holding the host's static busybox with all its applets linked in
 * {@code /bin}. Skips the test when no engine answers, unless
 * {@code SMTRAIN_ENGINE_REQUIRED=true} (or {@code -Dsmtrain.engine.required=true}),
 * when it fails instead.
 */
final class EngineTestSupport {
    private EngineTestSupport() {}

    static ContainerEngine connectOrSkip() {
        EngineLocator.Located located;
        try {
            located = EngineLocator.defaults().locate();
        } catch (EngineUnavailableException e) {
            if (Boolean.getBoolean("smtrain.engine.required")
                    || "true".equalsIgnoreCase(System.getenv("SMTRAIN_ENGINE_REQUIRED"))) {
                fail("a container engine is required here", e);
            }
            assumeTrue(false, e.getMessage());
            throw e;
        }
        return ContainerEngine.connect(located.dockerHost());
    }

    static Path busybox() {
        for (String p : List.of("/bin/busybox", "/usr/bin/busybox")) {
            Path path = Path.of(p);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        throw new IllegalStateException("no busybox on this machine: apt-get install busybox-static");
    }

    /** A build context for {@code FROM scratch} + busybox + {@code /tmp}. */
    static TarContext busyboxContext() throws IOException, InterruptedException {
        Path bb = busybox();
        Process list = new ProcessBuilder(bb.toString(), "--list").redirectErrorStream(true).start();
        String applets = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!list.waitFor(30, TimeUnit.SECONDS) || list.exitValue() != 0) {
            throw new IllegalStateException("busybox --list failed: " + applets);
        }
        TarContext ctx = TarContext.create()
                .file("Dockerfile", "FROM scratch\nCOPY rootfs/ /\nCMD [\"/bin/sh\"]\n")
                .directory("rootfs/bin")
                .directory("rootfs/tmp")
                .copy(bb, "rootfs/bin/busybox");
        for (String applet : applets.split("\\s+")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                ctx.symlink("rootfs/bin/" + applet, "busybox");
            }
        }
        return ctx;
    }

    static String uniqueTag(String repo) {
        return repo + ":" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Collects lines from a {@link LogStream}; {@link #awaitLine} wakes on each new line, no polling. */
    static final class Lines implements LogStream.Listener {
        private final List<String> all = new ArrayList<>();

        @Override
        public synchronized void line(LogStream.Source source, String line) {
            all.add(source + ":" + line);
            notifyAll();
        }

        synchronized List<String> snapshot() {
            return List.copyOf(all);
        }

        synchronized boolean awaitLine(String wanted, long millis) throws InterruptedException {
            long end = System.nanoTime() + millis * 1_000_000;
            while (!all.contains(wanted)) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    static Map<String, String> labels(String job, String session) {
        return EngineLabels.of(job, session);
    }
}
