package dev.smtrain.sagemaker.loopback;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.ResourceInUseException;
import dev.smtrain.executor.ResourceNotFoundException;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobExecutor;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ListTrainingJobsRequest;
import dev.smtrain.model.ListTrainingJobsResponse;
import dev.smtrain.model.MetricData;
import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.SecondaryStatusTransition;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.model.TrainingJobSummary;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.validation.ValidationTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A test executor with a fixed script: each job goes Starting, Training, then Completed, one step per
 * {@code describe}. Jobs echo their request as SageMaker's DescribeTrainingJob does. Thread-safe.
 */
public final class ScriptedExecutor implements TrainingJobExecutor {

  /** Where the scripted clock starts. */
  public static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");

  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final AtomicInteger createCalls = new AtomicInteger();
  private final int stepsToComplete;
  private RuntimeException nextSubmitFailure;

  private static final class Job {
    final CreateTrainingJobRequest request;
    final String arn;
    int describes;
    boolean stopped;

    Job(CreateTrainingJobRequest request, String arn) {
      this.request = request;
      this.arn = arn;
    }
  }

  /** Jobs complete on the third describe. */
  public ScriptedExecutor() {
    this(2);
  }

  /**
   * Jobs complete after a number of describes.
   *
   * @param stepsToComplete describes before the one that sees Completed (at least 1)
   */
  public ScriptedExecutor(int stepsToComplete) {
    this.stepsToComplete = Math.max(1, stepsToComplete);
  }

  /**
   * How many CreateTrainingJob calls reached this executor.
   *
   * @return the count
   */
  public int createCalls() {
    return createCalls.get();
  }

  /**
   * How many jobs exist.
   *
   * @return the count
   */
  public synchronized int jobCount() {
    return jobs.size();
  }

  /**
   * The request a job was created with.
   *
   * @param name the job
   * @return its request
   */
  public synchronized CreateTrainingJobRequest request(String name) {
    return find(name).request;
  }

  /**
   * Makes the next submit throw, as a backend refusing it would.
   *
   * @param failure what to throw
   */
  public synchronized void failNextSubmit(RuntimeException failure) {
    this.nextSubmitFailure = failure;
  }

