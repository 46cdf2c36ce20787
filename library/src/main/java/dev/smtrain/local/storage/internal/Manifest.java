package dev.smtrain.local.storage.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtrain.local.storage.StorageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A SageMaker manifest file: {@code [{"prefix": "s3://bucket/p/"}, "relative/key1", "relative/key2", ...]}.
 *
 * @param prefix the prefix URI every key is appended to
 * @param keys the relative keys, in manifest order
 */
public record Manifest(String prefix, List<String> keys) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Parses a manifest.
   *
   * @param bytes the manifest's bytes
   * @param where the manifest URI and channel, for error messages
   * @return the manifest
   * @throws StorageException when it is not a manifest
   */
  public static Manifest parse(byte[] bytes, String where) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new StorageException(where + " is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isArray() || root.isEmpty() || !root.get(0).isObject()
        || !root.get(0).path("prefix").isTextual()) {
      throw new StorageException(where + " must be a JSON array whose first element is {\"prefix\": \"s3://...\"}"
          + " followed by keys relative to that prefix");
    }
    String prefix = root.get(0).get("prefix").asText();
    List<String> keys = new ArrayList<>();
    for (int i = 1; i < root.size(); i++) {
      JsonNode k = root.get(i);
      if (!k.isTextual() || k.asText().isEmpty()) {
        throw new StorageException(where + ": element [" + i + "] must be a non-empty string (a key relative to "
            + prefix + "), got " + k);
      }
      keys.add(k.asText());
    }
    return new Manifest(prefix, List.copyOf(keys));
  }
}
