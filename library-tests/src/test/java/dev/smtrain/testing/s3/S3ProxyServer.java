package dev.smtrain.testing.s3;

import dev.smtrain.local.storage.StorageSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server (S3Proxy over an in-memory jclouds {@code transient} blob store) on a free
 * loopback port, with AWS SigV4 authentication, for tests.
 *
 * <p>Lifecycle: as a JUnit 5 extension on a static field it starts before the class's first test and stops
 * after its last one:
 * <pre>{@code
 * @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
 * ... LocalStorage.create(S3.storageSettings()) ...
 * String bucket = S3.createBucket();
 * }</pre>
 * or by hand: {@code try (S3ProxyServer s3 = S3ProxyServer.started()) { ... }}. {@link #start()} and
 * {@link #close()} are idempotent. Buckets are not cleared between tests: use a fresh {@link #createBucket()}.
 */
public final class S3ProxyServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  /** The access key id the server accepts (a test value, not a secret). */
  public static final String ACCESS_KEY = "smtrain-test-access";
  /** The secret key the server accepts (a test value). */
  public static final String SECRET_KEY = "smtrain-test-secret";

  private S3Proxy proxy;
  private BlobStoreContext context;
  private S3Client client;
  private URI endpoint;

  /** A server that is not started yet. */
  public S3ProxyServer() {}

  /**
   * A started server; close it.
   *
   * @return the server
   */
  public static S3ProxyServer started() {
    S3ProxyServer s = new S3ProxyServer();
    s.start();
    return s;
  }

  /** Starts the server on a free loopback port and waits until it serves. Idempotent. */
  public synchronized void start() {
    if (proxy != null) {
      return;
    }
    Properties props = new Properties();
    context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
        .overrides(props).build(BlobStoreContext.class);
    proxy = S3Proxy.builder()
        .blobStore(context.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .ignoreUnknownHeaders(true)
        .build();
    try {
      proxy.start();
      // start() returns once Jetty is started; the port is bound by then.
      if (!"STARTED".equals(proxy.getState())) {
        throw new IllegalStateException("S3Proxy did not start: state " + proxy.getState());
      }
    } catch (Exception e) {
      close();
      throw new IllegalStateException("Could not start S3Proxy on 127.0.0.1", e);
    }
    endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    client = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
        .credentialsProvider(credentialsProvider())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
  }

  /**
   * The server's endpoint.
   *
   * @return {@code http://127.0.0.1:PORT}
   */
  public URI endpoint() {
    requireStarted();
    return endpoint;
  }

  /**
   * Credentials the server accepts.
   *
   * @return a static provider
   */
  public AwsCredentialsProvider credentialsProvider() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  }

  /**
   * Settings that make {@code LocalStorage} talk to this server (endpoint, path style, region, credentials,
   * checksums only when required and single-request downloads: S3Proxy 2.6 rejects the SDK's default trailing
   * checksums and ignores {@code partNumber} on GetObject, which the SDK's multipart download relies on).
   *
   * @return the settings
   */
  public StorageSettings storageSettings() {
    return StorageSettings.builder().endpointOverride(endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
        .credentialsProvider(credentialsProvider()).checksums(RequestChecksumCalculation.WHEN_REQUIRED)
        .multipartDownloads(false).build();
  }

  /**
   * A synchronous client for test setup and assertions; owned by the server.
   *
   * @return the client
   */
  public S3Client client() {
    requireStarted();
    return client;
  }

  /**
   * Creates a bucket with a fresh name.
   *
   * @return the bucket name
   */
  public String createBucket() {
    String name = "b-" + UUID.randomUUID().toString().substring(0, 13);
    client().createBucket(b -> b.bucket(name));
    return name;
  }

  /**
   * Writes an object.
   *
   * @param bucket the bucket
   * @param key the key
   * @param content the content, as UTF-8
   */
  public void put(String bucket, String key, String content) {
    put(bucket, key, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes an object.
   *
   * @param bucket the bucket
   * @param key the key
   * @param content the content
   */
  public void put(String bucket, String key, byte[] content) {
    client().putObject(p -> p.bucket(bucket).key(key), RequestBody.fromBytes(content));
  }

  /**
   * Reads an object.
   *
   * @param bucket the bucket
   * @param key the key
   * @return its bytes
   */
  public byte[] get(String bucket, String key) {
    return client().getObjectAsBytes(g -> g.bucket(bucket).key(key)).asByteArray();
  }

  /**
   * Lists keys.
   *
   * @param bucket the bucket
   * @param prefix the prefix
   * @return every key under it, in S3 order
   */
  public List<String> keys(String bucket, String prefix) {
    return client().listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key).toList();
  }

  /** Stops the server. Idempotent. */
  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
    if (proxy != null) {
      try {
        proxy.stop();
      } catch (Exception e) {
        throw new IllegalStateException("Could not stop S3Proxy", e);
      } finally {
        proxy = null;
        if (context != null) {
          context.close();
          context = null;
        }
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext ctx) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext ctx) {
    close();
  }

  private void requireStarted() {
    if (proxy == null) {
      throw new IllegalStateException("S3ProxyServer is not started: register it with @RegisterExtension on a "
          + "static field, or call start()");
    }
  }
}
