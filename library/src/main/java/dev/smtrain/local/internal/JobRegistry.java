package dev.smtrain.local.internal;

import dev.smtrain.executor.ResourceInUseException;
import java.util.Collection;
import java.util.Optional;

/**
 * Where the local executor keeps its jobs by name. In memory today; a durable registry (surviving the JVM) is an
 * additional implementation of this interface.
 */
public interface JobRegistry {

  /**
   * Adds a job under its name.
   *
   * @param job the job
   * @throws ResourceInUseException when a job of that name is registered
   */
  void register(LocalJob job);

  /**
   * The job of that name.
   *
   * @param name the {@code TrainingJobName}
   * @return the job, if registered
   */
  Optional<LocalJob> find(String name);

  /**
   * Every registered job.
   *
   * @return a snapshot
   */
  Collection<LocalJob> all();
}
