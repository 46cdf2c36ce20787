package dev.smtrain.local.storage.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** SageMaker's key-prefix rules: where an object lands, which host gets it, in what order. */
public final class KeyPaths {

  /** Orders keys by their UTF-8 bytes, as S3's ListObjectsV2 does. */
  public static final Comparator<String> UTF8_ORDER = (a, b) -> Arrays.compareUnsigned(
      a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private KeyPaths() {}

  /**
   * The path of an object in the channel directory: relative to the prefix when the key continues it with a
   * {@code /} (or the prefix ends with one), else relative to the prefix's parent "directory".
   *
   * @param prefix the key prefix, possibly empty
   * @param key a key starting with {@code prefix}
   * @return the relative path, {@code /}-separated
   */
  public static String relativePath(String prefix, String key) {
    String rest = key.substring(prefix.length());
    if (prefix.isEmpty() || prefix.endsWith("/")) {
      return rest;
    }
    if (rest.startsWith("/")) {
      return rest.substring(1);
    }
    return key.substring(prefix.lastIndexOf('/') + 1);
  }

  /**
   * Whether object {@code index} (0-based, in sorted order) belongs to host {@code hostIndex} under
   * ShardedByS3Key: object {@code i} goes to host {@code i mod hostCount}.
   *
   * @param index the object's index
   * @param hostIndex the host's 0-based index
   * @param hostCount the number of hosts
   * @return whether the host gets the object
   */
  public static boolean belongsTo(int index, int hostIndex, int hostCount) {
    return index % hostCount == hostIndex;
  }

  /**
   * Resolves a relative object path under a directory, refusing paths that would leave it.
   *
   * @param dir the directory
   * @param relative the {@code /}-separated relative path
   * @return the resolved path, or empty when the relative path is empty, absolute or escapes {@code dir}
   */
  public static Optional<Path> safeResolve(Path dir, String relative) {
    if (relative.isEmpty() || relative.startsWith("/")) {
      return Optional.empty();
    }
    List<String> segments = Arrays.asList(relative.split("/"));
    if (segments.contains("..") || segments.contains(".")) {
      return Optional.empty();
    }
    Path resolved = dir.resolve(relative).normalize();
    return resolved.startsWith(dir.normalize()) && !resolved.equals(dir.normalize())
        ? Optional.of(resolved) : Optional.empty();
  }
}
