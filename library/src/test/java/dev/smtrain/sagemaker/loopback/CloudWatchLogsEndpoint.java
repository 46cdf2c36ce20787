package dev.smtrain.sagemaker.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CloudWatch Logs endpoint on loopback speaking JSON 1.1 ({@code X-Amz-Target: Logs_20140328.*}) with just
 * enough of DescribeLogStreams and GetLogEvents to page through a training job's log: small pages, so that
 * every client path through {@code nextToken} and {@code nextForwardToken} is exercised.
 */
public final class CloudWatchLogsEndpoint implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String GROUP = "/aws/sagemaker/TrainingJobs";

  private final HttpServer server;
  private final Map<String, List<long[]>> times = new TreeMap<>();
  private final Map<String, List<String>> messages = new TreeMap<>();
  private final int pageSize;
  private final AtomicInteger getLogEventsCalls = new AtomicInteger();
  private final AtomicInteger describeLogStreamsCalls = new AtomicInteger();

  /**
   * Starts an endpoint.
   *
   * @param pageSize events per GetLogEvents page and streams per DescribeLogStreams page
   * @throws IOException when no port can be opened
   */
  public CloudWatchLogsEndpoint(int pageSize) throws IOException {
    this.pageSize = pageSize;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * The endpoint's URI.
   *
   * @return the URI
   */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Appends a line to a stream of the training jobs' log group.
   *
   * @param stream the stream, such as {@code job/algo-1-1700000000}
   * @param timestampMillis the event time
   * @param message the line
   */
  public synchronized void append(String stream, long timestampMillis, String message) {
    times.computeIfAbsent(stream, s -> new ArrayList<>()).add(new long[] {timestampMillis});
    messages.computeIfAbsent(stream, s -> new ArrayList<>()).add(message);
  }

  /**
   * How many GetLogEvents calls were answered.
   *
   * @return the count
   */
  public int getLogEventsCalls() {
    return getLogEventsCalls.get();
  }

  /**
   * How many DescribeLogStreams calls were answered.
   *
   * @return the count
   */
  public int describeLogStreamsCalls() {
    return describeLogStreamsCalls.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      body = MAPPER.readTree(in.readAllBytes());
    }
    String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
    int status = 200;
    ObjectNode answer;
    synchronized (this) {
      if (!GROUP.equals(body.path("logGroupName").asText())) {
        status = 400;
        answer = MAPPER.createObjectNode().put("__type", "ResourceNotFoundException")
            .put("message", "The specified log group does not exist.");
      } else if (target.equals("Logs_20140328.DescribeLogStreams")) {
        describeLogStreamsCalls.incrementAndGet();
        answer = describeLogStreams(body);
      } else if (target.equals("Logs_20140328.GetLogEvents")) {
        getLogEventsCalls.incrementAndGet();
        answer = getLogEvents(body);
        if (answer == null) {
          status = 400;
          answer = MAPPER.createObjectNode().put("__type", "ResourceNotFoundException")
              .put("message", "The specified log stream does not exist.");
        }
      } else {
        status = 400;
        answer = MAPPER.createObjectNode().put("__type", "UnknownOperationException").put("message", target);
      }
    }
    byte[] bytes = MAPPER.writeValueAsBytes(answer);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private ObjectNode describeLogStreams(JsonNode body) {
    String prefix = body.path("logStreamNamePrefix").asText("");
    List<String> names = new ArrayList<>();
    for (String s : messages.keySet()) {
      if (s.startsWith(prefix)) {
        names.add(s);
      }
    }
    int from = body.hasNonNull("nextToken") ? Integer.parseInt(body.get("nextToken").asText().substring(2)) : 0;
    ObjectNode answer = MAPPER.createObjectNode();
    ArrayNode streams = answer.putArray("logStreams");
    int to = Math.min(names.size(), from + pageSize);
    for (int i = from; i < to; i++) {
      streams.addObject().put("logStreamName", names.get(i)).put("creationTime", 0);
    }
    if (to < names.size()) {
      answer.put("nextToken", "s/" + to);
    }
    return answer;
  }

  private ObjectNode getLogEvents(JsonNode body) {
    String stream = body.path("logStreamName").asText();
    List<String> lines = messages.get(stream);
    if (lines == null) {
      return null;
    }
    int from = body.hasNonNull("nextToken") ? Integer.parseInt(body.get("nextToken").asText().substring(2)) : 0;
    int to = Math.min(lines.size(), from + pageSize);
    ObjectNode answer = MAPPER.createObjectNode();
    ArrayNode events = answer.putArray("events");
    for (int i = from; i < to; i++) {
      events.addObject().put("timestamp", times.get(stream).get(i)[0]).put("message", lines.get(i))
          .put("ingestionTime", times.get(stream).get(i)[0]);
    }
    answer.put("nextForwardToken", "f/" + to);
    answer.put("nextBackwardToken", "b/" + from);
    return answer;
  }
}
