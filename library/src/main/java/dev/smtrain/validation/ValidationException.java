package dev.smtrain.validation;

import dev.smtrain.SmtrainException;

/**
 * Thrown when a request with errors is submitted; carries the whole report. Nothing reached the backend.
 */
public final class ValidationException extends SmtrainException {

  private static final long serialVersionUID = 1L;

  private final transient ValidationReport report;

  /**
   * An exception for a report with at least one error.
   *
   * @param report the report
   */
  public ValidationException(ValidationReport report) {
    super("the training job request is not valid (" + report.errors().size() + " error(s)):\n" + report);
    this.report = report;
  }

  /**
   * The whole report, errors and warnings.
   *
   * @return the report
   */
  public ValidationReport report() {
    return report;
  }
}
