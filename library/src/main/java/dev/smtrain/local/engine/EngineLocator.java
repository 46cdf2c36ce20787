package dev.smtrain.local.engine;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.dockerjava.transport.DockerHttpClient;

/**
 * Finds a container engine the way Testcontainers does: a list of
 * {@linkplain Strategy strategies}, tried in order, each with a {@code /_ping}.
 * The first that answers wins. If an <em>explicit</em> setting (the
 * {@code smtrain.docker.host} system property or {@code DOCKER_HOST}) is present
 * but does not answer, the search stops there rather than silently using some
 * other engine. When nothing answers, one {@link EngineUnavailableException}
 * lists every strategy and why it failed.
 */
public final class EngineLocator {
    private static final Logger LOG = LoggerFactory.getLogger(EngineLocator.class);

    /** System property that names the engine, e.g. {@code unix:///run/smtrain/podman.sock}. */
    public static final String HOST_PROPERTY = "smtrain.docker.host";

    static final Duration PING_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration PING_RESPONSE_TIMEOUT = Duration.ofSeconds(5);

    /**
     * One place to look for an engine.
     *
     * @param description what it is, for messages
     * @param dockerHost  gives the Docker host URI ({@code unix://...} or {@code tcp://...}),
     *                    or empty when this strategy does not apply (variable not set)
     * @param explicit    the user named this engine: if it fails, stop looking
     */
    public record Strategy(String description, Supplier<Optional<String>> dockerHost, boolean explicit) {
        public Strategy {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(dockerHost, "dockerHost");
        }

        /** A fixed Unix socket. */
        public static Strategy socket(String description, Path socket) {
            return new Strategy(description, () -> Optional.of("unix://" + socket.toAbsolutePath()), false);
        }

        /** An explicit setting, e.g. an environment variable. */
        public static Strategy explicit(String description, Supplier<Optional<String>> dockerHost) {
            return new Strategy(description, dockerHost, true);
        }
    }

    /** A strategy that answered. */
    public record Located(String dockerHost, String strategy) {}

    private final List<Strategy> strategies;

    public EngineLocator(List<Strategy> strategies) {
        this.strategies = List.copyOf(strategies);
    }

    /** The default strategies, read from this JVM's environment and system properties. */
    public static EngineLocator defaults() {
        return new EngineLocator(defaultStrategies(System.getenv(), System.getProperties()));
    }

    /** The default strategies for the given environment and properties. */
    public static List<Strategy> defaultStrategies(Map<String, String> env, Properties props) {
        List<Strategy> s = new ArrayList<>();
        s.add(Strategy.explicit("system property " + HOST_PROPERTY,
                () -> nonBlank(props.getProperty(HOST_PROPERTY))));
        s.add(Strategy.explicit("DOCKER_HOST environment variable", () -> nonBlank(env.get("DOCKER_HOST"))));
        s.add(Strategy.socket("smtrain's Podman service (samples/engine/podman.sh)",
                Path.of("/run/smtrain/podman.sock")));
        s.add(Strategy.socket("smtrain's Docker service (samples/engine/docker.sh)",
                Path.of("/run/smtrain/docker.sock")));
        s.add(Strategy.socket("Docker's default socket", Path.of("/var/run/docker.sock")));
        s.add(new Strategy("rootless Podman ($XDG_RUNTIME_DIR/podman/podman.sock)",
                () -> nonBlank(env.get("XDG_RUNTIME_DIR"))
                        .map(d -> "unix://" + Path.of(d, "podman", "podman.sock")),
                false));
        s.add(Strategy.socket("rootful Podman socket unit", Path.of("/run/podman/podman.sock")));
        s.add(new Strategy("Docker Desktop (~/.docker/run/docker.sock)",
                () -> nonBlank(props.getProperty("user.home"))
                        .map(h -> "unix://" + Path.of(h, ".docker", "run", "docker.sock")),
                false));
        return List.copyOf(s);
    }

