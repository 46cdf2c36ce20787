package dev.smtrain.sagemaker.loopback;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records each request's target, content type and body as it arrives at the endpoint, then passes it on. */
public final class RecordingFilter extends Filter {

  /**
   * One recorded request.
   *
   * @param target the X-Amz-Target header
   * @param contentType the Content-Type header
   * @param body the body as sent
   */
  public record Recorded(String target, String contentType, String body) {}

  private final List<Recorded> requests = new ArrayList<>();

  /**
   * The requests so far.
   *
   * @return a copy of the list
   */
  public synchronized List<Recorded> requests() {
    return new ArrayList<>(requests);
  }

  /**
   * The bodies of the requests with a target.
   *
   * @param target such as {@code SageMaker.CreateTrainingJob}
   * @return the bodies in arrival order
   */
  public synchronized List<String> bodies(String target) {
    List<String> out = new ArrayList<>();
    for (Recorded r : requests) {
      if (target.equals(r.target())) {
        out.add(r.body());
      }
    }
    return out;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    synchronized (this) {
      requests.add(new Recorded(exchange.getRequestHeaders().getFirst("X-Amz-Target"),
          exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
    }
    exchange.setStreams(new ByteArrayInputStream(body), null);
    chain.doFilter(exchange);
  }

  @Override
  public String description() {
    return "records requests";
  }
}
