package dev.smtrain.local.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link LocalStorage#packageTarGz(List, Path)} wrote.
 *
 * @param archive the {@code .tar.gz} file written
 * @param fileCount the number of regular files in the archive
 * @param conflicts relative paths (with {@code /} separators) that more than one host directory held with
 *     <em>different</em> contents; the archive holds the first directory's file (the lowest host index) and
 *     the later ones were left out. Empty when no two hosts disagreed.
 */
public record PackageResult(Path archive, int fileCount, List<String> conflicts) {

  /**
   * Copies the list.
   *
   * @param archive the archive
   * @param fileCount the number of files
   * @param conflicts the conflicting paths
   */
  public PackageResult {
    Objects.requireNonNull(archive, "archive");
    conflicts = List.copyOf(conflicts);
  }
}
