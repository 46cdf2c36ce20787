package dev.smtrain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.SmtrainException;
import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.MetricEvent;
import dev.smtrain.executor.StatusEvent;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.model.ListTrainingJobsRequest;
import dev.smtrain.model.ListTrainingJobsResponse;
import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.SortBy;
import dev.smtrain.model.SortOrder;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.model.TrainingJobSummary;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Listener events, logs and ListTrainingJobs on the fake. */
class FakeExecutorEventsTest {

  /** Records every event as a line of text, in the order heard. */
  static final class Recorder implements TrainingJobListener {
    final List<String> heard = new CopyOnWriteArrayList<>();

    @Override
    public void onStatusChange(StatusEvent e) {
      heard.add("status " + e.status().value() + "/" + e.secondaryStatus().value());
    }

    @Override
    public void onMetric(MetricEvent e) {
      heard.add("metric " + e.metricName() + "=" + e.value());
    }

    @Override
    public void onLogLine(LogEvent e) {
      heard.add("log " + e.message());
    }
  }

  @Test
  void listeners_whenJobRuns_hearStatusesLogLinesAndMetricsInTimeOrder() {
    FakeExecutor fake = FakeExecutor.create();
    fake.script("churn-1", FakeOutcome.completes().withLogLine("epoch 1").withMetric("validation:auc", 0.5));
    Recorder r = new Recorder();

    TrainingJob job = fake.submit(TestRequests.valid("churn-1"), r);
    assertEquals(List.of("status InProgress/Starting"), r.heard, "the first status is told at submission");
    job.awaitCompletion(Duration.ofHours(1));

    assertEquals(List.of("status InProgress/Starting", "status InProgress/Downloading", "status InProgress/Training",
        "log [fake] churn-1: training started", "log epoch 1", "status InProgress/Uploading",
        "log [fake] validation:auc=0.5", "metric validation:auc=0.5", "status Completed/Completed"), r.heard);
  }

  @Test
  void addListener_whenAddedLater_hearsFromThenOn_andAThrowingListenerDoesNotStopOthers() {
    FakeExecutor fake = FakeExecutor.create();
    TrainingJob job = fake.submit(TestRequests.valid("churn-1"), new TrainingJobListener() {
      @Override
      public void onStatusChange(StatusEvent e) {
        throw new IllegalStateException("listener bug");
      }
    });
    Recorder r = new Recorder();
    fake.clock().advance(Duration.ofSeconds(70));

    job.addListener(r);
    job.stop();

    assertEquals(List.of("status Stopping/Stopping"), r.heard);
    fake.clock().advance(Duration.ofSeconds(10));
    assertEquals(List.of("status Stopping/Stopping", "status Stopped/Stopped"), r.heard);
  }

  @Test
  void listener_whenItStopsTheJobOnAnEvent_hearsTheStopAndNothingPlannedAfterIt() {
    FakeExecutor fake = FakeExecutor.create();
    Recorder r = new Recorder();
    TrainingJob job = fake.submit(TestRequests.valid("churn-1"), r, new TrainingJobListener() {
      @Override
      public void onStatusChange(StatusEvent e) {
        if (e.secondaryStatus() == SecondaryStatus.TRAINING) {
          fake.stop(e.trainingJobName());
        }
      }
    });

    TrainingJobDescription d = job.awaitCompletion(Duration.ofHours(1));

    assertEquals(TrainingJobStatus.STOPPED, d.trainingJobStatus().orElseThrow());
    assertEquals(List.of("status InProgress/Starting", "status InProgress/Downloading", "status InProgress/Training",
        "status Stopping/Stopping", "log [fake] churn-1: training started", "status Stopped/Stopped"), r.heard);
  }

