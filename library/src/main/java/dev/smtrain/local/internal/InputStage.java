package dev.smtrain.local.internal;

import dev.smtrain.local.storage.LocalStorage;
import dev.smtrain.local.storage.StagedChannel;
import dev.smtrain.model.Channel;
import dev.smtrain.model.CreateTrainingJobRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage "stage inputs": every channel for every host, through {@link LocalStorage} ({@code file://} directories
 * are bound as they are; {@code s3://} objects are downloaded; ShardedByS3Key gives each host its share). Also
 * creates each channel's mount point under the host's {@code input/data}.
 */
public final class InputStage {

  private InputStage() {}

  /**
   * Stages the inputs.
   *
   * @param storage the storage
   * @param request the job
   * @param workspace the job's directories
   * @return per host (host 1 first), its channels
   */
  public static List<List<StagedChannel>> stage(LocalStorage storage, CreateTrainingJobRequest request,
      JobWorkspace workspace) {
    List<Channel> channels = request.hasInputDataConfig() ? request.inputDataConfig() : List.of();
    List<List<StagedChannel>> perHost = new ArrayList<>();
    int hosts = workspace.hostCount();
    for (int i = 1; i <= hosts; i++) {
      List<StagedChannel> staged = new ArrayList<>();
      for (Channel c : channels) {
        StagedChannel s = storage.stage(c, i - 1, hosts,
            workspace.scratch().resolve(JobWorkspace.hostName(i)).resolve(c.channelName().orElseThrow()));
        try {
          Files.createDirectories(workspace.data(i).resolve(s.channelName()));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create the mount point of channel " + s.channelName(), e);
        }
        staged.add(s);
      }
      perHost.add(staged);
    }
    return perHost;
  }
}
