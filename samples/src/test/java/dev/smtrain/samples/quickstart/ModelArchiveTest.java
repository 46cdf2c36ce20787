package dev.smtrain.samples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArchiveTest {

  @TempDir
  Path dir;

  private Path archive(String... namesAndContents) throws IOException {
    Path file = dir.resolve("model.tar.gz");
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(namesAndContents[i]);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return file;
  }

  @Test
  void read_whenEntryHasDotSlashPrefix_findsIt() throws IOException {
    Path file = archive("./other.txt", "x", "./model.json", "{\"a\":1}");

    assertEquals("{\"a\":1}", ModelArchive.read(file, "model.json"));
  }

  @Test
  void read_whenEntryMissing_namesArchiveAndEntry() throws IOException {
    Path file = archive("weights.bin", "x");

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModelArchive.read(file, "model.json"));

    assertTrue(e.getMessage().contains("model.tar.gz has no model.json"), e.getMessage());
  }
}
