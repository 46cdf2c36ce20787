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
 * smtrain has to care. Measured with Podman 4.3.1 (Debian 12, netavark,
 * runc) and Docker 20.10.24 (Debian 12 docker.io); see samples/engine/.
 * ContainerEngine itself stays engine-neutral and asks here.
 *
 * <p>Not in code, but relied on:
 * <ul>
 *   <li>Never create containers with AutoRemove: Podman's wait can report exit
 *       code 0 for a container that was removed as it exited. smtrain waits,
 *       reads the code, then removes.</li>
 *   <li>Podman wants {@code nofile}/{@code nproc} ulimits it can grant and
 *       {@code runc} on some kernels; that is engine configuration
 *       (samples/engine/podman.sh), not API.</li>
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
     * aardvark-dns knows a container only by its name and its network
     * aliases, not its hostname; Docker's embedded DNS is the same for
     * aliases. So both get the hostname as an alias, which is how SageMaker's
     * {@code algo-1}, {@code algo-2}, ... find each other.
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
     * Whether a failed kill means "it was not running anyway". Docker answers
     * 409 "is not running"; Podman answers 409 or 500 with "not running" or
     * "container state improper" (and for an already removed one, 404).
     */
    static boolean killOfStoppedContainer(DockerException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return e.getHttpStatus() == 404 || e.getHttpStatus() == 409
                || m.contains("not running") || m.contains("state improper");
    }

    /**
     * Whether a failed removal means "already gone or going". Docker answers
     * 409 "removal ... is already in progress" when two removals race;
     * both answer 404 for an unknown id.
     */
    static boolean removeOfGoneContainer(DockerException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return e.getHttpStatus() == 404 || m.contains("already in progress") || m.contains("no such container");
    }
}
