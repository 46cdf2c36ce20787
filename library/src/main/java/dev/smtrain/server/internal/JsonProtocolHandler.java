package dev.smtrain.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.smtrain.SmtrainException;
import dev.smtrain.executor.ResourceInUseException;
import dev.smtrain.executor.ResourceLimitExceededException;
import dev.smtrain.executor.ResourceNotFoundException;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobExecutor;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ListTrainingJobsRequest;
import dev.smtrain.model.ListTrainingJobsResponse;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.json.JsonProblem;
import dev.smtrain.model.json.JsonReadResult;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.sagemaker.internal.SdkJson;
import dev.smtrain.sagemaker.internal.SdkJson.Timestamps;
import dev.smtrain.validation.ValidationException;
import dev.smtrain.validation.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;

/** Answers SageMaker JSON 1.1 calls with a {@link TrainingJobExecutor}. */
public final class JsonProtocolHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(JsonProtocolHandler.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  private static final String PREFIX = "SageMaker.";

  private final TrainingJobExecutor executor;

  /**
   * A handler.
   *
   * @param executor where jobs run
   */
  public JsonProtocolHandler(TrainingJobExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /** An error answer. */
  private static final class ServiceError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String type;

    ServiceError(int status, String type, String message) {
      super(message, null, false, false);
      this.status = status;
      this.type = type;
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      JsonNode answer = answer(exchange.getRequestMethod(), target, body);
      send(exchange, 200, requestId, MAPPER.writeValueAsBytes(answer));
    } catch (ServiceError e) {
      LOG.debug("{} answered {} {}: {}", target, e.status, e.type, e.getMessage());
      ObjectNode error = MAPPER.createObjectNode().put("__type", e.type).put("Message", e.getMessage());
      send(exchange, e.status, requestId, MAPPER.writeValueAsBytes(error));
    } catch (RuntimeException e) {
      LOG.debug("{} failed inside the executor (request {})", target, requestId, e);
      // smtrain's own exceptions carry messages written for users; anything else may carry anything.
      String what = e instanceof SmtrainException ? e.getMessage() : e.getClass().getSimpleName();
      ObjectNode error = MAPPER.createObjectNode().put("__type", "InternalFailure")
          .put("Message", "the executor failed: " + what + " (request id " + requestId + ")");
      send(exchange, 500, requestId, MAPPER.writeValueAsBytes(error));
    } finally {
      exchange.close();
    }
  }

  private static void send(HttpExchange exchange, int status, String requestId, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private JsonNode answer(String method, String target, byte[] body) {
    if (!"POST".equals(method)) {
      throw new ServiceError(400, "UnknownOperationException", "SageMaker calls are POST requests");
    }
    if (target == null || !target.startsWith(PREFIX)) {
      throw new ServiceError(400, "UnknownOperationException",
          "missing or foreign X-Amz-Target header; expected SageMaker.<Operation>");
    }
    JsonNode request = parse(body);
    String operation = target.substring(PREFIX.length());
    try {
      switch (operation) {
        case "CreateTrainingJob":
          return create(request);
        case "DescribeTrainingJob":
          return describe(name(request));
        case "StopTrainingJob":
          executor.stop(name(request));
          return MAPPER.createObjectNode();
        case "ListTrainingJobs":
          return list(request);
        default:
          throw new ServiceError(400, "UnknownOperationException", "operation " + operation
              + " is not supported here; supported: CreateTrainingJob, DescribeTrainingJob, StopTrainingJob, "
              + "ListTrainingJobs");
      }
    } catch (ResourceInUseException e) {
      throw new ServiceError(400, "ResourceInUse", e.getMessage());
    } catch (ResourceLimitExceededException e) {
      throw new ServiceError(400, "ResourceLimitExceeded", e.getMessage());
    } catch (ResourceNotFoundException e) {
      if ("DescribeTrainingJob".equals(operation)) {
        // What SageMaker itself answers; clients match on it.
        throw new ServiceError(400, "ValidationException", "Requested resource not found.");
      }
      throw new ServiceError(400, "ResourceNotFound", e.getMessage());
    } catch (ValidationException e) {
      List<Violation> errors = e.report().errors();
      throw new ServiceError(400, "ValidationException", errors.size() + " validation error"
          + (errors.size() == 1 ? "" : "s") + " detected: "
          + errors.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return MAPPER.createObjectNode();
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw new ServiceError(400, "SerializationException", "the request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ServiceError(400, "SerializationException", "the request body is not JSON: "
          + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new ServiceError(400, "SerializationException", "the request body cannot be read");
    }
  }

  private JsonNode create(JsonNode body) {
    CreateTrainingJobRequest request = read(TrainingJobJson.readRequest(body));
    TrainingJob job = executor.submit(request);
    return MAPPER.createObjectNode().put("TrainingJobArn", job.arn());
  }

  private JsonNode describe(String name) {
    TrainingJobDescription d = executor.describe(name);
    JsonNode iso = tree(TrainingJobJson.write(d));
    DescribeTrainingJobResponse sdk = SdkJson.build(iso, DescribeTrainingJobResponse.builder());
    return SdkJson.toJson(sdk, Timestamps.EPOCH_SECONDS);
  }

  private JsonNode list(JsonNode body) {
    ListTrainingJobsRequest request = read(TrainingJobJson.readListRequest(body.toString()));
    ListTrainingJobsResponse page = executor.list(request);
    JsonNode iso = tree(TrainingJobJson.write(page));
    software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsResponse sdk = SdkJson.build(iso,
        software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsResponse.builder());
    return SdkJson.toJson(sdk, Timestamps.EPOCH_SECONDS);
  }

  private static String name(JsonNode body) {
    JsonNode name = body.get("TrainingJobName");
    if (name == null || !name.isTextual() || name.textValue().isEmpty()) {
      throw new ServiceError(400, "ValidationException", "1 validation error detected: TrainingJobName: "
          + "a non-empty string is required");
    }
    return name.textValue();
  }

  private static <T> T read(JsonReadResult<T> result) {
    if (!result.isClean() || result.value().isEmpty()) {
      List<JsonProblem> problems = result.problems();
      throw new ServiceError(400, "ValidationException", problems.size() + " validation error"
          + (problems.size() == 1 ? "" : "s") + " detected: " + problems.stream()
              .map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; ")));
    }
    return result.value().get();
  }

  private static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("smtrain wrote JSON it cannot read back", e);
    }
  }
}
