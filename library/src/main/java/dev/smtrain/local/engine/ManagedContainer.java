package dev.smtrain.local.engine;

import java.util.List;
import java.util.Map;

/**
 * A container as listed by the engine.
 *
 * @param id     full id
 * @param names  names without the leading slash
 * @param image  image reference it was created from
 * @param state  engine state, e.g. {@code running}, {@code exited}, {@code created}
 * @param labels its labels
 */
public record ManagedContainer(String id, List<String> names, String image, String state,
        Map<String, String> labels) {

    public ManagedContainer {
        names = List.copyOf(names);
        labels = Map.copyOf(labels);
    }

    public String job() {
        return labels.get(EngineLabels.JOB);
    }

    public String session() {
        return labels.get(EngineLabels.SESSION);
    }

    public boolean running() {
        return "running".equalsIgnoreCase(state);
    }
}
