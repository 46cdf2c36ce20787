package dev.smtrain.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.SmtrainException;
import dev.smtrain.executor.ResourceInUseException;
import dev.smtrain.executor.ResourceLimitExceededException;
import dev.smtrain.executor.ResourceNotFoundException;
import dev.smtrain.sagemaker.internal.SdkErrors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

class SdkErrorsTest {

  private static AwsErrorDetails details(String code, String message) {
    return AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("SageMaker").build();
  }

  @Test
  void translate_whenResourceInUse_keepsTheServiceMessageAndCause() {
    software.amazon.awssdk.services.sagemaker.model.ResourceInUseException sdk =
        software.amazon.awssdk.services.sagemaker.model.ResourceInUseException.builder()
            .awsErrorDetails(details("ResourceInUse", "Training job names must be unique")).statusCode(400)
            .requestId("req-1").build();

    SmtrainException e = SdkErrors.translate("CreateTrainingJob", "job-1", sdk);

    assertInstanceOf(ResourceInUseException.class, e);
    assertEquals("CreateTrainingJob of training job 'job-1' failed: Training job names must be unique "
        + "(ResourceInUse, HTTP 400, request id req-1)", e.getMessage());
    assertSame(sdk, e.getCause());
  }

  @Test
  void translate_whenResourceLimitExceeded_isResourceLimitExceeded() {
    SmtrainException e = SdkErrors.translate("CreateTrainingJob", "job-1",
        software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException.builder()
            .awsErrorDetails(details("ResourceLimitExceeded", "quota")).statusCode(400).build());

    assertInstanceOf(ResourceLimitExceededException.class, e);
  }

  @Test
  void translate_whenResourceNotFound_isResourceNotFound() {
    SmtrainException e = SdkErrors.translate("StopTrainingJob", "job-1",
        software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException.builder()
            .awsErrorDetails(details("ResourceNotFound", "no job")).statusCode(400).build());

    assertInstanceOf(ResourceNotFoundException.class, e);
  }

  @Test
  void translate_whenDescribeAnswersValidationNotFound_isResourceNotFound() {
    SmtrainException e = SdkErrors.translate("DescribeTrainingJob", "job-1", SageMakerException.builder()
        .awsErrorDetails(details("ValidationException", "Requested resource not found.")).statusCode(400).build());

    assertInstanceOf(ResourceNotFoundException.class, e);
    assertTrue(e.getMessage().contains("Requested resource not found."), e.getMessage());
  }

  @Test
  void translate_whenValidationException_isServiceExceptionWithTheServiceMessage() {
    SmtrainException e = SdkErrors.translate("CreateTrainingJob", "job-1", SageMakerException.builder()
        .awsErrorDetails(details("ValidationException", "1 validation error detected: Value 'ml.x' at "
            + "'resourceConfig.instanceType' failed to satisfy constraint")).statusCode(400).build());

    SageMakerServiceException service = assertInstanceOf(SageMakerServiceException.class, e);
    assertTrue(service.isValidationError());
    assertEquals("CreateTrainingJob", service.operation());
    assertEquals(400, service.statusCode());
    assertTrue(e.getMessage().contains("'resourceConfig.instanceType' failed to satisfy constraint"), e.getMessage());
  }

  @Test
  void translate_whenClientFailure_saysSageMakerDidNotAnswer() {
    SmtrainException e = SdkErrors.translate("DescribeTrainingJob", "job-1",
        SdkClientException.create("Unable to execute HTTP request: Connection refused"));

    assertEquals(SmtrainException.class, e.getClass());
    assertTrue(e.getMessage().startsWith("DescribeTrainingJob of training job 'job-1' failed before SageMaker "
        + "answered: Unable to execute HTTP request"), e.getMessage());
  }

  @Test
  void attempts_whenTheSdkSaysNothing_isOne() {
    assertEquals(1, SdkErrors.attempts(SdkClientException.create("x")));
    assertEquals(3, SdkErrors.attempts(SdkClientException.builder().message("x").numAttempts(3).build()));
  }
}