    public List<Strategy> strategies() {
        return strategies;
    }

    /** The first engine that answers; otherwise throws {@link EngineUnavailableException}. */
    public Located locate() {
        List<String> tried = new ArrayList<>();
        for (Strategy strategy : strategies) {
            Optional<String> host;
            try {
                host = strategy.dockerHost().get();
            } catch (RuntimeException e) {
                tried.add(strategy.description() + ": " + e);
                continue;
            }
            if (host.isEmpty()) {
                tried.add(strategy.description() + ": not set");
                continue;
            }
            String failure = ping(host.get());
            if (failure == null) {
                LOG.debug("container engine found at {} ({})", host.get(), strategy.description());
                return new Located(host.get(), strategy.description());
            }
            tried.add(strategy.description() + ": " + host.get() + ": " + failure);
            if (strategy.explicit()) {
                throw new EngineUnavailableException(message(tried,
                        "It was named explicitly, so no other place was tried."));
            }
        }
        throw new EngineUnavailableException(message(tried, null));
    }

    /** {@link #locate()} and connect. */
    public ContainerEngine connect() {
        return ContainerEngine.connect(locate().dockerHost());
    }

    /** Null when {@code dockerHost} answers {@code /_ping}, otherwise why not. */
    static String ping(String dockerHost) {
        URI uri;
        try {
            uri = URI.create(dockerHost);
        } catch (IllegalArgumentException e) {
            return "not a valid URI (" + e.getMessage() + ")";
        }
        if ("unix".equals(uri.getScheme())) {
            Path socket = Path.of(uri.getPath());
            if (!Files.exists(socket)) {
                return "no such socket";
            }
        } else if (!"tcp".equals(uri.getScheme())) {
            return "unsupported scheme '" + uri.getScheme() + "' (use unix:// or tcp://)";
        }
        // The response timeout is not enforced on Unix sockets (a blocking SocketChannel
        // ignores SO_TIMEOUT), so a socket that accepts but never answers would hang
        // here: ping on a daemon thread and close the client when time is up.
        DockerHttpClient http = ContainerEngine.httpClient(uri, null, PING_CONNECT_TIMEOUT, PING_RESPONSE_TIMEOUT, 1);
        CompletableFuture<String> answer = new CompletableFuture<>();
        Thread t = new Thread(() -> answer.complete(pingWith(http)), "smtrain-engine-ping");
        t.setDaemon(true);
        t.start();
        try {
            return answer.get(PING_RESPONSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "/_ping got no answer within " + PING_RESPONSE_TIMEOUT.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException e) {
            return "/_ping failed (" + e.getCause() + ")";
        } finally {
            try {
                http.close();
            } catch (IOException e) {
                LOG.debug("closing ping client", e);
            }
        }
    }

    private static String pingWith(DockerHttpClient http) {
        try (DockerHttpClient.Response r = http.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path("/_ping").build())) {
            if (r.getStatusCode() != 200) {
                return "/_ping answered HTTP " + r.getStatusCode();
            }
            return null;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root.getMessage() == null ? root.getClass().getSimpleName()
                    : root.getClass().getSimpleName() + ": " + root.getMessage();
            return "/_ping failed (" + why + ")";
        }
    }

    private static String message(List<String> tried, String note) {
        StringBuilder m = new StringBuilder("No container engine (Docker or Podman) answered. Tried, in order:\n");
        for (int i = 0; i < tried.size(); i++) {
            m.append("  ").append(i + 1).append(". ").append(tried.get(i)).append('\n');
        }
        if (note != null) {
            m.append(note).append('\n');
        }
        m.append("To start one on Debian/Ubuntu, run as root: samples/engine/podman.sh")
                .append(" (or samples/engine/docker.sh)\n")
                .append("and use the line it prints, e.g. export DOCKER_HOST=unix:///run/smtrain/podman.sock;")
                .append(" or set -D").append(HOST_PROPERTY).append("=<unix:// or tcp:// address>.");
        return m.toString();
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}
