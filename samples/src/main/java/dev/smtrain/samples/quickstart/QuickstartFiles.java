package dev.smtrain.samples.quickstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The quick start's files, shipped as class path resources next to this class. */
final class QuickstartFiles {

  private QuickstartFiles() {}

  static byte[] resource(String name) {
    try (InputStream in = QuickstartFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the quick start's resource " + name + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the quick start's resource " + name, e);
    }
  }

  /**
   * Copies the data set into {@code <workDir>/data/train/train.csv} and
   * {@code <workDir>/data/validation/validation.csv}, the two channels' directories.
   */
  static Path copyDataSet(Path workDir) {
    Path data = workDir.resolve("data");
    try {
      for (String channel : new String[] {"train", "validation"}) {
        Path dir = Files.createDirectories(data.resolve(channel));
        Path tmp = Files.createTempFile(dir, "." + channel, ".part");
        Files.write(tmp, resource("data/" + channel + ".csv"));
        Files.move(tmp, dir.resolve(channel + ".csv"), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the data set to " + data, e);
    }
    return data;
  }
}
