package dev.smtrain.samples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdmissionsDataSetTest {

  @Test
  void generate_whenRun_equalsTheCommittedFiles() {
    String[] generated = AdmissionsDataSet.generate();

    assertEquals(generated[0], new String(QuickstartFiles.resource("data/train.csv"), StandardCharsets.US_ASCII));
    assertEquals(generated[1],
        new String(QuickstartFiles.resource("data/validation.csv"), StandardCharsets.US_ASCII));
  }

  @Test
  void generate_whenRun_hasHeaderRowCountsAndBothClasses() {
    String[] generated = AdmissionsDataSet.generate();
    List<String> train = generated[0].lines().toList();
    List<String> validation = generated[1].lines().toList();

    assertEquals(AdmissionsDataSet.HEADER, train.get(0));
    assertEquals(401, train.size());
    assertEquals(101, validation.size());
    long admitted = train.stream().skip(1).filter(l -> l.endsWith(",1")).count();
    assertTrue(admitted > 120 && admitted < 280, "roughly balanced classes, got " + admitted + " of 400");
  }

  @Test
  void write_whenDirectoryMissing_createsItWithBothFiles(@TempDir Path dir) throws IOException {
    AdmissionsDataSet.write(dir.resolve("data"));

    assertEquals(AdmissionsDataSet.generate()[1], Files.readString(dir.resolve("data/validation.csv")));
    assertEquals(401, Files.readAllLines(dir.resolve("data/train.csv")).size());
  }
}
