package dev.smtrain.executor;

import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.TrainingJobStatus;
import java.time.Instant;

/**
 * A job's status changed.
 *
 * @param trainingJobName the job
 * @param status the new {@code TrainingJobStatus}
 * @param secondaryStatus the new {@code SecondaryStatus}
 * @param statusMessage the transition's message, possibly empty
 * @param time when the change happened (in the executor's clock)
 */
public record StatusEvent(String trainingJobName, TrainingJobStatus status, SecondaryStatus secondaryStatus,
    String statusMessage, Instant time) {}
