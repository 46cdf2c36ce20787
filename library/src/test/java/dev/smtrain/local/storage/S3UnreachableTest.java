package dev.smtrain.local.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.model.S3DataDistribution;
import dev.smtrain.model.S3DataType;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class S3UnreachableTest {

  @TempDir Path tmp;

  @Test
  void stage_whenEndpointRefusesConnections_namesChannelAndEndpointButNoCredential() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    StorageSettings settings = StorageSettings.builder().endpointOverride(endpoint).forcePathStyle(true)
        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDUNREACHABLE", "very-secret-value"))).build();

    try (LocalStorage storage = LocalStorage.create(settings)) {
      StorageException e = assertThrows(StorageException.class, () -> storage.stage(FileStagingTest.channel(
          "train", "s3://bucket/train/", S3DataType.S3_PREFIX, S3DataDistribution.FULLY_REPLICATED), 0, 1, tmp));

      assertTrue(e.getMessage().contains("Channel \"train\"") && e.getMessage().contains(endpoint.toString()),
          e.getMessage());
      assertFalse(e.getMessage().contains("very-secret-value"), e.getMessage());
      assertFalse(e.getMessage().contains("AKIDUNREACHABLE"), e.getMessage());
    }
  }

  @Test
  void stage_whenOnlyFileUrisAreUsed_needsNoS3ClientAtAll() throws IOException {
    // An endpoint that is not even a valid S3 endpoint URI scheme would fail client creation if it happened.
    StorageSettings settings = StorageSettings.builder().endpointOverride(URI.create("nope:/x")).build();
    Path data = tmp.resolve("data");
    FileStagingTest.write(data.resolve("a"), "a");

    try (LocalStorage storage = LocalStorage.create(settings)) {
      StagedChannel s = storage.stage(FileStagingTest.channel("c", data.toUri().toString(), S3DataType.S3_PREFIX,
          S3DataDistribution.FULLY_REPLICATED), 0, 1, tmp.resolve("scratch"));
      assertTrue(s.userData());
      StorageException e = assertThrows(StorageException.class,
          () -> storage.copyIn("s3://bucket/ckpt/", tmp.resolve("ckpt")),
          "the same settings do fail once an s3:// URI is used");
      assertTrue(e.getMessage().contains("nope:/x"), e.getMessage());
    }
  }
}
