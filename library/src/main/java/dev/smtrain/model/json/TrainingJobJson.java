package dev.smtrain.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ListTrainingJobsRequest;
import dev.smtrain.model.ListTrainingJobsResponse;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.json.JsonProblem.Kind;
import dev.smtrain.model.json.internal.ModelCodec;
import dev.smtrain.model.json.internal.Problems;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and writes requests and descriptions in the AWS CLI's JSON shape: the one
 * {@code aws sagemaker create-training-job --cli-input-json} takes and {@code describe-training-job} prints,
 * with PascalCase member names in the service model's order.
 *
 * <p>Reading never throws for bad input: unknown members, wrong types, unknown enum values and malformed
 * JSON come back as {@link JsonProblem}s with their API path. Writing emits exactly the members that are set
 * (an empty list the user wrote is written; a list never set is not). Timestamps are written as ISO-8601 text
 * and read from ISO-8601 text or epoch seconds. Thread-safe.
 */
public final class TrainingJobJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();
  private static final JsonFactory FACTORY = MAPPER.getFactory();
  private static final Pattern QUOTED = Pattern.compile("'[^']{16,}'|\"[^\"]{16,}\"");

  private TrainingJobJson() {}

  /** Reads one structure from a parsed node. */
  @FunctionalInterface
  private interface Reader<T> {
    T read(JsonNode node, String path, Problems problems);
  }

  /** Writes one structure. */
  @FunctionalInterface
  private interface Writer<T> {
    void write(T value, JsonGenerator g) throws IOException;
  }

  /**
   * Reads a {@code CreateTrainingJob} request.
   *
   * @param json the JSON text
   * @return the request and every problem found
   */
  public static JsonReadResult<CreateTrainingJobRequest> readRequest(String json) {
    return read(json, ModelCodec::readCreateTrainingJobRequest);
  }

  /**
   * Reads a {@code CreateTrainingJob} request from a file.
   *
   * @param file a UTF-8 JSON file
   * @return the request and every problem found
   * @throws UncheckedIOException when the file cannot be read
   */
  public static JsonReadResult<CreateTrainingJobRequest> readRequest(Path file) {
    try {
      return readRequest(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a {@code CreateTrainingJob} request from an already parsed tree.
   *
   * @param node the document
   * @return the request and every problem found
   */
  public static JsonReadResult<CreateTrainingJobRequest> readRequest(JsonNode node) {
    return read(node, ModelCodec::readCreateTrainingJobRequest);
  }

  /**
   * Reads a description in {@code DescribeTrainingJob}'s response shape.
   *
   * @param json the JSON text
   * @return the description and every problem found
   */
  public static JsonReadResult<TrainingJobDescription> readDescription(String json) {
    return read(json, ModelCodec::readTrainingJobDescription);
  }

  /**
   * Reads a {@code ListTrainingJobs} request.
   *
   * @param json the JSON text
   * @return the request and every problem found
   */
  public static JsonReadResult<ListTrainingJobsRequest> readListRequest(String json) {
    return read(json, ModelCodec::readListTrainingJobsRequest);
  }

  /**
   * Writes a request as compact JSON.
   *
   * @param request the request
   * @return the JSON text
   */
  public static String write(CreateTrainingJobRequest request) {
    return write(request, ModelCodec::writeCreateTrainingJobRequest, false);
  }

  /**
   * Writes a request as indented JSON, as a person would keep it in a file.
   *
   * @param request the request
   * @return the JSON text
   */
  public static String writePretty(CreateTrainingJobRequest request) {
    return write(request, ModelCodec::writeCreateTrainingJobRequest, true);
  }

  /**
   * Writes a request to a JSON generator (for embedding it in a larger document).
   *
   * @param request the request
   * @param generator the generator, positioned where a value may start
   * @throws IOException from the generator
   */
  public static void write(CreateTrainingJobRequest request, JsonGenerator generator) throws IOException {
    ModelCodec.writeCreateTrainingJobRequest(request, generator);
  }

  /**
   * Writes a description as indented JSON with {@code DescribeTrainingJob}'s member names.
   *
   * @param description the description
   * @return the JSON text
   */
  public static String writePretty(TrainingJobDescription description) {
    return write(description, ModelCodec::writeTrainingJobDescription, true);
  }

  /**
   * Writes a description as compact JSON.
   *
   * @param description the description
   * @return the JSON text
   */
  public static String write(TrainingJobDescription description) {
    return write(description, ModelCodec::writeTrainingJobDescription, false);
  }

  /**
   * Writes a listing as compact JSON.
   *
   * @param response the listing
   * @return the JSON text
   */
  public static String write(ListTrainingJobsResponse response) {
    return write(response, ModelCodec::writeListTrainingJobsResponse, false);
  }

  private static <T> JsonReadResult<T> read(String json, Reader<T> reader) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return new JsonReadResult<>(null, List.of(malformed(e)));
    }
    if (node == null || node.isMissingNode()) {
      return new JsonReadResult<>(null, List.of(new JsonProblem("", Kind.MALFORMED_JSON, "the document is empty")));
    }
    return read(node, reader);
  }

  private static <T> JsonReadResult<T> read(JsonNode node, Reader<T> reader) {
    Problems problems = new Problems();
    T value = reader.read(node, "", problems);
    return new JsonReadResult<>(value, problems.list());
  }

  private static JsonProblem malformed(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? "not JSON" : e.getOriginalMessage();
    // The parser quotes the token it choked on; a long token may be a secret pasted in the wrong place.
    String message = QUOTED.matcher(original.lines().findFirst().orElse("not JSON")).replaceAll("'…'");
    String where = e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    return new JsonProblem("", Kind.MALFORMED_JSON, "malformed JSON" + where + ": " + message);
  }

  private static <T> String write(T value, Writer<T> writer, boolean pretty) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      writer.write(value, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
