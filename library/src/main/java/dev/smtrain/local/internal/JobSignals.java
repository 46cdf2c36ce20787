package dev.smtrain.local.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the runner waits for while a job trains: a user's stop request, and each container's exit. One lock, one
 * condition; {@link #awaitChange(long)} returns when either happens or the time is up.
 */
public final class JobSignals {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private boolean stopRequested;
  private final Map<Integer, Integer> exitCodes = new TreeMap<>();
  private long version;

  /** A user asked the job to stop. */
  public void requestStop() {
    lock.lock();
    try {
      stopRequested = true;
      version++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public boolean stopRequested() {
    lock.lock();
    try {
      return stopRequested;
    } finally {
      lock.unlock();
    }
  }

  /** The container of host {@code hostIndex} (0-based) exited with {@code code}. */
  public void exited(int hostIndex, int code) {
    lock.lock();
    try {
      exitCodes.put(hostIndex, code);
      version++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Exit codes by host index, of the containers that have exited. */
  public Map<Integer, Integer> exitCodes() {
    lock.lock();
    try {
      return Map.copyOf(exitCodes);
    } finally {
      lock.unlock();
    }
  }

  /** A counter that grows with every change; pass it to {@link #awaitChange(long, long)}. */
  public long version() {
    lock.lock();
    try {
      return version;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until something changed after {@code seen} (a {@link #version()}) or {@code nanos} pass; returns at
   * once when it already has, so no signal between reading the state and waiting is lost.
   *
   * @param seen the version the caller last looked at
   * @param nanos how long to wait at most
   * @throws InterruptedException when interrupted
   */
  public void awaitChange(long seen, long nanos) throws InterruptedException {
    lock.lock();
    try {
      long left = nanos;
      while (version == seen && left > 0) {
        left = changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }
}
