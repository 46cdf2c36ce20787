package dev.smtrain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A clock that moves only when told to, for {@link FakeExecutor}: waiting for a job advances it to the
 * job's end at once, and a test can {@link #advance(Duration)} it to watch a job progress. Thread-safe;
 * time never goes backwards. Starts at {@link #DEFAULT_START} unless told otherwise.
 */
public final class VirtualClock extends Clock {

  /** The default start, {@code 2025-01-01T00:00:00Z}, so that times in tests are the same on every run. */
  public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

  private final AtomicReference<Instant> now;
  private final List<Consumer<Instant>> listeners;
  private final ZoneId zone;

  /** A clock at {@link #DEFAULT_START}. */
  public VirtualClock() {
    this(DEFAULT_START);
  }

  /**
   * A clock at a given instant.
   *
   * @param start the first instant
   */
  public VirtualClock(Instant start) {
    this(new AtomicReference<>(Objects.requireNonNull(start, "start")), new CopyOnWriteArrayList<>(),
        ZoneOffset.UTC);
  }

  private VirtualClock(AtomicReference<Instant> now, List<Consumer<Instant>> listeners, ZoneId zone) {
    this.now = now;
    this.listeners = listeners;
    this.zone = zone;
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same clock (advancing one advances the other) seen in another zone. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new VirtualClock(now, listeners, Objects.requireNonNull(zone, "zone"));
  }

  /**
   * Moves the clock forward; jobs on it progress and their listeners are told.
   *
   * @param duration how far, zero or more
   * @return the new time
   * @throws IllegalArgumentException when {@code duration} is negative
   */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("VirtualClock.advance: duration must not be negative, was " + duration);
    }
    Instant t = now.updateAndGet(n -> n.plus(duration));
    fire(t);
    return t;
  }

  /**
   * Moves the clock forward to an instant; an instant in the past leaves it where it is.
   *
   * @param instant the time to reach
   * @return the new time (the later of {@code instant} and the current time)
   */
  public Instant advanceTo(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    Instant t = now.updateAndGet(n -> instant.isAfter(n) ? instant : n);
    fire(t);
    return t;
  }

  /** Called with the new time after every move; used by the fake to progress its jobs. */
  void addListener(Consumer<Instant> listener) {
    listeners.add(listener);
  }

  void removeListener(Consumer<Instant> listener) {
    listeners.remove(listener);
  }

  private void fire(Instant t) {
    for (Consumer<Instant> l : listeners) {
      l.accept(t);
    }
  }

  @Override
  public String toString() {
    return "VirtualClock[" + now.get() + "]";
  }
}
