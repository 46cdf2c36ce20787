package dev.smtrain.testing;

import dev.smtrain.model.CreateTrainingJobRequest;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The requests a {@link FakeExecutor} accepted, in submission order, with assertions that read well in a
 * test and fail with an {@link AssertionError} that lists what was submitted.
 *
 * <pre>{@code
 * CreateTrainingJobRequest sent = fake.requests().assertCount(1).only();
 * assertEquals("10", sent.hyperParameters().get("epochs"));
 * fake.requests().assertEvery("uses spot", r -> r.enableManagedSpotTraining().orElse(false));
 * }</pre>
 *
 * <p>An immutable snapshot: jobs submitted later are not in it.
 */
public final class RecordedRequests {

  private final List<CreateTrainingJobRequest> requests;

  RecordedRequests(List<CreateTrainingJobRequest> requests) {
    this.requests = List.copyOf(requests);
  }

  /**
   * Every accepted request, in submission order.
   *
   * @return the requests
   */
  public List<CreateTrainingJobRequest> all() {
    return requests;
  }

  /**
   * How many were accepted.
   *
   * @return the count
   */
  public int count() {
    return requests.size();
  }

  /**
   * Whether none was accepted.
   *
   * @return {@code true} when empty
   */
  public boolean isEmpty() {
    return requests.isEmpty();
  }

  /**
   * The job names, in submission order.
   *
   * @return the {@code TrainingJobName}s
   */
  public List<String> names() {
    return requests.stream().map(r -> r.trainingJobName().orElse("")).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The requests that match a condition.
   *
   * @param condition the condition
   * @return a narrower snapshot
   */
  public RecordedRequests matching(Predicate<CreateTrainingJobRequest> condition) {
    return new RecordedRequests(requests.stream().filter(condition).collect(Collectors.toList()));
  }

  /**
   * The request of the job with a given name.
   *
   * @param trainingJobName the name
   * @return the request
   * @throws AssertionError when no job of that name was accepted
   */
  public CreateTrainingJobRequest named(String trainingJobName) {
    Objects.requireNonNull(trainingJobName, "trainingJobName");
    return requests.stream().filter(r -> r.trainingJobName().orElse("").equals(trainingJobName)).findFirst()
        .orElseThrow(() -> new AssertionError("expected a submitted training job named '" + trainingJobName
            + "', but the fake accepted " + describe()));
  }

  /**
   * The request of the job with a given name; reads as an assertion.
   *
   * @param trainingJobName the name
   * @return the request
   * @throws AssertionError when no job of that name was accepted
   */
  public CreateTrainingJobRequest assertSubmitted(String trainingJobName) {
    return named(trainingJobName);
  }

  /**
   * Asserts that no job of a given name was accepted.
   *
   * @param trainingJobName the name
   * @return this snapshot
   * @throws AssertionError when one was
   */
  public RecordedRequests assertNotSubmitted(String trainingJobName) {
    if (names().contains(trainingJobName)) {
      throw new AssertionError("expected no training job named '" + trainingJobName + "', but the fake accepted "
          + describe());
    }
    return this;
  }

  /**
   * Asserts how many requests were accepted.
   *
   * @param expected the count
   * @return this snapshot
   * @throws AssertionError when the count differs
   */
  public RecordedRequests assertCount(int expected) {
    if (requests.size() != expected) {
      throw new AssertionError("expected " + expected + " submitted training job(s), but the fake accepted "
          + describe());
    }
    return this;
  }

  /**
   * Asserts that nothing was accepted.
   *
   * @return this snapshot
   * @throws AssertionError when something was
   */
  public RecordedRequests assertNone() {
    return assertCount(0);
  }

  /**
   * Asserts that every accepted request meets a condition.
   *
   * @param what the condition in words, for the failure message
   * @param condition the condition
   * @return this snapshot
   * @throws AssertionError naming the requests that do not
   */
  public RecordedRequests assertEvery(String what, Predicate<CreateTrainingJobRequest> condition) {
    List<String> bad = requests.stream().filter(condition.negate()).map(r -> r.trainingJobName().orElse("?"))
        .collect(Collectors.toList());
    if (!bad.isEmpty()) {
      throw new AssertionError("expected every submitted training job to satisfy '" + what + "', but " + bad
          + " do not");
    }
    return this;
  }

  /**
   * The one accepted request.
   *
   * @return the request
   * @throws AssertionError unless exactly one was accepted
   */
  public CreateTrainingJobRequest only() {
    assertCount(1);
    return requests.get(0);
  }

  /**
   * The last accepted request.
   *
   * @return the request
   * @throws AssertionError when none was accepted
   */
  public CreateTrainingJobRequest last() {
    if (requests.isEmpty()) {
      throw new AssertionError("expected a submitted training job, but the fake accepted none");
    }
    return requests.get(requests.size() - 1);
  }

  private String describe() {
    return requests.isEmpty() ? "none" : requests.size() + ": " + names();
  }

  @Override
  public String toString() {
    return "RecordedRequests" + names();
  }
}
