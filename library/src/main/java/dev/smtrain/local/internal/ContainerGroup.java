package dev.smtrain.local.internal;

import dev.smtrain.local.engine.ContainerEngine;
import dev.smtrain.local.engine.ContainerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages "create network and containers", "start" and "remove": the job's containers on the engine, host 1
 * first. Knows what it created, so {@link #close()} removes exactly that, whatever happened in between.
 */
public final class ContainerGroup implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ContainerGroup.class);

  private final ContainerEngine engine;
  private final ExecutorService threads;
  private final List<String> ids = new ArrayList<>();
  private String network;

  public ContainerGroup(ContainerEngine engine, ExecutorService threads) {
    this.engine = engine;
    this.threads = threads;
  }

  /**
   * Creates the job's internal network.
   *
   * @param name the network's name
   * @param labels its labels
   */
  public synchronized void createNetwork(String name, Map<String, String> labels) {
    engine.ensureNetwork(name, labels);
    network = name;
  }

  /**
   * Creates one container (not started); they are kept in creation order.
   *
   * @param spec the container
   * @return its id
   */
  public synchronized String create(ContainerSpec spec) {
    String id = engine.createContainer(spec);
    ids.add(id);
    return id;
  }

  public synchronized List<String> ids() {
    return List.copyOf(ids);
  }

  /**
   * Starts every container, host 1 first, and for each one a thread that waits for its exit and reports it.
   *
   * @param signals told about each exit, by host index (0-based)
   * @param started called with each container's index and id right after it started
   */
  public void start(JobSignals signals, java.util.function.ObjIntConsumer<String> started) {
    List<String> all = ids();
    for (int i = 0; i < all.size(); i++) {
      String id = all.get(i);
      int index = i;
      engine.start(id);
      started.accept(id, index);
      threads.execute(() -> {
        int code;
        try {
          code = engine.waitFor(id);
        } catch (RuntimeException e) {
          LOG.debug("waiting for container {} failed: {}", id, e.toString());
          code = -1;
        }
        signals.exited(index, code);
      });
    }
  }

  /**
   * Stops every container: SIGTERM, {@code grace}, then SIGKILL; all at once.
   *
   * @param grace how long each may take to exit after SIGTERM
   */
  public void stopAll(Duration grace) {
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    for (String id : ids()) {
      stops.add(CompletableFuture.runAsync(() -> {
        try {
          engine.stop(id, grace);
        } catch (RuntimeException e) {
          LOG.debug("stopping container {} failed: {}", id, e.toString());
        }
      }, threads));
    }
    CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
  }

  /** Removes the containers, then the network; failures are logged (DEBUG) and the rest still removed. */
  @Override
  public synchronized void close() {
    for (String id : ids) {
      try {
        engine.remove(id);
      } catch (RuntimeException e) {
        LOG.debug("removing container {} failed: {}", id, e.toString());
      }
    }
    ids.clear();
    if (network != null) {
      try {
        engine.removeNetwork(network);
      } catch (RuntimeException e) {
        LOG.debug("removing network {} failed: {}", network, e.toString());
      }
      network = null;
    }
  }
}
