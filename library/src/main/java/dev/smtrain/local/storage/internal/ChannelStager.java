package dev.smtrain.local.storage.internal;

import dev.smtrain.local.storage.StagedChannel;
import dev.smtrain.local.storage.StorageException;
import dev.smtrain.model.Channel;
import dev.smtrain.model.S3DataDistribution;
import dev.smtrain.model.S3DataSource;
import dev.smtrain.model.S3DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stages one channel for one host; see the package documentation of {@code dev.smtrain.local.storage}. */
public final class ChannelStager {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelStager.class);

  /** An object to stage: its path in the channel and where it comes from (a key or a file). */
  private record Source(String relative, String bucket, String key, Path file) {}

  private final S3Store s3;

  /**
   * A stager.
   *
   * @param s3 the S3 store
   */
  public ChannelStager(S3Store s3) {
    this.s3 = s3;
  }

  /**
   * Stages a channel; arguments are checked by the caller.
   *
   * @param channel the channel
   * @param hostIndex the host's 0-based index
   * @param hostCount the number of hosts
   * @param scratchDir the host's scratch directory
   * @return the staged channel
   */
  public StagedChannel stage(Channel channel, int hostIndex, int hostCount, Path scratchDir) {
    String name = channel.channelName().orElseThrow(() -> new StorageException("Channel has no ChannelName"));
    S3DataSource ds = channel.dataSource().flatMap(d -> d.s3DataSource()).orElseThrow(() ->
        new StorageException(channelLabel(name) + ": only DataSource.S3DataSource can be staged locally"
            + " (FileSystemDataSource needs EFS or FSx for Lustre)"));
    String uriText = ds.s3Uri().orElseThrow(() ->
        new StorageException(channelLabel(name) + ": DataSource.S3DataSource.S3Uri is required"));
    StorageUri uri = StorageUri.parse(uriText, channelLabel(name) + " DataSource.S3DataSource.S3Uri");
    S3DataType type = ds.s3DataType().orElse(S3DataType.S3_PREFIX);
    boolean sharded = ds.s3DataDistributionType().orElse(S3DataDistribution.FULLY_REPLICATED)
        == S3DataDistribution.SHARDED_BY_S3_KEY && hostCount > 1;
    String where = channelLabel(name) + " (" + uri + ")";
    List<Source> all;
    switch (type) {
      case S3_PREFIX -> {
        if (!uri.isS3() && Files.isDirectory(uri.path())) {
          if (!sharded) {
            requireAnyFile(name, uri);
            LOG.debug("{}: binding {} as is", where, uri.path());
            return new StagedChannel(name, uri.path(), true, -1, -1);
          }
        }
        all = listPrefix(uri, where);
        if (all.isEmpty()) {
          throw noObjects(name, uri);
        }
      }
      case MANIFEST_FILE -> all = readManifest(uri, where);
      default -> throw new StorageException(where + ": S3DataType "
          + (type.value() == null ? "(unknown)" : type.value())
          + " is not supported by the local runner (use S3Prefix or ManifestFile)");
    }
    // Check every object, not only this host's, so that all hosts fail alike and before anything is written.
    Path channelDir = scratchDir.resolve(name);
    Map<Path, Source> byPath = new LinkedHashMap<>();
    for (Source s : all) {
      Path p = KeyPaths.safeResolve(channelDir, s.relative()).orElseThrow(() -> new StorageException(
          channelLabel(name) + ": object path \"" + s.relative() + "\" would fall outside the channel directory"));
      Source previous = byPath.putIfAbsent(p, s);
      if (previous != null) {
        throw new StorageException(channelLabel(name) + ": two objects map to the same file \"" + s.relative()
            + "\": " + describe(previous) + " and " + describe(s));
      }
    }
    Map<Path, Source> placed = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<Path, Source> e : byPath.entrySet()) {
      if (!sharded || KeyPaths.belongsTo(i, hostIndex, hostCount)) {
        placed.put(e.getKey(), e.getValue());
      }
      i++;
    }
    Path target = prepareTarget(channelDir, where);
    long bytes;
    try {
      bytes = transfer(placed, uri, where);
    } catch (RuntimeException e) {
      deleteQuietly(target);
      throw e;
    }
    LOG.debug("{}: staged {} of {} objects ({} bytes) for host {} of {} in {}", where, placed.size(), all.size(),
        bytes, hostIndex + 1, hostCount, target);
    return new StagedChannel(name, target, false, placed.size(), bytes);
  }

  private static String channelLabel(String name) {
    return "Channel \"" + name + "\"";
  }

  private static String describe(Source s) {
    return s.key != null ? "s3://" + s.bucket + "/" + s.key : s.file.toString();
  }

  private List<Source> listPrefix(StorageUri uri, String where) {
    List<Source> out = new ArrayList<>();
    if (uri.isS3()) {
      for (S3Store.ObjectInfo o : s3.list(uri, where)) {
        out.add(new Source(KeyPaths.relativePath(uri.key(), o.key()), uri.bucket(), o.key(), null));
      }
      out.sort((a, b) -> KeyPaths.UTF8_ORDER.compare(a.key, b.key));
      return out;
    }
    Path path = uri.path();
    Path root;
    String prefix;
    if (Files.isDirectory(path)) {
      root = path;
      prefix = "";
    } else {
      root = path.getParent();
      prefix = path.getFileName().toString() + (uri.endsWithSlash() ? "/" : "");
    }
    try {
      for (FileStore.Entry e : FileStore.list(root, prefix)) {
        out.add(new Source(KeyPaths.relativePath(prefix, e.key()), null, null, e.file()));
      }
    } catch (IOException e) {
      throw new StorageException(where + ": could not list files: " + e, e);
    }
    return out;
  }

  private List<Source> readManifest(StorageUri uri, String where) {
    byte[] bytes;
    if (uri.isS3()) {
      bytes = s3.read(uri, where + " reading the manifest");
    } else {
      try {
        bytes = Files.readAllBytes(uri.path());
      } catch (IOException e) {
        throw new StorageException(where + ": could not read the manifest file: " + e, e);
      }
    }
    Manifest m = Manifest.parse(bytes, where + " manifest");
    StorageUri prefix = StorageUri.parse(m.prefix(), where + " manifest prefix");
    if (m.keys().isEmpty()) {
      throw new StorageException(where + ": the manifest lists no objects under " + m.prefix());
    }
    List<Source> out = new ArrayList<>();
    for (String key : m.keys()) {
      StorageUri object = prefix.resolve(key);
      if (object.isS3()) {
        out.add(new Source(key, object.bucket(), object.key(), null));
      } else {
        if (!Files.isRegularFile(object.path())) {
          throw new StorageException(where + ": the manifest lists " + object + ", which is not a file");
        }
        out.add(new Source(key, null, null, object.path()));
      }
    }
    return out;
  }

  private long transfer(Map<Path, Source> placed, StorageUri uri, String where) {
    if (placed.isEmpty()) {
      return 0;
    }
    Source any = placed.values().iterator().next();
    if (any.key != null) {
      String bucket = any.bucket;
      List<S3Store.Transfer> downloads = new ArrayList<>();
      placed.forEach((p, s) -> downloads.add(new S3Store.Transfer(s.key, p)));
      s3.downloadAll(bucket, downloads, where);
      long bytes = 0;
      for (Path p : placed.keySet()) {
        bytes += p.toFile().length();
      }
      return bytes;
    }
    Map<Path, Path> links = new LinkedHashMap<>();
    placed.forEach((p, s) -> links.put(p, s.file));
    try {
      return FileStore.linkOrCopy(links);
    } catch (IOException e) {
      throw new StorageException(where + ": could not stage files: " + e, e);
    }
  }

  private static Path prepareTarget(Path target, String where) {
    try {
      Files.createDirectories(target);
      try (Stream<Path> s = Files.list(target)) {
        if (s.findAny().isPresent()) {
          throw new StorageException(where + ": staging directory " + target + " is not empty");
        }
      }
      return target;
    } catch (IOException e) {
      throw new StorageException(where + ": could not create staging directory " + target + ": " + e, e);
    }
  }

  /** Removes a half-staged channel directory, so that a failure leaves no partial files behind. */
  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.debug("Could not delete {}: {}", p, e.toString());
        }
      });
    } catch (IOException e) {
      LOG.debug("Could not clean up {}: {}", dir, e.toString());
    }
  }

  private static void requireAnyFile(String name, StorageUri uri) {
    try (Stream<Path> walk = Files.walk(uri.path())) {
      if (walk.noneMatch(Files::isRegularFile)) {
        throw noObjects(name, uri);
      }
    } catch (IOException e) {
      throw new StorageException(channelLabel(name) + ": could not read " + uri + ": " + e, e);
    }
  }

  private static StorageException noObjects(String name, StorageUri uri) {
    return new StorageException(channelLabel(name) + ": No S3 objects found under S3 URL \"" + uri + "\"");
  }
}
