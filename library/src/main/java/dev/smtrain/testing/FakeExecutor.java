package dev.smtrain.testing;

import dev.smtrain.SmtrainException;
import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.ResourceInUseException;
import dev.smtrain.executor.ResourceLimitExceededException;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobExecutor;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.executor.internal.JobListings;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ListTrainingJobsRequest;
import dev.smtrain.model.ListTrainingJobsResponse;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.testing.internal.FakeJob;
import dev.smtrain.testing.internal.FakeJobHandle;
import dev.smtrain.testing.internal.FakeJobs;
import dev.smtrain.testing.internal.FakeScripts;
import dev.smtrain.testing.internal.Quotas;
import dev.smtrain.validation.TrainingJobValidator;
import dev.smtrain.validation.ValidationException;
import dev.smtrain.validation.ValidationReport;
import dev.smtrain.validation.ValidationTarget;
import dev.smtrain.validation.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory {@link TrainingJobExecutor} for unit tests: thread-safe, deterministic, on a
 * {@link VirtualClock} ({@link TrainingJob#awaitCompletion} returns at once and moves the clock to the job's
 * end). Jobs go through SageMaker's statuses and secondary statuses with their transitions, times and
 * messages, and end as scripted with {@link #script(String, FakeOutcome)} or
 * {@link #scriptMatching(String, FakeOutcome)}; unscripted jobs end as {@link FakeOutcome#completes()}.
 *
 * <p>It enforces what SageMaker enforces: the validator for its {@link #validationTarget()}, unique job names
 * ({@link ResourceInUseException}; names compare ignoring case, as in the ARN), the configured quotas
 * ({@link ResourceLimitExceededException}), {@code MaxRuntimeInSeconds} and {@code MaxWaitTimeInSeconds}, and
 * {@code StopTrainingJob} ({@code Stopping}, then {@code Stopped} ten seconds later). Accepted requests are
 * recorded ({@link #requests()}), refused ones too ({@link #refusals()}).
 *
 * <pre>{@code
 * FakeExecutor fake = FakeExecutor.builder().maxConcurrentJobs(2).build();
 * fake.script("churn-1", FakeOutcome.completes().withMetric("validation:auc", 0.91));
 * TrainingJobDescription d = fake.submit(request).awaitCompletion(Duration.ofHours(1));
 * }</pre>
 */
public final class FakeExecutor implements TrainingJobExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(FakeExecutor.class);

  private final VirtualClock clock;
  private final ValidationTarget target;
  private final TrainingJobValidator validator;
  private final FakeScripts scripts;
  private final FakeJobs jobs;
  private final List<Refusal> refused = new ArrayList<>();
  private final VirtualClock.Ticker ticker;
  private volatile boolean closed;

  private FakeExecutor(Builder b) {
    this.clock = b.clock != null ? b.clock : new VirtualClock();
    this.target = b.target;
    this.validator = b.validator != null ? b.validator : TrainingJobValidator.forTarget(b.target);
    this.jobs = new FakeJobs("arn:aws:sagemaker:" + b.region + ":" + b.accountId + ":training-job/",
        new Quotas(b.maxConcurrentJobs, b.instanceLimits));
    this.ticker = new VirtualClock.Ticker() {
      @Override
      public Instant nextEvent(Instant after) {
        return jobs.nextEvent(after);
      }

      @Override
      public void tick(Instant now) {
        jobs.progress(now);
      }
    };
    this.scripts = new FakeScripts(b.defaultOutcome);
    b.scripts.forEach(s -> s.accept(this));
    clock.addTicker(ticker);
  }

  /**
   * A fake with no quotas, validating for SageMaker, on a new {@link VirtualClock}.
   *
   * @return the fake
   */
  public static FakeExecutor create() {
    return builder().build();
  }

  /**
   * A builder, to set the clock, validation target, account, region, quotas and scripts.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The clock the jobs run on; advance it to watch jobs progress.
   *
   * @return the clock
   */
  public VirtualClock clock() {
    return clock;
  }

  /**
   * Scripts the outcome of the job with a given name (ignoring case); replaces an earlier script for it.
   *
   * @param trainingJobName the job name
   * @param outcome how it ends
   * @return this fake
   */
  public FakeExecutor script(String trainingJobName, FakeOutcome outcome) {
    scripts.script(trainingJobName, outcome);
    return this;
  }

  /**
   * Scripts the outcome of jobs whose whole name matches a regular expression. Exact names win over
   * patterns; among patterns, the one scripted last wins.
   *
   * @param regex a {@link java.util.regex.Pattern} for the whole name, such as {@code "churn-.*"}
   * @param outcome how they end
   * @return this fake
   */
  public FakeExecutor scriptMatching(String regex, FakeOutcome outcome) {
    scripts.scriptMatching(regex, outcome);
    return this;
  }

  /**
   * Sets the outcome of jobs no script matches.
   *
   * @param outcome how they end
   * @return this fake
   */
  public FakeExecutor defaultOutcome(FakeOutcome outcome) {
    scripts.defaultOutcome(outcome);
    return this;
  }

  @Override
  public TrainingJob submit(CreateTrainingJobRequest request, TrainingJobListener... listeners) {
    Objects.requireNonNull(request, "request");
    ensureOpen();
    try {
      ValidationReport report = validator.validate(request, target);
      if (!report.isValid()) {
        throw new ValidationException(report);
      }
      if (request.trainingJobName().isEmpty()) {
        throw new ValidationException(ValidationReport.of(List.of(Violation.error("TrainingJobName", "required",
            "is required: give the job a name unique in the account and region"))));
      }
      Instant now = clock.instant();
      FakeJob job = jobs.admit(request, scripts::outcomeFor, now, List.of(listeners));
      LOG.debug("fake executor accepted training job {} at {}", job.name(), now);
      clock.refresh();
      return handle(job);
    } catch (ValidationException | ResourceInUseException | ResourceLimitExceededException e) {
      synchronized (refused) {
        refused.add(new Refusal(request, e));
      }
      LOG.debug("fake executor refused training job {}: {}", request.trainingJobName().orElse("(no name)"),
          e.getMessage());
      throw e;
    }
  }

  private FakeJob find(String trainingJobName) {
    return jobs.find(trainingJobName);
  }

  private TrainingJob handle(FakeJob job) {
    return new FakeJobHandle(job, clock, () -> stop(job.name()));
  }

  @Override
  public TrainingJob job(String trainingJobName) {
    return handle(find(trainingJobName));
  }

  @Override
  public TrainingJobDescription describe(String trainingJobName) {
    return find(trainingJobName).describe(clock.instant());
  }

  @Override
  public void stop(String trainingJobName) {
    FakeJob job = find(trainingJobName);
    if (job.stop(clock.instant())) {
      LOG.debug("fake executor stopping training job {}", job.name());
      clock.refresh();
    }
  }

  @Override
  public ListTrainingJobsResponse list(ListTrainingJobsRequest request) {
    return JobListings.page(jobs.summaries(clock.instant()), request);
  }

  @Override
  public Stream<LogEvent> logs(String trainingJobName) {
    return find(trainingJobName).logs(clock.instant());
  }

  @Override
  public ValidationTarget validationTarget() {
    return target;
  }

  /**
   * The requests accepted so far, in submission order, with assertion helpers.
   *
   * @return a snapshot
   */
  public RecordedRequests requests() {
    return new RecordedRequests(jobs.accepted());
  }

  /**
   * The submissions refused so far (invalid, duplicate name, over quota), in order.
   *
   * @return a snapshot
   */
  public List<Refusal> refusals() {
    synchronized (refused) {
      return List.copyOf(refused);
    }
  }

  /**
   * Forgets every job, recorded request and refusal (scripts and the clock stay); for a long-running test or
   * benchmark that reuses one fake.
   */
  public void reset() {
    jobs.clear();
    synchronized (refused) {
      refused.clear();
    }
  }

  /** Detaches the fake from its clock; later submissions are refused. Jobs and recordings stay readable. */
  @Override
  public void close() {
    closed = true;
    clock.removeTicker(ticker);
  }

  private void ensureOpen() {
    if (closed) {
      throw new SmtrainException("this FakeExecutor is closed; create a new one (FakeExecutor.create())");
    }
  }

  @Override
  public String toString() {
    return "FakeExecutor[" + jobs.size() + " job(s), " + clock + "]";
  }

  /** Builds a {@link FakeExecutor}. */
  public static final class Builder {
    private VirtualClock clock;
    private ValidationTarget target = ValidationTarget.SAGEMAKER;
    private TrainingJobValidator validator;
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private int maxConcurrentJobs = Integer.MAX_VALUE;
    private final Map<String, Integer> instanceLimits = new ConcurrentHashMap<>();
    private FakeOutcome defaultOutcome = FakeOutcome.completes();
    private final List<Consumer<FakeExecutor>> scripts = new ArrayList<>();

    private Builder() {}

    /**
     * The clock; share one between fakes to keep them in step. Default: a new {@link VirtualClock}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(VirtualClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The target requests are validated for. Default: {@link ValidationTarget#SAGEMAKER}.
     *
     * @param target the target
     * @return this builder
     */
    public Builder validationTarget(ValidationTarget target) {
      this.target = Objects.requireNonNull(target, "target");
      return this;
    }

    /**
     * A validator with rules of the user's own. Default: {@code TrainingJobValidator.forTarget(target)}.
     *
     * @param validator the validator
     * @return this builder
     */
    public Builder validator(TrainingJobValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /**
     * The region in ARNs. Default: {@code us-east-1}.
     *
     * @param region the region
     * @return this builder
     */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * The account in ARNs. Default: {@code 123456789012}.
     *
     * @param accountId the twelve-digit account id
     * @return this builder
     */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /**
     * The most jobs in progress (or stopping) at once; one more is {@link ResourceLimitExceededException}.
     * Default: no limit.
     *
     * @param max the limit, at least 1
     * @return this builder
     */
    public Builder maxConcurrentJobs(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConcurrentJobs must be at least 1, was " + max);
      }
      this.maxConcurrentJobs = max;
      return this;
    }

    /**
     * The most instances of a type in use at once by active jobs; more is
     * {@link ResourceLimitExceededException}. Default: no limit.
     *
     * @param instanceType such as {@code ml.p3.2xlarge}
     * @param max the limit, zero or more
     * @return this builder
     */
    public Builder instanceLimit(String instanceType, int max) {
      Objects.requireNonNull(instanceType, "instanceType");
      if (max < 0) {
        throw new IllegalArgumentException("instanceLimit for " + instanceType + " must not be negative, was " + max);
      }
      instanceLimits.put(instanceType, max);
      return this;
    }

    /**
     * The outcome of jobs no script matches. Default: {@link FakeOutcome#completes()}.
     *
     * @param outcome the outcome
     * @return this builder
     */
    public Builder defaultOutcome(FakeOutcome outcome) {
      this.defaultOutcome = Objects.requireNonNull(outcome, "outcome");
      return this;
    }

    /**
     * Scripts a job name; see {@link FakeExecutor#script(String, FakeOutcome)}.
     *
     * @param trainingJobName the job name
     * @param outcome how it ends
     * @return this builder
     */
    public Builder script(String trainingJobName, FakeOutcome outcome) {
      FakeScripts.check(trainingJobName, outcome);
      scripts.add(f -> f.script(trainingJobName, outcome));
      return this;
    }

    /**
     * Scripts a name pattern; see {@link FakeExecutor#scriptMatching(String, FakeOutcome)}.
     *
     * @param regex a regular expression for the whole name
     * @param outcome how matching jobs end
     * @return this builder
     */
    public Builder scriptMatching(String regex, FakeOutcome outcome) {
      FakeScripts.compile(regex);
      Objects.requireNonNull(outcome, "outcome");
      scripts.add(f -> f.scriptMatching(regex, outcome));
      return this;
    }

    /**
     * Builds the fake.
     *
     * @return the fake
     */
    public FakeExecutor build() {
      return new FakeExecutor(this);
    }
  }
}
