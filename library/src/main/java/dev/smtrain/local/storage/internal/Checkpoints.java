package dev.smtrain.local.storage.internal;

import dev.smtrain.local.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checkpoint directories: copied in before a job, synced out (new and changed files) after it. */
public final class Checkpoints {

  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

  private final S3Store s3;

  /**
   * Checkpoints over a store.
   *
   * @param s3 the S3 store
   */
  public Checkpoints(S3Store s3) {
    this.s3 = s3;
  }

  /**
   * Copies everything under {@code uri} into {@code dir}.
   *
   * @param uri the checkpoint URI
   * @param dir the directory
   * @return the number of files copied
   */
  public int copyIn(StorageUri uri, Path dir) {
    StorageUri from = uri.asDirectory();
    String where = "CheckpointConfig.S3Uri " + uri;
    try {
      Files.createDirectories(dir);
      if (from.isS3()) {
        List<S3Store.Transfer> downloads = new ArrayList<>();
        for (S3Store.ObjectInfo o : s3.list(from, "Copying checkpoints from " + uri)) {
          String rel = o.key().substring(from.key().length());
          Path target = KeyPaths.safeResolve(dir, rel).orElseThrow(() ->
              new StorageException(where + ": checkpoint key \"" + o.key() + "\" falls outside " + dir));
          downloads.add(new S3Store.Transfer(o.key(), target));
        }
        s3.downloadAll(from.bucket(), downloads, "Copying checkpoints from " + uri);
        LOG.debug("Copied {} checkpoint files from {} to {}", downloads.size(), uri, dir);
        return downloads.size();
      }
      if (!Files.isDirectory(from.path())) {
        LOG.debug("No checkpoints at {}", uri);
        return 0;
      }
      SortedMap<String, Path> files = MergedTree.of(List.of(from.path())).files();
      for (Map.Entry<String, Path> e : files.entrySet()) {
        Path target = dir.resolve(e.getKey());
        Files.createDirectories(target.getParent());
        Files.copy(e.getValue(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
      LOG.debug("Copied {} checkpoint files from {} to {}", files.size(), uri, dir);
      return files.size();
    } catch (IOException e) {
      throw new StorageException(where + ": could not copy checkpoints into " + dir + ": " + e, e);
    }
  }

  /**
   * Uploads the new and changed files of {@code dir} under {@code uri}.
   *
   * @param dir the directory
   * @param uri the checkpoint URI
   * @return the number of files written
   */
  public int syncOut(Path dir, StorageUri uri) {
    if (!Files.isDirectory(dir)) {
      LOG.debug("No checkpoint directory {}: nothing to sync to {}", dir, uri);
      return 0;
    }
    StorageUri to = uri.asDirectory();
    String where = "CheckpointConfig.S3Uri " + uri;
    SortedMap<String, Path> files = MergedTree.of(List.of(dir)).files();
    int written = 0;
    try {
      if (to.isS3()) {
        Map<String, S3Store.ObjectInfo> remote = s3.list(to, "Syncing checkpoints to " + uri).stream()
            .collect(Collectors.toMap(S3Store.ObjectInfo::key, Function.identity()));
        List<S3Store.Transfer> uploads = new ArrayList<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
          String key = to.key() + e.getKey();
          if (changed(e.getValue(), remote.get(key))) {
            uploads.add(new S3Store.Transfer(key, e.getValue()));
          }
        }
        s3.uploadAll(to.bucket(), uploads, "Syncing checkpoints to " + uri);
        written = uploads.size();
      } else {
        for (Map.Entry<String, Path> e : files.entrySet()) {
          Path target = to.path().resolve(e.getKey());
          if (!Files.isRegularFile(target) || Files.size(target) != Files.size(e.getValue())
              || Files.mismatch(target, e.getValue()) != -1L) {
            FileStore.publishAtomically(e.getValue(), target);
            written++;
          }
        }
      }
    } catch (IOException e) {
      throw new StorageException(where + ": could not sync checkpoints from " + dir + ": " + e, e);
    }
    LOG.debug("Synced {} of {} checkpoint files from {} to {}", written, files.size(), dir, uri);
    return written;
  }

  /** New, different size, or (single-part ETag) different MD5; multipart ETags are always re-uploaded. */
  private static boolean changed(Path file, S3Store.ObjectInfo remote) throws IOException {
    if (remote == null || remote.size() != Files.size(file)) {
      return true;
    }
    String etag = remote.eTag() == null ? "" : remote.eTag().replace("\"", "");
    if (etag.isEmpty() || etag.contains("-")) {
      return true;
    }
    return !etag.equalsIgnoreCase(md5(file));
  }

  private static String md5(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("MD5");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is always available", e);
    }
  }
}
