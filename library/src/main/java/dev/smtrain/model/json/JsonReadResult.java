package dev.smtrain.model.json;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What reading a JSON document gave: the value (absent only when the document was not a JSON object at
 * all) and every problem found on the way. A value read with problems lacks the members that had them.
 *
 * @param <T> the type read
 */
public final class JsonReadResult<T> {

  private final T value;
  private final List<JsonProblem> problems;

  JsonReadResult(T value, List<JsonProblem> problems) {
    this.value = value;
    this.problems = List.copyOf(problems);
  }

  /**
   * The value read, without the members that had problems.
   *
   * @return the value, or empty when the document was not a JSON object
   */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /**
   * Every problem, in document order.
   *
   * @return the problems; empty when the document was read cleanly
   */
  public List<JsonProblem> problems() {
    return problems;
  }

  /**
   * Whether the document was read without any problem.
   *
   * @return {@code true} when there are no problems
   */
  public boolean isClean() {
    return problems.isEmpty();
  }

  /**
   * The value, when the document was read without problems.
   *
   * @return the value
   * @throws JsonReadException listing every problem, when there are any
   */
  public T orElseThrow() {
    if (!problems.isEmpty()) {
      throw new JsonReadException(problems);
    }
    return value;
  }

  @Override
  public String toString() {
    return problems.isEmpty()
        ? "JsonReadResult{clean}"
        : problems.stream().map(JsonProblem::toString).collect(Collectors.joining("; ", "JsonReadResult{", "}"));
  }
}
