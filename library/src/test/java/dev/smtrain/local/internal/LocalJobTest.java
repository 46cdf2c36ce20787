package dev.smtrain.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.ResourceInUseException;
import dev.smtrain.executor.StatusEvent;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.model.ListTrainingJobsRequest;
import dev.smtrain.model.ListTrainingJobsResponse;
import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.SortBy;
import dev.smtrain.model.SortOrder;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.model.TrainingJobSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalJobTest {

  /** A clock that moves one second per reading. */
  private static final class Ticking extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public synchronized Instant instant() {
      now = now.plusSeconds(1);
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private static LocalJob job(String name, Clock clock, TrainingJobListener... listeners) {
    return new LocalJob(Requests.valid(name).build(), "arn:aws:sagemaker:local:000000000000:training-job/" + name,
        clock, List.of(listeners));
  }

  @Test
  void transition_whenJobRunsToCompletion_closesEachTransitionAndTellsListenersDespiteAThrowingOne() {
    List<StatusEvent> seen = new ArrayList<>();
    TrainingJobListener throwing = new TrainingJobListener() {
      @Override
      public void onStatusChange(StatusEvent event) {
        throw new IllegalStateException("listener bug");
      }
    };
    LocalJob job = job("j", new Ticking(), throwing, new TrainingJobListener() {
      @Override
      public void onStatusChange(StatusEvent event) {
        seen.add(event);
      }
    });

    job.transition(TrainingJobStatus.IN_PROGRESS, SecondaryStatus.STARTING, "Preparing");
    job.transition(TrainingJobStatus.IN_PROGRESS, SecondaryStatus.TRAINING, "Training");
    job.trainingStarted();
    job.trainingEnded();
    job.transition(TrainingJobStatus.COMPLETED, SecondaryStatus.COMPLETED, "Done");
    TrainingJobDescription d = job.describe();

    assertEquals(List.of(SecondaryStatus.STARTING, SecondaryStatus.TRAINING, SecondaryStatus.COMPLETED),
        seen.stream().map(StatusEvent::secondaryStatus).toList());
    assertEquals(d.secondaryStatusTransitions().get(0).endTime(), d.secondaryStatusTransitions().get(1).startTime());
    assertEquals(d.secondaryStatusTransitions().get(2).startTime(), d.secondaryStatusTransitions().get(2).endTime());
    assertEquals(1, d.trainingTimeInSeconds().orElseThrow());
    assertEquals(TrainingJobStatus.COMPLETED, d.trainingJobStatus().orElseThrow());
  }

  @Test
  void register_whenNameIsTaken_throwsResourceInUse() {
    InMemoryJobRegistry registry = new InMemoryJobRegistry();
    registry.register(job("same", Clock.systemUTC()));

    ResourceInUseException e = assertThrows(ResourceInUseException.class,
        () -> registry.register(job("same", Clock.systemUTC())));
    assertEquals(true, e.getMessage().contains("\"same\""));
  }

  @Test
  void page_whenJobsAreFilteredSortedAndPaged_followsNextToken() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    List<LocalJob> jobs = new ArrayList<>();
    for (String n : List.of("b-train", "a-train", "c-other", "d-train")) {
      LocalJob j = job(n, Clock.offset(clock, Duration.ofMinutes(jobs.size())));
      j.transition(TrainingJobStatus.IN_PROGRESS, SecondaryStatus.STARTING, "");
      jobs.add(j);
    }
    jobs.get(3).transition(TrainingJobStatus.FAILED, SecondaryStatus.FAILED, "");
    ListTrainingJobsRequest request = ListTrainingJobsRequest.builder().nameContains("TRAIN")
        .sortBy(SortBy.NAME).sortOrder(SortOrder.ASCENDING).maxResults(2).build();

    ListTrainingJobsResponse first = JobListing.page(jobs, request);
    ListTrainingJobsResponse second = JobListing.page(jobs, request.toBuilder().nextToken(first.nextToken())
        .build());

    assertEquals(List.of("a-train", "b-train"), names(first));
    assertEquals(List.of("d-train"), names(second));
    assertEquals(false, second.nextToken().isPresent());
    assertEquals(List.of("d-train"), names(JobListing.page(jobs, ListTrainingJobsRequest.builder()
        .statusEquals(TrainingJobStatus.FAILED).build())));
    assertEquals(List.of("d-train", "c-other", "a-train", "b-train"),
        names(JobListing.page(jobs, ListTrainingJobsRequest.builder().build())));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JobListing.page(jobs, request.toBuilder().nextToken("garbage").build()));
    assertEquals(true, e.getMessage().startsWith("ListTrainingJobsRequest.NextToken:"));
  }

  @Test
  void log_whenLinesArrive_keepsThemInOrder() {
    LocalJob job = job("logs", Clock.systemUTC());
    job.log(new LogEvent("logs", "algo-1", Instant.EPOCH, "one"));
    job.log(new LogEvent("logs", "algo-2", Instant.EPOCH, "two"));

    assertEquals(List.of("one", "two"), job.logs().stream().map(LogEvent::message).toList());
  }

  private static List<String> names(ListTrainingJobsResponse r) {
    return r.trainingJobSummaries().stream().map(TrainingJobSummary::trainingJobName).map(o -> o.orElseThrow())
        .toList();
  }
}
