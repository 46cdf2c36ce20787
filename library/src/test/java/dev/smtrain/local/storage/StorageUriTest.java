package dev.smtrain.local.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.local.storage.internal.StorageUri;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StorageUriTest {

  @Test
  void parse_whenS3Uri_splitsBucketAndKey() {
    StorageUri u = StorageUri.parse("s3://bucket/data/train", "S3Uri");
    assertTrue(u.isS3());
    assertEquals("bucket", u.bucket());
    assertEquals("data/train", u.key());
    assertEquals("s3://bucket/data/train/", u.asDirectory().toString());
    assertEquals("data/train/", u.asDirectory().key());
    assertEquals("data/train/x", u.asDirectory().resolve("x").key());
  }

  @Test
  void parse_whenBareBucket_hasEmptyKeyAndStaysADirectory() {
    StorageUri u = StorageUri.parse("s3://bucket", "S3Uri");
    assertEquals("", u.key());
    assertEquals("s3://bucket", u.asDirectory().toString());
  }

  @Test
  void parse_whenFileUri_givesTheAbsolutePath() {
    StorageUri u = StorageUri.parse("file:///data/train/", "S3Uri");
    assertFalse(u.isS3());
    assertEquals(Path.of("/data/train"), u.path());
    assertTrue(u.endsWithSlash());
    assertEquals(Path.of("/data/train/a.csv"), u.resolve("a.csv").path());
    assertEquals(Path.of("/data/train-a.csv"), StorageUri.parse("file:///data/train", "x").resolve("-a.csv")
        .path());
  }

  @Test
  void parse_whenNoBucket_namesTheApiPath() {
    StorageException e = assertThrows(StorageException.class,
        () -> StorageUri.parse("s3:///key", "OutputDataConfig.S3OutputPath"));
    assertTrue(e.getMessage().startsWith("OutputDataConfig.S3OutputPath \"s3:///key\""), e.getMessage());
  }

  @Test
  void parse_whenRelativeFileUri_isRejected() {
    StorageException e = assertThrows(StorageException.class, () -> StorageUri.parse("file:data/x", "S3Uri"));
    assertTrue(e.getMessage().contains("absolute"), e.getMessage());
  }

  @Test
  void parse_whenOtherScheme_isRejected() {
    StorageException e = assertThrows(StorageException.class,
        () -> StorageUri.parse("gs://bucket/x", "CheckpointConfig.S3Uri"));
    assertEquals("CheckpointConfig.S3Uri \"gs://bucket/x\" must be an s3:// or file:// URI", e.getMessage());
  }

  @Test
  void parse_whenBlank_saysItIsRequired() {
    StorageException e = assertThrows(StorageException.class, () -> StorageUri.parse(" ", "destination"));
    assertTrue(e.getMessage().startsWith("destination is required"), e.getMessage());
  }
}
