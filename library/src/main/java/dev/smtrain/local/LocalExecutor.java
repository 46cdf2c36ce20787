package dev.smtrain.local;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.MetricEvent;
import dev.smtrain.executor.ResourceNotFoundException;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobExecutor;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.local.engine.ContainerEngine;
import dev.smtrain.local.engine.EngineLabels;
import dev.smtrain.local.internal.InMemoryJobRegistry;
import dev.smtrain.local.internal.JobListing;
import dev.smtrain.local.internal.JobRegistry;
import dev.smtrain.local.internal.JobRunner;
import dev.smtrain.local.internal.LocalJob;
import dev.smtrain.local.internal.LocalJobHandle;
import dev.smtrain.local.internal.LocalRunnabilityRule;
import dev.smtrain.local.internal.MetricExtractor;
import dev.smtrain.local.internal.RunnerContext;
import dev.smtrain.local.internal.SessionLease;
import dev.smtrain.local.storage.LocalStorage;
import dev.smtrain.local.storage.StorageSettings;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ListTrainingJobsRequest;
import dev.smtrain.model.ListTrainingJobsResponse;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.validation.TrainingJobValidator;
import dev.smtrain.validation.ValidationException;
import dev.smtrain.validation.ValidationReport;
import dev.smtrain.validation.ValidationTarget;
import dev.smtrain.validation.Violation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs training jobs in a local container engine (Docker or Podman) the way SageMaker runs them: the same
 * {@code /opt/ml} contract, {@code algo-1..N} hosts on a private network, {@code MaxRuntimeInSeconds}, stop with
 * a grace period, metrics from {@code MetricDefinitions}, {@code model.tar.gz} at the output path, checkpoints
 * and a {@code FailureReason} — in seconds, on a laptop.
 *
 * <p>Requests are validated for {@link ValidationTarget#LOCAL} ({@code file://} URIs allowed) plus what the
 * runner itself needs (a {@code TrainingImage}, RE2-compatible metric regexes, S3DataSource channels).
 * Everything the runner creates on the engine carries labels naming the job and this executor's session, and
 * each session holds a lease file while its JVM lives; {@link #removeOrphans()} removes what dead sessions left
 * behind (a killed JVM, say).
 *
 * <p>Jobs run on this JVM's threads: {@link #close()} stops accepting jobs and releases the engine connection
 * once the running jobs have ended; it does not stop them. Thread-safe.
 */
public final class LocalExecutor implements TrainingJobExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(LocalExecutor.class);

  private final ContainerEngine engine;
  private final boolean ownsEngine;
  private final LocalStorage storage;
  private final boolean ownsStorage;
  private final Clock clock;
  private final String region;
  private final String accountId;
  private final Path sessionsDirectory;
  private final TrainingJobValidator validator;
  private final JobRegistry registry = new InMemoryJobRegistry();
  private final SessionLease lease;
  private final ExecutorService threads;
  private final RunnerContext context;
  private final AtomicInteger running = new AtomicInteger();
  private final Object lifecycle = new Object();
  private boolean closed;
  private boolean released;

  private LocalExecutor(Builder b) {
    this.clock = b.clock;
    this.region = b.region;
    this.accountId = b.accountId;
    this.sessionsDirectory = b.sessionsDirectory;
    this.validator = b.validator != null ? b.validator : TrainingJobValidator.forTarget(ValidationTarget.LOCAL);
    this.ownsEngine = b.engine == null;
    this.engine = b.engine != null ? b.engine
        : b.dockerHost != null ? ContainerEngine.connect(b.dockerHost) : ContainerEngine.connect();
    this.ownsStorage = b.storage == null;
    this.storage = b.storage != null ? b.storage : LocalStorage.create(b.storageSettings);
    this.lease = SessionLease.acquire(sessionsDirectory);
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "smtrain-local-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.context = new RunnerContext(engine, storage, threads, b.gracePeriod, lease.session(),
        b.workDirectory.resolve(lease.session()));
    LOG.debug("local executor session {} on {}", lease.session(), engine);
    if (b.removeOrphansOnStart) {
      removeOrphans();
    }
  }

  /**
   * A builder with the defaults: the engine found by {@code DOCKER_HOST} and the usual sockets, S3 from the
   * SDK's default chains, a 120 s grace period, work files under {@code java.io.tmpdir}.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An executor with every default.
   *
   * @return the executor
   * @throws dev.smtrain.local.engine.EngineUnavailableException when no engine answers
   */
  public static LocalExecutor create() {
    return builder().build();
  }

  @Override
  public TrainingJob submit(CreateTrainingJobRequest request, TrainingJobListener... listeners) {
    Objects.requireNonNull(request, "request");
    validate(request);
    MetricExtractor metrics = MetricExtractor.compile(request.algorithmSpecification()
        .filter(a -> a.hasMetricDefinitions()).map(a -> a.metricDefinitions()).orElse(List.of()));
    String name = request.trainingJobName().orElseThrow();
    LocalJob job = new LocalJob(request, arn(name), clock, Arrays.asList(listeners));
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("this LocalExecutor is closed; build a new one to submit " + name);
      }
      registry.register(job);
      running.incrementAndGet();
    }
    job.transition(TrainingJobStatus.IN_PROGRESS, dev.smtrain.model.SecondaryStatus.STARTING,
        "Preparing the instances for training");
    JobRunner runner = new JobRunner(job, context, metrics);
    try {
      threads.execute(() -> {
        try {
          runner.run();
        } finally {
          jobEnded();
        }
      });
    } catch (RuntimeException e) {
      jobEnded();
      throw e;
    }
    return handle(job);
  }

  private void validate(CreateTrainingJobRequest request) {
    List<Violation> all = new ArrayList<>(validator.validate(request, ValidationTarget.LOCAL).violations());
    new LocalRunnabilityRule().check(request, ValidationTarget.LOCAL, all::add);
    ValidationReport report = ValidationReport.of(all);
    if (!report.isValid()) {
      throw new ValidationException(report);
    }
    if (!report.warnings().isEmpty()) {
      LOG.debug("training job {}: {}", request.trainingJobName().orElse("?"), report.warnings());
    }
  }

  @Override
  public TrainingJob job(String trainingJobName) {
    return handle(find(trainingJobName));
  }

  @Override
  public TrainingJobDescription describe(String trainingJobName) {
    return find(trainingJobName).describe();
  }

  @Override
  public void stop(String trainingJobName) {
    LocalJob job = find(trainingJobName);
    if (job.status() == TrainingJobStatus.IN_PROGRESS) {
      job.signals().requestStop();
      job.transition(TrainingJobStatus.STOPPING, dev.smtrain.model.SecondaryStatus.STOPPING,
          "Stopping the training job");
    }
  }

  @Override
  public ListTrainingJobsResponse list(ListTrainingJobsRequest request) {
    return JobListing.page(registry.all(), request);
  }

  @Override
  public Stream<LogEvent> logs(String trainingJobName) {
    return find(trainingJobName).logs().stream();
  }

  /**
   * Every metric value read from the job's output so far, in order: the time series behind
   * {@code FinalMetricDataList}.
   *
   * @param trainingJobName the job
   * @return the values
   * @throws ResourceNotFoundException when there is no such job
   */
  public List<MetricEvent> metrics(String trainingJobName) {
    return find(trainingJobName).metrics();
  }

  @Override
  public ValidationTarget validationTarget() {
    return ValidationTarget.LOCAL;
  }

  /**
   * This executor's runner session id, the {@code dev.smtrain.session} label of what it creates.
   *
   * @return the session id
   */
  public String sessionId() {
    return lease.session();
  }

  /**
   * Removes containers and networks left by runner sessions that are gone (their JVM died without cleaning
   * up): those whose session's lease file in the sessions directory is unlocked, or missing on this host.
   * Live sessions, this one included, are never touched.
   *
   * @return what was removed
   */
  public RemovedOrphans removeOrphans() {
    ContainerEngine.Removed removed = engine.removeOrphans(labels -> labels.get(EngineLabels.JOB) != null
        && SessionLease.isGone(sessionsDirectory, labels));
    if (!removed.containers().isEmpty() || !removed.networks().isEmpty()) {
      LOG.debug("removed orphaned containers {} and networks {}", removed.containers(), removed.networks());
    }
    return new RemovedOrphans(removed.containers(), removed.networks());
  }

  @Override
  public void close() {
    synchronized (lifecycle) {
      closed = true;
    }
    releaseIfIdle();
  }

  private void jobEnded() {
    running.decrementAndGet();
    releaseIfIdle();
  }

  private void releaseIfIdle() {
    synchronized (lifecycle) {
      if (!closed || released || running.get() > 0) {
        return;
      }
      released = true;
    }
    threads.shutdown();
    if (ownsStorage) {
      storage.close();
    }
    if (ownsEngine) {
      engine.close();
    }
    lease.close();
  }

  private LocalJob find(String name) {
    return registry.find(name).orElseThrow(() -> new ResourceNotFoundException(
        "TrainingJobName: no training job named \"" + name + "\" in this local executor (session "
            + lease.session() + ")"));
  }

  private TrainingJob handle(LocalJob job) {
    return new LocalJobHandle(job, () -> stop(job.name()));
  }

  private String arn(String name) {
    return "arn:aws:sagemaker:" + region + ":" + accountId + ":training-job/" + name.toLowerCase(Locale.ROOT);
  }

  /** Builds a {@link LocalExecutor}. */
  public static final class Builder {
    private ContainerEngine engine;
    private String dockerHost;
    private LocalStorage storage;
    private StorageSettings storageSettings = StorageSettings.defaults();
    private Duration gracePeriod = Duration.ofSeconds(120);
    private Path workDirectory = Path.of(System.getProperty("java.io.tmpdir"), "smtrain-local");
    private Path sessionsDirectory = Path.of(System.getProperty("java.io.tmpdir"), "smtrain-sessions");
    private Clock clock = Clock.systemUTC();
    private boolean removeOrphansOnStart;
    private String region = "local";
    private String accountId = "000000000000";
    private TrainingJobValidator validator;

    private Builder() {}

    /**
     * Uses this engine connection; the executor does not close it.
     *
     * @param engine the engine
     * @return this builder
     */
    public Builder engine(ContainerEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /**
     * Connects to this engine instead of looking for one.
     *
     * @param dockerHost for example {@code unix:///run/podman/podman.sock}
     * @return this builder
     */
    public Builder dockerHost(String dockerHost) {
      this.dockerHost = Objects.requireNonNull(dockerHost, "dockerHost");
      return this;
    }

    /**
     * Reaches S3 with these settings (endpoint override, region, credentials).
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder storageSettings(StorageSettings settings) {
      this.storageSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Uses this storage; the executor does not close it.
     *
     * @param storage the storage
     * @return this builder
     */
    public Builder storage(LocalStorage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
      return this;
    }

    /**
     * How long a container may take to exit after SIGTERM before it is killed (stop and MaxRuntime); 120 s by
     * default, as SageMaker.
     *
     * @param gracePeriod zero or more
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder gracePeriod(Duration gracePeriod) {
      if (gracePeriod.isNegative()) {
        throw new IllegalArgumentException("gracePeriod must not be negative, got " + gracePeriod);
      }
      this.gracePeriod = gracePeriod;
      return this;
    }

    /**
     * Where jobs' host directories and staged inputs go ({@code <dir>/<session>/<job>-<random>}), removed when
     * each job ends. Must be visible to the engine at the same path (it is bind-mounted).
     *
     * @param workDirectory the directory; default {@code <java.io.tmpdir>/smtrain-local}
     * @return this builder
     */
    public Builder workDirectory(Path workDirectory) {
      this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
      return this;
    }

    /**
     * Where runner sessions keep their lease files. Runners on one host sharing an engine must share it, so
     * that orphan removal can tell their sessions are alive.
     *
     * @param sessionsDirectory the directory; default {@code <java.io.tmpdir>/smtrain-sessions}
     * @return this builder
     */
    public Builder sessionsDirectory(Path sessionsDirectory) {
      this.sessionsDirectory = Objects.requireNonNull(sessionsDirectory, "sessionsDirectory");
      return this;
    }

    /**
     * The clock for the description's times and log and metric timestamps.
     *
     * @param clock the clock; default the system's, in UTC
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Whether {@link #build()} removes orphans of dead sessions first ({@link LocalExecutor#removeOrphans()}).
     *
     * @param removeOrphansOnStart {@code true} to clean up; default {@code false}
     * @return this builder
     */
    public Builder removeOrphansOnStart(boolean removeOrphansOnStart) {
      this.removeOrphansOnStart = removeOrphansOnStart;
      return this;
    }

    /**
     * The region and account in the jobs' ARNs.
     *
     * @param region default {@code local}
     * @param accountId twelve digits; default {@code 000000000000}
     * @return this builder
     */
    public Builder arnParts(String region, String accountId) {
      this.region = Objects.requireNonNull(region, "region");
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /**
     * Validates requests with this validator (its rules are run for {@link ValidationTarget#LOCAL}).
     *
     * @param validator the validator; default {@code TrainingJobValidator.forTarget(LOCAL)}
     * @return this builder
     */
    public Builder validator(TrainingJobValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /**
     * Connects to the engine and starts a runner session.
     *
     * @return the executor
     * @throws dev.smtrain.local.engine.EngineUnavailableException when no engine answers
     */
    public LocalExecutor build() {
      return new LocalExecutor(this);
    }
  }
}
