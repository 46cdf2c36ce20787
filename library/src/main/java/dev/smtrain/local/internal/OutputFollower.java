package dev.smtrain.local.internal;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.MetricEvent;
import dev.smtrain.local.engine.ContainerEngine;
import dev.smtrain.local.engine.LogStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage "follow logs and metrics": every line a container writes becomes a {@link LogEvent} (stream
 * {@code algo-<i>}) in the job's log and its listeners, a DEBUG line on the SLF4J logger
 * {@code dev.smtrain.local.job}, and is searched by the job's metric definitions.
 */
public final class OutputFollower implements AutoCloseable {

  /** The logger the containers' output goes to, at DEBUG, as {@code [job/algo-i] line}. */
  public static final Logger JOB_LOG = LoggerFactory.getLogger("dev.smtrain.local.job");
  private static final Logger LOG = LoggerFactory.getLogger(OutputFollower.class);

  private final LocalJob job;
  private final MetricExtractor metrics;
  private final List<LogStream> streams = new ArrayList<>();

  public OutputFollower(LocalJob job, MetricExtractor metrics) {
    this.job = job;
    this.metrics = metrics;
  }

  /**
   * Follows a container's output from its start.
   *
   * @param engine the engine
   * @param containerId the container
   * @param host its host name
   */
  public synchronized void follow(ContainerEngine engine, String containerId, String host) {
    streams.add(engine.followLogs(containerId, (source, line) -> line(host, line)));
  }

  void line(String host, String line) {
    Instant now = job.clock().instant();
    JOB_LOG.debug("[{}/{}] {}", job.name(), host, line);
    job.log(new LogEvent(job.name(), host, now, line));
    metrics.apply(line, (name, value) -> job.metric(new MetricEvent(job.name(), name, value, now)));
  }

  /**
   * Waits until every followed container's output has ended (after the containers exited), at most
   * {@code timeout} in all, so that the last lines and metrics are in before the final description.
   */
  public void awaitEnd(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<LogStream> copy;
    synchronized (this) {
      copy = List.copyOf(streams);
    }
    for (LogStream s : copy) {
      try {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !s.awaitCompletion(Duration.ofNanos(left))) {
          LOG.debug("training job {}: log stream still open after {}; closing it", job.name(), timeout);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public synchronized void close() {
    streams.forEach(LogStream::close);
    streams.clear();
  }
}
