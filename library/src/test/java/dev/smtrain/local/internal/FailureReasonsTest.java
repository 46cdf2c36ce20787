package dev.smtrain.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureReasonsTest {

  @TempDir
  Path dir;

  @Test
  void of_whenSecondHostWroteALongFailure_returnsItsFirst1024Characters() throws Exception {
    JobWorkspace ws = JobWorkspace.create(dir, "job", 2);
    String text = "ü".repeat(600) + "x".repeat(600);
    Files.writeString(ws.output(2).resolve("failure"), text);

    assertEquals(text.substring(0, 1024), FailureReasons.of(ws, Map.of(0, 0, 1, 1)));
  }

  @Test
  void of_whenNoFailureFile_namesHostAndExitCode() {
    JobWorkspace ws = JobWorkspace.create(dir, "job", 1);

    String reason = FailureReasons.of(ws, Map.of(0, 137));

    assertTrue(reason.startsWith("AlgorithmError: the training container of algo-1 exited with code 137"), reason);
    assertNull(FailureReasons.of(ws, Map.of(0, 0)));
  }

  @Test
  void of_whenFailureIsASymlink_doesNotReadTheHostFileItPointsAt() throws Exception {
    JobWorkspace ws = JobWorkspace.create(dir, "job", 1);
    Path secret = Files.writeString(dir.resolve("host-secret"), "do not leak");
    Files.createSymbolicLink(ws.output(1).resolve("failure"), secret);

    String reason = FailureReasons.of(ws, Map.of(0, 2));

    assertTrue(!reason.contains("do not leak") && reason.contains("exited with code 2"), reason);
  }
}
