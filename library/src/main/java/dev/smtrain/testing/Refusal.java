package dev.smtrain.testing;

import dev.smtrain.SmtrainException;
import dev.smtrain.model.CreateTrainingJobRequest;

/**
 * A submission the {@link FakeExecutor} refused, with the exception the caller got: a
 * {@link dev.smtrain.validation.ValidationException}, {@link dev.smtrain.executor.ResourceInUseException} or
 * {@link dev.smtrain.executor.ResourceLimitExceededException}.
 *
 * @param request the request as submitted
 * @param exception what the caller was thrown
 */
public record Refusal(CreateTrainingJobRequest request, SmtrainException exception) {}
