package dev.smtrain.sagemaker.internal;

import dev.smtrain.SmtrainException;
import dev.smtrain.executor.ResourceInUseException;
import dev.smtrain.executor.ResourceNotFoundException;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.TrainingJobDescription;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * {@code CreateTrainingJob} that a caller can trust: when its outcome is unknown (the SDK gave up without an
 * answer, or its retry was told the name is in use after an attempt whose answer was lost), the name is
 * described, and a job with the submitted definition is this call's job; a different one is
 * {@link ResourceInUseException}. Retrying is left to the SDK's retry policy.
 */
public final class IdempotentCreate {

  private static final Logger LOG = LoggerFactory.getLogger(IdempotentCreate.class);

  private IdempotentCreate() {}

  /**
   * Creates the job, or adopts the job an earlier attempt of this call created.
   *
   * @param client the SageMaker client
   * @param request the request (validated)
   * @param describe describes a job by name, throwing {@link ResourceNotFoundException} for none
   * @return the job's ARN
   */
  public static String create(SageMakerClient client, CreateTrainingJobRequest request,
      Function<String, TrainingJobDescription> describe) {
    String name = request.trainingJobName().orElseThrow();
    software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest sdkRequest = SdkMapping.toSdk(request);
    try {
      String arn = client.createTrainingJob(sdkRequest).trainingJobArn();
      LOG.debug("created training job {} ({})", name, arn);
      return arn;
    } catch (software.amazon.awssdk.services.sagemaker.model.ResourceInUseException e) {
      if (SdkErrors.attempts(e) < 2) {
        throw SdkErrors.translate("CreateTrainingJob", name, e);
      }
      // An earlier attempt of this very call may have created the job before its answer was lost.
      return adopt(request, e, describe);
    } catch (SdkClientException e) {
      return adopt(request, e, describe);
    } catch (SdkException e) {
      throw SdkErrors.translate("CreateTrainingJob", name, e);
    }
  }

  private static String adopt(CreateTrainingJobRequest request, SdkException cause,
      Function<String, TrainingJobDescription> describe) {
    String name = request.trainingJobName().orElseThrow();
    LOG.debug("outcome of CreateTrainingJob {} unknown after {} attempt(s) ({}); describing it", name,
        SdkErrors.attempts(cause), cause.toString());
    TrainingJobDescription existing;
    try {
      existing = describe.apply(name);
    } catch (ResourceNotFoundException notFound) {
      SmtrainException e = SdkErrors.translate("CreateTrainingJob", name, cause);
      throw new SmtrainException(e.getMessage() + "; no training job named '" + name
          + "' exists, so submitting again is safe", cause);
    } catch (SmtrainException describeFailed) {
      SmtrainException e = SdkErrors.translate("CreateTrainingJob", name, cause);
      e.addSuppressed(describeFailed);
      throw e;
    }
    Optional<String> difference = SameDefinition.firstDifference(request, existing);
    if (difference.isPresent()) {
      throw new ResourceInUseException("CreateTrainingJob of training job '" + name + "' failed: a training job "
          + "of that name already exists with a different definition (first difference at " + difference.get()
          + "); choose another TrainingJobName", cause);
    }
    LOG.debug("training job {} exists with the submitted definition; an earlier attempt created it", name);
    return existing.trainingJobArn().orElseThrow(() -> new SmtrainException(
        "DescribeTrainingJob of training job '" + name + "' returned no TrainingJobArn"));
  }
}
