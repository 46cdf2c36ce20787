package dev.smtrain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobTimeoutException;
import dev.smtrain.model.MetricData;
import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.SecondaryStatusTransition;
import dev.smtrain.model.StoppingCondition;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Statuses, transitions, times and outcomes of fake jobs. */
class FakeExecutorLifecycleTest {

  private final FakeExecutor fake = FakeExecutor.create();
  private final Instant t0 = fake.clock().instant();

  private static List<SecondaryStatus> secondaries(TrainingJobDescription d) {
    return d.secondaryStatusTransitions().stream().map(t -> t.status().orElseThrow()).collect(Collectors.toList());
  }

  @Test
  void awaitCompletion_whenUnscripted_completesInVirtualTimeWithArtifactsAndTimes() {
    TrainingJob job = fake.submit(TestRequests.valid("churn-1"));

    TrainingJobDescription d = job.awaitCompletion(Duration.ofHours(1));

    assertEquals(TrainingJobStatus.COMPLETED, d.trainingJobStatus().orElseThrow());
    assertEquals(SecondaryStatus.COMPLETED, d.secondaryStatus().orElseThrow());
    assertEquals(List.of(SecondaryStatus.STARTING, SecondaryStatus.DOWNLOADING, SecondaryStatus.TRAINING,
        SecondaryStatus.UPLOADING, SecondaryStatus.COMPLETED), secondaries(d));
    assertEquals("s3://bucket/output/churn-1/output/model.tar.gz",
        d.modelArtifacts().orElseThrow().s3ModelArtifacts().orElseThrow());
    assertEquals("arn:aws:sagemaker:us-east-1:123456789012:training-job/churn-1", d.trainingJobArn().orElseThrow());
    assertEquals(t0, d.creationTime().orElseThrow());
    assertEquals(t0.plus(FakeOutcome.STARTING_TIME), d.trainingStartTime().orElseThrow());
    Instant end = t0.plusSeconds(60 + 20 + 300 + 10);
    assertEquals(end, d.trainingEndTime().orElseThrow());
    assertEquals(330, d.trainingTimeInSeconds().orElseThrow());
    assertEquals(330, d.billableTimeInSeconds().orElseThrow());
    assertEquals(end, fake.clock().instant(), "the virtual clock moved to the job's end");
    assertEquals("s3://bucket/output", d.outputDataConfig().orElseThrow().s3OutputPath().orElseThrow(),
        "the description echoes the request");
    assertFalse(d.failureReason().isPresent());
  }

  @Test
  void describe_whenTraining_pairsStatusesAndLeavesCurrentTransitionOpen() {
    fake.submit(TestRequests.valid("churn-1"));
    fake.clock().advance(Duration.ofSeconds(90));

    TrainingJobDescription d = fake.describe("churn-1");

    assertEquals(TrainingJobStatus.IN_PROGRESS, d.trainingJobStatus().orElseThrow());
    assertEquals(SecondaryStatus.TRAINING, d.secondaryStatus().orElseThrow());
    List<SecondaryStatusTransition> ts = d.secondaryStatusTransitions();
    assertEquals(3, ts.size());
    assertEquals(t0, ts.get(0).startTime().orElseThrow());
    assertEquals(t0.plusSeconds(60), ts.get(0).endTime().orElseThrow());
    assertEquals("Downloading input data", ts.get(1).statusMessage().orElseThrow());
    assertFalse(ts.get(2).endTime().isPresent(), "the current transition has no end yet");
    assertFalse(d.trainingEndTime().isPresent());
    assertFalse(d.modelArtifacts().isPresent());
    assertEquals(t0.plusSeconds(80), d.lastModifiedTime().orElseThrow());
  }

  @Test
  void awaitCompletion_whenScriptedToFail_returnsFailedWithReasonAndNoArtifacts() {
    fake.script("churn-1", FakeOutcome.fails("AlgorithmError: out of memory").runningFor(Duration.ofMinutes(1)));

    TrainingJobDescription d = fake.submit(TestRequests.valid("churn-1")).awaitCompletion(Duration.ofHours(1));

    assertEquals(TrainingJobStatus.FAILED, d.trainingJobStatus().orElseThrow());
    assertEquals(SecondaryStatus.FAILED, d.secondaryStatus().orElseThrow());
    assertEquals("AlgorithmError: out of memory", d.failureReason().orElseThrow());
    assertFalse(d.modelArtifacts().isPresent());
    assertEquals(t0.plusSeconds(60 + 20 + 60), d.trainingEndTime().orElseThrow());
  }

