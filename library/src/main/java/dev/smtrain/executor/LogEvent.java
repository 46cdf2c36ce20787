package dev.smtrain.executor;

import java.time.Instant;

/**
 * One line of a job's log.
 *
 * @param trainingJobName the job
 * @param stream the log stream, {@code <job>/algo-<n>-<epoch>} on SageMaker, {@code algo-<n>} locally
 * @param timestamp when the line was written
 * @param message the line, without its line terminator
 */
public record LogEvent(String trainingJobName, String stream, Instant timestamp, String message) {}
