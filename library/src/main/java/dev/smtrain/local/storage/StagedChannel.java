package dev.smtrain.local.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One channel staged for one host: the host directory to bind-mount at
 * {@code /opt/ml/input/data/<channelName>}.
 *
 * @param channelName the channel's {@code ChannelName}
 * @param hostPath the directory on the engine's host to bind-mount
 * @param userData {@code true} when {@code hostPath} is the user's own {@code file://} directory, bound as is
 *     (the bind must then be read-only, and the caller must never delete it); {@code false} when it is a
 *     directory the storage created under the scratch directory (hard links, copies or downloads), which the
 *     caller owns and deletes with the scratch directory
 * @param fileCount the number of files visible in the channel for this host (-1 when not counted, that is
 *     for a {@code userData} bind, whose size is never walked)
 * @param byteCount the bytes staged for this host (downloaded, copied or linked); -1 when not counted
 */
public record StagedChannel(String channelName, Path hostPath, boolean userData, long fileCount, long byteCount) {

  /** The directory inside every SageMaker training container under which channels appear. */
  public static final String CONTAINER_DATA_DIR = "/opt/ml/input/data";

  /**
   * Checks the members.
   *
   * @param channelName the channel's name
   * @param hostPath the host directory
   * @param userData whether the directory is the user's own
   * @param fileCount the number of files, or -1
   * @param byteCount the number of bytes, or -1
   */
  public StagedChannel {
    Objects.requireNonNull(channelName, "channelName");
    Objects.requireNonNull(hostPath, "hostPath");
  }

  /**
   * Where the channel appears inside the container.
   *
   * @return {@code /opt/ml/input/data/<channelName>}
   */
  public String containerPath() {
    return CONTAINER_DATA_DIR + "/" + channelName;
  }

  /**
   * Whether the bind must be read-only. Every channel is bound read-only, as SageMaker's input directory is
   * for the algorithm to read; this is always {@code true} and exists so the caller never has to guess.
   *
   * @return {@code true}
   */
  public boolean readOnly() {
    return true;
  }
}
