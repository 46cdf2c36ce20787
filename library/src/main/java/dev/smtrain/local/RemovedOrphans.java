package dev.smtrain.local;

import java.util.List;

/**
 * What {@link LocalExecutor#removeOrphans()} removed.
 *
 * @param containers ids of the removed containers
 * @param networks names of the removed networks
 */
public record RemovedOrphans(List<String> containers, List<String> networks) {

  /**
   * Copies the lists.
   *
   * @param containers ids of the removed containers
   * @param networks names of the removed networks
   */
  public RemovedOrphans {
    containers = List.copyOf(containers);
    networks = List.copyOf(networks);
  }

  /**
   * Whether nothing was removed.
   *
   * @return {@code true} when both lists are empty
   */
  public boolean isEmpty() {
    return containers.isEmpty() && networks.isEmpty();
  }
}
