package dev.smtrain.local.storage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Test helper: reads a {@code .tar.gz} into memory, in archive order.
 *
 * @param files entry name to content, for regular files
 * @param modes entry name to permission bits (e.g. {@code 0755}), for every entry
 */
public record TarContents(Map<String, byte[]> files, Map<String, Integer> modes) {

  /**
   * Reads an archive.
   *
   * @param archive a gzip-compressed tar file
   * @return its entries
   * @throws IOException when it cannot be read
   */
  public static TarContents read(Path archive) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(archive))) {
      return read(in);
    }
  }

  /**
   * Reads an archive.
   *
   * @param gzippedTar the bytes of a gzip-compressed tar
   * @return its entries
   * @throws IOException when they cannot be read
   */
  public static TarContents read(byte[] gzippedTar) throws IOException {
    return read(new java.io.ByteArrayInputStream(gzippedTar));
  }

  private static TarContents read(InputStream in) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    Map<String, Integer> modes = new LinkedHashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        modes.put(e.getName(), e.getMode() & 07777);
        if (e.isFile()) {
          files.put(e.getName(), tar.readAllBytes());
        }
      }
    }
    return new TarContents(files, modes);
  }

  /**
   * A file's content as UTF-8.
   *
   * @param name the entry name
   * @return the content, or {@code null} when absent
   */
  public String text(String name) {
    byte[] b = files.get(name);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }
}