  @Test
  void awaitCompletion_whenTrainingOutlastsMaxRuntime_endsStoppedMaxRuntimeExceeded() {
    fake.script("churn-1", FakeOutcome.runsFor(Duration.ofHours(3)));

    TrainingJobDescription d = fake.submit(TestRequests.valid("churn-1")).awaitCompletion(Duration.ofDays(1));

    assertEquals(TrainingJobStatus.STOPPED, d.trainingJobStatus().orElseThrow());
    assertEquals(SecondaryStatus.MAX_RUNTIME_EXCEEDED, d.secondaryStatus().orElseThrow());
    assertEquals(List.of(SecondaryStatus.STARTING, SecondaryStatus.DOWNLOADING, SecondaryStatus.TRAINING,
        SecondaryStatus.STOPPING, SecondaryStatus.MAX_RUNTIME_EXCEEDED), secondaries(d));
    Instant stopAt = t0.plusSeconds(60 + 20 + 3600);
    assertEquals(stopAt, d.secondaryStatusTransitions().get(3).startTime().orElseThrow());
    assertEquals(stopAt.plusSeconds(10), d.trainingEndTime().orElseThrow());
    assertTrue(d.modelArtifacts().isPresent(), "a stopped job still uploads what it saved");
  }

  @Test
  void awaitCompletion_whenStaysInProgress_throwsTimeoutAfterAdvancingTheClock() {
    fake.script("churn-1", FakeOutcome.staysInProgress());
    TrainingJob job = fake.submit(TestRequests.valid("churn-1"));

    TrainingJobTimeoutException e = assertThrows(TrainingJobTimeoutException.class,
        () -> job.awaitCompletion(Duration.ofMinutes(30)));

    assertTrue(e.getMessage().contains("churn-1") && e.getMessage().contains("InProgress/Training"), e.getMessage());
    assertEquals(t0.plus(Duration.ofMinutes(30)), fake.clock().instant());
    TrainingJobDescription later = job.awaitCompletion(Duration.ofHours(2));
    assertEquals(SecondaryStatus.MAX_RUNTIME_EXCEEDED, later.secondaryStatus().orElseThrow(),
        "MaxRuntimeInSeconds ends even a job scripted to stay in progress");
  }

  @Test
  void stop_whenTraining_goesStoppingThenStopped() {
    fake.script("churn-1", FakeOutcome.staysInProgress());
    TrainingJob job = fake.submit(TestRequests.valid("churn-1"));
    fake.clock().advance(Duration.ofMinutes(5));

    job.stop();

    assertEquals(TrainingJobStatus.STOPPING, job.describe().trainingJobStatus().orElseThrow());
    assertEquals(SecondaryStatus.STOPPING, job.describe().secondaryStatus().orElseThrow());
    TrainingJobDescription d = job.awaitCompletion(Duration.ofMinutes(1));
    assertEquals(TrainingJobStatus.STOPPED, d.trainingJobStatus().orElseThrow());
    assertEquals(SecondaryStatus.STOPPED, d.secondaryStatus().orElseThrow());
    assertEquals(t0.plus(Duration.ofMinutes(5)).plusSeconds(10), d.trainingEndTime().orElseThrow());
  }

  @Test
  void stop_whenJobHasEnded_changesNothing() {
    TrainingJob job = fake.submit(TestRequests.valid("churn-1"));
    TrainingJobDescription done = job.awaitCompletion(Duration.ofHours(1));

    fake.stop("churn-1");

    assertEquals(done, job.describe());
  }

  @Test
  void awaitCompletion_whenSpotJobIsInterrupted_endsMaxWaitTimeExceeded() {
    fake.script("spot-1", FakeOutcome.interrupted());
    TrainingJob job = fake.submit(TestRequests.builder("spot-1").enableManagedSpotTraining(true)
        .stoppingCondition(StoppingCondition.builder().maxRuntimeInSeconds(3600).maxWaitTimeInSeconds(7200).build())
        .build());
    fake.clock().advance(Duration.ofMinutes(10));
    assertEquals(SecondaryStatus.INTERRUPTED, job.describe().secondaryStatus().orElseThrow());
    assertEquals(TrainingJobStatus.IN_PROGRESS, job.describe().trainingJobStatus().orElseThrow());

    TrainingJobDescription d = job.awaitCompletion(Duration.ofHours(3));

    assertEquals(TrainingJobStatus.STOPPED, d.trainingJobStatus().orElseThrow());
    assertEquals(SecondaryStatus.MAX_WAIT_TIME_EXCEEDED, d.secondaryStatus().orElseThrow());
    assertEquals(t0.plusSeconds(7200 + 10), d.trainingEndTime().orElseThrow());
  }

