package dev.smtrain.local.storage.internal;

import dev.smtrain.local.storage.StorageException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code file://} side: listing with key-prefix semantics, hard-link staging, atomic publishing. */
public final class FileStore {

  private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);

  /** A file and the key it has relative to the listing root. */
  public record Entry(String key, Path file) {}

  private FileStore() {}

  /**
   * Lists the regular files under {@code root} whose {@code /}-separated path relative to {@code root} starts
   * with {@code prefix}, in UTF-8 order of that path.
   *
   * @param root the directory standing for the bucket
   * @param prefix the key prefix relative to {@code root}, possibly empty
   * @return the files; empty when {@code root} does not exist
   * @throws IOException when a directory cannot be read
   */
  public static List<Entry> list(Path root, String prefix) throws IOException {
    List<Entry> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    String first = prefix.contains("/") ? prefix.substring(0, prefix.indexOf('/')) : prefix;
    try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
      for (Path child : children) {
        if (!child.getFileName().toString().startsWith(first)) {
          continue;
        }
        try (Stream<Path> walk = Files.walk(child)) {
          walk.filter(Files::isRegularFile).forEach(f -> {
            String key = MergedTree.relative(root, f);
            if (key.startsWith(prefix)) {
              out.add(new Entry(key, f));
            }
          });
        }
      }
    }
    out.sort((a, b) -> KeyPaths.UTF8_ORDER.compare(a.key(), b.key()));
    return out;
  }

  /**
   * Makes each source file visible at its target path: a hard link to the real file when the filesystem
   * allows, else a copy.
   *
   * @param files target path to source file
   * @return the bytes made visible
   * @throws IOException when a file can be neither linked nor copied
   */
  public static long linkOrCopy(Map<Path, Path> files) throws IOException {
    boolean link = true;
    long bytes = 0;
    for (Map.Entry<Path, Path> e : files.entrySet()) {
      Path target = e.getKey();
      Path source = e.getValue().toRealPath();
      Files.createDirectories(target.getParent());
      if (link) {
        try {
          Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException ex) {
          LOG.debug("Cannot hard-link {} at {} ({}); copying instead", source, target, ex.toString());
          link = false;
        }
      }
      if (!link) {
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
      }
      bytes += Files.size(target);
    }
    return bytes;
  }

  /**
   * Copies {@code file} to {@code dest} so that {@code dest} appears only when complete: a hidden temporary
   * file in the destination directory, then an atomic move.
   *
   * @param file the source
   * @param dest the destination
   * @throws StorageException when it cannot be written; no temporary file is left behind
   */
  public static void publishAtomically(Path file, Path dest) {
    Path temp = null;
    try {
      Path dir = dest.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + dest.getFileName() + ".", ".partial");
      Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(temp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
    } catch (IOException e) {
      throw new StorageException("Could not write " + dest.toUri() + ": " + e, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: the temporary file is hidden and named .partial
        }
      }
    }
  }

  /**
   * Publishes merged directories file by file under a destination "directory".
   *
   * @param dirs the directories in host order
   * @param dest the destination, ending in {@code /}
   * @param s3 the S3 store, for {@code s3://} destinations
   * @return the conflicting relative paths
   */
  public static List<String> publishMerged(List<Path> dirs, StorageUri dest, S3Store s3) {
    MergedTree tree = MergedTree.of(dirs);
    if (dest.isS3()) {
      List<S3Store.Transfer> uploads = new ArrayList<>();
      tree.files().forEach((rel, file) -> uploads.add(new S3Store.Transfer(dest.key() + rel, file)));
      s3.uploadAll(dest.bucket(), uploads, "Publishing to " + dest);
    } else {
      tree.files().forEach((rel, file) -> publishAtomically(file, dest.path().resolve(rel)));
    }
    return tree.conflicts();
  }
}
