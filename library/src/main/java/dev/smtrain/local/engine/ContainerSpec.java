package dev.smtrain.local.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to create a container from. Build with {@link #builder(String)}.
 *
 * @param name       container name, or null to let the engine choose
 * @param image      image reference
 * @param entrypoint entrypoint, or null for the image's
 * @param cmd        command, or null for the image's
 * @param env        environment variables
 * @param binds      host paths mounted into the container
 * @param hostname   hostname inside the container, or null
 * @param network    network to join; null means no network at all ({@code none})
 * @param aliases    DNS names on {@code network}; the hostname is always added
 * @param labels     labels (normally {@link EngineLabels#of})
 * @param workingDir working directory, or null for the image's
 */
public record ContainerSpec(
        String name,
        String image,
        List<String> entrypoint,
        List<String> cmd,
        Map<String, String> env,
        List<Bind> binds,
        String hostname,
        String network,
        List<String> aliases,
        Map<String, String> labels,
        String workingDir) {

    public ContainerSpec {
        Objects.requireNonNull(image, "image");
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        env = Map.copyOf(env == null ? Map.of() : env);
        binds = List.copyOf(binds == null ? List.of() : binds);
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }

    /** A host path mounted at {@code containerPath}. */
    public record Bind(Path hostPath, String containerPath, boolean readOnly) {
        public Bind {
            Objects.requireNonNull(hostPath, "hostPath");
            Objects.requireNonNull(containerPath, "containerPath");
        }
    }

    public static Builder builder(String image) {
        return new Builder(image);
    }

    /** Mutable builder; every setter returns {@code this}. */
    public static final class Builder {
        private String name;
        private final String image;
        private List<String> entrypoint;
        private List<String> cmd;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<Bind> binds = new ArrayList<>();
        private String hostname;
        private String network;
        private final List<String> aliases = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String workingDir;

        private Builder(String image) {
            this.image = Objects.requireNonNull(image, "image");
        }

        public Builder name(String name) { this.name = name; return this; }
        public Builder entrypoint(String... entrypoint) { this.entrypoint = List.of(entrypoint); return this; }
        public Builder entrypoint(List<String> entrypoint) { this.entrypoint = entrypoint; return this; }
        public Builder cmd(String... cmd) { this.cmd = List.of(cmd); return this; }
        public Builder cmd(List<String> cmd) { this.cmd = cmd; return this; }
        public Builder env(String key, String value) { env.put(key, value); return this; }
        public Builder env(Map<String, String> env) { this.env.putAll(env); return this; }
        public Builder bind(Path host, String container) { binds.add(new Bind(host, container, false)); return this; }
        public Builder bindReadOnly(Path host, String container) { binds.add(new Bind(host, container, true)); return this; }
        public Builder hostname(String hostname) { this.hostname = hostname; return this; }
        public Builder network(String network) { this.network = network; return this; }
        public Builder alias(String alias) { aliases.add(alias); return this; }
        public Builder label(String key, String value) { labels.put(key, value); return this; }
        public Builder labels(Map<String, String> labels) { this.labels.putAll(labels); return this; }
        public Builder workingDir(String workingDir) { this.workingDir = workingDir; return this; }

        public ContainerSpec build() {
            return new ContainerSpec(name, image, entrypoint, cmd, env, binds, hostname, network, aliases,
                    labels, workingDir);
        }
    }
}
