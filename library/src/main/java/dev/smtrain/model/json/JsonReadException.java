package dev.smtrain.model.json;

import dev.smtrain.SmtrainException;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link JsonReadResult#orElseThrow()} when a document had problems; carries all of them. */
public final class JsonReadException extends SmtrainException {

  private static final long serialVersionUID = 1L;

  private final transient List<JsonProblem> problems;

  /**
   * An exception for a list of problems.
   *
   * @param problems the problems, at least one
   */
  public JsonReadException(List<JsonProblem> problems) {
    super(problems.size() + " problem(s) reading JSON:\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /**
   * Every problem found.
   *
   * @return the problems
   */
  public List<JsonProblem> problems() {
    return problems;
  }
}
