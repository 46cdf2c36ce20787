package dev.smtrain.local.internal;

import dev.smtrain.executor.ResourceInUseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link JobRegistry} in this JVM's memory: names are unique for the executor's lifetime, as on SageMaker. */
public final class InMemoryJobRegistry implements JobRegistry {

  private final ConcurrentMap<String, LocalJob> jobs = new ConcurrentHashMap<>();

  @Override
  public void register(LocalJob job) {
    LocalJob earlier = jobs.putIfAbsent(job.name(), job);
    if (earlier != null) {
      throw new ResourceInUseException("TrainingJobName: a training job named \"" + job.name()
          + "\" already exists (created " + earlier.creationTime() + "); training job names must be unique, "
          + "choose another name");
    }
  }

  @Override
  public Optional<LocalJob> find(String name) {
    return Optional.ofNullable(jobs.get(name));
  }

  @Override
  public Collection<LocalJob> all() {
    return List.copyOf(jobs.values());
  }
}
