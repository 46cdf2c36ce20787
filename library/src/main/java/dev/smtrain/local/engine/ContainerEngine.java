package dev.smtrain.local.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;

/**
 * One connection to a container engine (Docker or Podman, through the Docker
 * Engine API), with the operations a local training job needs. Thread-safe;
 * close it to release the connection pool.
 *
 * <p>Engine differences live in {@code EngineQuirks}; this class is neutral.
 * Failures surface as docker-java's unchecked {@link DockerException}s.
 */
public final class ContainerEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerEngine.class);

    /** Which engine answered. */
    public enum Kind { DOCKER, PODMAN }

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final String dockerHost;
    private final DockerClient client;
    private final Kind kind;
    private final String version;
    private final String apiVersion;

    private ContainerEngine(String dockerHost, DockerClient client, Version v) {
        this.dockerHost = dockerHost;
        this.client = client;
        this.kind = EngineQuirks.detect(v);
        this.version = v.getVersion();
        this.apiVersion = v.getApiVersion();
    }

    /** Finds an engine with {@link EngineLocator#defaults()} and connects. */
    public static ContainerEngine connect() {
        return EngineLocator.defaults().connect();
    }

    /**
     * Connects to {@code dockerHost} ({@code unix:///...} or {@code tcp://...});
     * TLS settings come from the usual DOCKER_TLS_VERIFY / DOCKER_CERT_PATH.
     */
    public static ContainerEngine connect(String dockerHost) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost)
                .build();
        // No response timeout: wait and log-follow calls legitimately last as long as a training job.
        DockerHttpClient http = httpClient(config.getDockerHost(), config.getSSLConfig(), CONNECT_TIMEOUT, null, 32);
        DockerClient client = DockerClientImpl.getInstance(config, http);
        try {
            Version v = client.versionCmd().exec();
            ContainerEngine engine = new ContainerEngine(dockerHost, client, v);
            LOG.debug("connected to {} {} (API {}) at {}", engine.kind, engine.version, engine.apiVersion, dockerHost);
            return engine;
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw new EngineUnavailableException("container engine at " + dockerHost + " did not answer /version: " + e, e);
        }
    }

    static DockerHttpClient httpClient(URI host, SSLConfig ssl, Duration connectTimeout, Duration responseTimeout,
            int maxConnections) {
        ApacheDockerHttpClient.Builder b = new ApacheDockerHttpClient.Builder()
                .dockerHost(host)
                .sslConfig(ssl)
                .maxConnections(maxConnections)
                .connectionTimeout(connectTimeout);
        if (responseTimeout != null) {
            b.responseTimeout(responseTimeout);
        }
        return b.build();
    }

    public Kind kind() { return kind; }

    /** The engine's version, e.g. {@code 4.3.1} or {@code 20.10.24+dfsg1}. */
    public String version() { return version; }

    /** The Docker API version the engine speaks, e.g. {@code 1.41}. */
    public String apiVersion() { return apiVersion; }

    public String dockerHost() { return dockerHost; }

    /** The underlying client, for what this class does not cover. */
    public DockerClient client() { return client; }

    @Override
    public String toString() {
        return kind + " " + version + " at " + dockerHost;
    }

    // ---------------------------------------------------------------- networks

    /**
     * Creates an internal bridge network (no route out of the host) with these
     * labels, unless one of that name exists. Returns the network id.
     */
    public String ensureNetwork(String name, Map<String, String> labels) {
        Objects.requireNonNull(name, "name");
        for (Network n : client.listNetworksCmd().withNameFilter(name).exec()) {
            if (name.equals(n.getName())) {
                return n.getId();
            }
        }
        return client.createNetworkCmd()
                .withName(name)
                .withDriver("bridge")
                .withInternal(true)
                .withCheckDuplicate(true)
                .withLabels(Map.copyOf(labels))
                .exec()
                .getId();
    }

    /**
     * Removes a network by name or id; false if there was none. Remove its
     * containers first: Podman refuses while any, even stopped, is attached.
     */
    public boolean removeNetwork(String nameOrId) {
        try {
            client.removeNetworkCmd(nameOrId).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Names of networks whose labels include all of {@code labels}. */
    public List<String> listNetworks(Map<String, String> labels) {
        List<String> names = new ArrayList<>();
        for (Network n : client.listNetworksCmd().withFilter("label", labelFilters(labels)).exec()) {
            if (n.getLabels() != null && n.getLabels().entrySet().containsAll(labels.entrySet())) {
                names.add(n.getName());
            }
        }
        return names;
    }

    // -------------------------------------------------------------- containers

    /** Creates (does not start) a container; returns its id. */
    public String createContainer(ContainerSpec spec) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(spec.network() == null ? "none" : spec.network());
        if (!spec.binds().isEmpty()) {
            List<Bind> binds = new ArrayList<>();
            for (ContainerSpec.Bind b : spec.binds()) {
                binds.add(new Bind(b.hostPath().toAbsolutePath().toString(), new Volume(b.containerPath()),
                        b.readOnly() ? com.github.dockerjava.api.model.AccessMode.ro
                                : com.github.dockerjava.api.model.AccessMode.rw));
            }
            host.withBinds(binds);
        }
        CreateContainerCmd cmd = client.createContainerCmd(spec.image())
                .withHostConfig(host)
                .withLabels(spec.labels());
        if (spec.name() != null) {
            cmd.withName(spec.name());
        }
        if (spec.entrypoint() != null) {
            cmd.withEntrypoint(spec.entrypoint());
        }
        if (spec.cmd() != null) {
            cmd.withCmd(spec.cmd());
        }
        if (!spec.env().isEmpty()) {
            List<String> env = new ArrayList<>();
            spec.env().forEach((k, v) -> env.add(k + "=" + v));
            cmd.withEnv(env);
        }
        if (spec.hostname() != null) {
            cmd.withHostName(spec.hostname());
        }
        if (spec.workingDir() != null) {
            cmd.withWorkingDir(spec.workingDir());
        }
        if (spec.network() != null) {
            List<String> aliases = EngineQuirks.aliases(spec.hostname(), spec.aliases());
            if (!aliases.isEmpty()) {
                cmd.withAliases(aliases); // docker-java puts these on the network named by NetworkMode
            }
        }
        return cmd.exec().getId();
    }

    public void start(String id) {
        client.startContainerCmd(id).exec();
    }

    /** Blocks until the container stops; returns its exit code. */
    public int waitFor(String id) {
        try (WaitContainerResultCallback cb = client.waitContainerCmd(id).exec(new WaitContainerResultCallback())) {
            return cb.awaitStatusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits at most {@code timeout}; empty if the container is still running then. */
    public OptionalInt waitFor(String id, Duration timeout) {
        WaitContainerResultCallback cb = client.waitContainerCmd(id).exec(new WaitContainerResultCallback());
        try {
            if (!cb.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(cb.awaitStatusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for container " + id, e);
        } finally {
            closeQuietly(cb);
        }
    }

    /**
     * Follows stdout and stderr from the start of the container's output;
     * lines go to {@code listener} until the container stops or the stream is
     * closed.
     */
    public LogStream followLogs(String id, LogStream.Listener listener) {
        LogStream stream = new LogStream(listener);
        client.logContainerCmd(id)
                .withStdOut(true)
                .withStdErr(true)
                .withFollowStream(true)
                .exec(stream.callback);
        return stream;
    }

    /**
     * Ends a {@link LogStream} of a container that has exited: waits up to
     * {@code timeout} for the followed stream to end, then reads the logs once
     * more without following and delivers whatever the followed stream lacked,
     * then the last unterminated line, and closes the stream.
     */
    public void finishLogs(String id, LogStream stream, Duration timeout) {
        try {
            if (!stream.awaitCompletion(timeout)) {
                LOG.debug("log stream of {} still open after {}", id, timeout);
            }
            stream.stopFollowing();
            ResultCallback.Adapter<com.github.dockerjava.api.model.Frame> rest = client.logContainerCmd(id)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withFollowStream(false)
                    .exec(stream.catchUp());
            if (!rest.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug("reading the logs of {} again took longer than {}", id, timeout);
            }
            closeQuietly(rest);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stream.close();
        }
    }

    /** Sends a signal, e.g. {@code SIGTERM}; does nothing if the container is not running. */
    public void kill(String id, String signal) {
        try {
            client.killContainerCmd(id).withSignal(signal).exec();
        } catch (DockerException e) {
            if (!EngineQuirks.killOfStoppedContainer(e)) {
                throw e;
            }
            LOG.debug("kill {} {}: not running ({})", id, signal, e.getMessage());
        }
    }

    /**
     * SIGTERM, then SIGKILL if the container has not stopped within {@code grace};
     * returns the exit code.
     */
    public int stop(String id, Duration grace) {
        kill(id, "SIGTERM");
        OptionalInt code = waitFor(id, grace);
        if (code.isPresent()) {
            return code.getAsInt();
        }
        LOG.debug("container {} ignored SIGTERM for {}; sending SIGKILL", id, grace);
        kill(id, "SIGKILL");
        return waitFor(id);
    }

    /** Removes a container, running or not, with its anonymous volumes; false if there was none. */
    public boolean remove(String id) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (DockerException e) {
            if (EngineQuirks.removeOfGoneContainer(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Containers, running or not, whose labels include all of {@code labels}. */
    public List<ManagedContainer> listContainers(Map<String, String> labels) {
        List<ManagedContainer> found = new ArrayList<>();
        for (Container c : client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()) {
            Map<String, String> l = c.getLabels() == null ? Map.of() : c.getLabels();
            if (!l.entrySet().containsAll(labels.entrySet())) {
                continue;
            }
            List<String> names = new ArrayList<>();
            if (c.getNames() != null) {
                for (String n : c.getNames()) {
                    names.add(n.startsWith("/") ? n.substring(1) : n);
                }
            }
            found.add(new ManagedContainer(c.getId(), names, c.getImage(), c.getState(), l));
        }
        return found;
    }

    /** What {@link #removeOrphans} removed. */
    public record Removed(List<String> containers, List<String> networks) {}

    /**
     * Removes every smtrain-managed container, then network, whose labels
     * satisfy {@code which} (e.g. "session is not mine and is older than ...",
     * or "job is X"). Images are left alone.
     */
    public Removed removeOrphans(Predicate<Map<String, String>> which) {
        Map<String, String> managed = EngineLabels.managed();
        List<String> containers = new ArrayList<>();
        for (ManagedContainer c : listContainers(managed)) {
            if (which.test(c.labels()) && remove(c.id())) {
                containers.add(c.id());
            }
        }
        List<String> networks = new ArrayList<>();
        for (Network n : client.listNetworksCmd().withFilter("label", labelFilters(managed)).exec()) {
            Map<String, String> l = n.getLabels() == null ? Map.of() : n.getLabels();
            if ("true".equals(l.get(EngineLabels.MANAGED)) && which.test(l) && removeNetwork(n.getId())) {
                networks.add(n.getName());
            }
        }
        return new Removed(containers, networks);
    }

    // ------------------------------------------------------------- file copies

    /** A tar stream of {@code path} in the container (a file or a directory); close it. */
    public InputStream copyFrom(String id, String path) {
        return client.copyArchiveFromContainerCmd(id, path).exec();
    }

    /** Unpacks a tar stream into directory {@code dir} of the container, which must exist. */
    public void copyTo(String id, String dir, InputStream tar) {
        client.copyArchiveToContainerCmd(id).withRemotePath(dir).withTarInputStream(tar).exec();
    }

    public void copyTo(String id, String dir, TarContext tar) {
        copyTo(id, dir, new java.io.ByteArrayInputStream(tar.toByteArray()));
    }

    // ------------------------------------------------------------------ images

    /**
     * Builds an image from a context with a {@code Dockerfile} at its root and
     * tags it. No pulls and no network during the build. Returns the image id.
     */
    public String buildImage(TarContext context, String tag, Map<String, String> labels) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("smtrain-build-", ".tar");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                context.writeTo(out);
            }
            try (InputStream in = Files.newInputStream(tmp)) {
                return buildImage(in, tag, labels);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write build context", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}", tmp, e);
                }
            }
        }
    }

    /** {@link #buildImage(TarContext, String, Map)} from a directory. */
    public String buildImage(Path dir, String tag, Map<String, String> labels) {
        return buildImage(TarContext.ofDirectory(dir), tag, labels);
    }

    /** Builds from a tar stream (the caller closes it). */
    public String buildImage(InputStream tar, String tag, Map<String, String> labels) {
        StringBuilder output = new StringBuilder();
        BuildImageResultCallback cb = new BuildImageResultCallback() {
            @Override
            public void onNext(com.github.dockerjava.api.model.BuildResponseItem item) {
                if (item.getStream() != null) {
                    output.append(item.getStream());
                    LOG.debug("build {}: {}", tag, item.getStream().strip());
                }
                super.onNext(item);
            }
        };
        try {
            return client.buildImageCmd(tar)
                    .withTags(Set.of(tag))
                    .withLabels(Map.copyOf(labels))
                    .withPull(false)
                    .withNoCache(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .withNetworkMode("none")
                    .exec(cb)
                    .awaitImageId();
        } catch (RuntimeException e) {
            throw new IllegalStateException("building " + tag + " failed: " + e.getMessage()
                    + (output.length() > 0 ? "\nbuild output:\n" + output : ""), e);
        }
    }

    public boolean imageExists(String ref) {
        try {
            client.inspectImageCmd(ref).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Removes an image (forced); false if there was none. */
    public boolean removeImage(String ref) {
        try {
            client.removeImageCmd(ref).withForce(true).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- plumbing

    @Override
    public void close() {
        closeQuietly(client);
    }

    private static List<String> labelFilters(Map<String, String> labels) {
        List<String> f = new ArrayList<>();
        labels.forEach((k, v) -> f.add(k + "=" + v));
        return f;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("close failed", e);
        }
    }
}
