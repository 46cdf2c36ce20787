package dev.smtrain.sagemaker.internal;

import dev.smtrain.SmtrainException;
import dev.smtrain.executor.ResourceInUseException;
import dev.smtrain.executor.ResourceLimitExceededException;
import dev.smtrain.executor.ResourceNotFoundException;
import dev.smtrain.sagemaker.SageMakerServiceException;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns the AWS SDK's exceptions into smtrain's, keeping the service's message and the SDK's as cause. */
public final class SdkErrors {

  /** SageMaker answers DescribeTrainingJob of an unknown name with a ValidationException, not ResourceNotFound. */
  private static final Pattern NOT_FOUND = Pattern.compile("(?i)(not found|does not exist)");

  private SdkErrors() {}

  /**
   * The smtrain exception for an SDK exception.
   *
   * @param operation the SageMaker or CloudWatch Logs operation
   * @param jobName the training job the call was about, or {@code null}
   * @param e the SDK exception
   * @return the exception to throw
   */
  public static SmtrainException translate(String operation, String jobName, SdkException e) {
    String about = jobName == null ? operation : operation + " of training job '" + jobName + "'";
    if (e instanceof AwsServiceException) {
      AwsServiceException service = (AwsServiceException) e;
      AwsErrorDetails details = service.awsErrorDetails();
      String code = details == null || details.errorCode() == null ? "Unknown" : details.errorCode();
      String serviceMessage = details == null || details.errorMessage() == null ? service.getMessage()
          : details.errorMessage();
      String message = about + " failed: " + serviceMessage + " (" + code + ", HTTP " + service.statusCode()
          + (service.requestId() == null ? "" : ", request id " + service.requestId()) + ")";
      if (e instanceof software.amazon.awssdk.services.sagemaker.model.ResourceInUseException) {
        return new ResourceInUseException(message, e);
      }
      if (e instanceof software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException) {
        return new ResourceLimitExceededException(message, e);
      }
      if (e instanceof software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException
          || e instanceof software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException) {
        return new ResourceNotFoundException(message, e);
      }
      if ("ValidationException".equals(code) && jobName != null && !"CreateTrainingJob".equals(operation)
          && serviceMessage != null && NOT_FOUND.matcher(serviceMessage).find()) {
        return new ResourceNotFoundException(message, e);
      }
      return new SageMakerServiceException(operation, code, service.statusCode(), message, e);
    }
    if (e instanceof SdkClientException) {
      return new SmtrainException(about + " failed before SageMaker answered: " + e.getMessage(), e);
    }
    return new SmtrainException(about + " failed: " + e.getMessage(), e);
  }

  /**
   * How many attempts the SDK made before giving up with {@code e}.
   *
   * @param e the exception
   * @return the number of attempts, 1 when the SDK does not say
   */
  public static int attempts(SdkException e) {
    Integer n = e.numAttempts();
    return n == null ? 1 : n;
  }
}