  @Override
  public synchronized TrainingJob submit(CreateTrainingJobRequest request, TrainingJobListener... listeners) {
    createCalls.incrementAndGet();
    if (nextSubmitFailure != null) {
      RuntimeException failure = nextSubmitFailure;
      nextSubmitFailure = null;
      throw failure;
    }
    String name = request.trainingJobName().orElseThrow();
    if (jobs.containsKey(name)) {
      throw new ResourceInUseException("Training job names must be unique within an AWS account and region, "
          + "and a training job with this name already exists (" + jobs.get(name).arn + ")");
    }
    Job job = new Job(request, "arn:aws:sagemaker:us-east-1:123456789012:training-job/" + name.toLowerCase());
    jobs.put(name, job);
    String arn = job.arn;
    return new TrainingJob() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String arn() {
        return arn;
      }

      @Override
      public TrainingJobDescription describe() {
        return ScriptedExecutor.this.describe(name);
      }

      @Override
      public void stop() {
        ScriptedExecutor.this.stop(name);
      }

      @Override
      public TrainingJobDescription awaitCompletion(Duration timeout) {
        throw new UnsupportedOperationException("not scripted");
      }

      @Override
      public TrainingJob addListener(TrainingJobListener listener) {
        return this;
      }

      @Override
      public Stream<LogEvent> logs() {
        return Stream.empty();
      }
    };
  }

  @Override
  public TrainingJob job(String trainingJobName) {
    throw new UnsupportedOperationException("not scripted");
  }

  @Override
  public synchronized TrainingJobDescription describe(String trainingJobName) {
    Job job = find(trainingJobName);
    int step = Math.min(job.describes++, stepsToComplete);
    return description(trainingJobName, job, step);
  }

  @Override
  public synchronized void stop(String trainingJobName) {
    find(trainingJobName).stopped = true;
  }

  @Override
  public synchronized ListTrainingJobsResponse list(ListTrainingJobsRequest request) {
    List<String> names = new ArrayList<>(jobs.keySet());
    int from = request.nextToken().map(Integer::parseInt).orElse(0);
    int size = request.maxResults().orElse(100);
    ListTrainingJobsResponse.Builder page = ListTrainingJobsResponse.builder().trainingJobSummaries(List.of());
    List<TrainingJobSummary> summaries = new ArrayList<>();
    for (int i = from; i < Math.min(names.size(), from + size); i++) {
      Job job = jobs.get(names.get(i));
      summaries.add(TrainingJobSummary.builder().trainingJobName(names.get(i)).trainingJobArn(job.arn)
          .creationTime(T0).trainingJobStatus(TrainingJobStatus.IN_PROGRESS).build());
    }
    page.trainingJobSummaries(summaries);
    if (from + size < names.size()) {
      page.nextToken(Integer.toString(from + size));
    }
    return page.build();
  }

  @Override
  public Stream<LogEvent> logs(String trainingJobName) {
    return Stream.empty();
  }

  @Override
  public ValidationTarget validationTarget() {
    return ValidationTarget.SAGEMAKER;
  }

  @Override
  public void close() {}

  private Job find(String name) {
    Job job = jobs.get(name);
    if (job == null) {
      throw new ResourceNotFoundException("no training job named '" + name + "'");
    }
    return job;
  }

  private TrainingJobDescription description(String name, Job job, int step) {
    // Echo the request as DescribeTrainingJob does; the members it does not echo (Tags, ...) are dropped.
    TrainingJobDescription echo = TrainingJobJson.readDescription(TrainingJobJson.write(job.request)).value()
        .orElseThrow();
    List<SecondaryStatusTransition> transitions = new ArrayList<>();
    transitions.add(transition(SecondaryStatus.STARTING, 0, "Preparing the instances for training"));
    TrainingJobDescription.Builder d = echo.toBuilder().trainingJobArn(job.arn).creationTime(T0)
        .lastModifiedTime(T0.plusSeconds(60L * step));
    if (job.stopped) {
      transitions.add(transition(SecondaryStatus.STOPPED, 1, "Training job stopped"));
      return d.trainingJobStatus(TrainingJobStatus.STOPPED).secondaryStatus(SecondaryStatus.STOPPED)
          .secondaryStatusTransitions(transitions).build();
    }
    if (step == 0) {
      return d.trainingJobStatus(TrainingJobStatus.IN_PROGRESS).secondaryStatus(SecondaryStatus.STARTING)
          .secondaryStatusTransitions(transitions).build();
    }
    transitions.add(transition(SecondaryStatus.DOWNLOADING, 1, "Downloading input data"));
    transitions.add(transition(SecondaryStatus.TRAINING, 2, "Training image download completed. Training in progress."));
    if (step < stepsToComplete) {
      return d.trainingJobStatus(TrainingJobStatus.IN_PROGRESS).secondaryStatus(SecondaryStatus.TRAINING)
          .trainingStartTime(T0.plusSeconds(120)).secondaryStatusTransitions(transitions).build();
    }
    transitions.add(transition(SecondaryStatus.UPLOADING, 3, "Uploading generated training model"));
    transitions.add(transition(SecondaryStatus.COMPLETED, 4, "Training job completed"));
    String output = job.request.outputDataConfig().flatMap(o -> o.s3OutputPath()).orElse("s3://bucket/output");
    return d.trainingJobStatus(TrainingJobStatus.COMPLETED).secondaryStatus(SecondaryStatus.COMPLETED)
        .trainingStartTime(T0.plusSeconds(120)).trainingEndTime(T0.plusSeconds(300))
        .trainingTimeInSeconds(180).billableTimeInSeconds(180)
        .secondaryStatusTransitions(transitions)
        .finalMetricDataList(List.of(MetricData.builder().metricName("train:loss").value(0.25f)
            .timestamp(T0.plusSeconds(290)).build()))
        .modelArtifacts(m -> m.s3ModelArtifacts(output + "/" + name + "/output/model.tar.gz"))
        .build();
  }

  private static SecondaryStatusTransition transition(SecondaryStatus status, int minute, String message) {
    return SecondaryStatusTransition.builder().status(status).startTime(T0.plusSeconds(60L * minute))
        .statusMessage(message).build();
  }
}
