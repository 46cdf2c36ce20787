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
import java.util.concurrent.locks.ReentrantLock;

/**
 * A clock that moves only when told to, for {@link FakeExecutor}: waiting for a job advances it to the
 * job's end at once, and a test can {@link #advance(Duration)} it to watch a job progress. Thread-safe;
 * time never goes backwards. Starts at {@link #DEFAULT_START} unless told otherwise.
 */
public final class VirtualClock extends Clock {

  /** The default start, {@code 2025-01-01T00:00:00Z}, so that times in tests are the same on every run. */
  public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

  /** What moves with the clock: the fake's jobs. */
  interface Ticker {
    /** The first instant after {@code after} at which something happens that a listener hears of, or null. */
    Instant nextEvent(Instant after);

    /** Brings everything up to {@code now}. */
    void tick(Instant now);
  }

  /** The time and tickers, shared by the clock and its {@link #withZone} views. */
  private static final class State {
    final AtomicReference<Instant> now;
    final List<Ticker> tickers = new CopyOnWriteArrayList<>();
    final ReentrantLock moving = new ReentrantLock();

    State(Instant start) {
      now = new AtomicReference<>(start);
    }
  }

  private final State state;
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
    this(new State(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  private VirtualClock(State state, ZoneId zone) {
    this.state = state;
    this.zone = zone;
  }

  @Override
  public Instant instant() {
    return state.now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same clock (advancing one advances the other) seen in another zone. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new VirtualClock(state, Objects.requireNonNull(zone, "zone"));
  }

  /**
   * Moves the clock forward; jobs on it progress and their listeners are told, each event at its own
   * instant (so a listener that stops a job stops it when it heard of the event, not at the end of the move).
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
    state.moving.lock();
    try {
      return move(instant().plus(duration));
    } finally {
      state.moving.unlock();
    }
  }

  /**
   * Moves the clock forward to an instant, as {@link #advance(Duration)} does; an instant in the past leaves
   * it where it is.
   *
   * @param instant the time to reach
   * @return the new time (the later of {@code instant} and the current time)
   */
  public Instant advanceTo(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    state.moving.lock();
    try {
      return move(instant);
    } finally {
      state.moving.unlock();
    }
  }

  private Instant move(Instant target) {
    while (true) {
      Instant current = state.now.get();
      Instant next = null;
      for (Ticker t : state.tickers) {
        Instant e = t.nextEvent(current);
        if (e != null && (next == null || e.isBefore(next))) {
          next = e;
        }
      }
      if (next == null || !next.isBefore(target)) {
        Instant end = target.isAfter(current) ? target : current;
        state.now.set(end);
        fire(end);
        return end;
      }
      state.now.set(next);
      fire(next);
    }
  }

  /** Tells every ticker the current time again, after something changed (a submission, a stop). */
  void refresh() {
    state.moving.lock();
    try {
      fire(state.now.get());
    } finally {
      state.moving.unlock();
    }
  }

  void addTicker(Ticker ticker) {
    state.tickers.add(ticker);
  }

  void removeTicker(Ticker ticker) {
    state.tickers.remove(ticker);
  }

  private void fire(Instant t) {
    for (Ticker ticker : state.tickers) {
      ticker.tick(t);
    }
  }

  @Override
  public String toString() {
    return "VirtualClock[" + instant() + "]";
  }
}
