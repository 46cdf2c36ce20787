package dev.smtrain.local.storage.internal;

import dev.smtrain.local.storage.PackageResult;
import dev.smtrain.local.storage.StorageException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Writes merged host directories as one {@code .tar.gz}, atomically. */
public final class TarGzPacker {

  private TarGzPacker() {}

  /**
   * Packs directories into an archive.
   *
   * @param dirs the directories, in host order
   * @param target the archive
   * @return what was written
   */
  public static PackageResult pack(List<Path> dirs, Path target) {
    MergedTree tree = MergedTree.of(dirs);
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    int files = 0;
    try {
      temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
          GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (Map.Entry<String, Path> e : tree.entries().entrySet()) {
          Path file = e.getValue();
          if (file == null) {
            TarArchiveEntry entry = new TarArchiveEntry(e.getKey() + "/");
            entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
            continue;
          }
          TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
          entry.setSize(Files.size(file));
          entry.setModTime(Files.getLastModifiedTime(file));
          entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE | (Files.isExecutable(file) ? 0111 : 0));
          tar.putArchiveEntry(entry);
          Files.copy(file, tar);
          tar.closeArchiveEntry();
          files++;
        }
        tar.finish();
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      return new PackageResult(target, files, tree.conflicts());
    } catch (IOException e) {
      throw new StorageException("Could not write " + target + " from " + dirs + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: the temporary file is hidden and named .partial
        }
      }
    }
  }
}
