package dev.smtrain.sagemaker.loopback;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fault injection: the first request with a given target is processed in full (the job is created), but its
 * answer is thrown away and the connection closed without a response, as when a network drops the answer.
 */
public final class DropResponseOnceFilter extends Filter {

  private final String target;
  private final AtomicBoolean armed = new AtomicBoolean(true);

  /**
   * A filter for one target.
   *
   * @param target such as {@code SageMaker.CreateTrainingJob}
   */
  public DropResponseOnceFilter(String target) {
    this.target = target;
  }

  /**
   * Whether the response has been dropped.
   *
   * @return {@code true} once it has
   */
  public boolean fired() {
    return !armed.get();
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    if (!target.equals(exchange.getRequestHeaders().getFirst("X-Amz-Target")) || !armed.compareAndSet(true, false)) {
      chain.doFilter(exchange);
      return;
    }
    chain.doFilter(new Swallowing(exchange));
    // No response headers were sent on the real exchange: closing it closes the connection unanswered.
    exchange.close();
  }

  @Override
  public String description() {
    return "drops the first response to " + target;
  }

  /** Delegates everything but the response, which goes nowhere. */
  private static final class Swallowing extends HttpExchange {
    private final HttpExchange real;
    private final Headers responseHeaders = new Headers();
    private int code = -1;

    Swallowing(HttpExchange real) {
      this.real = real;
    }

    @Override
    public Headers getRequestHeaders() {
      return real.getRequestHeaders();
    }

    @Override
    public Headers getResponseHeaders() {
      return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
      return real.getRequestURI();
    }

    @Override
    public String getRequestMethod() {
      return real.getRequestMethod();
    }

    @Override
    public HttpContext getHttpContext() {
      return real.getHttpContext();
    }

    @Override
    public void close() {}

    @Override
    public InputStream getRequestBody() {
      return real.getRequestBody();
    }

    @Override
    public OutputStream getResponseBody() {
      return OutputStream.nullOutputStream();
    }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) {
      code = rCode;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
      return real.getRemoteAddress();
    }

    @Override
    public int getResponseCode() {
      return code;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return real.getLocalAddress();
    }

    @Override
    public String getProtocol() {
      return real.getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
      return real.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
      real.setAttribute(name, value);
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
      real.setStreams(i, o);
    }

    @Override
    public HttpPrincipal getPrincipal() {
      return real.getPrincipal();
    }
  }
}
