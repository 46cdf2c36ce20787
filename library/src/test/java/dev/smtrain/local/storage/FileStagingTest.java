package dev.smtrain.local.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.smtrain.model.Channel;
import dev.smtrain.model.S3DataDistribution;
import dev.smtrain.model.S3DataType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStagingTest {

  @TempDir Path tmp;
  private final LocalStorage storage = LocalStorage.create();

  @AfterEach
  void close() {
    storage.close();
  }

  static Channel channel(String name, String uri, S3DataType type, S3DataDistribution distribution) {
    return Channel.builder().channelName(name).dataSource(d -> d.s3DataSource(s -> s.s3Uri(uri).s3DataType(type)
        .s3DataDistributionType(distribution))).build();
  }

  static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  static Set<String> tree(Path dir) throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')));
    }
    return out;
  }

  @Test
  void stage_whenFileDirectoryFullyReplicated_returnsTheUserDirectoryWithoutCopying() throws IOException {
    Path data = tmp.resolve("data/train");
    write(data.resolve("a.csv"), "1,2");
    Path scratch = tmp.resolve("scratch");

    StagedChannel staged = storage.stage(channel("train", data.toUri().toString(), S3DataType.S3_PREFIX,
        S3DataDistribution.FULLY_REPLICATED), 1, 2, scratch);

    assertEquals(data, staged.hostPath());
    assertTrue(staged.userData());
    assertTrue(staged.readOnly());
    assertEquals("/opt/ml/input/data/train", staged.containerPath());
    assertFalse(Files.exists(scratch), "nothing may be written to the scratch directory");
  }

  @Test
  void stage_whenFileDirectoryShardedAcrossTwoHosts_hardLinksDisjointHalves() throws IOException {
    Path data = tmp.resolve("data");
    List<String> names = List.of("a", "b", "c", "d", "sub/e");
    for (String n : names) {
      write(data.resolve(n), "content " + n);
    }
    Channel ch = channel("train", data.toUri().toString(), S3DataType.S3_PREFIX,
        S3DataDistribution.SHARDED_BY_S3_KEY);

    StagedChannel h0 = storage.stage(ch, 0, 2, tmp.resolve("h0"));
    StagedChannel h1 = storage.stage(ch, 1, 2, tmp.resolve("h1"));

    assertEquals(Set.of("a", "c", "sub/e"), tree(h0.hostPath()));
    assertEquals(Set.of("b", "d"), tree(h1.hostPath()));
    assertFalse(h0.userData());
    assertEquals(3, h0.fileCount());
    assertTrue(Files.isSameFile(data.resolve("sub/e"), h0.hostPath().resolve("sub/e")), "hard link expected");
    assertTrue(h0.hostPath().startsWith(tmp.resolve("h0")));
  }

  @Test
  void stage_whenScratchOnAnotherFilesystem_copiesInsteadOfLinking() throws IOException {
    Path shm = Path.of("/dev/shm");
    assumeFalse(!Files.isDirectory(shm) || Files.getFileStore(shm).equals(Files.getFileStore(tmp)),
        "needs /dev/shm on another filesystem than the temp directory");
    Path data = tmp.resolve("data");
    write(data.resolve("a"), "A");
    write(data.resolve("b"), "B");
    Path scratch = Files.createTempDirectory(shm, "smtrain-storage-test");
    try {
      StagedChannel h1 = storage.stage(channel("c", data.toUri().toString(), S3DataType.S3_PREFIX,
          S3DataDistribution.SHARDED_BY_S3_KEY), 1, 2, scratch);
      assertEquals(Set.of("b"), tree(h1.hostPath()));
      assertEquals("B", Files.readString(h1.hostPath().resolve("b")));
      assertFalse(Files.isSameFile(data.resolve("b"), h1.hostPath().resolve("b")));
    } finally {
      try (Stream<Path> walk = Files.walk(scratch)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void stage_whenFilePrefixPartiallyMatchesNames_keepsFullNamesAsSageMakerDoes() throws IOException {
    Path data = tmp.resolve("data");
    write(data.resolve("train/x.csv"), "x");
    write(data.resolve("tr.csv"), "t");
    write(data.resolve("other.csv"), "o");

    StagedChannel staged = storage.stage(channel("train", data.toUri() + "tr", S3DataType.S3_PREFIX,
        S3DataDistribution.FULLY_REPLICATED), 0, 1, tmp.resolve("scratch"));

    assertEquals(Set.of("train/x.csv", "tr.csv"), tree(staged.hostPath()));
    assertFalse(staged.userData());
  }

  @Test
  void stage_whenFileManifest_stagesTheListedFilesAtTheirKeys() throws IOException {
    Path data = tmp.resolve("src");
    write(data.resolve("a.csv"), "a");
    write(data.resolve("sub/b.csv"), "b");
    write(data.resolve("unlisted.csv"), "u");
    Path manifest = tmp.resolve("train.manifest");
    Files.writeString(manifest, "[{\"prefix\": \"" + data.toUri() + "\"}, \"sub/b.csv\", \"a.csv\"]");

    StagedChannel staged = storage.stage(channel("train", manifest.toUri().toString(), S3DataType.MANIFEST_FILE,
        S3DataDistribution.FULLY_REPLICATED), 0, 1, tmp.resolve("scratch"));

    assertEquals(Set.of("a.csv", "sub/b.csv"), tree(staged.hostPath()));
    assertEquals("b", Files.readString(staged.hostPath().resolve("sub/b.csv")));
  }

  @Test
  void stage_whenManifestPrefixHasNoTrailingSlash_concatenatesLiterally() throws IOException {
    write(tmp.resolve("img-1.jpg"), "one");
    write(tmp.resolve("img/1.jpg"), "wrong");
    Path manifest = tmp.resolve("m.json");
    Files.writeString(manifest, "[{\"prefix\": \"" + tmp.toUri() + "img\"}, \"-1.jpg\"]");

    StagedChannel staged = storage.stage(channel("c", manifest.toUri().toString(), S3DataType.MANIFEST_FILE,
        S3DataDistribution.FULLY_REPLICATED), 0, 1, tmp.resolve("scratch"));

    assertEquals("one", Files.readString(staged.hostPath().resolve("-1.jpg")));
  }

  @Test
  void stage_whenManifestShardedAcrossTwoHosts_splitsInManifestOrder() throws IOException {
    Path data = tmp.resolve("src");
    for (String n : List.of("z", "y", "x")) {
      write(data.resolve(n), n);
    }
    Path manifest = tmp.resolve("m.json");
    Files.writeString(manifest, "[{\"prefix\": \"" + data.toUri() + "\"}, \"z\", \"y\", \"x\"]");
    Channel ch = channel("c", manifest.toUri().toString(), S3DataType.MANIFEST_FILE,
        S3DataDistribution.SHARDED_BY_S3_KEY);

    assertEquals(Set.of("z", "x"), tree(storage.stage(ch, 0, 2, tmp.resolve("h0")).hostPath()));
    assertEquals(Set.of("y"), tree(storage.stage(ch, 1, 2, tmp.resolve("h1")).hostPath()));
  }

  @Test
  void stage_whenManifestKeyEscapesTheChannel_failsNamingTheKey() throws IOException {
    Path data = tmp.resolve("src");
    write(tmp.resolve("secret"), "s");
    Files.createDirectories(data);
    Path manifest = tmp.resolve("m.json");
    Files.writeString(manifest, "[{\"prefix\": \"" + data.toUri() + "\"}, \"../secret\"]");

    StorageException e = assertThrows(StorageException.class, () -> storage.stage(channel("c",
        manifest.toUri().toString(), S3DataType.MANIFEST_FILE, S3DataDistribution.FULLY_REPLICATED), 0, 1,
        tmp.resolve("scratch")));

    assertTrue(e.getMessage().contains("../secret") && e.getMessage().contains("\"c\""), e.getMessage());
  }

  @Test
  void stage_whenManifestIsNotAManifest_explainsTheExpectedShape() throws IOException {
    Path manifest = tmp.resolve("m.json");
    Files.writeString(manifest, "{\"prefix\": \"s3://b/\"}");

    StorageException e = assertThrows(StorageException.class, () -> storage.stage(channel("train",
        manifest.toUri().toString(), S3DataType.MANIFEST_FILE, S3DataDistribution.FULLY_REPLICATED), 0, 1,
        tmp.resolve("scratch")));

    assertTrue(e.getMessage().contains("Channel \"train\"") && e.getMessage().contains("{\"prefix\""),
        e.getMessage());
  }

  @Test
  void stage_whenFilePrefixMatchesNothing_failsWithSageMakersMessage() {
    String uri = tmp.resolve("nothing-here").toUri() + "/";

    StorageException e = assertThrows(StorageException.class, () -> storage.stage(channel("train", uri,
        S3DataType.S3_PREFIX, S3DataDistribution.FULLY_REPLICATED), 0, 1, tmp.resolve("scratch")));

    assertEquals("Channel \"train\": No S3 objects found under S3 URL \"" + uri + "\"", e.getMessage());
  }

  @Test
  void stage_whenFileDirectoryIsEmpty_failsWithSageMakersMessage() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty/sub"));

    StorageException e = assertThrows(StorageException.class, () -> storage.stage(channel("val",
        empty.getParent().toUri().toString(), S3DataType.S3_PREFIX, S3DataDistribution.FULLY_REPLICATED), 0, 1,
        tmp.resolve("scratch")));

    assertTrue(e.getMessage().contains("No S3 objects found under S3 URL")
        && e.getMessage().contains("Channel \"val\""), e.getMessage());
  }

  @Test
  void stage_whenAugmentedManifest_failsNamingTheChannelAndType() {
    StorageException e = assertThrows(StorageException.class, () -> storage.stage(channel("aug",
        "s3://b/m.manifest", S3DataType.AUGMENTED_MANIFEST_FILE, S3DataDistribution.FULLY_REPLICATED), 0, 1,
        tmp.resolve("scratch")));

    assertTrue(e.getMessage().contains("\"aug\"") && e.getMessage().contains("AugmentedManifestFile"),
        e.getMessage());
  }

  @Test
  void stage_whenUriIsNeitherS3NorFile_failsNamingTheApiPath() {
    StorageException e = assertThrows(StorageException.class, () -> storage.stage(channel("train",
        "https://example.com/data", S3DataType.S3_PREFIX, S3DataDistribution.FULLY_REPLICATED), 0, 1,
        tmp.resolve("scratch")));

    assertTrue(e.getMessage().contains("DataSource.S3DataSource.S3Uri")
        && e.getMessage().contains("s3:// or file://"), e.getMessage());
  }

  @Test
  void stage_whenHostIndexOutOfRange_isRejected() {
    Channel ch = channel("c", tmp.toUri().toString(), S3DataType.S3_PREFIX, S3DataDistribution.FULLY_REPLICATED);
    assertThrows(IllegalArgumentException.class, () -> storage.stage(ch, 2, 2, tmp));
    assertThrows(IllegalArgumentException.class, () -> storage.stage(ch, -1, 2, tmp));
  }

  @Test
  void stage_whenScratchChannelDirectoryNotEmpty_refusesToMix() throws IOException {
    Path data = tmp.resolve("data");
    write(data.resolve("a"), "a");
    write(tmp.resolve("scratch/c/leftover"), "x");

    StorageException e = assertThrows(StorageException.class, () -> storage.stage(channel("c",
        data.toUri().toString(), S3DataType.S3_PREFIX, S3DataDistribution.SHARDED_BY_S3_KEY), 0, 2,
        tmp.resolve("scratch")));

    assertTrue(e.getMessage().contains("not empty"), e.getMessage());
  }

  @Test
  void stage_whenFileUriContainsSpace_readsIt() throws IOException {
    Path data = tmp.resolve("my data");
    write(data.resolve("a b.csv"), "1");
    List<String> uris = new ArrayList<>(List.of(data.toUri().toString(), "file://" + data));
    for (String uri : uris) {
      StagedChannel s = storage.stage(channel("c", uri, S3DataType.S3_PREFIX, S3DataDistribution.FULLY_REPLICATED),
          0, 1, tmp.resolve("scratch"));
      assertEquals(data, s.hostPath(), uri);
    }
    assertEquals("1", new String(Files.readAllBytes(data.resolve("a b.csv")), StandardCharsets.UTF_8));
  }
}
