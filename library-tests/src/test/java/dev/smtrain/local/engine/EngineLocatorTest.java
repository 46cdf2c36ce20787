package dev.smtrain.local.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineLocatorTest {

    @Test
    void whenNothingAnswersOneExceptionListsEveryStrategyAndHowToStartOne(@TempDir Path tmp) throws IOException {
        Path plainFile = Files.createFile(tmp.resolve("not-a-socket.sock"));
        EngineLocator locator = new EngineLocator(List.of(
                new EngineLocator.Strategy("unset variable", Optional::empty, false),
                EngineLocator.Strategy.socket("missing socket", tmp.resolve("nope/docker.sock")),
                EngineLocator.Strategy.socket("a plain file", plainFile),
                new EngineLocator.Strategy("closed TCP port", () -> Optional.of("tcp://127.0.0.1:1"), false),
                new EngineLocator.Strategy("odd scheme", () -> Optional.of("npipe:////./pipe/docker"), false)));

        EngineUnavailableException e = assertThrows(EngineUnavailableException.class, locator::locate);

        String m = e.getMessage();
        assertTrue(m.startsWith("No container engine (Docker or Podman) answered. Tried, in order:"), m);
        assertTrue(m.contains("1. unset variable: not set"), m);
        assertTrue(m.contains("2. missing socket: unix://" + tmp.resolve("nope/docker.sock") + ": no such socket"), m);
        assertTrue(m.contains("3. a plain file: unix://" + plainFile + ": /_ping failed ("), m);
        assertTrue(m.contains("4. closed TCP port: tcp://127.0.0.1:1: /_ping failed ("), m);
        assertTrue(m.contains("5. odd scheme: npipe:////./pipe/docker: unsupported scheme 'npipe'"), m);
        assertTrue(m.contains("samples/engine/podman.sh"), m);
        assertTrue(m.contains("export DOCKER_HOST=unix:///run/smtrain/podman.sock"), m);
    }

    @Test
    void aSocketThatAcceptsButNeverAnswersTimesOut(@TempDir Path tmp) throws IOException {
        Path sock = tmp.resolve("silent.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            long start = System.nanoTime();
            String why = EngineLocator.ping("unix://" + sock);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertNotNull(why);
            assertTrue(why.startsWith("/_ping got no answer within"), why);
            assertTrue(millis < 15_000, "took " + millis + " ms");
        }
    }

    @Test
    void anExplicitSettingThatFailsStopsTheSearch(@TempDir Path tmp) {
        EngineLocator locator = new EngineLocator(List.of(
                EngineLocator.Strategy.explicit("DOCKER_HOST environment variable",
                        () -> Optional.of("unix://" + tmp.resolve("gone.sock"))),
                EngineLocator.Strategy.socket("never tried", tmp.resolve("other.sock"))));

        String m = assertThrows(EngineUnavailableException.class, locator::locate).getMessage();

        assertTrue(m.contains("1. DOCKER_HOST environment variable: unix://"), m);
        assertTrue(m.contains("It was named explicitly, so no other place was tried."), m);
        assertTrue(!m.contains("never tried"), m);
    }

    @Test
    void defaultStrategiesAreInTestcontainersLikeOrder() {
        Properties props = new Properties();
        props.setProperty("user.home", "/home/someone");
        List<EngineLocator.Strategy> s = EngineLocator.defaultStrategies(
                Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375", "XDG_RUNTIME_DIR", "/run/user/1000"), props);

        assertEquals(List.of(
                "system property smtrain.docker.host",
                "DOCKER_HOST environment variable",
                "smtrain's Podman service (samples/engine/podman.sh)",
                "smtrain's Docker service (samples/engine/docker.sh)",
                "Docker's default socket",
                "rootless Podman ($XDG_RUNTIME_DIR/podman/podman.sock)",
                "rootful Podman socket unit",
                "Docker Desktop (~/.docker/run/docker.sock)"),
                s.stream().map(EngineLocator.Strategy::description).toList());
        assertEquals(Optional.empty(), s.get(0).dockerHost().get());
        assertTrue(s.get(0).explicit() && s.get(1).explicit() && !s.get(2).explicit());
        assertEquals(Optional.of("tcp://127.0.0.1:2375"), s.get(1).dockerHost().get());
        assertEquals(Optional.of("unix:///run/smtrain/podman.sock"), s.get(2).dockerHost().get());
        assertEquals(Optional.of("unix:///run/user/1000/podman/podman.sock"), s.get(5).dockerHost().get());
        assertEquals(Optional.of("unix:///home/someone/.docker/run/docker.sock"), s.get(7).dockerHost().get());
    }

    @Test
    @Tag("engine")
    void findsARunningEngine() {
        try (ContainerEngine engine = EngineTestSupport.connectOrSkip()) {
            assertNotNull(engine.version());
            assertNotNull(engine.kind());
            System.out.println("engine under test: " + engine + " (API " + engine.apiVersion() + ")");
        }
    }
}
