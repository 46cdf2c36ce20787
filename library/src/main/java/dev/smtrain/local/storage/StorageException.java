package dev.smtrain.local.storage;

import dev.smtrain.SmtrainException;

/**
 * Staging an input, syncing a checkpoint or publishing an artifact failed. The message names the channel or
 * URI and what is wrong (for example {@code No S3 objects found under S3 URL "s3://bucket/train/"}); it never
 * contains a credential.
 */
public class StorageException extends SmtrainException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message.
   *
   * @param message what went wrong, naming the channel or URI
   */
  public StorageException(String message) {
    super(message);
  }

  /**
   * An exception with a message and a cause.
   *
   * @param message what went wrong, naming the channel or URI
   * @param cause the underlying failure
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
