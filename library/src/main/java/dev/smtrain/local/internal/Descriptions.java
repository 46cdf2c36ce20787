package dev.smtrain.local.internal;

import dev.smtrain.executor.MetricEvent;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.MetricData;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobSummary;
import java.time.Duration;

/** Builds {@code DescribeTrainingJob} and {@code ListTrainingJobs} shapes from a local job. */
final class Descriptions {

  private Descriptions() {}

  static TrainingJobDescription describe(LocalJob job, LocalJob.Snapshot s) {
    CreateTrainingJobRequest r = job.request();
    // The request's echoed members come from the shared builder; SageMaker reports the three flags as false
    // when they were not set, so the local description does too.
    TrainingJobDescription.Builder d = dev.smtrain.executor.internal.Descriptions.fromRequest(r)
        .trainingJobName(job.name())
        .trainingJobArn(job.arn())
        .trainingJobStatus(s.status())
        .secondaryStatus(s.secondaryStatus())
        .creationTime(job.creationTime())
        .lastModifiedTime(s.lastModifiedTime())
        .secondaryStatusTransitions(s.transitions())
        .enableNetworkIsolation(r.enableNetworkIsolation().orElse(false))
        .enableInterContainerTrafficEncryption(r.enableInterContainerTrafficEncryption().orElse(false))
        .enableManagedSpotTraining(r.enableManagedSpotTraining().orElse(false));
    if (s.trainingStartTime() != null) {
      d.trainingStartTime(s.trainingStartTime());
    }
    if (s.trainingEndTime() != null) {
      d.trainingEndTime(s.trainingEndTime());
      int seconds = (int) Duration.between(s.trainingStartTime(), s.trainingEndTime()).toSeconds();
      d.trainingTimeInSeconds(seconds).billableTimeInSeconds(seconds);
    }
    if (s.failureReason() != null) {
      d.failureReason(s.failureReason());
    }
    if (s.modelArtifacts() != null) {
      d.modelArtifacts(m -> m.s3ModelArtifacts(s.modelArtifacts()));
    }
    if (!s.finalMetrics().isEmpty()) {
      for (MetricEvent m : s.finalMetrics()) {
        d.addFinalMetricDataList(MetricData.builder().metricName(m.metricName()).value((float) m.value())
            .timestamp(m.timestamp()).build());
      }
    }
    return d.build();
  }

  static TrainingJobSummary summary(TrainingJobDescription d) {
    return dev.smtrain.executor.internal.Descriptions.summaryOf(d);
  }
}
