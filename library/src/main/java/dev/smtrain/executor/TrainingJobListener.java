package dev.smtrain.executor;

/**
 * Told about a job's progress, for a notebook, a command line or a dashboard. Methods are called from the
 * executor's threads, in order for one job; they should return quickly and must not throw (an exception is
 * logged and ignored).
 */
public interface TrainingJobListener {

  /**
   * The job's status or secondary status changed.
   *
   * @param event the new status
   */
  default void onStatusChange(StatusEvent event) {}

  /**
   * A metric value was read from the job's output.
   *
   * @param event the metric
   */
  default void onMetric(MetricEvent event) {}

  /**
   * A log line was written by the job.
   *
   * @param event the line
   */
  default void onLogLine(LogEvent event) {}
}
