package dev.smtrain.samples.quickstart;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Reads one file out of a job's {@code model.tar.gz}. */
final class ModelArchive {

  private ModelArchive() {}

  static String read(Path modelTarGz, String name) {
    try (InputStream file = new BufferedInputStream(Files.newInputStream(modelTarGz));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        String entry = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
        if (entry.equals(name) && e.isFile()) {
          return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + modelTarGz, e);
    }
    throw new IllegalStateException(modelTarGz + " has no " + name);
  }
}
