package dev.smtrain.local.storage;

import static dev.smtrain.local.storage.FileStagingTest.tree;
import static dev.smtrain.local.storage.FileStagingTest.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.model.OutputCompressionType;
import dev.smtrain.model.OutputDataConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOutputsTest {

  @TempDir Path tmp;
  private final LocalStorage storage = LocalStorage.create();

  @AfterEach
  void close() {
    storage.close();
  }

  @Test
  void packageTarGz_whenTwoHosts_mergesWithRelativePathsAndFirstHostWins() throws IOException {
    Path h1 = tmp.resolve("algo-1");
    Path h2 = tmp.resolve("algo-2");
    write(h1.resolve("model.bin"), "from algo-1");
    write(h1.resolve("sub/shared.txt"), "same");
    write(h1.resolve("run.sh"), "#!/bin/sh");
    Files.setPosixFilePermissions(h1.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(h1.resolve("empty"));
    write(h2.resolve("model.bin"), "from algo-2");
    write(h2.resolve("sub/shared.txt"), "same");
    write(h2.resolve("extra/only-2.txt"), "two");
    Path target = tmp.resolve("out/model.tar.gz");
    Files.createDirectories(target.getParent());

    PackageResult result = storage.packageTarGz(List.of(h1, h2), target);

    TarContents tar = TarContents.read(target);
    assertEquals("from algo-1", tar.text("model.bin"));
    assertEquals("same", tar.text("sub/shared.txt"));
    assertEquals("two", tar.text("extra/only-2.txt"));
    assertEquals(Set.of("model.bin", "sub/shared.txt", "extra/only-2.txt", "run.sh"), tar.files().keySet());
    assertTrue(tar.modes().containsKey("empty/"), "empty directories are kept: " + tar.modes().keySet());
    assertEquals(0755, tar.modes().get("run.sh"));
    assertEquals(0644, tar.modes().get("model.bin"));
    assertTrue(tar.modes().keySet().stream().noneMatch(n -> n.startsWith("./") || n.startsWith("/")));
    assertEquals(List.of("model.bin"), result.conflicts());
    assertEquals(4, result.fileCount());
    assertEquals(Set.of("model.tar.gz"), tree(target.getParent()), "no temporary file may be left");
  }

  @Test
  void packageTarGz_whenContainerLeftSymlinksToHostFiles_neverFollowsThem() throws IOException {
    Path secret = tmp.resolve("host-secret.txt");
    write(secret, "host-only");
    Path outside = tmp.resolve("host-dir");
    write(outside.resolve("inner.txt"), "host-only too");
    Path h1 = tmp.resolve("algo-1");
    write(h1.resolve("model.bin"), "weights");
    Files.createSymbolicLink(h1.resolve("shadow"), secret);
    Files.createSymbolicLink(h1.resolve("linked-dir"), outside);
    Path target = tmp.resolve("model.tar.gz");

    PackageResult result = storage.packageTarGz(List.of(h1), target);

    TarContents tar = TarContents.read(target);
    assertEquals(Set.of("model.bin"), tar.files().keySet());
    assertEquals(1, result.fileCount());
  }

  @Test
  void packageTarGz_whenFileAndDirectoryCollide_keepsFirstAndReportsIt() throws IOException {
    Path h1 = tmp.resolve("algo-1");
    Path h2 = tmp.resolve("algo-2");
    write(h1.resolve("weights"), "file");
    write(h2.resolve("weights/part-0"), "dir");

    PackageResult result = storage.packageTarGz(List.of(h1, h2), tmp.resolve("m.tar.gz"));

    assertEquals(Set.of("weights"), TarContents.read(tmp.resolve("m.tar.gz")).files().keySet());
    assertEquals(List.of("weights"), result.conflicts());
  }

  @Test
  void packageTarGz_whenADirectoryIsMissing_failsAndLeavesNothing() throws IOException {
    Path h1 = tmp.resolve("algo-1");
    write(h1.resolve("model.bin"), "x");
    Path out = Files.createDirectories(tmp.resolve("out"));

    StorageException e = assertThrows(StorageException.class,
        () -> storage.packageTarGz(List.of(h1, tmp.resolve("algo-2")), out.resolve("model.tar.gz")));

    assertTrue(e.getMessage().contains("algo-2"), e.getMessage());
    assertEquals(Set.of(), tree(out));
  }

  @Test
  void publishOutputs_whenGzipToFileUri_writesSageMakersLayout() throws IOException {
    Path model = tmp.resolve("algo-1/model");
    Path data = tmp.resolve("algo-1/output-data");
    write(model.resolve("model.bin"), "weights");
    write(data.resolve("report.txt"), "report");
    Path outputPath = tmp.resolve("results");

    PublishedOutputs out = storage.publishOutputs(OutputDataConfig.s3(outputPath.toUri().toString()), "job-1",
        List.of(model), List.of(data), tmp.resolve("scratch"));

    Path base = outputPath.resolve("job-1/output");
    assertEquals(outputPath.toUri() + "job-1/output/model.tar.gz", out.modelArtifacts());
    assertEquals(outputPath.toUri() + "job-1/output/output.tar.gz", out.outputData());
    assertEquals(Set.of("model.tar.gz", "output.tar.gz"), tree(base));
    assertEquals("weights", TarContents.read(base.resolve("model.tar.gz")).text("model.bin"));
    assertEquals("report", TarContents.read(base.resolve("output.tar.gz")).text("report.txt"));
    assertEquals(Set.of(), tree(tmp.resolve("scratch")), "scratch archives are removed after publishing");
  }

  @Test
  void publishOutputs_whenCompressionNone_uploadsModelFilesUncompressed() throws IOException {
    Path m1 = tmp.resolve("algo-1/model");
    Path m2 = tmp.resolve("algo-2/model");
    write(m1.resolve("a/weights.bin"), "one");
    write(m2.resolve("b.bin"), "two");
    write(m2.resolve("a/weights.bin"), "other");
    Path d1 = Files.createDirectories(tmp.resolve("algo-1/data"));
    Path outputPath = tmp.resolve("results");
    OutputDataConfig config = OutputDataConfig.builder().s3OutputPath(outputPath.toUri().toString())
        .compressionType(OutputCompressionType.NONE).build();

    PublishedOutputs out = storage.publishOutputs(config, "job-2", List.of(m1, m2), List.of(d1),
        tmp.resolve("scratch"));

    Path base = outputPath.resolve("job-2/output");
    assertEquals(outputPath.toUri() + "job-2/output/model/", out.modelArtifacts());
    assertEquals(Set.of("model/a/weights.bin", "model/b.bin", "output.tar.gz"), tree(base));
    assertEquals("one", Files.readString(base.resolve("model/a/weights.bin")));
    assertEquals(List.of("model/a/weights.bin"), out.conflicts());
  }

  @Test
  void publishOutputs_whenPackagingFails_leavesNothingAtTheDestination() throws IOException {
    Path model = tmp.resolve("algo-1/model");
    write(model.resolve("model.bin"), "weights");
    Path outputPath = tmp.resolve("results");

    StorageException e = assertThrows(StorageException.class, () -> storage.publishOutputs(
        OutputDataConfig.s3(outputPath.toUri().toString()), "job-3", List.of(model, tmp.resolve("missing")),
        List.of(), tmp.resolve("scratch")));

    assertTrue(e.getMessage().contains("missing"), e.getMessage());
    assertFalse(Files.exists(outputPath.resolve("job-3/output/model.tar.gz")));
    assertEquals(Set.of(), Files.exists(outputPath) ? tree(outputPath) : Set.of());
  }

  @Test
  void publish_whenDestinationExists_replacesItAtomicallyWithoutLeftovers() throws IOException {
    Path src = tmp.resolve("a.bin");
    Files.write(src, new byte[] {1, 2, 3});
    Path dest = tmp.resolve("dest/a.bin");
    write(dest, "old");

    String uri = storage.publish(src, dest.toUri().toString());

    assertEquals(dest.toUri().toString(), uri);
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(dest));
    assertEquals(Set.of("a.bin"), tree(dest.getParent()));
  }

  @Test
  void publish_whenSourceMissing_failsAndLeavesNoTemporaryFile() throws IOException {
    Path destDir = Files.createDirectories(tmp.resolve("dest"));

    StorageException e = assertThrows(StorageException.class,
        () -> storage.publish(tmp.resolve("nope.tar.gz"), destDir.resolve("model.tar.gz").toUri().toString()));

    assertTrue(e.getMessage().contains("model.tar.gz"), e.getMessage());
    try (var s = Files.list(destDir)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void checkpoints_whenFileUriRoundTrip_copyInThenSyncOutOnlyNewAndChanged() throws IOException {
    Path remote = tmp.resolve("ckpt-remote");
    write(remote.resolve("epoch-1.pt"), "one");
    write(remote.resolve("nested/state.json"), "{}");
    Path local = tmp.resolve("host/checkpoints");

    assertEquals(2, storage.copyIn(remote.toUri().toString(), local));
    assertEquals("one", Files.readString(local.resolve("epoch-1.pt")));
    assertEquals("{}", Files.readString(local.resolve("nested/state.json")));

    write(local.resolve("epoch-2.pt"), "two");
    write(local.resolve("nested/state.json"), "{\"epoch\":2}");
    assertEquals(2, storage.syncOut(local, remote.toUri().toString()));
    assertEquals("two", Files.readString(remote.resolve("epoch-2.pt")));
    assertEquals("{\"epoch\":2}", Files.readString(remote.resolve("nested/state.json")));
    assertEquals(0, storage.syncOut(local, remote.toUri().toString()), "unchanged files are not copied again");
    assertEquals(Set.of("epoch-1.pt", "epoch-2.pt", "nested/state.json"), tree(remote));
  }

  @Test
  void copyIn_whenCheckpointUriDoesNotExistYet_copiesNothingAndCreatesTheDirectory() {
    Path local = tmp.resolve("host/checkpoints");

    assertEquals(0, storage.copyIn(tmp.resolve("never-written").toUri().toString(), local));
    assertTrue(Files.isDirectory(local));
  }
}
