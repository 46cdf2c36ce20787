package dev.smtrain.local.internal;

import dev.smtrain.local.storage.LocalStorage;
import dev.smtrain.model.CreateTrainingJobRequest;
import java.util.Optional;

/**
 * Stage "checkpoints": before the containers start, the contents of {@code CheckpointConfig.S3Uri} are copied
 * into every host's checkpoint directory (bound at {@code LocalPath}); after the containers exit, also after a
 * stop, each host's directory is synced back to the URI, host 1 first.
 */
public final class CheckpointStage {

  private CheckpointStage() {}

  /** Copies the checkpoint URI's contents into every host's directory; does nothing without checkpoints. */
  public static void copyIn(LocalStorage storage, CreateTrainingJobRequest request, JobWorkspace workspace) {
    Optional<String> uri = uri(request);
    if (uri.isPresent()) {
      for (int i = 1; i <= workspace.hostCount(); i++) {
        storage.copyIn(uri.get(), workspace.checkpoints(i));
      }
    }
  }

  /** Syncs every host's checkpoint directory back to the URI; does nothing without checkpoints. */
  public static void syncOut(LocalStorage storage, CreateTrainingJobRequest request, JobWorkspace workspace) {
    Optional<String> uri = uri(request);
    if (uri.isPresent()) {
      for (int i = 1; i <= workspace.hostCount(); i++) {
        storage.syncOut(workspace.checkpoints(i), uri.get());
      }
    }
  }

  private static Optional<String> uri(CreateTrainingJobRequest request) {
    return request.checkpointConfig().flatMap(c -> c.s3Uri());
  }
}
