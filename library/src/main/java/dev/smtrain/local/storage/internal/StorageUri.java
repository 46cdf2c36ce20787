package dev.smtrain.local.storage.internal;

import dev.smtrain.local.storage.StorageException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A parsed {@code s3://bucket/key} or {@code file:///path} URI, keeping the text the user wrote (a trailing
 * {@code /} matters for key-prefix semantics).
 */
public final class StorageUri {

  private final String text;
  private final String bucket;
  private final String key;
  private final Path path;

  private StorageUri(String text, String bucket, String key, Path path) {
    this.text = text;
    this.bucket = bucket;
    this.key = key;
    this.path = path;
  }

  /**
   * Parses a URI.
   *
   * @param uri the text
   * @param what the API path or role of the URI, for error messages
   * @return the parsed URI
   * @throws StorageException when it is neither a valid {@code s3://} nor an absolute {@code file://} URI
   */
  public static StorageUri parse(String uri, String what) {
    if (uri == null || uri.isBlank()) {
      throw new StorageException(what + " is required: an s3://bucket/prefix or file:///absolute/path URI");
    }
    if (uri.startsWith("s3://")) {
      String rest = uri.substring(5);
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      String key = slash < 0 ? "" : rest.substring(slash + 1);
      if (bucket.isEmpty()) {
        throw new StorageException(what + " \"" + uri + "\" has no bucket name: expected s3://bucket/prefix");
      }
      return new StorageUri(uri, bucket, key, null);
    }
    if (uri.startsWith("file:")) {
      Path path;
      try {
        path = Path.of(new URI(uri));
      } catch (Exception e) {
        // Not an escaped URI (e.g. a space in the path): take the text after file:// as the path.
        String raw = uri.startsWith("file://") ? uri.substring(7) : uri.substring(5);
        path = Path.of(raw);
      }
      if (!path.isAbsolute()) {
        throw new StorageException(what + " \"" + uri + "\" must be an absolute file:/// URI");
      }
      return new StorageUri(uri, null, null, path);
    }
    throw new StorageException(what + " \"" + uri + "\" must be an s3:// or file:// URI");
  }

  /**
   * Whether this is an {@code s3://} URI.
   *
   * @return {@code true} for S3
   */
  public boolean isS3() {
    return bucket != null;
  }

  /**
   * The bucket of an {@code s3://} URI.
   *
   * @return the bucket
   */
  public String bucket() {
    return Objects.requireNonNull(bucket, "not an s3:// URI");
  }

  /**
   * The key (prefix) of an {@code s3://} URI, possibly empty.
   *
   * @return the key
   */
  public String key() {
    return Objects.requireNonNull(key, "not an s3:// URI");
  }

  /**
   * The path of a {@code file://} URI.
   *
   * @return the path
   */
  public Path path() {
    return Objects.requireNonNull(path, "not a file:// URI");
  }

  /**
   * Whether the text ends with {@code /}.
   *
   * @return {@code true} when it names a "directory" explicitly
   */
  public boolean endsWithSlash() {
    return text.endsWith("/");
  }

  /**
   * This URI as a "directory": a {@code /} appended when missing (not for a bare bucket).
   *
   * @return the directory URI
   */
  public StorageUri asDirectory() {
    if (endsWithSlash() || (isS3() && key.isEmpty())) {
      return this;
    }
    return new StorageUri(text + "/", bucket, isS3() ? key + "/" : null, path);
  }

  /**
   * Appends a relative path (with {@code /} separators) to this URI's text.
   *
   * @param relative the relative path
   * @return the resolved URI
   */
  public StorageUri resolve(String relative) {
    if (isS3()) {
      return new StorageUri(text + relative, bucket, key + relative, null);
    }
    // Literal concatenation, as for keys: file:///data/img + 1.jpg is /data/img1.jpg.
    Path resolved = endsWithSlash() ? path.resolve(relative)
        : path.resolveSibling(path.getFileName() + relative);
    return new StorageUri(text + relative, null, null, resolved);
  }

  @Override
  public String toString() {
    return text;
  }
}
