package dev.smtrain.testing.internal;

import dev.smtrain.executor.ResourceInUseException;
import dev.smtrain.executor.ResourceNotFoundException;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.TrainingJobSummary;
import dev.smtrain.testing.FakeOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Internal: the fake's jobs by name (ignoring case, as in the ARN), the active ones, and the accepted
 * requests in order. Admission (unique name, quotas, recording) is atomic; reads are lock-free.
 */
public final class FakeJobs {

  private final String arnPrefix;
  private final Quotas quotas;
  private final Map<String, FakeJob> jobs = new ConcurrentHashMap<>();
  private final Set<FakeJob> active = ConcurrentHashMap.newKeySet();
  private final List<CreateTrainingJobRequest> accepted = new ArrayList<>();
  private final Object admission = new Object();

  /**
   * An empty registry.
   *
   * @param arnPrefix {@code arn:aws:sagemaker:<region>:<account>:training-job/}
   * @param quotas the account's quotas
   */
  public FakeJobs(String arnPrefix, Quotas quotas) {
    this.arnPrefix = arnPrefix;
    this.quotas = quotas;
  }

  /**
   * Admits a new job, or refuses it.
   *
   * @param request a valid request with a name
   * @param outcome how the job is scripted to end, given its name
   * @param now the creation time
   * @param listeners listeners from the submission
   * @return the job
   * @throws ResourceInUseException when the name is taken
   * @throws dev.smtrain.executor.ResourceLimitExceededException when a quota would be exceeded
   */
  public FakeJob admit(CreateTrainingJobRequest request, Function<String, FakeOutcome> outcome, Instant now,
      List<TrainingJobListener> listeners) {
    String name = request.trainingJobName().orElseThrow();
    String key = name.toLowerCase(Locale.ROOT);
    Map<String, Integer> instances = Quotas.instancesOf(request);
    synchronized (admission) {
      FakeJob existing = jobs.get(key);
      if (existing != null) {
        throw new ResourceInUseException("Training job names must be unique within an AWS account and region,"
            + " and a training job with this name already exists (" + existing.arn() + "). Choose another"
            + " TrainingJobName, for example with a timestamp or counter suffix.");
      }
      quotas.check(instances, active, now);
      FakeJob job = new FakeJob(request, arnPrefix + key, now,
          TimelinePlanner.plan(request, outcome.apply(name), now), instances, listeners);
      jobs.put(key, job);
      active.add(job);
      accepted.add(request);
      return job;
    }
  }

  /**
   * Tells the active jobs' listeners what happened up to an instant, and forgets the jobs that have ended.
   *
   * @param now the instant
   */
  public void progress(Instant now) {
    for (FakeJob job : active) {
      job.sync(now);
      if (!job.isActiveAt(now)) {
        active.remove(job);
      }
    }
  }

  /**
   * When a listener of an active job next has something to hear of.
   *
   * @param after the current time
   * @return the earliest such instant, or null
   */
  public Instant nextEvent(Instant after) {
    Instant next = null;
    for (FakeJob job : active) {
      Instant e = job.nextEvent(after);
      if (e != null && (next == null || e.isBefore(next))) {
        next = e;
      }
    }
    return next;
  }

  /**
   * A job by name.
   *
   * @param trainingJobName the name, any case
   * @return the job
   * @throws ResourceNotFoundException when there is none
   */
  public FakeJob find(String trainingJobName) {
    Objects.requireNonNull(trainingJobName, "trainingJobName");
    FakeJob job = jobs.get(trainingJobName.toLowerCase(Locale.ROOT));
    if (job == null) {
      throw new ResourceNotFoundException("Requested resource not found: there is no training job named '"
          + trainingJobName + "' in this fake executor (" + arnPrefix + "...). Check the name, or submit the"
          + " job first.");
    }
    return job;
  }

  /**
   * Every job's summary at an instant.
   *
   * @param now the instant
   * @return the summaries, in no particular order
   */
  public List<TrainingJobSummary> summaries(Instant now) {
    return jobs.values().stream().map(j -> j.summary(now)).collect(Collectors.toList());
  }

  /**
   * The accepted requests, in order.
   *
   * @return a copy
   */
  public List<CreateTrainingJobRequest> accepted() {
    synchronized (admission) {
      return List.copyOf(accepted);
    }
  }

  /** @return how many jobs there are */
  public int size() {
    return jobs.size();
  }

  /** Forgets every job and accepted request. */
  public void clear() {
    synchronized (admission) {
      jobs.clear();
      active.clear();
      accepted.clear();
    }
  }
}
