package dev.smtrain.server;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import dev.smtrain.SmtrainException;
import dev.smtrain.executor.TrainingJobExecutor;
import dev.smtrain.server.internal.JsonProtocolHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server on the loopback interface that speaks SageMaker's JSON 1.1 protocol in front of any
 * {@link TrainingJobExecutor}, so that the AWS SDKs, boto3 and the AWS CLI can run training jobs on it:
 * point their endpoint at {@link #uri()} with any credentials and region (signatures are not checked).
 *
 * <p>Operations ({@code X-Amz-Target}): {@code SageMaker.CreateTrainingJob}, {@code DescribeTrainingJob},
 * {@code StopTrainingJob} and {@code ListTrainingJobs}. Bodies are {@code application/x-amz-json-1.1} with
 * timestamps as epoch seconds. Errors are HTTP 400 with {@code {"__type": "ResourceInUse", "Message": ...}}
 * ({@code ResourceInUse}, {@code ResourceLimitExceeded}, {@code ResourceNotFound},
 * {@code ValidationException}); as SageMaker does, describing an unknown job is a
 * {@code ValidationException} "Requested resource not found.".
 *
 * <pre>{@code
 * try (SageMakerEndpoint endpoint = SageMakerEndpoint.start(executor)) {
 *   // aws sagemaker --endpoint-url <endpoint.uri()> create-training-job --cli-input-json file://job.json
 * }
 * }</pre>
 *
 * <p>Closing the endpoint stops the server; it does not close the executor.
 */
public final class SageMakerEndpoint implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SageMakerEndpoint.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService threads;
  private final URI uri;
  private boolean closed;

  private SageMakerEndpoint(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
    InetSocketAddress address = server.getAddress();
    this.uri = URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
  }

  /**
   * Starts an endpoint for an executor on a free loopback port.
   *
   * @param executor where the jobs run
   * @return the running endpoint
   * @throws UncheckedIOException when no port can be opened
   */
  public static SageMakerEndpoint start(TrainingJobExecutor executor) {
    return builder().executor(executor).start();
  }

  /**
   * A builder, for a fixed port or request filters.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Where the endpoint listens, such as {@code http://127.0.0.1:41234}.
   *
   * @return the endpoint URI
   */
  public URI uri() {
    return uri;
  }

  /**
   * The port the endpoint listens on.
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops the server, answering no further requests. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.stop(0);
    threads.shutdownNow();
    LOG.debug("SageMaker endpoint {} stopped", uri);
  }

  /** Builds and starts a {@link SageMakerEndpoint}. */
  public static final class Builder {
    private TrainingJobExecutor executor;
    private int port;
    private final List<Filter> filters = new ArrayList<>();

    Builder() {}

    /**
     * The executor the endpoint runs jobs on (required).
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(TrainingJobExecutor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The port to listen on; 0 (the default) picks a free one.
     *
     * @param port the port
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Adds a filter that sees every exchange before the endpoint answers it, in the order added (for
     * logging, recording or fault injection).
     *
     * @param filter the filter
     * @return this builder
     */
    public Builder addFilter(Filter filter) {
      filters.add(Objects.requireNonNull(filter, "filter"));
      return this;
    }

    /**
     * Opens the port and starts answering.
     *
     * @return the running endpoint
     * @throws SmtrainException when no executor was set
     * @throws UncheckedIOException when the port cannot be opened
     */
    public SageMakerEndpoint start() {
      if (executor == null) {
        throw new SmtrainException("SageMakerEndpoint.builder(): set the executor the endpoint runs jobs on");
      }
      HttpServer server;
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on loopback port " + port + ": " + e.getMessage(), e);
      }
      HttpContext context = server.createContext("/", new JsonProtocolHandler(executor));
      context.getFilters().addAll(filters);
      ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "smtrain-sagemaker-endpoint-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      server.setExecutor(threads);
      server.start();
      SageMakerEndpoint endpoint = new SageMakerEndpoint(server, threads);
      LOG.debug("SageMaker endpoint listening on {}", endpoint.uri());
      return endpoint;
    }
  }
}