  @Test
  void awaitCompletion_whenInterruptedAndResumed_completesBillingOnlyTimeOnInstances() {
    fake.script("spot-1", FakeOutcome.interrupted().resumingAfter(Duration.ofMinutes(20))
        .runningFor(Duration.ofMinutes(10)));

    TrainingJobDescription d = fake.submit(TestRequests.valid("spot-1")).awaitCompletion(Duration.ofHours(2));

    assertEquals(TrainingJobStatus.COMPLETED, d.trainingJobStatus().orElseThrow());
    assertEquals(List.of(SecondaryStatus.STARTING, SecondaryStatus.DOWNLOADING, SecondaryStatus.TRAINING,
        SecondaryStatus.INTERRUPTED, SecondaryStatus.STARTING, SecondaryStatus.DOWNLOADING, SecondaryStatus.TRAINING,
        SecondaryStatus.UPLOADING, SecondaryStatus.COMPLETED), secondaries(d));
    assertEquals(20 + 600 + 20 + 10, d.billableTimeInSeconds().orElseThrow());
    assertEquals(20 + 300 + 1200 + 60 + 20 + 300 + 10, d.trainingTimeInSeconds().orElseThrow());
  }

  @Test
  void awaitCompletion_whenScriptedWithMetricsAndArtifacts_reportsThem() {
    fake.script("churn-1", FakeOutcome.completes().withMetric("validation:auc", 0.91).withMetric("train:loss", 0.2)
        .withModelArtifacts("s3://models/churn.tar.gz"));

    TrainingJobDescription d = fake.submit(TestRequests.valid("churn-1")).awaitCompletion(Duration.ofHours(1));

    List<MetricData> m = d.finalMetricDataList();
    assertEquals(List.of("validation:auc", "train:loss"),
        m.stream().map(x -> x.metricName().orElseThrow()).collect(Collectors.toList()));
    assertEquals(0.91f, m.get(0).value().orElseThrow());
    assertEquals(t0.plusSeconds(60 + 20 + 300), m.get(0).timestamp().orElseThrow());
    assertEquals("s3://models/churn.tar.gz", d.modelArtifacts().orElseThrow().s3ModelArtifacts().orElseThrow());
  }

  @Test
  void scriptMatching_whenSeveralApply_exactNameThenNewestPatternWins() {
    fake.scriptMatching("churn-.*", FakeOutcome.fails("old pattern"));
    fake.scriptMatching("churn-[0-9]+", FakeOutcome.fails("new pattern"));
    fake.script("CHURN-7", FakeOutcome.fails("exact"));

    assertEquals("new pattern", fake.submit(TestRequests.valid("churn-1")).awaitCompletion(Duration.ofHours(1))
        .failureReason().orElseThrow());
    assertEquals("old pattern", fake.submit(TestRequests.valid("churn-x")).awaitCompletion(Duration.ofHours(1))
        .failureReason().orElseThrow());
    assertEquals("exact", fake.submit(TestRequests.valid("churn-7")).awaitCompletion(Duration.ofHours(1))
        .failureReason().orElseThrow());
    assertEquals(TrainingJobStatus.COMPLETED, fake.submit(TestRequests.valid("other"))
        .awaitCompletion(Duration.ofHours(1)).trainingJobStatus().orElseThrow());
  }

  @Test
  void resumingAfter_whenOutcomeIsNotInterrupted_saysWhy() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> FakeOutcome.completes().resumingAfter(Duration.ofMinutes(1)));
    assertTrue(e.getMessage().contains("interrupted()"), e.getMessage());
  }

  @Test
  void builder_whenRegionAndAccountSet_usesThemInArns() {
    FakeExecutor eu = FakeExecutor.builder().region("eu-west-1").accountId("210987654321").build();

    assertEquals("arn:aws:sagemaker:eu-west-1:210987654321:training-job/churn-1",
        eu.submit(TestRequests.valid("Churn-1")).arn());
  }
}
