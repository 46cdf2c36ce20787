package dev.smtrain.sagemaker;

import dev.smtrain.SmtrainException;

/**
 * SageMaker refused a call for a reason smtrain has no dedicated exception for, most often a
 * {@code ValidationException} (a request the service finds invalid beyond what smtrain checks locally) or
 * {@code AccessDeniedException}. The message is the service's own, with the operation and error code.
 */
public class SageMakerServiceException extends SmtrainException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final String errorCode;
  private final int statusCode;

  /**
   * An exception for a service error.
   *
   * @param operation the SageMaker operation, such as {@code CreateTrainingJob}
   * @param errorCode the service's error code, such as {@code ValidationException}
   * @param statusCode the HTTP status code
   * @param message the full message
   * @param cause the SDK's exception
   */
  public SageMakerServiceException(String operation, String errorCode, int statusCode, String message,
      Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.errorCode = errorCode;
    this.statusCode = statusCode;
  }

  /**
   * The operation that failed.
   *
   * @return for example {@code CreateTrainingJob}
   */
  public String operation() {
    return operation;
  }

  /**
   * The service's error code.
   *
   * @return for example {@code ValidationException}
   */
  public String errorCode() {
    return errorCode;
  }

  /**
   * The HTTP status code of the service's answer.
   *
   * @return for example 400
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Whether the service found the request invalid ({@code ValidationException}).
   *
   * @return {@code true} for a validation error
   */
  public boolean isValidationError() {
    return "ValidationException".equals(errorCode);
  }
}
