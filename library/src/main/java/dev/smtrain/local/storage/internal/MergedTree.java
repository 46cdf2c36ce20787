package dev.smtrain.local.storage.internal;

import dev.smtrain.local.storage.StorageException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several host directories merged into one tree: the first directory's entry wins, identical files are kept
 * once, and paths where later directories disagree are reported as conflicts.
 *
 * @param entries relative path ({@code /}-separated) to the file, or {@code null} for a directory, sorted
 * @param conflicts the paths where a later directory held something different
 */
public record MergedTree(SortedMap<String, Path> entries, List<String> conflicts) {

  private static final Logger LOG = LoggerFactory.getLogger(MergedTree.class);

  /**
   * Merges directories.
   *
   * @param dirs the directories in host order; each must exist
   * @return the merged tree
   * @throws StorageException when a directory is missing or cannot be read
   */
  public static MergedTree of(List<Path> dirs) {
    SortedMap<String, Path> entries = new TreeMap<>();
    List<String> conflicts = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw new StorageException("Output directory " + dir + " does not exist or is not a directory");
      }
      try {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
            if (d.equals(dir)) {
              return FileVisitResult.CONTINUE;
            }
            String rel = relative(dir, d);
            if (entries.containsKey(rel) && entries.get(rel) != null) {
              conflicts.add(rel);
              return FileVisitResult.SKIP_SUBTREE;
            }
            entries.putIfAbsent(rel, null);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            // attrs describe the entry itself: a symlink a container left (say, to /etc/shadow) is skipped, never followed.
            if (!attrs.isRegularFile()) {
              LOG.debug("Skipping {}: not a regular file", f);
              return FileVisitResult.CONTINUE;
            }
            String rel = relative(dir, f);
            if (!entries.containsKey(rel)) {
              entries.put(rel, f);
            } else {
              Path first = entries.get(rel);
              if (first == null || Files.mismatch(first, f) != -1L) {
                conflicts.add(rel);
                LOG.debug("{} differs from {}: keeping the first host's file", f, first);
              }
            }
            return FileVisitResult.CONTINUE;
          }
        });
      } catch (IOException e) {
        throw new StorageException("Could not read output directory " + dir + ": " + e.getMessage(), e);
      }
    }
    return new MergedTree(entries, List.copyOf(conflicts));
  }

  /**
   * The files only.
   *
   * @return relative path to file, sorted
   */
  public SortedMap<String, Path> files() {
    SortedMap<String, Path> files = new TreeMap<>();
    entries.forEach((k, v) -> {
      if (v != null) {
        files.put(k, v);
      }
    });
    return files;
  }

  static String relative(Path dir, Path p) {
    return dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
  }
}
