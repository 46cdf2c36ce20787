package dev.smtrain.samples.unittesting;

/** The sample application's own exception: why a churn model could not be trained. */
public final class ChurnTrainingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why training did not produce a model. */
  public enum Reason {
    /** The training job failed; the message carries SageMaker's FailureReason. */
    FAILED,
    /** The job hit its MaxRuntimeInSeconds, or we gave up waiting (and stopped it). */
    TIMED_OUT,
    /** The job was stopped by someone else. */
    STOPPED,
    /** A model for this dataset version is already trained or being trained. */
    ALREADY_SUBMITTED,
    /** The account has no capacity left (a SageMaker quota). */
    NO_CAPACITY,
    /** The model trained but is not good enough to ship. */
    BELOW_QUALITY_BAR
  }

  private final Reason reason;
  private final String trainingJobName;

  ChurnTrainingException(Reason reason, String trainingJobName, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.trainingJobName = trainingJobName;
  }

  /**
   * Why.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * The training job concerned.
   *
   * @return the job name
   */
  public String trainingJobName() {
    return trainingJobName;
  }
}
