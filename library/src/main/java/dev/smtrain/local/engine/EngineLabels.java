package dev.smtrain.local.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Labels put on every container, network and image smtrain creates, so that
 * orphans (from a crashed JVM, say) can be found by label and removed.
 */
public final class EngineLabels {
    /** Always {@code "true"} on anything smtrain made. */
    public static final String MANAGED = "dev.smtrain.managed";
    /** The training job's name. */
    public static final String JOB = "dev.smtrain.job";
    /** A UUID per run of the local runner (one JVM may have several). */
    public static final String SESSION = "dev.smtrain.session";

    private EngineLabels() {}

    /** A fresh session id. */
    public static String newSession() {
        return UUID.randomUUID().toString();
    }

    /** The three labels for one job in one session (a mutable copy). */
    public static Map<String, String> of(String job, String session) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(session, "session");
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED, "true");
        labels.put(JOB, job);
        labels.put(SESSION, session);
        return labels;
    }

    /** Only the managed marker: for things not tied to a job, such as test images. */
    public static Map<String, String> managed() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED, "true");
        return labels;
    }
}
