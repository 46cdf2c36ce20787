package dev.smtrain.sagemaker.internal;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.model.TrainingJobDescription;
import java.util.List;

/** What a job handle and its watch need from the executor. */
public interface JobBackend {

  /**
   * Describes a job.
   *
   * @param name the job
   * @return its description
   */
  TrainingJobDescription describe(String name);

  /**
   * Stops a job.
   *
   * @param name the job
   */
  void stop(String name);

  /**
   * A reader of the job's CloudWatch log, positioned at the start.
   *
   * @param name the job
   * @return the reader
   */
  CloudWatchLogReader logReader(String name);

  /**
   * The job's log so far.
   *
   * @param name the job
   * @return the lines
   */
  List<LogEvent> logs(String name);
}
