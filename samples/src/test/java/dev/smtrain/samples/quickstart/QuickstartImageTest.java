package dev.smtrain.samples.quickstart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartImageTest {

  @Test
  void context_whenAssembled_holdsDockerfileBusyboxAppletLinksAndTrain(@TempDir Path dir) throws IOException {
    Path fakeBusybox = Files.write(dir.resolve("busybox"), new byte[] {1, 2, 3});

    byte[] tar = QuickstartImage.context(fakeBusybox);

    Map<String, TarArchiveEntry> entries = new HashMap<>();
    Map<String, byte[]> contents = new HashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), e);
        contents.put(e.getName(), in.readAllBytes());
      }
    }
    String dockerfile = new String(contents.get("Dockerfile"), StandardCharsets.UTF_8);
    assertTrue(dockerfile.startsWith("FROM scratch\n"), dockerfile);
    assertArrayEquals(new byte[] {1, 2, 3}, contents.get("rootfs/bin/busybox"));
    assertEquals(0755, entries.get("rootfs/bin/busybox").getMode() & 0777);
    assertTrue(entries.get("rootfs/bin/sh").isSymbolicLink());
    assertEquals("busybox", entries.get("rootfs/bin/awk").getLinkName());
    assertArrayEquals(QuickstartFiles.resource("train"), contents.get("rootfs/usr/local/bin/train"));
    assertEquals(0755, entries.get("rootfs/usr/local/bin/train").getMode() & 0777);
  }
}
