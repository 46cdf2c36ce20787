package dev.smtrain.local.storage;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;

/**
 * How {@link LocalStorage} reaches S3. Everything is optional: by default the SDK's chains pick the region and
 * credentials and the client talks to AWS. Point it at an S3-compatible server (MinIO, S3Proxy, LocalStack)
 * with {@link Builder#endpointOverride(URI)} and usually {@link Builder#forcePathStyle(boolean)}.
 *
 * <pre>{@code
 * StorageSettings settings = StorageSettings.builder()
 *     .endpointOverride(URI.create("http://127.0.0.1:9000"))
 *     .forcePathStyle(true)
 *     .region(Region.US_EAST_1)
 *     .build();
 * }</pre>
 *
 * <p>{@code toString()} never shows credentials.
 */
public final class StorageSettings {

  /** Settings key for {@link #fromMap(Map)}: the S3 endpoint override URI. */
  public static final String ENDPOINT = "s3.endpoint";
  /** Settings key for {@link #fromMap(Map)}: the region id, e.g. {@code eu-west-1}. */
  public static final String REGION = "s3.region";
  /** Settings key for {@link #fromMap(Map)}: {@code true} for path-style access. */
  public static final String PATH_STYLE = "s3.pathStyle";
  /**
   * Settings key for {@link #fromMap(Map)}: {@code when_supported} or {@code when_required}, the SDK's
   * request checksum calculation and response checksum validation (see {@link Builder#checksums}).
   */
  public static final String CHECKSUMS = "s3.checksums";
  /** Settings key for {@link #fromMap(Map)}: {@code false} to download each object with one GetObject. */
  public static final String MULTIPART_DOWNLOADS = "s3.multipartDownloads";

  private final URI endpointOverride;
  private final Region region;
  private final boolean forcePathStyle;
  private final AwsCredentialsProvider credentialsProvider;
  private final int maxConcurrentTransfers;
  private final RequestChecksumCalculation checksums;
  private final boolean multipartDownloads;

  private StorageSettings(Builder b) {
    this.checksums = b.checksums;
    this.multipartDownloads = b.multipartDownloads;
    this.endpointOverride = b.endpointOverride;
    this.region = b.region;
    this.forcePathStyle = b.forcePathStyle;
    this.credentialsProvider = b.credentialsProvider;
    this.maxConcurrentTransfers = b.maxConcurrentTransfers;
  }

  /**
   * Settings that use the SDK's defaults for everything.
   *
   * @return the default settings
   */
  public static StorageSettings defaults() {
    return builder().build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads settings from an executor provider's settings map: {@value #ENDPOINT}, {@value #REGION},
   * {@value #PATH_STYLE}, {@value #CHECKSUMS} and {@value #MULTIPART_DOWNLOADS}; other keys are ignored.
   * Credentials always come from the SDK's default chain (never from the map, which may be logged).
   *
   * @param settings the map, e.g. from {@code TrainingJobExecutorProvider.create}
   * @return the settings
   * @throws IllegalArgumentException when a value is malformed (the message names the key)
   */
  public static StorageSettings fromMap(Map<String, String> settings) {
    Builder b = builder();
    String endpoint = settings.get(ENDPOINT);
    if (endpoint != null && !endpoint.isBlank()) {
      try {
        b.endpointOverride(new URI(endpoint.trim()));
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException(
            "Setting " + ENDPOINT + " must be a URI such as http://127.0.0.1:9000, got \"" + endpoint + "\"", e);
      }
    }
    String region = settings.get(REGION);
    if (region != null && !region.isBlank()) {
      b.region(Region.of(region.trim()));
    }
    String pathStyle = settings.get(PATH_STYLE);
    if (pathStyle != null && !pathStyle.isBlank()) {
      String v = pathStyle.trim();
      if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException(
            "Setting " + PATH_STYLE + " must be true or false, got \"" + pathStyle + "\"");
      }
      b.forcePathStyle(Boolean.parseBoolean(v));
    }
    String multipart = settings.get(MULTIPART_DOWNLOADS);
    if (multipart != null && !multipart.isBlank()) {
      String v = multipart.trim();
      if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException(
            "Setting " + MULTIPART_DOWNLOADS + " must be true or false, got \"" + multipart + "\"");
      }
      b.multipartDownloads(Boolean.parseBoolean(v));
    }
    String checksums = settings.get(CHECKSUMS);
    if (checksums != null && !checksums.isBlank()) {
      String v = checksums.trim().toLowerCase(java.util.Locale.ROOT);
      if (!v.equals("when_supported") && !v.equals("when_required")) {
        throw new IllegalArgumentException(
            "Setting " + CHECKSUMS + " must be when_supported or when_required, got \"" + checksums + "\"");
      }
      b.checksums(v.equals("when_required")
          ? RequestChecksumCalculation.WHEN_REQUIRED : RequestChecksumCalculation.WHEN_SUPPORTED);
    }
    return b.build();
  }

  /**
   * When the SDK computes request checksums and validates response checksums. When absent the SDK decides
   * (its default is {@code WHEN_SUPPORTED}, overridable with {@code AWS_REQUEST_CHECKSUM_CALCULATION}).
   *
   * @return the setting, if set
   */
  public Optional<RequestChecksumCalculation> checksums() {
    return Optional.ofNullable(checksums);
  }

