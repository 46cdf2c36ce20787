package dev.smtrain.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Every violation found in one request, errors and warnings, in a stable order. */
public final class ValidationReport {

  private final List<Violation> violations;

  private ValidationReport(List<Violation> violations) {
    this.violations = List.copyOf(violations);
  }

  /**
   * A report of the given violations.
   *
   * @param violations the violations
   * @return the report
   */
  public static ValidationReport of(List<Violation> violations) {
    return new ValidationReport(violations);
  }

  /**
   * Every violation.
   *
   * @return the violations
   */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * The errors only.
   *
   * @return the violations with severity {@link Severity#ERROR}
   */
  public List<Violation> errors() {
    return violations.stream().filter(Violation::isError).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The warnings only.
   *
   * @return the violations with severity {@link Severity#WARNING}
   */
  public List<Violation> warnings() {
    return violations.stream().filter(v -> !v.isError()).collect(Collectors.toUnmodifiableList());
  }

  /**
   * Whether the request may be submitted: there is no error (warnings are allowed).
   *
   * @return {@code true} when there is no error
   */
  public boolean isValid() {
    return violations.stream().noneMatch(Violation::isError);
  }

  /** One violation per line, in the command line's {@code path: message (SEVERITY)} format. */
  @Override
  public String toString() {
    return violations.isEmpty() ? "no violations"
        : violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
  }
}
