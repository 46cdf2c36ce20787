package dev.smtrain.local.internal;

import dev.smtrain.local.engine.ContainerEngine;
import dev.smtrain.local.storage.LocalStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * What every job of one local executor shares.
 *
 * @param engine the container engine
 * @param storage inputs, checkpoints and outputs
 * @param threads runs jobs and waits for containers
 * @param gracePeriod time between SIGTERM and SIGKILL
 * @param session the runner session id, on every container and network as a label
 * @param sessionDirectory the session's work directory; each job gets a workspace under it
 */
public record RunnerContext(ContainerEngine engine, LocalStorage storage, ExecutorService threads,
    Duration gracePeriod, String session, Path sessionDirectory) {}