  /**
   * Whether downloads use the SDK's parallel multipart download (GetObject by part number). When
   * {@code false}, each object is downloaded with one plain GetObject, still through an
   * {@code S3TransferManager}.
   *
   * @return {@code true} by default
   */
  public boolean multipartDownloads() {
    return multipartDownloads;
  }

  /**
   * The response checksum validation matching {@link #checksums()}.
   *
   * @return the setting, if {@link #checksums()} is set
   */
  public Optional<ResponseChecksumValidation> responseChecksumValidation() {
    return checksums().map(c -> c == RequestChecksumCalculation.WHEN_REQUIRED
        ? ResponseChecksumValidation.WHEN_REQUIRED : ResponseChecksumValidation.WHEN_SUPPORTED);
  }

  /**
   * The S3 endpoint to use instead of AWS's.
   *
   * @return the endpoint, if overridden
   */
  public Optional<URI> endpointOverride() {
    return Optional.ofNullable(endpointOverride);
  }

  /**
   * The region. When absent, the SDK's default region chain decides; if that finds none and an endpoint
   * override is set, {@code us-east-1} is used (S3-compatible servers ignore it).
   *
   * @return the region, if set
   */
  public Optional<Region> region() {
    return Optional.ofNullable(region);
  }

  /**
   * Whether to address buckets in the path ({@code http://host/bucket/key}) rather than the host name.
   *
   * @return {@code true} for path-style access
   */
  public boolean forcePathStyle() {
    return forcePathStyle;
  }

  /**
   * The credentials provider. When absent, the SDK's default credentials chain is used.
   *
   * @return the provider, if set
   */
  public Optional<AwsCredentialsProvider> credentialsProvider() {
    return Optional.ofNullable(credentialsProvider);
  }

  /**
   * At most this many object transfers run at once.
   *
   * @return the limit, at least 1 (default 16)
   */
  public int maxConcurrentTransfers() {
    return maxConcurrentTransfers;
  }

  @Override
  public String toString() {
    return "StorageSettings{endpointOverride=" + endpointOverride + ", region=" + region + ", forcePathStyle="
        + forcePathStyle + ", credentialsProvider=" + (credentialsProvider == null ? "default chain" : "custom")
        + ", maxConcurrentTransfers=" + maxConcurrentTransfers + ", checksums=" + checksums
        + ", multipartDownloads=" + multipartDownloads + "}";
  }

  /** Builds {@link StorageSettings}. */
  public static final class Builder {
    private URI endpointOverride;
    private Region region;
    private boolean forcePathStyle;
    private AwsCredentialsProvider credentialsProvider;
    private int maxConcurrentTransfers = 16;
    private RequestChecksumCalculation checksums;
    private boolean multipartDownloads = true;

    private Builder() {}

    /**
     * Sets whether downloads use the SDK's parallel multipart download, which asks for objects by part number.
     * S3-compatible servers that ignore {@code partNumber} on GetObject (S3Proxy 2.6, for one) need
     * {@code false}; uploads stay multipart either way.
     *
     * @param multipartDownloads {@code false} for one GetObject per object
     * @return this builder
     */
    public Builder multipartDownloads(boolean multipartDownloads) {
      this.multipartDownloads = multipartDownloads;
      return this;
    }

    /**
     * Sets when checksums are computed on requests and validated on responses. S3-compatible servers that do
     * not understand the SDK's default flexible checksums (trailing {@code x-amz-checksum-*} in
     * {@code aws-chunked} bodies, e.g. S3Proxy 2.6) need {@code WHEN_REQUIRED}.
     *
     * @param checksums {@code WHEN_SUPPORTED} (the SDK default) or {@code WHEN_REQUIRED}
     * @return this builder
     */
    public Builder checksums(RequestChecksumCalculation checksums) {
      this.checksums = Objects.requireNonNull(checksums, "checksums");
      return this;
    }

    /**
     * Sets the S3 endpoint, for an S3-compatible server.
     *
     * @param endpointOverride the endpoint, e.g. {@code http://127.0.0.1:9000}
     * @return this builder
     */
    public Builder endpointOverride(URI endpointOverride) {
      this.endpointOverride = Objects.requireNonNull(endpointOverride, "endpointOverride");
      return this;
    }

    /**
     * Sets the region.
     *
     * @param region the region
     * @return this builder
     */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * Sets path-style access.
     *
     * @param forcePathStyle {@code true} to put the bucket in the path
     * @return this builder
     */
    public Builder forcePathStyle(boolean forcePathStyle) {
      this.forcePathStyle = forcePathStyle;
      return this;
    }

    /**
     * Sets the credentials provider.
     *
     * @param credentialsProvider the provider
     * @return this builder
     */
    public Builder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
      this.credentialsProvider = Objects.requireNonNull(credentialsProvider, "credentialsProvider");
      return this;
    }

    /**
     * Sets how many object transfers may run at once.
     *
     * @param maxConcurrentTransfers at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder maxConcurrentTransfers(int maxConcurrentTransfers) {
      if (maxConcurrentTransfers < 1) {
        throw new IllegalArgumentException(
            "maxConcurrentTransfers must be at least 1, got " + maxConcurrentTransfers);
      }
      this.maxConcurrentTransfers = maxConcurrentTransfers;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     */
    public StorageSettings build() {
      return new StorageSettings(this);
    }
  }
}
