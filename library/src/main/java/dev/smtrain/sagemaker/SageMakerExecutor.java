package dev.smtrain.sagemaker;

import dev.smtrain.SmtrainException;
import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.ResourceNotFoundException;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobExecutor;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ListTrainingJobsRequest;
import dev.smtrain.model.ListTrainingJobsResponse;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.sagemaker.internal.CloudWatchLogReader;
import dev.smtrain.sagemaker.internal.JobBackend;
import dev.smtrain.sagemaker.internal.IdempotentCreate;
import dev.smtrain.sagemaker.internal.JobWatch;
import dev.smtrain.sagemaker.internal.LazyLogsClient;
import dev.smtrain.sagemaker.internal.Polling;
import dev.smtrain.sagemaker.internal.SageMakerTrainingJob;
import dev.smtrain.sagemaker.internal.SdkErrors;
import dev.smtrain.sagemaker.internal.SdkMapping;
import dev.smtrain.validation.TrainingJobValidator;
import dev.smtrain.validation.ValidationException;
import dev.smtrain.validation.ValidationReport;
import dev.smtrain.validation.ValidationTarget;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Runs training jobs on Amazon SageMaker through the AWS SDK for Java v2.
 *
 * <p>{@code submit}, {@code describe}, {@code stop} and {@code list} are {@code CreateTrainingJob},
 * {@code DescribeTrainingJob}, {@code StopTrainingJob} and {@code ListTrainingJobs}; every member of the
 * request reaches the wire and every member of the answer that smtrain's model knows comes back. The SDK's
 * exceptions become smtrain's: {@link dev.smtrain.executor.ResourceInUseException},
 * {@link dev.smtrain.executor.ResourceLimitExceededException}, {@link ResourceNotFoundException}, and
 * {@link SageMakerServiceException} (with the service's message) for anything else the service refuses.
 * Throttling and transient errors are retried by the SDK's retry policy.
 *
 * <p>Submitting is idempotent: when the outcome of {@code CreateTrainingJob} is unknown (a timeout or a
 * connection dropped after the request was sent, possibly followed by the SDK's retry being told the name is
 * in use), the executor describes the name; a job with the same definition is adopted as this submit's job,
 * a different one is a {@link dev.smtrain.executor.ResourceInUseException}.
 *
 * <p>Handles poll {@code DescribeTrainingJob} with backoff while someone waits or listens, and read the
 * job's CloudWatch log ({@code /aws/sagemaker/TrainingJobs}, streams {@code <job>/algo-<n>-<epoch>}).
 *
 * <pre>{@code
 * try (SageMakerExecutor sagemaker = SageMakerExecutor.builder().build()) {   // default chains
 *   TrainingJob job = sagemaker.submit(request, new ProgressPrinter());
 *   TrainingJobDescription done = job.awaitCompletion(Duration.ofHours(2));
 * }
 * }</pre>
 */
public final class SageMakerExecutor implements TrainingJobExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(SageMakerExecutor.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final SageMakerClient sageMaker;
  private final boolean ownsSageMaker;
  private final LazyLogsClient logs;
  private final TrainingJobValidator validator;
  private final Polling polling;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Set<JobWatch> watches = ConcurrentHashMap.newKeySet();
  private final JobBackend backend = new Backend();

  SageMakerExecutor(SageMakerClient sageMaker, boolean ownsSageMaker, LazyLogsClient logs,
      TrainingJobValidator validator, Polling polling, Clock clock) {
    this.sageMaker = sageMaker;
    this.ownsSageMaker = ownsSageMaker;
    this.logs = logs;
    this.validator = validator;
    this.polling = polling;
    this.clock = clock;
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, r -> {
      Thread t = new Thread(r, "smtrain-sagemaker-watch-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    pool.setRemoveOnCancelPolicy(true);
    this.scheduler = pool;
  }

  /**
   * A builder; with nothing set, {@link Builder#build()} makes clients from the SDK's default
   * credential and region chains.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public TrainingJob submit(CreateTrainingJobRequest request, TrainingJobListener... listeners) {
    ValidationReport report = validator.validate(request, ValidationTarget.SAGEMAKER);
    if (!report.isValid()) {
      throw new ValidationException(report);
    }
    String name = request.trainingJobName().orElseThrow();
    String arn = IdempotentCreate.create(sageMaker, request, this::describe);
    TrainingJob job = handle(name, arn);
    for (TrainingJobListener l : listeners) {
      job.addListener(l);
    }
    return job;
  }

  @Override
  public TrainingJob job(String trainingJobName) {
    TrainingJobDescription d = describe(trainingJobName);
    return handle(trainingJobName, d.trainingJobArn().orElse(""));
  }

  private TrainingJob handle(String name, String arn) {
    return new SageMakerTrainingJob(name, arn, backend, scheduler, polling, clock, watches);
  }

  @Override
  public TrainingJobDescription describe(String trainingJobName) {
    try {
      return SdkMapping.fromSdk(sageMaker.describeTrainingJob(r -> r.trainingJobName(trainingJobName)));
    } catch (SdkException e) {
      throw SdkErrors.translate("DescribeTrainingJob", trainingJobName, e);
    }
  }

  @Override
  public void stop(String trainingJobName) {
    try {
      sageMaker.stopTrainingJob(r -> r.trainingJobName(trainingJobName));
    } catch (SdkException e) {
      SmtrainException translated = SdkErrors.translate("StopTrainingJob", trainingJobName, e);
      // SageMaker refuses to stop a job that has ended; the contract is to do nothing then.
      if (translated instanceof SageMakerServiceException
          && ((SageMakerServiceException) translated).isValidationError()
          && JobWatch.isEnded(describe(trainingJobName))) {
        LOG.debug("training job {} has already ended; nothing to stop", trainingJobName);
        return;
      }
      throw translated;
    }
  }

  @Override
  public ListTrainingJobsResponse list(ListTrainingJobsRequest request) {
    try {
      return SdkMapping.fromSdk(sageMaker.listTrainingJobs(SdkMapping.toSdk(request)));
    } catch (SdkException e) {
      throw SdkErrors.translate("ListTrainingJobs", null, e);
    }
  }

  @Override
  public Stream<LogEvent> logs(String trainingJobName) {
    return backend.logs(trainingJobName).stream();
  }

  @Override
  public ValidationTarget validationTarget() {
    return ValidationTarget.SAGEMAKER;
  }

  /**
   * The SageMaker client this executor calls.
   *
   * @return the client
   */
  public SageMakerClient sageMakerClient() {
    return sageMaker;
  }

  /** Stops watching jobs and closes the clients this executor made (not those it was given). */
  @Override
  public void close() {
    scheduler.shutdownNow();
    for (JobWatch w : watches) {
      w.cancel("the executor was closed");
    }
    logs.close();
    if (ownsSageMaker) {
      sageMaker.close();
    }
  }

  private final class Backend implements JobBackend {
    @Override
    public TrainingJobDescription describe(String name) {
      return SageMakerExecutor.this.describe(name);
    }

    @Override
    public void stop(String name) {
      SageMakerExecutor.this.stop(name);
    }

    @Override
    public CloudWatchLogReader logReader(String name) {
      return new CloudWatchLogReader(logs::get, name);
    }

    @Override
    public List<LogEvent> logs(String name) {
      describe(name); // ResourceNotFoundException for an unknown job, as the contract says
      try {
        return logReader(name).readNew();
      } catch (SdkException e) {
        throw SdkErrors.translate("GetLogEvents", name, e);
      }
    }
  }

  /**
   * Builds a {@link SageMakerExecutor}. Without a client, one is made from the SDK's default credential and
   * region chains (environment variables, system properties, the shared config and credentials files,
   * container and instance metadata), as the AWS CLI does.
   */
  public static final class Builder {
    private SageMakerClient sageMakerClient;
    private CloudWatchLogsClient logsClient;
    private URI endpoint;
    private URI logsEndpoint;
    private Region region;
    private AwsCredentialsProvider credentials;
    private TrainingJobValidator validator = TrainingJobValidator.forTarget(ValidationTarget.SAGEMAKER);
    private Polling polling = Polling.DEFAULT;
    private Clock clock = Clock.systemUTC();

    Builder() {}

    /**
     * Uses this SageMaker client; the executor does not close it. Endpoint, region and credentials set on this
     * builder then apply only to a CloudWatch Logs client the executor makes.
     *
     * @param client the client
     * @return this builder
     */
    public Builder sageMakerClient(SageMakerClient client) {
      this.sageMakerClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Uses this CloudWatch Logs client for job logs; the executor does not close it.
     *
     * @param client the client
     * @return this builder
     */
    public Builder cloudWatchLogsClient(CloudWatchLogsClient client) {
      this.logsClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sends SageMaker calls to this endpoint instead of the region's, for example a
     * {@link dev.smtrain.server.SageMakerEndpoint} or a VPC endpoint.
     *
     * @param endpoint the endpoint, such as {@code http://127.0.0.1:8080}
     * @return this builder
     */
    public Builder endpointOverride(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /**
     * Sends CloudWatch Logs calls to this endpoint instead of the region's.
     *
     * @param endpoint the endpoint
     * @return this builder
     */
    public Builder logsEndpointOverride(URI endpoint) {
      this.logsEndpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /**
     * The region, instead of the SDK's region chain.
     *
     * @param region the region
     * @return this builder
     */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * The credentials, instead of the SDK's default credential chain.
     *
     * @param credentials the provider
     * @return this builder
     */
    public Builder credentialsProvider(AwsCredentialsProvider credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * The validator {@code submit} checks requests with; by default the standard one for SageMaker.
     *
     * @param validator the validator
     * @return this builder
     */
    public Builder validator(TrainingJobValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /**
     * How often waiting handles describe a job: first after {@code initial}, then half as long again each
     * time, at most {@code max}. The default is 5 s growing to 60 s.
     *
     * @param initial the first interval
     * @param max the largest interval
     * @return this builder
     * @throws IllegalArgumentException when {@code initial} is not positive or {@code max} is below it
     */
    public Builder pollInterval(Duration initial, Duration max) {
      this.polling = new Polling(initial, max, Polling.DEFAULT.multiplier());
      return this;
    }

    /**
     * The clock that stamps events the service gives no time for; the system clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Makes the executor (and its SageMaker client, unless one was given).
     *
     * @return the executor
     * @throws SmtrainException when no region is configured or the client cannot be made
     */
    public SageMakerExecutor build() {
      SageMakerClient client = sageMakerClient;
      boolean owns = client == null;
      if (owns) {
        client = makeClient(SageMakerClient.builder(), endpoint, "SageMaker");
      }
      Region logsRegion = region != null ? region : client.serviceClientConfiguration().region();
      LazyLogsClient logs = logsClient != null ? LazyLogsClient.given(logsClient)
          : LazyLogsClient.lazy(() -> makeClient(CloudWatchLogsClient.builder().region(logsRegion), logsEndpoint,
              "CloudWatch Logs"));
      return new SageMakerExecutor(client, owns, logs, validator, polling, clock);
    }

    private <C, B extends AwsClientBuilder<B, C>> C makeClient(B builder, URI endpointOverride, String service) {
      if (endpointOverride != null) {
        builder.endpointOverride(endpointOverride);
      }
      if (region != null) {
        builder.region(region);
      }
      if (credentials != null) {
        builder.credentialsProvider(credentials);
      }
      try {
        return builder.build();
      } catch (SdkClientException e) {
        throw new SmtrainException("cannot make the " + service + " client: " + e.getMessage()
            + " (set the region with AWS_REGION, the aws.region system property, a profile, or "
            + "SageMakerExecutor.builder().region(...))", e);
      }
    }
  }
}
