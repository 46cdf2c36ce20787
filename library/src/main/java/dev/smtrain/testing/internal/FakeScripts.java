package dev.smtrain.testing.internal;

import dev.smtrain.testing.FakeOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Internal: the fake's scripted outcomes: exact names (ignoring case), then patterns, newest first. */
public final class FakeScripts {

  private record Scripted(Pattern pattern, FakeOutcome outcome) {}

  private final Map<String, FakeOutcome> byName = new ConcurrentHashMap<>();
  private final List<Scripted> byPattern = new CopyOnWriteArrayList<>();
  private volatile FakeOutcome fallback;

  /**
   * Scripts with a default.
   *
   * @param fallback the outcome of jobs no script matches
   */
  public FakeScripts(FakeOutcome fallback) {
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  /**
   * Checks a name script's arguments.
   *
   * @param name the job name
   * @param outcome the outcome
   */
  public static void check(String name, FakeOutcome outcome) {
    Objects.requireNonNull(name, "trainingJobName");
    Objects.requireNonNull(outcome, "outcome");
  }

  /**
   * Compiles a name pattern, with an error that says which script is wrong.
   *
   * @param regex the pattern
   * @return the compiled pattern
   */
  public static Pattern compile(String regex) {
    Objects.requireNonNull(regex, "regex");
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("scriptMatching: '" + regex + "' is not a valid regular expression: "
          + e.getDescription(), e);
    }
  }

  /**
   * Scripts one name.
   *
   * @param name the job name
   * @param outcome the outcome
   */
  public void script(String name, FakeOutcome outcome) {
    check(name, outcome);
    byName.put(name.toLowerCase(Locale.ROOT), outcome);
  }

  /**
   * Scripts a pattern.
   *
   * @param regex the pattern for the whole name
   * @param outcome the outcome
   */
  public void scriptMatching(String regex, FakeOutcome outcome) {
    Pattern p = compile(regex);
    byPattern.add(0, new Scripted(p, Objects.requireNonNull(outcome, "outcome")));
  }

  /**
   * Sets the default.
   *
   * @param outcome the outcome of jobs no script matches
   */
  public void defaultOutcome(FakeOutcome outcome) {
    this.fallback = Objects.requireNonNull(outcome, "outcome");
  }

  /**
   * The outcome for a job.
   *
   * @param name the job name
   * @return its scripted outcome, or the default
   */
  public FakeOutcome outcomeFor(String name) {
    FakeOutcome exact = byName.get(name.toLowerCase(Locale.ROOT));
    if (exact != null) {
      return exact;
    }
    for (Scripted s : byPattern) {
      if (s.pattern().matcher(name).matches()) {
        return s.outcome();
      }
    }
    return fallback;
  }
}
