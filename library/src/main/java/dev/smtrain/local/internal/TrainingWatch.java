package dev.smtrain.local.internal;

import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.TrainingJobStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage "stop or finish": waits while the containers train, and ends training when every container has exited,
 * when one host failed (the others are stopped), when the user stops the job, or when
 * {@code MaxRuntimeInSeconds} has passed since training started. Stopping sends SIGTERM, waits the grace
 * period, then SIGKILL, to every container at once.
 */
public final class TrainingWatch {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingWatch.class);
  /** How long to wait for exit reports after the containers were stopped. */
  private static final Duration EXIT_REPORT_WAIT = Duration.ofSeconds(30);

  /** How training ended. */
  public enum End {
    /** Every container exited by itself (codes say whether the job failed). */
    EXITED,
    /** {@code StopTrainingJob}. */
    STOPPED,
    /** {@code MaxRuntimeInSeconds} passed. */
    MAX_RUNTIME_EXCEEDED
  }

  /**
   * How training ended and each host's exit code.
   *
   * @param end why it ended
   * @param exitCodes exit codes by host index (0-based)
   */
  public record Outcome(End end, Map<Integer, Integer> exitCodes) {

    /** Whether an exited job failed. */
    public boolean failed() {
      return end == End.EXITED && exitCodes.values().stream().anyMatch(c -> c != 0);
    }
  }

  private TrainingWatch() {}

  /**
   * Waits for the end of training.
   *
   * @param job the job
   * @param group its started containers
   * @param maxRuntime {@code MaxRuntimeInSeconds}, if set
   * @param grace the time between SIGTERM and SIGKILL
   * @return how training ended
   * @throws InterruptedException when the runner thread is interrupted
   */
  public static Outcome await(LocalJob job, ContainerGroup group, Optional<Duration> maxRuntime, Duration grace)
      throws InterruptedException {
    JobSignals signals = job.signals();
    int hosts = group.ids().size();
    long start = System.nanoTime();
    long limit = maxRuntime.map(Duration::toNanos).orElse(Long.MAX_VALUE);
    while (true) {
      long seen = signals.version();
      Map<Integer, Integer> codes = signals.exitCodes();
      if (codes.size() == hosts) {
        return new Outcome(End.EXITED, codes);
      }
      if (codes.values().stream().anyMatch(c -> c != 0)) {
        LOG.debug("training job {}: a host failed, stopping the others", job.name());
        group.stopAll(grace);
        return new Outcome(End.EXITED, awaitAll(signals, hosts));
      }
      if (signals.stopRequested()) {
        job.transition(TrainingJobStatus.STOPPING, SecondaryStatus.STOPPING, "Stopping the training job");
        group.stopAll(grace);
        return new Outcome(End.STOPPED, awaitAll(signals, hosts));
      }
      long elapsed = System.nanoTime() - start;
      if (elapsed >= limit) {
        job.transition(TrainingJobStatus.STOPPING, SecondaryStatus.STOPPING,
            "Stopping the training job: it ran longer than MaxRuntimeInSeconds ("
                + maxRuntime.orElseThrow().toSeconds() + ")");
        group.stopAll(grace);
        return new Outcome(End.MAX_RUNTIME_EXCEEDED, awaitAll(signals, hosts));
      }
      signals.awaitChange(seen, limit == Long.MAX_VALUE ? Long.MAX_VALUE : limit - elapsed);
    }
  }

  private static Map<Integer, Integer> awaitAll(JobSignals signals, int hosts) throws InterruptedException {
    long deadline = System.nanoTime() + EXIT_REPORT_WAIT.toNanos();
    while (true) {
      long seen = signals.version();
      Map<Integer, Integer> codes = signals.exitCodes();
      long left = deadline - System.nanoTime();
      if (codes.size() == hosts || left <= 0) {
        return codes;
      }
      signals.awaitChange(seen, left);
    }
  }
}