  @Test
  void logs_whenJobIsPartWayThrough_returnOnlyLinesWrittenSoFar() {
    FakeExecutor fake = FakeExecutor.create();
    fake.script("churn-1", FakeOutcome.completes().withLogLine("epoch 1").withLogLine("epoch 2"));
    TrainingJob job = fake.submit(TestRequests.valid("churn-1"));
    fake.clock().advance(Duration.ofSeconds(81));

    List<LogEvent> lines = fake.logs("churn-1").collect(Collectors.toList());

    assertEquals(List.of("[fake] churn-1: training started", "epoch 1"),
        lines.stream().map(LogEvent::message).collect(Collectors.toList()));
    assertTrue(lines.get(0).stream().startsWith("churn-1/algo-1-"), lines.get(0).stream());
    job.awaitCompletion(Duration.ofHours(1));
    assertEquals(3, job.logs().count());
  }

  @Test
  void list_whenFilteredSortedAndPaged_followsNextTokenToTheEnd() {
    FakeExecutor fake = FakeExecutor.create();
    fake.scriptMatching("stuck-.*", FakeOutcome.staysInProgress());
    for (int i = 0; i < 5; i++) {
      fake.submit(TestRequests.valid("done-" + i)).awaitCompletion(Duration.ofHours(1));
      fake.submit(TestRequests.valid("stuck-" + i));
    }
    ListTrainingJobsRequest completedByNameDesc = ListTrainingJobsRequest.builder()
        .statusEquals(TrainingJobStatus.COMPLETED).sortBy(SortBy.NAME).sortOrder(SortOrder.DESCENDING).maxResults(2)
        .build();

    ListTrainingJobsResponse first = fake.list(completedByNameDesc);
    ListTrainingJobsResponse second = fake.list(completedByNameDesc.toBuilder().nextToken(first.nextToken()).build());

    assertEquals(List.of("done-4", "done-3"), names(first.trainingJobSummaries()));
    assertEquals(List.of("done-2", "done-1"), names(second.trainingJobSummaries()));
    assertEquals(List.of("done-4", "done-3", "done-2", "done-1", "done-0"),
        names(fake.listAll(completedByNameDesc).collect(Collectors.toList())));
    assertEquals(List.of("stuck-3"), names(fake.list(ListTrainingJobsRequest.builder().nameContains("CK-3").build())
        .trainingJobSummaries()));
    ListTrainingJobsResponse byCreation = fake.list(ListTrainingJobsRequest.builder().maxResults(100).build());
    assertEquals("done-0", byCreation.trainingJobSummaries().get(0).trainingJobName().orElseThrow());
    assertFalse(byCreation.nextToken().isPresent());
    assertEquals(10, byCreation.trainingJobSummaries().size());
    assertEquals(List.of("done-0"), names(fake.list(ListTrainingJobsRequest.builder()
        .creationTimeBefore(fake.describe("stuck-0").creationTime().orElseThrow()).build()).trainingJobSummaries()));
  }

  @Test
  void list_whenMaxResultsOrTokenIsBad_saysWhichMember() {
    FakeExecutor fake = FakeExecutor.create();

    SmtrainException max = assertThrows(SmtrainException.class,
        () -> fake.list(ListTrainingJobsRequest.builder().maxResults(101).build()));
    SmtrainException token = assertThrows(SmtrainException.class,
        () -> fake.list(ListTrainingJobsRequest.builder().nextToken("garbage").build()));

    assertTrue(max.getMessage().startsWith("ListTrainingJobs.MaxResults"), max.getMessage());
    assertTrue(token.getMessage().startsWith("ListTrainingJobs.NextToken"), token.getMessage());
  }

  @Test
  void list_whenJobIsStopping_reportsStoppingStatus() {
    FakeExecutor fake = FakeExecutor.create();
    fake.submit(TestRequests.valid("a")).stop();

    TrainingJobSummary s = fake.list(ListTrainingJobsRequest.builder().build()).trainingJobSummaries().get(0);

    assertEquals(TrainingJobStatus.STOPPING, s.trainingJobStatus().orElseThrow());
    assertEquals(SecondaryStatus.STOPPING, fake.describe("a").secondaryStatus().orElseThrow());
  }

  private static List<String> names(List<TrainingJobSummary> s) {
    return s.stream().map(x -> x.trainingJobName().orElseThrow()).collect(Collectors.toList());
  }
}
