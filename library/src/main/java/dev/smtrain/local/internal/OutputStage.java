package dev.smtrain.local.internal;

import dev.smtrain.local.storage.LocalStorage;
import dev.smtrain.local.storage.PublishedOutputs;
import dev.smtrain.model.CreateTrainingJobRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage "package and upload outputs": every host's {@code /opt/ml/model} merged into {@code model.tar.gz} (or
 * uploaded as files with CompressionType NONE) and {@code /opt/ml/output/data} into {@code output.tar.gz}, at
 * {@code <S3OutputPath>/<job>/output/}. Runs after a completed job and after a stop.
 */
public final class OutputStage {

  private static final Logger LOG = LoggerFactory.getLogger(OutputStage.class);

  private OutputStage() {}

  /**
   * Packages and publishes the outputs.
   *
   * @return the {@code S3ModelArtifacts} URI
   */
  public static String publish(LocalStorage storage, CreateTrainingJobRequest request, JobWorkspace workspace) {
    PublishedOutputs out = storage.publishOutputs(request.outputDataConfig().orElseThrow(),
        request.trainingJobName().orElseThrow(), workspace.each(workspace::model),
        workspace.each(workspace::outputData), workspace.scratch().resolve("outputs"));
    if (!out.conflicts().isEmpty()) {
      LOG.debug("training job {}: hosts wrote different files at {}; host with the lowest index kept",
          request.trainingJobName().orElseThrow(), out.conflicts());
    }
    return out.modelArtifacts();
  }
}
