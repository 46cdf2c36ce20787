package dev.smtrain.local.storage.internal;

import dev.smtrain.local.storage.StorageException;
import dev.smtrain.local.storage.StorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/** The S3 side: a lazily created async client (multipart enabled) and transfer manager. */
public final class S3Store implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(S3Store.class);

  /** One listed object. */
  public record ObjectInfo(String key, long size, String eTag) {}

  /** One transfer: a key and a local file. */
  public record Transfer(String key, Path file) {}

  private final StorageSettings settings;
  private S3AsyncClient client;
  private S3TransferManager transferManager;
  private S3AsyncClient plainClient;
  private S3TransferManager downloadManager;
  private boolean closed;

  /**
   * A store that creates nothing until used.
   *
   * @param settings the settings
   */
  public S3Store(StorageSettings settings) {
    this.settings = settings;
  }

  private synchronized S3TransferManager tm() {
    if (closed) {
      throw new IllegalStateException("LocalStorage is closed");
    }
    if (transferManager == null) {
      client = newClient(true);
      transferManager = S3TransferManager.builder().s3Client(client).build();
      LOG.debug("Created S3 client and transfer manager: {}", settings);
    }
    return transferManager;
  }

  /** The transfer manager for downloads: the multipart one, or one over a plain client. */
  private synchronized S3TransferManager downloads() {
    S3TransferManager tm = tm();
    if (settings.multipartDownloads()) {
      return tm;
    }
    if (downloadManager == null) {
      plainClient = newClient(false);
      downloadManager = S3TransferManager.builder().s3Client(plainClient).build();
    }
    return downloadManager;
  }

  private S3AsyncClient newClient(boolean multipart) {
    S3AsyncClientBuilder b = S3AsyncClient.builder()
        .multipartEnabled(multipart)
        .forcePathStyle(settings.forcePathStyle())
        .region(region());
    settings.endpointOverride().ifPresent(b::endpointOverride);
    settings.credentialsProvider().ifPresent(b::credentialsProvider);
    settings.checksums().ifPresent(b::requestChecksumCalculation);
    settings.responseChecksumValidation().ifPresent(b::responseChecksumValidation);
    try {
      return b.build();
    } catch (RuntimeException e) {
      throw new StorageException("Could not create the S3 client (" + settings + "): " + e.getMessage(), e);
    }
  }

  private synchronized S3AsyncClient client() {
    tm();
    return client;
  }

  private Region region() {
    if (settings.region().isPresent()) {
      return settings.region().get();
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      if (settings.endpointOverride().isPresent()) {
        return Region.US_EAST_1;
      }
      throw new StorageException("No AWS region is configured for S3: set AWS_REGION, a profile region, or "
          + "StorageSettings.region", e);
    }
  }

  /**
   * Lists every object under a prefix, in S3's (UTF-8) order, skipping "folder" keys ending in {@code /}.
   *
   * @param uri the bucket and prefix
   * @param context what is being read, for error messages
   * @return the objects
   */
  public List<ObjectInfo> list(StorageUri uri, String context) {
    List<ObjectInfo> out = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ListObjectsV2Response page = join(client().listObjectsV2(r -> r.bucket(uri.bucket()).prefix(uri.key())
          .continuationToken(t)), uri, context);
      for (S3Object o : page.contents()) {
        if (!o.key().endsWith("/")) {
          out.add(new ObjectInfo(o.key(), o.size(), o.eTag()));
        }
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    return out;
  }

  /**
   * Reads a small object into memory.
   *
   * @param uri the object
   * @param context what is being read
   * @return its bytes
   */
  public byte[] read(StorageUri uri, String context) {
    return join(client().getObject(r -> r.bucket(uri.bucket()).key(uri.key()), AsyncResponseTransformer.toBytes()),
        uri, context).asByteArray();
  }

  /**
   * Downloads objects of one bucket to files (parents created), at most
   * {@link StorageSettings#maxConcurrentTransfers()} at once.
   *
   * @param bucket the bucket
   * @param transfers the objects and their files
   * @param context what is being staged, for error messages
   */
  public void downloadAll(String bucket, List<Transfer> transfers, String context) {
    S3TransferManager tm = downloads();
    runAll(transfers, t -> {
      try {
        Files.createDirectories(t.file().getParent());
      } catch (java.io.IOException e) {
        return CompletableFuture.failedFuture(e);
      }
      return tm.downloadFile(d -> d.getObjectRequest(g -> g.bucket(bucket).key(t.key())).destination(t.file()))
          .completionFuture();
    }, bucket, context);
  }

  /**
   * Uploads files to keys of one bucket, at most {@link StorageSettings#maxConcurrentTransfers()} at once.
   *
   * @param bucket the bucket
   * @param transfers the files and their keys
   * @param context what is being written
   */
  public void uploadAll(String bucket, List<Transfer> transfers, String context) {
    S3TransferManager tm = tm();
    runAll(transfers, t -> tm.uploadFile(u -> u.putObjectRequest(p -> p.bucket(bucket).key(t.key()))
        .source(t.file())).completionFuture(), bucket, context);
  }

  /**
   * Uploads one file; the object appears only when the upload completes.
   *
   * @param file the file
   * @param dest the destination object
   */
  public void upload(Path file, StorageUri dest) {
    uploadAll(dest.bucket(), List.of(new Transfer(dest.key(), file)), "Publishing " + dest);
  }

  private void runAll(List<Transfer> transfers, Function<Transfer, CompletableFuture<?>> start, String bucket,
      String context) {
    Semaphore permits = new Semaphore(settings.maxConcurrentTransfers());
    List<CompletableFuture<?>> futures = new ArrayList<>();
    try {
      for (Transfer t : transfers) {
        permits.acquire();
        CompletableFuture<?> f = start.apply(t).whenComplete((r, e) -> permits.release());
        futures.add(f.handle((r, e) -> {
          if (e != null) {
            throw new CompletionException(new TransferFailure(t.key(), unwrap(e)));
          }
          return r;
        }));
      }
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new StorageException(context + ": interrupted", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      Throwable cause = unwrap(e);
      if (cause instanceof TransferFailure tf) {
        throw translate(tf.getCause(), "s3://" + bucket + "/" + tf.key, context);
      }
      throw translate(cause, "s3://" + bucket, context);
    }
  }

  private <T> T join(CompletableFuture<T> future, StorageUri uri, String context) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new StorageException(context + ": interrupted while reading " + uri, e);
    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
      throw translate(unwrap(e), uri.toString(), context);
    }
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private StorageException translate(Throwable e, String uri, String context) {
    String bucket = uri.startsWith("s3://") ? uri.substring(5).split("/", 2)[0] : uri;
    if (e instanceof S3Exception s3e && s3e.awsErrorDetails() != null) {
      String code = String.valueOf(s3e.awsErrorDetails().errorCode());
      String what = switch (code) {
        case "NoSuchBucket" -> "S3 bucket \"" + bucket + "\" does not exist";
        case "NoSuchKey" -> "no S3 object at " + uri;
        case "AccessDenied" -> "access denied to " + uri;
        default -> "S3 error " + code + " (HTTP " + s3e.statusCode() + ") for " + uri + ": "
            + s3e.awsErrorDetails().errorMessage();
      };
      return new StorageException(context + ": " + what, e);
    }
    if (e instanceof S3Exception s3e && s3e.statusCode() == 404) {
      return new StorageException(context + ": S3 bucket \"" + bucket + "\" or object " + uri + " not found", e);
    }
    if (e instanceof SdkException) {
      String where = settings.endpointOverride().map(Object::toString).orElse("AWS");
      return new StorageException(context + ": could not transfer " + uri + " (S3 endpoint " + where + "): "
          + e.getMessage(), e);
    }
    return new StorageException(context + ": could not transfer " + uri + ": " + e, e);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (downloadManager != null) {
      downloadManager.close();
      plainClient.close();
      downloadManager = null;
      plainClient = null;
    }
    if (transferManager != null) {
      transferManager.close();
      client.close();
      transferManager = null;
      client = null;
    }
  }

  private static final class TransferFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    TransferFailure(String key, Throwable cause) {
      super(key, cause, false, false);
      this.key = key;
    }
  }
}
