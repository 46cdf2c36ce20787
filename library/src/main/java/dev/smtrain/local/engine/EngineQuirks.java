package dev.smtrain.local.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.VersionComponent;

/**
 * Every place where Podman's Docker-compatible API and Docker's differ, and
 * smtrain has to care. Measured with Podman 4.3.1 (Debian 12, netavark +
 * aardvark-dns, runc) and Docker 20.10.24 (Debian 12 docker.io, overlay2,
 * {@code --iptables=false}); see samples/engine/. ContainerEngine itself stays
 * engine-neutral and asks here.
 *
 * <p>Not in code, but relied on (each seen on one engine or both):
 * <ul>
 *   <li>Never create containers with AutoRemove and never wait on a container
 *       whose start failed: the exit code is lost (404 on both engines once it is
 *       removed), and Podman's wait answers 0 for a container whose start
 *       failed where Docker answers 128. smtrain starts, waits, reads the code,
 *       then removes.</li>
 *   <li>Remove containers before their network: Podman refuses (HTTP 500
 *       "network is being used") while even a stopped container is attached;
 *       Docker allows it. {@link ContainerEngine#removeOrphans} keeps that order.</li>
 *   <li>An internal network on Podman has no default route; Docker's (with
 *       {@code --iptables=false}) still has one, to the bridge's gateway, so the
 *       host's own listening ports are reachable from it, though nothing is
 *       forwarded further. Podman also appends the host's nameservers to the
 *       container's resolv.conf: lookups of unknown names wait for those to
 *       time out.</li>
 *   <li>Ulimits above the host's hard limit make runc fail on both engines
 *       ("error setting rlimit type 7"). Docker inherits dockerd's limits;
 *       Podman asks for nofile=1048576 unless containers.conf says otherwise
 *       (samples/engine/podman.sh). crun fails on hybrid cgroup v1/v2 hosts
 *       ("cgroups in hybrid mode not supported"): Podman must use runc there.</li>
 *   <li>ICMP ping inside containers needs {@code CAP_NET_RAW}, which Podman
 *       does not grant by default; smtrain never pings.</li>
 * </ul>
 */
final class EngineQuirks {
    private EngineQuirks() {}

    /**
     * Podman says who it is in {@code /version}: a component named
     * "Podman Engine". Docker's is named "Engine", and Debian's build leaves
     * Platform.Name empty, so Docker is the fallback.
     */
    static ContainerEngine.Kind detect(Version version) {
        List<String> names = new ArrayList<>();
        if (version.getPlatform() != null && version.getPlatform().getName() != null) {
            names.add(version.getPlatform().getName());
        }
        if (version.getComponents() != null) {
            for (VersionComponent c : version.getComponents()) {
                names.add(c.getName());
            }
        }
        for (String n : names) {
            if (n != null && n.toLowerCase(Locale.ROOT).contains("podman")) {
                return ContainerEngine.Kind.PODMAN;
            }
        }
        return ContainerEngine.Kind.DOCKER;
    }

    /**
     * DNS names for a container on a user-defined network. Podman's
     * aardvark-dns knows a container by its name and its network aliases, not
     * by its hostname; Docker's embedded DNS answers for the hostname too. So
     * the hostname is always added as an alias (harmless on Docker), which is
     * how SageMaker's {@code algo-1}, {@code algo-2}, ... find each other.
     */
    static List<String> aliases(String hostname, List<String> aliases) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        if (hostname != null && !hostname.isBlank()) {
            all.add(hostname);
        }
        all.addAll(aliases);
        return List.copyOf(all);
    }

    /**
     * Whether a failed kill means "it was not running anyway". For a created
     * or exited container Docker answers 409 "... is not running", Podman 500
     * "container state improper"; both answer 404 for an unknown one.
     */
    static boolean killOfStoppedContainer(DockerException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return e.getHttpStatus() == 404 || e.getHttpStatus() == 409
                || m.contains("not running") || m.contains("state improper");
    }

    /**
     * Whether a failed removal means "already gone or going". Both answer 404
     * for an unknown id (docker-java's NotFoundException, caught before this);
     * Docker answers 409 "removal of container ... is already in progress" when
     * two removals race (Docker's documented behaviour, not reproduced here).
     */
    static boolean removeOfGoneContainer(DockerException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return e.getHttpStatus() == 404 || m.contains("already in progress") || m.contains("no such container");
    }
}
