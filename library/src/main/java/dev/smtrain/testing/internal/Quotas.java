package dev.smtrain.testing.internal;

import dev.smtrain.executor.ResourceLimitExceededException;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.InstanceGroup;
import dev.smtrain.model.ResourceConfig;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Internal: the fake's account-level quotas, checked as SageMaker does when a job is created, with
 * SageMaker's wording so that code matching on it works against both.
 */
public final class Quotas {

  private final int maxConcurrentJobs;
  private final Map<String, Integer> instanceLimits;

  /**
   * Quotas.
   *
   * @param maxConcurrentJobs the most jobs in progress at once
   * @param instanceLimits the most instances of a type in use at once, by instance type
   */
  public Quotas(int maxConcurrentJobs, Map<String, Integer> instanceLimits) {
    this.maxConcurrentJobs = maxConcurrentJobs;
    this.instanceLimits = Map.copyOf(instanceLimits);
  }

  /**
   * The instances a request uses, by instance type ({@code ResourceConfig} or its instance groups).
   *
   * @param request the request
   * @return instance counts by type
   */
  public static Map<String, Integer> instancesOf(CreateTrainingJobRequest request) {
    Map<String, Integer> out = new TreeMap<>();
    ResourceConfig rc = request.resourceConfig().orElse(null);
    if (rc == null) {
      return out;
    }
    rc.instanceType().ifPresent(t -> out.merge(t.value(), rc.instanceCount().orElse(1), Integer::sum));
    if (rc.hasInstanceGroups()) {
      for (InstanceGroup g : rc.instanceGroups()) {
        g.instanceType().ifPresent(t -> out.merge(t.value(), g.instanceCount().orElse(1), Integer::sum));
      }
    }
    return out;
  }

  /**
   * Checks that one more job fits next to the active ones.
   *
   * @param wanted the new job's instances by type
   * @param jobs every job
   * @param now the current time
   * @throws ResourceLimitExceededException when a quota would be exceeded
   */
  public void check(Map<String, Integer> wanted, Collection<FakeJob> jobs, Instant now) {
    if (maxConcurrentJobs == Integer.MAX_VALUE && instanceLimits.isEmpty()) {
      return;
    }
    int active = 0;
    Map<String, Integer> inUse = new HashMap<>();
    for (FakeJob j : jobs) {
      if (j.isActiveAt(now)) {
        active++;
        j.instances().forEach((type, n) -> inUse.merge(type, n, Integer::sum));
      }
    }
    if (active + 1 > maxConcurrentJobs) {
      throw new ResourceLimitExceededException(message("Number of concurrent training jobs per account",
          maxConcurrentJobs, active, 1, "Jobs") + " Stop or wait for a running job, or raise the fake's"
          + " maxConcurrentJobs.");
    }
    for (Map.Entry<String, Integer> w : wanted.entrySet()) {
      Integer limit = instanceLimits.get(w.getKey());
      int used = inUse.getOrDefault(w.getKey(), 0);
      if (limit != null && used + w.getValue() > limit) {
        throw new ResourceLimitExceededException(message(w.getKey() + " for training job usage", limit, used,
            w.getValue(), "Instances") + " Use fewer or other instances, wait for running jobs, or raise the"
            + " fake's instanceLimit.");
      }
    }
  }

  private static String message(String quota, int limit, int used, int delta, String unit) {
    return "The account-level service limit '" + quota + "' is " + limit + " " + unit
        + ", with current utilization of " + used + " " + unit + " and a request delta of " + delta + " " + unit
        + ". Please use AWS Service Quotas to request an increase for this quota.";
  }
}
