package dev.smtrain.executor;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ListTrainingJobsRequest;
import dev.smtrain.model.ListTrainingJobsResponse;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobSummary;
import dev.smtrain.validation.ValidationTarget;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Where training jobs run: SageMaker, a local container engine, or an in-memory fake. The same application
 * code works against each; pick one with {@code TrainingJobExecutors.fromEnvironment()}.
 *
 * <p>Operations mirror SageMaker's: {@code CreateTrainingJob} ({@link #submit}), {@code DescribeTrainingJob},
 * {@code StopTrainingJob}, {@code ListTrainingJobs}, plus the job's log. {@link #submit} validates first, with
 * {@link #validationTarget()}, and throws {@link dev.smtrain.validation.ValidationException} carrying the
 * whole report when there is an error; nothing reaches the backend then.
 *
 * <p>Implementations are thread-safe. Closing an executor releases its clients; it does not stop jobs.
 */
public interface TrainingJobExecutor extends AutoCloseable {

  /**
   * Validates and submits a request ({@code CreateTrainingJob}).
   *
   * @param request the request
   * @param listeners notified of the job's status changes, metrics and log lines from the start
   * @return a handle on the new job
   * @throws dev.smtrain.validation.ValidationException when the request has errors
   * @throws ResourceInUseException when a job of that name exists
   * @throws ResourceLimitExceededException when a quota would be exceeded
   */
  TrainingJob submit(CreateTrainingJobRequest request, TrainingJobListener... listeners);

  /**
   * Builds, validates and submits a request.
   *
   * @param request fills in a new request builder
   * @return a handle on the new job
   */
  default TrainingJob submit(Consumer<CreateTrainingJobRequest.Builder> request) {
    CreateTrainingJobRequest.Builder builder = CreateTrainingJobRequest.builder();
    request.accept(builder);
    return submit(builder.build());
  }

  /**
   * A handle on an existing job, for example one submitted by an earlier process.
   *
   * @param trainingJobName the job name
   * @return the handle
   * @throws ResourceNotFoundException when there is no such job
   */
  TrainingJob job(String trainingJobName);

  /**
   * Describes a job ({@code DescribeTrainingJob}).
   *
   * @param trainingJobName the job name
   * @return the description
   * @throws ResourceNotFoundException when there is no such job
   */
  TrainingJobDescription describe(String trainingJobName);

  /**
   * Asks a job to stop ({@code StopTrainingJob}). The job goes to {@code Stopping}, then {@code Stopped};
   * what it saved so far is still uploaded. Stopping a job that has already ended does nothing.
   *
   * @param trainingJobName the job name
   * @throws ResourceNotFoundException when there is no such job
   */
  void stop(String trainingJobName);

  /**
   * One page of jobs ({@code ListTrainingJobs}), filtered and sorted as the request says.
   *
   * @param request filters, sort order, page size and the previous page's {@code NextToken}
   * @return the page, with a {@code NextToken} when more follow
   */
  ListTrainingJobsResponse list(ListTrainingJobsRequest request);

  /**
   * Every job matching the request's filters, fetching pages as the stream is read.
   *
   * @param request filters and sort order (its {@code NextToken} is the starting point)
   * @return the summaries
   */
  default Stream<TrainingJobSummary> listAll(ListTrainingJobsRequest request) {
    return StreamSupport.stream(new Spliterators.AbstractSpliterator<List<TrainingJobSummary>>(
        Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
      private Optional<String> next = request.nextToken();
      private boolean done;

      @Override
      public boolean tryAdvance(Consumer<? super List<TrainingJobSummary>> action) {
        if (done) {
          return false;
        }
        ListTrainingJobsResponse page = list(request.toBuilder().nextToken(next).build());
        next = page.nextToken();
        done = next.isEmpty();
        action.accept(page.hasTrainingJobSummaries() ? page.trainingJobSummaries() : List.of());
        return true;
      }
    }, false).flatMap(List::stream);
  }

  /**
   * The job's log so far, from every host, in time order per host.
   *
   * @param trainingJobName the job name
   * @return the log lines
   * @throws ResourceNotFoundException when there is no such job
   */
  Stream<LogEvent> logs(String trainingJobName);

  /**
   * The target this executor validates requests for.
   *
   * @return the target
   */
  ValidationTarget validationTarget();

  /** Releases the executor's clients. Jobs keep running where they run. */
  @Override
  void close();
}
