package dev.smtrain.local.internal;

import dev.smtrain.local.engine.ContainerEngine;
import dev.smtrain.local.engine.EngineLabels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what dead runner sessions left behind: their labelled containers and networks on the engine, then
 * their work directories. A session is dead when {@link SessionLease#isGone} says so.
 */
public final class OrphanReaper {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);
  private static final Pattern SESSION_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private OrphanReaper() {}

  /**
   * Removes the orphans.
   *
   * @param engine the engine
   * @param sessions the directory of lease files
   * @param workDirectory the runners' work directory, with one directory per session
   * @return the removed containers and networks
   */
  public static ContainerEngine.Removed remove(ContainerEngine engine, Path sessions, Path workDirectory) {
    ContainerEngine.Removed removed = engine.removeOrphans(labels -> labels.get(EngineLabels.JOB) != null
        && SessionLease.isGone(sessions, labels));
    if (!removed.containers().isEmpty() || !removed.networks().isEmpty()) {
      LOG.debug("removed orphaned containers {} and networks {}", removed.containers(), removed.networks());
    }
    removeWorkspaces(sessions, workDirectory);
    return removed;
  }

  private static void removeWorkspaces(Path sessions, Path workDirectory) {
    if (!Files.isDirectory(workDirectory)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(workDirectory)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        String session = dir.getFileName().toString();
        if (SESSION_ID.matcher(session).matches() && SessionLease.isGone(sessions, session, true)) {
          LOG.debug("removing the work directory {} of a dead runner session", dir);
          JobWorkspace.deleteTree(dir);
        }
      }
    } catch (IOException e) {
      LOG.debug("cannot list {}: {}", workDirectory, e.toString());
    }
  }
}
