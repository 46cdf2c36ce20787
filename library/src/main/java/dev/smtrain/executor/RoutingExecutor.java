package dev.smtrain.executor;

import dev.smtrain.SmtrainException;
import dev.smtrain.executor.internal.JobListings;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ListTrainingJobsRequest;
import dev.smtrain.model.ListTrainingJobsResponse;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobSummary;
import dev.smtrain.validation.ValidationTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sends each submitted request to one of several executors by a rule the user gives, for example GPU jobs
 * to SageMaker and the rest to the local runner:
 *
 * <pre>{@code
 * TrainingJobExecutor executor = RoutingExecutor.builder()
 *     .route(r -> r.resourceConfig().flatMap(c -> c.instanceType()).map(t -> t.value().startsWith("ml.g")).orElse(false),
 *         sagemaker)
 *     .otherwise(local)
 *     .build();
 * }</pre>
 *
 * <p>Each executor validates what it is sent for its own target. {@link #describe}, {@link #stop},
 * {@link #logs} and {@link #job} go to the executor the job was sent to, or, for a job this router did not
 * submit, to the first executor that has it. {@link #list} merges every executor's jobs, sorted and paged
 * as the request says (each page reads every executor's matching jobs; a {@code NextToken} is an offset, so
 * jobs created between pages can shift it). Closing the router closes every executor.
 */
public final class RoutingExecutor implements TrainingJobExecutor {

  private final Function<CreateTrainingJobRequest, TrainingJobExecutor> rule;
  private final List<TrainingJobExecutor> executors;
  private final Map<String, TrainingJobExecutor> placed = new ConcurrentHashMap<>();

  private RoutingExecutor(Function<CreateTrainingJobRequest, TrainingJobExecutor> rule,
      List<TrainingJobExecutor> executors) {
    this.rule = rule;
    this.executors = List.copyOf(executors);
    if (this.executors.isEmpty()) {
      throw new IllegalArgumentException("RoutingExecutor needs at least one executor");
    }
  }

  /**
   * A router that asks a function where each request goes.
   *
   * @param rule returns one of {@code executors} for a request
   * @param executors every executor the rule may return, in the order jobs are looked up
   * @return the router
   */
  public static RoutingExecutor byRule(Function<CreateTrainingJobRequest, TrainingJobExecutor> rule,
      TrainingJobExecutor... executors) {
    Objects.requireNonNull(rule, "rule");
    List<TrainingJobExecutor> list = new ArrayList<>();
    for (TrainingJobExecutor e : executors) {
      addDistinct(list, Objects.requireNonNull(e, "executors contains null"));
    }
    return new RoutingExecutor(rule, list);
  }

  /**
   * A builder of routes tried in order, and a default.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static void addDistinct(List<TrainingJobExecutor> list, TrainingJobExecutor e) {
    if (list.stream().noneMatch(x -> x == e)) {
      list.add(e);
    }
  }

  /**
   * The executors, in lookup order.
   *
   * @return the executors
   */
  public List<TrainingJobExecutor> executors() {
    return executors;
  }

  /**
   * The executor a request would be sent to.
   *
   * @param request the request
   * @return the executor
   * @throws SmtrainException when no route takes it
   */
  public TrainingJobExecutor routeOf(CreateTrainingJobRequest request) {
    Objects.requireNonNull(request, "request");
    TrainingJobExecutor target = rule.apply(request);
    String name = request.trainingJobName().orElse("(no TrainingJobName)");
    if (target == null) {
      throw new SmtrainException("no route takes training job '" + name + "': add a route that matches it, or a"
          + " default with RoutingExecutor.Builder.otherwise(executor)");
    }
    if (executors.stream().noneMatch(x -> x == target)) {
      throw new SmtrainException("the routing rule sent training job '" + name + "' to an executor the router"
          + " was not given (" + target + "); pass every executor the rule returns to RoutingExecutor.byRule");
    }
    return target;
  }

  @Override
  public TrainingJob submit(CreateTrainingJobRequest request, TrainingJobListener... listeners) {
    TrainingJobExecutor target = routeOf(request);
    TrainingJob job = target.submit(request, listeners);
    placed.put(key(job.name()), target);
    return job;
  }

  @Override
  public TrainingJob job(String trainingJobName) {
    return locate(trainingJobName).job(trainingJobName);
  }

  @Override
  public TrainingJobDescription describe(String trainingJobName) {
    return locate(trainingJobName).describe(trainingJobName);
  }

  @Override
  public void stop(String trainingJobName) {
    locate(trainingJobName).stop(trainingJobName);
  }

  @Override
  public Stream<LogEvent> logs(String trainingJobName) {
    return locate(trainingJobName).logs(trainingJobName);
  }

  private TrainingJobExecutor locate(String trainingJobName) {
    Objects.requireNonNull(trainingJobName, "trainingJobName");
    TrainingJobExecutor known = placed.get(key(trainingJobName));
    if (known != null) {
      return known;
    }
    for (TrainingJobExecutor e : executors) {
      try {
        e.describe(trainingJobName);
        placed.put(key(trainingJobName), e);
        return e;
      } catch (ResourceNotFoundException notThere) {
        // try the next one
      }
    }
    throw new ResourceNotFoundException("Requested resource not found: no training job named '" + trainingJobName
        + "' in any of the router's " + executors.size() + " executor(s) " + executors + ". Check the name.");
  }

  @Override
  public ListTrainingJobsResponse list(ListTrainingJobsRequest request) {
    ListTrainingJobsRequest everything = request.toBuilder().nextToken(Optional.empty())
        .maxResults(JobListings.MAX_MAX_RESULTS).build();
    Map<String, TrainingJobSummary> merged = new LinkedHashMap<>();
    for (TrainingJobExecutor e : executors) {
      e.listAll(everything).forEach(s -> merged.putIfAbsent(s.trainingJobArn().orElse(
          s.trainingJobName().orElse("")), s));
    }
    return JobListings.page(merged.values(), request);
  }

  /** The executors' common target, or {@link ValidationTarget#SAGEMAKER} (the stricter) when they differ. */
  @Override
  public ValidationTarget validationTarget() {
    List<ValidationTarget> targets = executors.stream().map(TrainingJobExecutor::validationTarget).distinct()
        .collect(Collectors.toList());
    return targets.size() == 1 ? targets.get(0) : ValidationTarget.SAGEMAKER;
  }

  /** Closes every executor, even when one fails; the first failure is thrown with the others suppressed. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (TrainingJobExecutor e : executors) {
      try {
        e.close();
      } catch (RuntimeException ex) {
        if (first == null) {
          first = ex;
        } else {
          first.addSuppressed(ex);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "RoutingExecutor" + executors;
  }

  /** Builds a {@link RoutingExecutor} from routes tried in order. */
  public static final class Builder {
    private final List<Map.Entry<Predicate<CreateTrainingJobRequest>, TrainingJobExecutor>> routes = new ArrayList<>();
    private TrainingJobExecutor otherwise;

    private Builder() {}

    /**
     * Sends requests that match to an executor, unless an earlier route took them.
     *
     * @param condition which requests
     * @param executor where they go
     * @return this builder
     */
    public Builder route(Predicate<CreateTrainingJobRequest> condition, TrainingJobExecutor executor) {
      routes.add(Map.entry(Objects.requireNonNull(condition, "condition"),
          Objects.requireNonNull(executor, "executor")));
      return this;
    }

    /**
     * Where requests no route takes go. Without it, such a request is refused with an exception.
     *
     * @param executor the default executor
     * @return this builder
     */
    public Builder otherwise(TrainingJobExecutor executor) {
      this.otherwise = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the router.
     *
     * @return the router
     * @throws IllegalArgumentException when there is neither a route nor a default
     */
    public RoutingExecutor build() {
      List<Map.Entry<Predicate<CreateTrainingJobRequest>, TrainingJobExecutor>> r = List.copyOf(routes);
      TrainingJobExecutor fallback = otherwise;
      List<TrainingJobExecutor> all = new ArrayList<>();
      r.forEach(e -> addDistinct(all, e.getValue()));
      if (fallback != null) {
        addDistinct(all, fallback);
      }
      return new RoutingExecutor(request -> {
        for (Map.Entry<Predicate<CreateTrainingJobRequest>, TrainingJobExecutor> e : r) {
          if (e.getKey().test(request)) {
            return e.getValue();
          }
        }
        return fallback;
      }, all);
    }
  }
}
