package dev.smtrain.local.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.local.storage.internal.KeyPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPathsTest {

  @Test
  void relativePath_whenPrefixEndsWithSlash_isKeyAfterPrefix() {
    assertEquals("a/b.csv", KeyPaths.relativePath("data/train/", "data/train/a/b.csv"));
  }

  @Test
  void relativePath_whenPrefixNamesDirectoryWithoutSlash_isKeyInsideDirectory() {
    assertEquals("x.csv", KeyPaths.relativePath("data/train", "data/train/x.csv"));
  }

  @Test
  void relativePath_whenPrefixPartiallyMatchesName_keepsFullName() {
    assertEquals("train/x.csv", KeyPaths.relativePath("data/tr", "data/train/x.csv"));
    assertEquals("tr.csv", KeyPaths.relativePath("data/tr", "data/tr.csv"));
    assertEquals("train-data.csv", KeyPaths.relativePath("data/train", "data/train-data.csv"));
  }

  @Test
  void relativePath_whenPrefixHasNoSlash_isRelativeToBucketRoot() {
    assertEquals("train/x", KeyPaths.relativePath("tr", "train/x"));
    assertEquals("x", KeyPaths.relativePath("", "x"));
  }

  @Test
  void belongsTo_whenThreeHosts_assignsObjectIModN() {
    List<List<Integer>> hosts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < 7; i++) {
      for (int h = 0; h < 3; h++) {
        if (KeyPaths.belongsTo(i, h, 3)) {
          hosts.get(h).add(i);
        }
      }
    }
    assertEquals(List.of(List.of(0, 3, 6), List.of(1, 4), List.of(2, 5)), hosts);
  }

  @Test
  void utf8Order_whenSupplementaryCharacter_sortsByBytesLikeS3() {
    // U+FF5E (3 UTF-8 bytes, EF BD 9E) sorts before U+1F600 (4 bytes, F0 ...) in UTF-8, after it in UTF-16.
    String fullwidth = "\uFF5E";
    String emoji = "\uD83D\uDE00";
    assertTrue(KeyPaths.UTF8_ORDER.compare(fullwidth, emoji) < 0);
    assertTrue(fullwidth.compareTo(emoji) > 0);
  }

  @Test
  void safeResolve_whenPathEscapes_isEmpty() {
    Path dir = Path.of("/tmp/x");
    assertFalse(KeyPaths.safeResolve(dir, "../etc/passwd").isPresent());
    assertFalse(KeyPaths.safeResolve(dir, "/abs").isPresent());
    assertFalse(KeyPaths.safeResolve(dir, "a/./b").isPresent());
    assertFalse(KeyPaths.safeResolve(dir, "").isPresent());
    assertEquals(Path.of("/tmp/x/a/b"), KeyPaths.safeResolve(dir, "a/b").orElseThrow());
  }
}
