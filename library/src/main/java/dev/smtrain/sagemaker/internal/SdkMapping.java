package dev.smtrain.sagemaker.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtrain.SmtrainException;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ListTrainingJobsRequest;
import dev.smtrain.model.ListTrainingJobsResponse;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.json.JsonProblem;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.model.json.internal.ModelCodec;
import dev.smtrain.model.json.internal.Problems;
import dev.smtrain.sagemaker.internal.SdkJson.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;

/**
 * Maps smtrain's model to the AWS SDK's and back, through the service's JSON shape: smtrain's codec writes
 * every set member under its wire name, and {@link SdkJson} sets the SDK field of that wire name. Members
 * of a response that smtrain's model does not know (newer than the model) are left out and logged at DEBUG.
 */
public final class SdkMapping {

  private static final Logger LOG = LoggerFactory.getLogger(SdkMapping.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SdkMapping() {}

  /**
   * The SDK request for a model request, with every set member.
   *
   * @param request the request
   * @return the SDK request
   */
  public static software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest toSdk(
      CreateTrainingJobRequest request) {
    return SdkJson.build(tree(TrainingJobJson.write(request)),
        software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest.builder());
  }

  /**
   * The SDK list request for a model list request.
   *
   * @param request the request
   * @return the SDK request
   */
  public static software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsRequest toSdk(
      ListTrainingJobsRequest request) {
    return SdkJson.build(write(g -> ModelCodec.writeListTrainingJobsRequest(request, g)),
        software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsRequest.builder());
  }

  /**
   * The model description for an SDK {@code DescribeTrainingJob} response.
   *
   * @param response the SDK response
   * @return the description
   */
  public static TrainingJobDescription fromSdk(DescribeTrainingJobResponse response) {
    Problems problems = new Problems();
    TrainingJobDescription d = ModelCodec.readTrainingJobDescription(
        SdkJson.toJson(response, Timestamps.ISO), "", problems);
    logDropped("DescribeTrainingJob", problems.list());
    return d;
  }

  /**
   * The model listing for an SDK {@code ListTrainingJobs} response.
   *
   * @param response the SDK response
   * @return the listing
   */
  public static ListTrainingJobsResponse fromSdk(
      software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsResponse response) {
    Problems problems = new Problems();
    ListTrainingJobsResponse r = ModelCodec.readListTrainingJobsResponse(
        SdkJson.toJson(response, Timestamps.ISO), "", problems);
    logDropped("ListTrainingJobs", problems.list());
    return r;
  }

  /**
   * The model request as a JSON tree in the service's shape.
   *
   * @param request the request
   * @return the tree
   */
  public static JsonNode toTree(CreateTrainingJobRequest request) {
    return tree(TrainingJobJson.write(request));
  }

  /**
   * The description as a JSON tree in the service's shape.
   *
   * @param description the description
   * @return the tree
   */
  public static JsonNode toTree(TrainingJobDescription description) {
    return tree(TrainingJobJson.write(description));
  }

  /** Writes with a generator into a tree. */
  @FunctionalInterface
  interface GeneratorWriter {
    void write(com.fasterxml.jackson.core.JsonGenerator g) throws IOException;
  }

  static JsonNode write(GeneratorWriter writer) {
    try (com.fasterxml.jackson.databind.util.TokenBuffer buffer =
        new com.fasterxml.jackson.databind.util.TokenBuffer(MAPPER, false)) {
      writer.write(buffer);
      return MAPPER.readTree(buffer.asParser());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SmtrainException("smtrain wrote JSON it cannot read back: " + e.getOriginalMessage(), e);
    }
  }

  private static void logDropped(String operation, List<JsonProblem> problems) {
    if (LOG.isDebugEnabled()) {
      for (JsonProblem p : problems) {
        LOG.debug("{} response: {} left out of smtrain's model: {}", operation, p.path(), p.message());
      }
    }
  }
}
