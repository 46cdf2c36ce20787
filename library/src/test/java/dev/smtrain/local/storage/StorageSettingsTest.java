package dev.smtrain.local.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;

class StorageSettingsTest {

  @Test
  void fromMap_whenAllKeysSet_readsThem() {
    StorageSettings s = StorageSettings.fromMap(Map.of(StorageSettings.ENDPOINT, "http://127.0.0.1:9000",
        StorageSettings.REGION, "eu-west-1", StorageSettings.PATH_STYLE, "true"));
    assertEquals(URI.create("http://127.0.0.1:9000"), s.endpointOverride().orElseThrow());
    assertEquals(Region.EU_WEST_1, s.region().orElseThrow());
    assertTrue(s.forcePathStyle());
  }

  @Test
  void fromMap_whenS3CompatibilityKeysSet_readsThem() {
    StorageSettings s = StorageSettings.fromMap(Map.of(StorageSettings.CHECKSUMS, "WHEN_REQUIRED",
        StorageSettings.MULTIPART_DOWNLOADS, "false"));
    assertEquals(RequestChecksumCalculation.WHEN_REQUIRED, s.checksums().orElseThrow());
    assertEquals(ResponseChecksumValidation.WHEN_REQUIRED, s.responseChecksumValidation().orElseThrow());
    assertFalse(s.multipartDownloads());
  }

  @Test
  void fromMap_whenChecksumsUnknown_namesTheKeyAndTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StorageSettings.fromMap(Map.of(StorageSettings.CHECKSUMS, "never")));
    assertTrue(e.getMessage().contains("s3.checksums") && e.getMessage().contains("when_required"),
        e.getMessage());
  }

  @Test
  void fromMap_whenEmpty_usesDefaults() {
    StorageSettings s = StorageSettings.fromMap(Map.of());
    assertTrue(s.endpointOverride().isEmpty());
    assertTrue(s.region().isEmpty());
    assertFalse(s.forcePathStyle());
    assertEquals(16, s.maxConcurrentTransfers());
    assertTrue(s.multipartDownloads());
    assertTrue(s.checksums().isEmpty());
  }

  @Test
  void fromMap_whenPathStyleNotBoolean_namesTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StorageSettings.fromMap(Map.of(StorageSettings.PATH_STYLE, "yes")));
    assertTrue(e.getMessage().contains("s3.pathStyle"), e.getMessage());
  }

  @Test
  void fromMap_whenEndpointNotUri_namesTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StorageSettings.fromMap(Map.of(StorageSettings.ENDPOINT, "http://bad host")));
    assertTrue(e.getMessage().contains("s3.endpoint"), e.getMessage());
  }

  @Test
  void toString_whenCredentialsSet_doesNotShowThem() {
    StorageSettings s = StorageSettings.builder().credentialsProvider(
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrSECRETKEY"))).build();
    assertFalse(s.toString().contains("AKIDEXAMPLE"), s.toString());
    assertFalse(s.toString().contains("wJalrSECRETKEY"), s.toString());
  }

  @Test
  void maxConcurrentTransfers_whenZero_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> StorageSettings.builder().maxConcurrentTransfers(0));
  }
}
