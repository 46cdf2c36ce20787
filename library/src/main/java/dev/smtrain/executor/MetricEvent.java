package dev.smtrain.executor;

import java.time.Instant;

/**
 * A metric value read from a job's output by one of its {@code MetricDefinitions}.
 *
 * @param trainingJobName the job
 * @param metricName the metric definition's name
 * @param value the value
 * @param timestamp when it was written
 */
public record MetricEvent(String trainingJobName, String metricName, double value, Instant timestamp) {}
