package dev.smtrain.sagemaker.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a watch describes a job: first after {@code initial}, then each interval {@code multiplier}
 * times the last, at most {@code max}.
 *
 * @param initial the first interval
 * @param max the largest interval
 * @param multiplier the growth factor, at least 1
 */
public record Polling(Duration initial, Duration max, double multiplier) {

  /** SageMaker's own waiters poll every 120 s; jobs change slowly, so start at 5 s and back off to 60 s. */
  public static final Polling DEFAULT = new Polling(Duration.ofSeconds(5), Duration.ofSeconds(60), 1.5);

  /**
   * Checks the values.
   *
   * @param initial the first interval
   * @param max the largest interval
   * @param multiplier the growth factor
   */
  public Polling {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("the polling interval must be positive, got " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("the largest polling interval " + max + " is below the first " + initial);
    }
    if (!(multiplier >= 1)) {
      throw new IllegalArgumentException("the polling backoff multiplier must be at least 1, got " + multiplier);
    }
  }

  /**
   * The interval after {@code last}.
   *
   * @param last the last interval
   * @return the next interval
   */
  public Duration next(Duration last) {
    Duration grown = Duration.ofNanos((long) Math.min(Long.MAX_VALUE, last.toNanos() * multiplier));
    return grown.compareTo(max) > 0 ? max : grown;
  }
}
