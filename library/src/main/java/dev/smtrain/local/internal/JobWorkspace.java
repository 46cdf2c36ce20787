package dev.smtrain.local.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's directories on the engine's host: per host {@code algo-<i>/input/config}, {@code input/data},
 * {@code model}, {@code output/data} and {@code checkpoints}, bound into that host's container under
 * {@code /opt/ml}, and a {@code scratch} directory for staged inputs. Under
 * {@code <work directory>/<session>/<job>-<random>}, removed when the job ends.
 */
public final class JobWorkspace {

  private static final Logger LOG = LoggerFactory.getLogger(JobWorkspace.class);

  private final Path root;
  private final int hostCount;

  private JobWorkspace(Path root, int hostCount) {
    this.root = root;
    this.hostCount = hostCount;
  }

  /**
   * Creates the directories, writable by any user (the container's user may not be the runner's).
   *
   * @param sessionDir the runner session's directory
   * @param jobName the job
   * @param hostCount the number of hosts
   * @return the workspace
   */
  public static JobWorkspace create(Path sessionDir, String jobName, int hostCount) {
    Path root = sessionDir.resolve(jobName + "-" + UUID.randomUUID().toString().substring(0, 8));
    JobWorkspace ws = new JobWorkspace(root, hostCount);
    try {
      for (int i = 1; i <= hostCount; i++) {
        for (Path p : List.of(ws.config(i), ws.data(i), ws.model(i), ws.outputData(i), ws.checkpoints(i))) {
          Files.createDirectories(p);
        }
      }
      Files.createDirectories(ws.scratch());
      makeWritable(root);
    } catch (IOException e) {
      ws.delete();
      throw new UncheckedIOException("cannot create the job's work directory " + root + ": " + e.getMessage(), e);
    }
    return ws;
  }

  public Path root() {
    return root;
  }

  public int hostCount() {
    return hostCount;
  }

  /** The name of host {@code i} (1-based): {@code algo-i}. */
  public static String hostName(int i) {
    return "algo-" + i;
  }

  public Path host(int i) {
    return root.resolve(hostName(i));
  }

  /** Bound at {@code /opt/ml/input}. */
  public Path input(int i) {
    return host(i).resolve("input");
  }

  public Path config(int i) {
    return input(i).resolve("config");
  }

  public Path data(int i) {
    return input(i).resolve("data");
  }

  /** Bound at {@code /opt/ml/model}. */
  public Path model(int i) {
    return host(i).resolve("model");
  }

  /** Bound at {@code /opt/ml/output}. */
  public Path output(int i) {
    return host(i).resolve("output");
  }

  public Path outputData(int i) {
    return output(i).resolve("data");
  }

  /** Bound at the checkpoint {@code LocalPath}. */
  public Path checkpoints(int i) {
    return host(i).resolve("checkpoints");
  }

  public Path scratch() {
    return root.resolve("scratch");
  }

  /** Every host's directory of one kind, host 1 first. */
  public List<Path> each(java.util.function.IntFunction<Path> dir) {
    List<Path> dirs = new ArrayList<>();
    for (int i = 1; i <= hostCount; i++) {
      dirs.add(dir.apply(i));
    }
    return dirs;
  }

  /** Deletes the workspace; never follows symbolic links out of it. Problems are logged, not thrown. */
  public void delete() {
    deleteTree(root);
  }

  /** Deletes a directory tree, logging (DEBUG) what cannot be deleted. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      LOG.debug("cannot delete {} completely: {}", dir, e.toString());
    }
  }

  private static void makeWritable(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
      }
    } catch (UnsupportedOperationException e) {
      LOG.debug("no POSIX permissions on {}; containers running as another user may not write", root);
    }
  }
}
