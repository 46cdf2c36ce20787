package dev.smtrain.model.json.internal;

import dev.smtrain.model.json.JsonProblem;
import dev.smtrain.model.json.JsonProblem.Kind;
import java.util.ArrayList;
import java.util.List;

/** Collects reading problems in document order. Not thread-safe: one per read. */
public final class Problems {

  private final List<JsonProblem> list = new ArrayList<>();

  /**
   * Adds a problem.
   *
   * @param path the API path
   * @param kind the kind
   * @param message the message
   */
  public void add(String path, Kind kind, String message) {
    list.add(new JsonProblem(path, kind, message));
  }

  void nullValue(String path) {
    add(path, Kind.NULL_VALUE, "null is not a value here; leave the member out instead");
  }

  void unknownMember(String path, String name, List<String> known) {
    String suggestion = Suggestions.closest(name, known);
    add(path, Kind.UNKNOWN_MEMBER, "unknown member '" + Suggestions.printable(name) + "'"
        + (suggestion != null ? "; did you mean '" + suggestion + "'?" : "; expected one of " + known));
  }

  /**
   * The problems so far.
   *
   * @return the problems
   */
  public List<JsonProblem> list() {
    return list;
  }
}
