package dev.smtrain.local.internal;

import dev.smtrain.local.engine.EngineLabels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runner session's proof of life: the file {@code <sessions>/<session>.lease}, locked by the runner's JVM
 * for as long as it lives. The operating system drops the lock when the process dies, however it dies
 * ({@code kill -9} included), so another runner can tell a live session from a dead one: a lease it can lock,
 * or none at all on this host, belongs to a session that is gone. Sessions of this JVM are always alive.
 */
public final class SessionLease implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SessionLease.class);
  /** Label with the host name of the runner that made a container, so only its own host judges its lease. */
  public static final String HOST_LABEL = "dev.smtrain.session.host";
  private static final Set<String> THIS_JVM = ConcurrentHashMap.newKeySet();

  private final String session;
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private SessionLease(String session, Path file, FileChannel channel, FileLock lock) {
    this.session = session;
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Starts a new session and takes its lease.
   *
   * @param sessions the directory of lease files, shared by every runner on this host using the same engine
   * @return the lease
   */
  public static SessionLease acquire(Path sessions) {
    String session = EngineLabels.newSession();
    Path file = sessions.resolve(session + ".lease");
    try {
      Files.createDirectories(sessions);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      FileLock lock = channel.lock();
      channel.write(java.nio.ByteBuffer.wrap(("pid=" + ProcessHandle.current().pid() + "\nhost=" + hostName()
          + "\n").getBytes(StandardCharsets.UTF_8)));
      THIS_JVM.add(session);
      return new SessionLease(session, file, channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the runner session lease " + file + ": " + e.getMessage(), e);
    }
  }

  public String session() {
    return session;
  }

  /**
   * Whether a session (of any runner) is gone, judged from the labels of something it made.
   *
   * @param sessions the directory of lease files
   * @param labels the container's or network's labels
   * @return {@code true} when its runner is certainly gone
   */
  public static boolean isGone(Path sessions, java.util.Map<String, String> labels) {
    String session = labels.get(EngineLabels.SESSION);
    if (session == null || THIS_JVM.contains(session) || session.contains("/") || session.contains("..")) {
      return false;
    }
    Path file = sessions.resolve(session + ".lease");
    if (!Files.exists(file)) {
      return hostName().equals(labels.get(HOST_LABEL));
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      // The owner locks before it writes its pid: an empty lease may be one whose owner is about to lock it.
      boolean written = channel.size() > 0
          || Files.getLastModifiedTime(file).toInstant().isBefore(java.time.Instant.now().minusSeconds(60));
      lock.release();
      if (!written) {
        return false;
      }
      Files.deleteIfExists(file);
      return true;
    } catch (OverlappingFileLockException e) {
      return false;
    } catch (IOException e) {
      LOG.debug("cannot check lease {}: {}", file, e.toString());
      return false;
    }
  }

  /** This machine's host name, as recorded on containers. */
  public static String hostName() {
    return HostName.VALUE;
  }

  private static final class HostName {
    static final String VALUE = lookUp();
  }

  private static String lookUp() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  /** Ends the session: releases and deletes the lease. */
  @Override
  public void close() {
    THIS_JVM.remove(session);
    try {
      lock.release();
      channel.close();
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.debug("cannot release lease {}: {}", file, e.toString());
    }
  }
}
