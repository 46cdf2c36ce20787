package dev.smtrain.local.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.model.OutputCompressionType;
import dev.smtrain.model.OutputDataConfig;
import dev.smtrain.testing.s3.S3ProxyServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class S3OutputsTest {

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

  static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void publishOutputs_whenTwoHostsToS3_uploadsMergedModelAndOutputArchives() throws IOException {
    Path m1 = tmp.resolve("algo-1/model");
    Path m2 = tmp.resolve("algo-2/model");
    write(m1.resolve("model.bin"), "host one");
    write(m2.resolve("model.bin"), "host two");
    write(m2.resolve("tokenizer.json"), "{}");
    Path d1 = tmp.resolve("algo-1/data");
    write(d1.resolve("metrics.csv"), "loss,0.1");
    Path d2 = Files.createDirectories(tmp.resolve("algo-2/data"));

    PublishedOutputs out = storage.publishOutputs(OutputDataConfig.s3("s3://" + bucket + "/results"), "job-a",
        List.of(m1, m2), List.of(d1, d2), tmp.resolve("scratch"));

    assertEquals("s3://" + bucket + "/results/job-a/output/model.tar.gz", out.modelArtifacts());
    assertEquals("s3://" + bucket + "/results/job-a/output/output.tar.gz", out.outputData());
    assertEquals(List.of("results/job-a/output/model.tar.gz", "results/job-a/output/output.tar.gz"),
        S3.keys(bucket, "results/"));
    TarContents model = TarContents.read(S3.get(bucket, "results/job-a/output/model.tar.gz"));
    assertEquals("host one", model.text("model.bin"));
    assertEquals("{}", model.text("tokenizer.json"));
    assertEquals(List.of("model/model.bin"), out.conflicts());
    assertEquals("loss,0.1", TarContents.read(S3.get(bucket, "results/job-a/output/output.tar.gz"))
        .text("metrics.csv"));
  }

  @Test
  void publishOutputs_whenCompressionNoneToS3_uploadsModelFilesUnderModelPrefix() throws IOException {
    Path m1 = tmp.resolve("algo-1/model");
    write(m1.resolve("weights/part-0.bin"), "w0");
    write(m1.resolve("config.json"), "{\"a\":1}");
    Path d1 = Files.createDirectories(tmp.resolve("algo-1/data"));
    OutputDataConfig config = OutputDataConfig.builder().s3OutputPath("s3://" + bucket + "/out/")
        .compressionType(OutputCompressionType.NONE).build();

    PublishedOutputs out = storage.publishOutputs(config, "job-b", List.of(m1), List.of(d1), tmp.resolve("s"));

    assertEquals("s3://" + bucket + "/out/job-b/output/model/", out.modelArtifacts());
    assertEquals(List.of("out/job-b/output/model/config.json", "out/job-b/output/model/weights/part-0.bin",
        "out/job-b/output/output.tar.gz"), S3.keys(bucket, "out/"));
    assertEquals("w0", new String(S3.get(bucket, "out/job-b/output/model/weights/part-0.bin"),
        StandardCharsets.UTF_8));
  }

  @Test
  void publishOutputs_whenPackagingFails_uploadsNothing() throws IOException {
    Path m1 = tmp.resolve("algo-1/model");
    write(m1.resolve("model.bin"), "x");

    assertThrows(StorageException.class, () -> storage.publishOutputs(
        OutputDataConfig.s3("s3://" + bucket + "/results"), "job-c", List.of(m1, tmp.resolve("algo-2/model")),
        List.of(), tmp.resolve("scratch")));

    assertEquals(List.of(), S3.keys(bucket, ""));
  }

  @Test
  void publish_whenFileIsLargerThanAPart_uploadsItWhole() throws IOException {
    byte[] content = new byte[9 * 1024 * 1024];
    new Random(42).nextBytes(content);
    Path file = tmp.resolve("big.bin");
    Files.write(file, content);

    String uri = storage.publish(file, "s3://" + bucket + "/big/model.tar.gz");

    assertEquals("s3://" + bucket + "/big/model.tar.gz", uri);
    assertArrayEquals(content, S3.get(bucket, "big/model.tar.gz"));
  }

  @Test
  void publish_whenBucketMissing_failsNamingTheBucket() throws IOException {
    Path file = tmp.resolve("a");
    Files.writeString(file, "a");

    StorageException e = assertThrows(StorageException.class,
        () -> storage.publish(file, "s3://no-such-bucket-out/x/model.tar.gz"));

    assertTrue(e.getMessage().contains("no-such-bucket-out"), e.getMessage());
  }

  @Test
  void checkpoints_whenS3RoundTrip_copyInThenSyncOutOnlyNewAndChanged() throws IOException {
    S3.put(bucket, "ckpt/job/epoch-1.pt", "one");
    S3.put(bucket, "ckpt/job/opt/state.json", "{}");
    S3.put(bucket, "ckpt/job-other/unrelated.pt", "no");
    Path local = tmp.resolve("host/checkpoints");
    String uri = "s3://" + bucket + "/ckpt/job";

    assertEquals(2, storage.copyIn(uri, local));
    assertEquals("one", Files.readString(local.resolve("epoch-1.pt")));
    assertEquals("{}", Files.readString(local.resolve("opt/state.json")));

    write(local.resolve("epoch-2.pt"), "two");
    write(local.resolve("opt/state.json"), "{\"step\":9}");
    assertEquals(2, storage.syncOut(local, uri));
    assertEquals(0, storage.syncOut(local, uri), "unchanged files are not uploaded again");
    assertEquals(List.of("ckpt/job/epoch-1.pt", "ckpt/job/epoch-2.pt", "ckpt/job/opt/state.json"),
        S3.keys(bucket, "ckpt/job/"));
    assertEquals("{\"step\":9}", new String(S3.get(bucket, "ckpt/job/opt/state.json"), StandardCharsets.UTF_8));

    Path restarted = tmp.resolve("host2/checkpoints");
    assertEquals(3, storage.copyIn(uri, restarted));
    assertEquals("two", Files.readString(restarted.resolve("epoch-2.pt")));
  }

  @Test
  void copyIn_whenNoCheckpointsYet_copiesNothing() {
    Path local = tmp.resolve("ckpt");

    assertEquals(0, storage.copyIn("s3://" + bucket + "/ckpt/first-run/", local));
    assertTrue(Files.isDirectory(local));
  }

  @Test
  void copyIn_whenBucketMissing_failsNamingIt() {
    StorageException e = assertThrows(StorageException.class,
        () -> storage.copyIn("s3://no-such-ckpt-bucket/ckpt/", tmp.resolve("ckpt")));

    assertTrue(e.getMessage().contains("no-such-ckpt-bucket") && e.getMessage().contains("does not exist"),
        e.getMessage());
  }
}
