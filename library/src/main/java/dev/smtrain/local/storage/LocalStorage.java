package dev.smtrain.local.storage;

import dev.smtrain.local.storage.internal.ChannelStager;
import dev.smtrain.local.storage.internal.Checkpoints;
import dev.smtrain.local.storage.internal.FileStore;
import dev.smtrain.local.storage.internal.S3Store;
import dev.smtrain.local.storage.internal.StorageUri;
import dev.smtrain.local.storage.internal.TarGzPacker;
import dev.smtrain.model.Channel;
import dev.smtrain.model.OutputCompressionType;
import dev.smtrain.model.OutputDataConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a local training job's data: stages input channels, copies checkpoints in and out, and packages and
 * publishes outputs, for {@code file://} and {@code s3://} URIs with SageMaker's semantics. See the
 * {@linkplain dev.smtrain.local.storage package documentation} for the exact rules.
 *
 * <p>Thread-safe. Owns an S3 client and transfer manager, created on the first {@code s3://} use; {@link #close()}
 * releases them.
 */
public final class LocalStorage implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalStorage.class);

  private final S3Store s3;
  private final ChannelStager stager;
  private final Checkpoints checkpoints;

  private LocalStorage(StorageSettings settings) {
    this.s3 = new S3Store(settings);
    this.stager = new ChannelStager(s3);
    this.checkpoints = new Checkpoints(s3);
  }

  /**
   * Storage using the given settings. Creates no client yet.
   *
   * @param settings how to reach S3
   * @return the storage; close it
   */
  public static LocalStorage create(StorageSettings settings) {
    return new LocalStorage(Objects.requireNonNull(settings, "settings"));
  }

  /**
   * Storage using the SDK's default region and credentials chains.
   *
   * @return the storage; close it
   */
  public static LocalStorage create() {
    return create(StorageSettings.defaults());
  }

  /**
   * Stages one channel for one host. For a {@code file://} prefix naming a directory that this host sees
   * entirely (FullyReplicated, or a single host) the result is that directory, untouched. Otherwise the files
   * are hard-linked, copied or downloaded into {@code scratchDir/<channelName>}, which must not exist yet or be
   * empty.
   *
   * @param channel the channel, with an {@code S3DataSource}
   * @param hostIndex this host's 0-based index ({@code algo-1} is 0)
   * @param hostCount the number of hosts, at least 1
   * @param scratchDir a directory this host owns, under which staged copies go
   * @return the directory to bind-mount read-only at {@code /opt/ml/input/data/<channelName>}
   * @throws StorageException when the channel's data cannot be found or read; the message names the channel
   *     and the URI
   * @throws IllegalArgumentException when {@code hostIndex} is not in {@code [0, hostCount)}
   */
  public StagedChannel stage(Channel channel, int hostIndex, int hostCount, Path scratchDir) {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(scratchDir, "scratchDir");
    if (hostCount < 1 || hostIndex < 0 || hostIndex >= hostCount) {
      throw new IllegalArgumentException(
          "hostIndex must be in [0, hostCount) and hostCount at least 1, got hostIndex " + hostIndex
              + " and hostCount " + hostCount);
    }
    return stager.stage(channel, hostIndex, hostCount, scratchDir);
  }

  /**
   * Copies everything under a checkpoint URI into a directory, before the job starts. The URI is taken as a
   * "directory"; a missing prefix copies nothing (a first run has no checkpoints), a missing bucket fails.
   *
   * @param uri the {@code CheckpointConfig.S3Uri}, {@code s3://} or {@code file://}
   * @param dir the host directory that will be bound at the checkpoint {@code LocalPath}; created if missing
   * @return the number of files copied
   * @throws StorageException when the URI cannot be read
   */
  public int copyIn(String uri, Path dir) {
    return checkpoints.copyIn(StorageUri.parse(uri, "CheckpointConfig.S3Uri"), dir);
  }

  /**
   * Uploads the files of a directory that are new or changed (by size or content) to a checkpoint URI, at the
   * end of a job or after a stop. Never deletes at the destination.
   *
   * @param dir the host checkpoint directory; nothing happens when it does not exist
   * @param uri the {@code CheckpointConfig.S3Uri}, {@code s3://} or {@code file://}
   * @return the number of files uploaded or copied
   * @throws StorageException when the URI cannot be written
   */
  public int syncOut(Path dir, String uri) {
    return checkpoints.syncOut(dir, StorageUri.parse(uri, "CheckpointConfig.S3Uri"));
  }

  /**
   * Merges directories into one {@code .tar.gz}: paths relative to each directory, first directory wins when
   * two hold different files at the same path (reported in the result).
   *
   * @param dirs the directories, in host order ({@code algo-1} first); each must exist
   * @param target the archive to write; its parent must exist
   * @return what was written
   * @throws StorageException when a directory is missing or a file cannot be read or written; no
   *     {@code target} is left behind
   */
  public PackageResult packageTarGz(List<Path> dirs, Path target) {
    return TarGzPacker.pack(List.copyOf(dirs), target);
  }

  /**
   * Puts a complete file at its final location, atomically: a reader sees either nothing or the whole file.
   *
   * @param file the local file
   * @param destinationUri where it goes, {@code s3://bucket/key} or {@code file:///path}
   * @return the destination URI
   * @throws StorageException when the destination cannot be written
   */
  public String publish(Path file, String destinationUri) {
    StorageUri dest = StorageUri.parse(destinationUri, "destination");
    if (dest.isS3()) {
      s3.upload(file, dest);
    } else {
      FileStore.publishAtomically(file, dest.path());
    }
    LOG.debug("Published {} to {}", file, dest);
    return dest.toString();
  }

  /**
   * Publishes the files of several directories, merged with the first-wins rule of
   * {@link #packageTarGz(List, Path)}, each at {@code <destinationPrefix>/<relative path>}, each atomically.
   *
   * @param dirs the directories, in host order
   * @param destinationPrefixUri the destination "directory", e.g. {@code s3://b/out/job/output/model/}
   * @return the conflicting relative paths (first host kept), empty when none
   * @throws StorageException when a directory is missing or a destination cannot be written
   */
  public List<String> publishDirectory(List<Path> dirs, String destinationPrefixUri) {
    StorageUri dest = StorageUri.parse(destinationPrefixUri, "destination").asDirectory();
    return FileStore.publishMerged(List.copyOf(dirs), dest, s3);
  }

  /**
   * Packages and publishes a job's outputs as SageMaker does: every host's model directory as
   * {@code <S3OutputPath>/<job>/output/model.tar.gz} (or, with {@code CompressionType NONE}, as files under
   * {@code .../output/model/}) and every host's output data directory as {@code .../output/output.tar.gz}.
   * Archives are built in {@code scratchDir} first, so a failure leaves nothing at the destination.
   *
   * @param config the request's {@code OutputDataConfig}; {@code S3OutputPath} is required
   * @param jobName the training job name
   * @param modelDirs each host's {@code /opt/ml/model} directory, in host order
   * @param outputDataDirs each host's {@code /opt/ml/output/data} directory, in host order
   * @param scratchDir a directory for the archives while they are built
   * @return where the artifacts are
   * @throws StorageException when packaging or publishing fails
   */
  public PublishedOutputs publishOutputs(
      OutputDataConfig config, String jobName, List<Path> modelDirs, List<Path> outputDataDirs, Path scratchDir) {
    String outputPath = config.s3OutputPath()
        .orElseThrow(() -> new StorageException("OutputDataConfig.S3OutputPath is required to publish outputs"));
    String base = StorageUri.parse(outputPath, "OutputDataConfig.S3OutputPath").asDirectory()
        .resolve(jobName + "/output/").toString();
    List<String> conflicts = new ArrayList<>();
    String modelUri;
    try {
      Files.createDirectories(scratchDir);
      if (config.compressionType().orElse(OutputCompressionType.GZIP) == OutputCompressionType.NONE) {
        modelUri = base + "model/";
        publishDirectory(modelDirs, modelUri).forEach(c -> conflicts.add("model/" + c));
      } else {
        Path model = scratchDir.resolve("model.tar.gz");
        packageTarGz(modelDirs, model).conflicts().forEach(c -> conflicts.add("model/" + c));
        modelUri = publish(model, base + "model.tar.gz");
        Files.deleteIfExists(model);
      }
      Path output = scratchDir.resolve("output.tar.gz");
      packageTarGz(outputDataDirs, output).conflicts().forEach(c -> conflicts.add("output/" + c));
      String outputUri = publish(output, base + "output.tar.gz");
      Files.deleteIfExists(output);
      return new PublishedOutputs(modelUri, outputUri, conflicts);
    } catch (java.io.IOException e) {
      throw new StorageException("Could not publish the outputs of training job \"" + jobName + "\" to "
          + base + ": " + e.getMessage(), e);
    }
  }

  /** Closes the S3 client and transfer manager, if they were created. Idempotent. */
  @Override
  public void close() {
    s3.close();
  }
}
