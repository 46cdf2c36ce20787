package dev.smtrain.local.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Against a real engine: whichever {@link EngineLocator#defaults()} finds (DOCKER_HOST picks one). */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@Tag("engine")
class ContainerEngineTest {
    private static ContainerEngine engine;
    private static String image;
    private static final String SESSION = EngineLabels.newSession();

    private final List<String> containers = new ArrayList<>();
    private final List<String> networks = new ArrayList<>();
    private final List<String> images = new ArrayList<>();

    @BeforeAll
    static void buildImage() throws Exception {
        engine = EngineTestSupport.connectOrSkip();
        image = EngineTestSupport.uniqueTag("smtrain-test-busybox");
        String id = engine.buildImage(EngineTestSupport.busyboxContext(), image, EngineLabels.managed());
        assertNotNull(id);
    }

    @AfterEach
    void cleanUp() {
        if (engine == null) {
            return;
        }
        containers.forEach(engine::remove);
        networks.forEach(engine::removeNetwork);
        images.forEach(engine::removeImage);
    }

    @AfterAll
    static void removeImage() {
        if (engine == null) {
            return;
        }
        try {
            ContainerEngine.Removed left = engine.removeOrphans(l -> SESSION.equals(l.get(EngineLabels.SESSION)));
            assertTrue(left.containers().isEmpty() && left.networks().isEmpty(), "tests left " + left);
            if (image != null) {
                engine.removeImage(image);
                assertFalse(engine.imageExists(image));
            }
        } finally {
            engine.close();
        }
    }

    private String create(ContainerSpec.Builder spec, String job) {
        String id = engine.createContainer(spec.labels(EngineLabels.of(job, SESSION)).build());
        containers.add(id);
        return id;
    }

    private String network(String job) {
        String name = "smtrain-test-" + job + "-" + SESSION.substring(0, 8);
        String id = engine.ensureNetwork(name, EngineLabels.of(job, SESSION));
        networks.add(name);
        assertEquals(id, engine.ensureNetwork(name, EngineLabels.of(job, SESSION)), "ensureNetwork is idempotent");
        return name;
    }

    @Test
    void knowsWhichEngineItIs() {
        String expected = engine.client().versionCmd().exec().getComponents().stream()
                .anyMatch(c -> c.getName().contains("Podman")) ? "PODMAN" : "DOCKER";
        assertEquals(expected, engine.kind().name());
        System.out.println("engine under test: " + engine);
    }

    @Test
    void runsAContainerAndReportsLinesAndExitCode() throws Exception {
        String id = create(ContainerSpec.builder(image)
                .cmd("sh", "-c", "echo out-1; echo err-1 >&2; echo \"héllo $GREETING\"; printf no-newline; exit 7")
                .env("GREETING", "wörld"), "echo");
        EngineTestSupport.Lines lines = new EngineTestSupport.Lines();
        engine.start(id);
        try (LogStream logs = engine.followLogs(id, lines)) {
            assertEquals(7, engine.waitFor(id));
            engine.finishLogs(id, logs, Duration.ofSeconds(30));
        }
        List<String> got = lines.snapshot();
        assertTrue(got.containsAll(List.of("STDOUT:out-1", "STDERR:err-1", "STDOUT:héllo wörld",
                "STDOUT:no-newline")), got.toString());
        assertEquals(4, got.size(), got.toString());
    }

    @Test
    void finishLogsDeliversWhatTheFollowedStreamMissedExactlyOnce() throws Exception {
        String id = create(ContainerSpec.builder(image)
                .cmd("sh", "-c", "echo a; echo e1 >&2; sleep 1; echo b; echo e2 >&2; printf c"), "catch-up");
        EngineTestSupport.Lines lines = new EngineTestSupport.Lines();
        engine.start(id);
        LogStream logs = engine.followLogs(id, lines);
        assertTrue(lines.awaitLine("STDOUT:a", 30_000));
        assertTrue(lines.awaitLine("STDERR:e1", 30_000));
        logs.stopFollowing(); // as if the engine had ended the stream early
        assertEquals(0, engine.waitFor(id));
        engine.finishLogs(id, logs, Duration.ofSeconds(30));
        List<String> got = lines.snapshot();
        // order across stdout and stderr is not defined; within each it is
        assertEquals(List.of("STDOUT:a", "STDOUT:b", "STDOUT:c"),
                got.stream().filter(l -> l.startsWith("STDOUT")).toList(), got.toString());
        assertEquals(List.of("STDERR:e1", "STDERR:e2"),
                got.stream().filter(l -> l.startsWith("STDERR")).toList(), got.toString());
    }

    @Test
    void bindsEnvWorkingDirAndReadOnlyMounts(@TempDir Path tmp) throws Exception {
        Path input = Files.createDirectories(tmp.resolve("input"));
        Path output = Files.createDirectories(tmp.resolve("output"));
        Files.writeString(input.resolve("hello.txt"), "from host\n");
        String id = create(ContainerSpec.builder(image)
                .entrypoint("/bin/sh", "-c")
                .cmd("pwd; cat hello.txt > /opt/ml/output/copy.txt && echo $CHANNEL;"
                        + " touch /opt/ml/input/x 2>/dev/null && echo writable || echo read-only")
                .env("CHANNEL", "train")
                .workingDir("/opt/ml/input")
                .bindReadOnly(input, "/opt/ml/input")
                .bind(output, "/opt/ml/output")
                .hostname("algo-1"), "binds");
        EngineTestSupport.Lines lines = new EngineTestSupport.Lines();
        engine.start(id);
        try (LogStream logs = engine.followLogs(id, lines)) {
            assertEquals(0, engine.waitFor(id));
            engine.finishLogs(id, logs, Duration.ofSeconds(30));
        }
        assertEquals(List.of("STDOUT:/opt/ml/input", "STDOUT:train", "STDOUT:read-only"), lines.snapshot());
        assertEquals("from host\n", Files.readString(output.resolve("copy.txt")));
    }

    @Test
    void containersOnAnInternalNetworkFindEachOtherByHostname() throws Exception {
        String net = network("dns");
        String one = create(ContainerSpec.builder(image)
                // Under load a connection can arrive empty; listen again until a message does.
                .cmd("sh", "-c", "for i in $(seq 1 20); do nc -l -p 7777 > /tmp/got;"
                        + " if [ -s /tmp/got ]; then cat /tmp/got; exit 0; fi; done; exit 1")
                .hostname("algo-1").network(net), "dns");
        String two = create(ContainerSpec.builder(image)
                .cmd("sh", "-c", "for i in $(seq 1 40); do nslookup algo-1 >/dev/null 2>&1 && break; sleep 0.25; done;"
                        + " sent=0; for i in $(seq 1 40); do"
                        + " if echo hello-from-$(hostname) | nc algo-1 7777; then sent=1;"
                        + " elif [ $sent = 1 ]; then exit 0; fi; sleep 0.25; done;"
                        + " [ $sent = 1 ]")
                .hostname("algo-2").network(net), "dns");
        EngineTestSupport.Lines lines = new EngineTestSupport.Lines();
        engine.start(one);
        try (LogStream logs = engine.followLogs(one, lines)) {
            engine.start(two);
            assertEquals(0, engine.waitFor(two), "algo-2 reached algo-1");
            assertEquals(0, engine.waitFor(one));
            engine.finishLogs(one, logs, Duration.ofSeconds(30));
        }
        assertEquals(List.of("STDOUT:hello-from-algo-2"), lines.snapshot());
    }

    @Test
    void anInternalNetworkDoesNotReachOut() throws Exception {
        String net = network("isolated");
        // 192.0.2.1 is TEST-NET-1. Podman's internal network has no default route at all;
        // Docker's (with --iptables=false) keeps a route to its gateway, but nothing is
        // forwarded or NATed beyond the host. Either way the connection must not succeed.
        String id = create(ContainerSpec.builder(image)
                .cmd("sh", "-c", "nc -w 2 192.0.2.1 80 </dev/null && echo connected || echo not-connected")
                .hostname("algo-1").network(net), "isolated");
        EngineTestSupport.Lines lines = new EngineTestSupport.Lines();
        engine.start(id);
        try (LogStream logs = engine.followLogs(id, lines)) {
            assertEquals(0, engine.waitFor(id));
            engine.finishLogs(id, logs, Duration.ofSeconds(30));
        }
        assertTrue(lines.snapshot().contains("STDOUT:not-connected"), lines.snapshot().toString());
    }

    @Test
    void stopSendsSigtermWhichATrapHandles() throws Exception {
        String id = create(ContainerSpec.builder(image)
                .cmd("sh", "-c", "trap 'echo got-TERM; exit 143' TERM; echo ready; while true; do sleep 0.1; done"),
                "term");
        EngineTestSupport.Lines lines = new EngineTestSupport.Lines();
        engine.start(id);
        try (LogStream logs = engine.followLogs(id, lines)) {
            assertTrue(lines.awaitLine("STDOUT:ready", 30_000), lines.snapshot().toString());
            assertEquals(143, engine.stop(id, Duration.ofSeconds(20)));
            engine.finishLogs(id, logs, Duration.ofSeconds(30));
        }
        assertEquals(List.of("STDOUT:ready", "STDOUT:got-TERM"), lines.snapshot());
        engine.kill(id, "SIGKILL"); // not running any more: a no-op, not an error
    }

    @Test
    void stopFallsBackToSigkill() throws Exception {
        // PID 1 ignores SIGTERM unless it has a handler; this one explicitly ignores it too.
        String id = create(ContainerSpec.builder(image)
                .cmd("sh", "-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done"), "kill");
        EngineTestSupport.Lines lines = new EngineTestSupport.Lines();
        engine.start(id);
        try (LogStream logs = engine.followLogs(id, lines)) {
            assertTrue(lines.awaitLine("STDOUT:ready", 30_000));
            long start = System.nanoTime();
            assertEquals(137, engine.stop(id, Duration.ofSeconds(1)));
            assertTrue(System.nanoTime() - start >= 900_000_000L, "waited the grace period");
            engine.finishLogs(id, logs, Duration.ofSeconds(30));
        }
        assertEquals(List.of("STDOUT:ready"), lines.snapshot());
        assertEquals(OptionalInt.of(137), engine.waitFor(id, Duration.ofSeconds(5)));
    }

    @Test
    void waitWithTimeoutReturnsEmptyWhileRunning() {
        String id = create(ContainerSpec.builder(image).cmd("sleep", "30"), "timeout");
        engine.start(id);
        assertEquals(OptionalInt.empty(), engine.waitFor(id, Duration.ofMillis(500)));
        assertEquals(137, engine.stop(id, Duration.ofMillis(200)));
    }

    @Test
    void copiesArchivesIntoAndOutOfAContainer() throws Exception {
        String id = create(ContainerSpec.builder(image)
                .cmd("sh", "-c", "while [ ! -f /tmp/in/go ]; do sleep 0.1; done;"
                        + " mkdir -p /tmp/out; tr a-z A-Z < /tmp/in/data.txt > /tmp/out/result.txt"), "copy");
        engine.start(id);
        engine.copyTo(id, "/tmp", TarContext.create()
                .directory("in")
                .file("in/data.txt", "model weights\n")
                .file("in/go", new byte[0], 0644));
        assertEquals(0, engine.waitFor(id));
        Map<String, String> files = new HashMap<>();
        try (InputStream in = engine.copyFrom(id, "/tmp/out");
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isFile()) {
                    files.put(e.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(Map.of("out/result.txt", "MODEL WEIGHTS\n"), files);
    }

    @Test
    void buildsFromADirectoryOnTopOfALocalImage(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM " + image + "\nCOPY app/ /app/\nWORKDIR /app\n"
                + "ENTRYPOINT [\"sh\", \"train.sh\"]\n");
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/train.sh"), "echo training in $(pwd) with \"$@\"\n");
        Files.createSymbolicLink(dir.resolve("app/link.sh"), Path.of("train.sh"));
        String tag = EngineTestSupport.uniqueTag("smtrain-test-derived");
        images.add(tag);
        engine.buildImage(dir, tag, EngineLabels.managed());
        assertTrue(engine.imageExists(tag));
        assertFalse(engine.imageExists("smtrain-test-no-such-image:nope"));

        String id = create(ContainerSpec.builder(tag).cmd("--epochs", "2"), "derived");
        EngineTestSupport.Lines lines = new EngineTestSupport.Lines();
        engine.start(id);
        try (LogStream logs = engine.followLogs(id, lines)) {
            assertEquals(0, engine.waitFor(id));
            engine.finishLogs(id, logs, Duration.ofSeconds(30));
        }
        assertEquals(List.of("STDOUT:training in /app with --epochs 2"), lines.snapshot());
    }

    @Test
    void findsAndRemovesOrphansByLabel() {
        String other = EngineLabels.newSession();
        Map<String, String> mine = EngineLabels.of("orphan", other);
        String a = engine.createContainer(ContainerSpec.builder(image).cmd("true").labels(mine).build());
        String b = engine.createContainer(ContainerSpec.builder(image).cmd("sleep", "60").labels(mine).build());
        containers.add(a);
        containers.add(b);
        engine.start(b);
        String net = "smtrain-test-orphan-" + other.substring(0, 8);
        engine.ensureNetwork(net, mine);
        networks.add(net);

        List<ManagedContainer> found = engine.listContainers(Map.of(EngineLabels.SESSION, other));
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.stream().allMatch(c -> "orphan".equals(c.job()) && other.equals(c.session())));
        assertEquals(1, found.stream().filter(ManagedContainer::running).count());
        assertEquals(List.of(net), engine.listNetworks(Map.of(EngineLabels.SESSION, other)));

        ContainerEngine.Removed removed = engine.removeOrphans(l -> other.equals(l.get(EngineLabels.SESSION)));

        assertEquals(2, removed.containers().size(), removed.toString());
        assertEquals(List.of(net), removed.networks());
        assertTrue(engine.listContainers(Map.of(EngineLabels.SESSION, other)).isEmpty());
        assertTrue(engine.listNetworks(Map.of(EngineLabels.SESSION, other)).isEmpty());
        assertFalse(engine.remove(a), "already gone");
        assertFalse(engine.removeNetwork(net), "already gone");
    }
}
