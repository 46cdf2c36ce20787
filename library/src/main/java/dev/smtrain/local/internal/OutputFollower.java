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
 * {@code dev.smtrain.local.job}, and is searched by the job's metric definitions. Lines of one stream keep their
 * order; stdout and stderr are separate pipes, so the engine does not keep their relative order (nor does
 * CloudWatch on SageMaker), and a metric's final value is the last one read.
 */
public final class OutputFollower implements AutoCloseable {

  /** The logger the containers' output goes to, at DEBUG, as {@code [job/algo-i] line}. */
  public static final Logger JOB_LOG = LoggerFactory.getLogger("dev.smtrain.local.job");
  private static final Logger LOG = LoggerFactory.getLogger(OutputFollower.class);

  private final LocalJob job;
  private final MetricExtractor metrics;
  private record Followed(ContainerEngine engine, String containerId, LogStream stream) {}

  private final List<Followed> streams = new ArrayList<>();

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
    streams.add(new Followed(engine, containerId, engine.followLogs(containerId, (source, line) -> line(host, line))));
  }

  void line(String host, String line) {
    Instant now = job.clock().instant();
    JOB_LOG.debug("[{}/{}] {}", job.name(), host, line);
    job.log(new LogEvent(job.name(), host, now, line));
    metrics.apply(line, (name, value) -> job.metric(new MetricEvent(job.name(), name, value, now)));
  }

  /**
   * Ends the output of containers that have exited: waits for each followed stream to end, then reads the log
   * once more for anything the followed stream missed ({@link ContainerEngine#finishLogs}), so that the last
   * lines and metrics are in before the final description. At most {@code timeout} per container.
   *
   * @param timeout how long to wait for each container's output
   */
  public void awaitEnd(Duration timeout) {
    List<Followed> copy;
    synchronized (this) {
      copy = List.copyOf(streams);
    }
    for (Followed f : copy) {
      try {
        f.engine().finishLogs(f.containerId(), f.stream(), timeout);
      } catch (RuntimeException e) {
        LOG.debug("training job {}: cannot finish the log of {}: {}", job.name(), f.containerId(), e.toString());
      }
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  @Override
  public synchronized void close() {
    streams.forEach(f -> f.stream().close());
    streams.clear();
  }
}
