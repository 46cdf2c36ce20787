package dev.smtrain.local.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.model.Channel;
import dev.smtrain.model.S3DataDistribution;
import dev.smtrain.model.S3DataType;
import dev.smtrain.testing.s3.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class S3StagingTest {

  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  @TempDir Path tmp;
  private static LocalStorage storage;
  private String bucket;

  @BeforeAll
  static void open() {
    storage = LocalStorage.create(S3.storageSettings());
  }

  @AfterAll
  static void close() {
    storage.close();
  }

  @BeforeEach
  void setUp() {
    bucket = S3.createBucket();
  }

  static Channel channel(String name, String uri, S3DataType type, S3DataDistribution distribution) {
    return Channel.builder().channelName(name).dataSource(d -> d.s3DataSource(s -> s.s3Uri(uri).s3DataType(type)
        .s3DataDistributionType(distribution))).build();
  }

  static Set<String> tree(Path dir) throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString()));
    }
    return out;
  }

  @Test
  void stage_whenS3PrefixFullyReplicated_downloadsEveryObjectAtItsRelativeKey() throws IOException {
    S3.put(bucket, "data/train/a.csv", "a");
    S3.put(bucket, "data/train/sub/b.csv", "b");
    S3.put(bucket, "data/train/", "");
    S3.put(bucket, "data/validation/v.csv", "v");

    for (String uri : List.of("s3://" + bucket + "/data/train/", "s3://" + bucket + "/data/train")) {
      Path scratch = tmp.resolve(Integer.toHexString(uri.hashCode()));
      StagedChannel staged = storage.stage(channel("train", uri, S3DataType.S3_PREFIX,
          S3DataDistribution.FULLY_REPLICATED), 0, 1, scratch);

      assertEquals(scratch.resolve("train"), staged.hostPath(), uri);
      assertFalse(staged.userData());
      assertEquals(Set.of("a.csv", "sub/b.csv"), tree(staged.hostPath()), uri);
      assertEquals("b", Files.readString(staged.hostPath().resolve("sub/b.csv")));
      assertEquals(2, staged.fileCount());
      assertEquals(2, staged.byteCount());
    }
  }

  @Test
  void stage_whenS3PrefixPartiallyMatchesKeys_followsKeyPrefixSemantics() throws IOException {
    S3.put(bucket, "data/train/x.csv", "x");
    S3.put(bucket, "data/tr.csv", "t");
    S3.put(bucket, "data/other.csv", "o");

    StagedChannel staged = storage.stage(channel("c", "s3://" + bucket + "/data/tr", S3DataType.S3_PREFIX,
        S3DataDistribution.FULLY_REPLICATED), 0, 1, tmp);

    assertEquals(Set.of("train/x.csv", "tr.csv"), tree(staged.hostPath()));
  }

  @Test
  void stage_whenShardedAcrossTwoAndThreeHosts_objectIGoesToHostIModN() throws IOException {
    List<String> keys = List.of("k0", "k1", "k2", "k3", "k4", "k5", "k6");
    for (String k : keys) {
      S3.put(bucket, "shards/" + k, k);
    }
    Channel ch = channel("train", "s3://" + bucket + "/shards/", S3DataType.S3_PREFIX,
        S3DataDistribution.SHARDED_BY_S3_KEY);

    for (int hosts : new int[] {2, 3}) {
      Set<String> union = new HashSet<>();
      for (int h = 0; h < hosts; h++) {
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < keys.size(); i++) {
          if (i % hosts == h) {
            expected.add(keys.get(i));
          }
        }
        Set<String> got = tree(storage.stage(ch, h, hosts, tmp.resolve(hosts + "-" + h)).hostPath());
        assertEquals(expected, got, "host " + h + " of " + hosts);
        got.forEach(g -> assertTrue(union.add(g), "object on two hosts: " + g));
      }
      assertEquals(new HashSet<>(keys), union, "every object on some host");
    }
  }

  @Test
  void stage_whenFullyReplicatedAcrossHosts_everyHostGetsEverything() throws IOException {
    S3.put(bucket, "p/a", "a");
    S3.put(bucket, "p/b", "b");
    Channel ch = channel("c", "s3://" + bucket + "/p/", S3DataType.S3_PREFIX, S3DataDistribution.FULLY_REPLICATED);

    for (int h = 0; h < 3; h++) {
      assertEquals(Set.of("a", "b"), tree(storage.stage(ch, h, 3, tmp.resolve("h" + h)).hostPath()));
    }
  }

  @Test
  void stage_whenManifestInS3_downloadsTheListedObjects() throws IOException {
    S3.put(bucket, "images/cat/1.jpg", "cat");
    S3.put(bucket, "images/dog/2.jpg", "dog");
    S3.put(bucket, "images/unlisted.jpg", "no");
    S3.put(bucket, "manifests/train.manifest",
        "[{\"prefix\": \"s3://" + bucket + "/images/\"}, \"cat/1.jpg\", \"dog/2.jpg\"]");

    StagedChannel staged = storage.stage(channel("train", "s3://" + bucket + "/manifests/train.manifest",
        S3DataType.MANIFEST_FILE, S3DataDistribution.FULLY_REPLICATED), 0, 1, tmp);

    assertEquals(Set.of("cat/1.jpg", "dog/2.jpg"), tree(staged.hostPath()));
    assertEquals("dog", Files.readString(staged.hostPath().resolve("dog/2.jpg")));
  }

  @Test
  void stage_whenManifestListsAMissingObject_failsNamingItAndLeavesNoPartialChannel() {
    S3.put(bucket, "x/present.csv", "here");
    S3.put(bucket, "m.json", "[{\"prefix\": \"s3://" + bucket + "/x/\"}, \"present.csv\", \"gone.csv\"]");

    StorageException e = assertThrows(StorageException.class, () -> storage.stage(channel("train",
        "s3://" + bucket + "/m.json", S3DataType.MANIFEST_FILE, S3DataDistribution.FULLY_REPLICATED), 0, 1, tmp));

    assertTrue(e.getMessage().contains("Channel \"train\"") && e.getMessage().contains("x/gone.csv"),
        e.getMessage());
    assertFalse(Files.exists(tmp.resolve("train")), "a failed staging must not leave partial files");
  }

  @Test
  void stage_whenPrefixHasNoObjects_failsWithSageMakersMessage() {
    S3.put(bucket, "other/a", "a");
    String uri = "s3://" + bucket + "/missing/";

    StorageException e = assertThrows(StorageException.class, () -> storage.stage(channel("train", uri,
        S3DataType.S3_PREFIX, S3DataDistribution.FULLY_REPLICATED), 0, 1, tmp));

    assertEquals("Channel \"train\": No S3 objects found under S3 URL \"" + uri + "\"", e.getMessage());
  }

  @Test
  void stage_whenBucketDoesNotExist_failsNamingTheBucketAndNoCredential() {
    String uri = "s3://no-such-bucket-smtrain/train/";

    StorageException e = assertThrows(StorageException.class, () -> storage.stage(channel("train", uri,
        S3DataType.S3_PREFIX, S3DataDistribution.FULLY_REPLICATED), 0, 1, tmp));

    assertTrue(e.getMessage().contains("no-such-bucket-smtrain") && e.getMessage().contains("does not exist")
        && e.getMessage().contains("Channel \"train\""), e.getMessage());
    assertFalse(e.getMessage().contains(S3ProxyServer.SECRET_KEY));
    assertFalse(e.getMessage().contains(S3ProxyServer.ACCESS_KEY));
  }

  @Test
  void stage_whenTwoKeysMapToOnePath_failsNamingBoth() {
    S3.put(bucket, "data/t/train/x", "1");
    S3.put(bucket, "data/train/x", "2");

    StorageException e = assertThrows(StorageException.class, () -> storage.stage(channel("c",
        "s3://" + bucket + "/data/t", S3DataType.S3_PREFIX, S3DataDistribution.FULLY_REPLICATED), 0, 1, tmp));

    assertTrue(e.getMessage().contains("data/t/train/x") && e.getMessage().contains("data/train/x")
        && e.getMessage().contains("same file"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("c")), "nothing is written before the check");
  }

  @Test
  void stage_whenCredentialsAreWrong_failsWithoutEchoingThem() {
    String wrongSecret = "definitely-not-the-secret-123";
    StorageSettings bad = StorageSettings.builder().endpointOverride(S3.endpoint()).forcePathStyle(true)
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("wrong-id", wrongSecret)))
        .build();
    S3.put(bucket, "p/a", "a");
    try (LocalStorage badStorage = LocalStorage.create(bad)) {
      StorageException e = assertThrows(StorageException.class, () -> badStorage.stage(channel("train",
          "s3://" + bucket + "/p/", S3DataType.S3_PREFIX, S3DataDistribution.FULLY_REPLICATED), 0, 1, tmp));

      assertTrue(e.getMessage().contains("Channel \"train\""), e.getMessage());
      assertFalse(e.getMessage().contains(wrongSecret), e.getMessage());
    }
  }
}
