package dev.smtrain.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtrain.SmtrainException;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.sagemaker.loopback.ScriptedExecutor;
import dev.smtrain.server.SageMakerEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint's JSON 1.1 protocol, seen from a plain HTTP client. */
class SageMakerEndpointTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private ScriptedExecutor scripted;
  private SageMakerEndpoint endpoint;

  @BeforeEach
  void start() {
    scripted = new ScriptedExecutor(1);
    endpoint = SageMakerEndpoint.start(scripted);
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  private HttpResponse<String> call(String target, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.uri())
        .header("Content-Type", "application/x-amz-json-1.1")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      request.header("X-Amz-Target", target);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static CreateTrainingJobRequest minimal(String name) throws IOException {
    return TrainingJobJson.readRequest(SdkMappingTest.resource("/requests/minimal.json")).orElseThrow().toBuilder()
        .trainingJobName(name).build();
  }

  @Test
  void uri_whenStarted_isOnLoopback() {
    assertEquals("127.0.0.1", endpoint.uri().getHost());
    assertEquals(endpoint.port(), endpoint.uri().getPort());
  }

  @Test
  void createTrainingJob_whenValid_answersTheArnAsJson11() throws Exception {
    HttpResponse<String> response = call("SageMaker.CreateTrainingJob", TrainingJobJson.write(minimal("e-1")));

    assertEquals(200, response.statusCode());
    assertEquals("application/x-amz-json-1.1", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("arn:aws:sagemaker:us-east-1:123456789012:training-job/e-1",
        MAPPER.readTree(response.body()).get("TrainingJobArn").asText());
  }

  @Test
  void createTrainingJob_whenNameTaken_answersResourceInUse() throws Exception {
    call("SageMaker.CreateTrainingJob", TrainingJobJson.write(minimal("e-2")));

    HttpResponse<String> response = call("SageMaker.CreateTrainingJob", TrainingJobJson.write(minimal("e-2")));

    assertEquals(400, response.statusCode());
    JsonNode error = MAPPER.readTree(response.body());
    assertEquals("ResourceInUse", error.get("__type").asText());
    assertTrue(error.get("Message").asText().startsWith("Training job names must be unique"), response.body());
  }

  @Test
  void createTrainingJob_whenBodyHasUnknownMembersAndWrongTypes_answersValidationExceptionWithEveryPath()
      throws Exception {
    HttpResponse<String> response = call("SageMaker.CreateTrainingJob",
        "{\"TrainingJobName\": \"e-3\", \"Colour\": \"blue\", \"ResourceConfig\": {\"InstanceCount\": \"two\"}}");

    assertEquals(400, response.statusCode());
    JsonNode error = MAPPER.readTree(response.body());
    assertEquals("ValidationException", error.get("__type").asText());
    assertTrue(error.get("Message").asText().startsWith("2 validation errors detected: "), response.body());
    assertTrue(error.get("Message").asText().contains("Colour"), response.body());
    assertTrue(error.get("Message").asText().contains("ResourceConfig.InstanceCount"), response.body());
    assertEquals(0, scripted.createCalls());
  }

  @Test
  void describeTrainingJob_whenKnown_writesTimestampsAsEpochSeconds() throws Exception {
    call("SageMaker.CreateTrainingJob", TrainingJobJson.write(minimal("e-4")));

    HttpResponse<String> response = call("SageMaker.DescribeTrainingJob", "{\"TrainingJobName\": \"e-4\"}");

    assertEquals(200, response.statusCode());
    JsonNode d = MAPPER.readTree(response.body());
    assertTrue(d.get("CreationTime").isNumber(), response.body());
    assertEquals(ScriptedExecutor.T0.getEpochSecond(), d.get("CreationTime").asLong());
    assertTrue(d.get("SecondaryStatusTransitions").get(0).get("StartTime").isNumber(), response.body());
    assertEquals("InProgress", d.get("TrainingJobStatus").asText());
  }

  @Test
  void describeTrainingJob_whenUnknown_answersValidationExceptionAsSageMakerDoes() throws Exception {
    HttpResponse<String> response = call("SageMaker.DescribeTrainingJob", "{\"TrainingJobName\": \"none\"}");

    assertEquals(400, response.statusCode());
    assertEquals("{\"__type\":\"ValidationException\",\"Message\":\"Requested resource not found.\"}",
        response.body());
  }

  @Test
  void stopTrainingJob_whenUnknown_answersResourceNotFound() throws Exception {
    HttpResponse<String> response = call("SageMaker.StopTrainingJob", "{\"TrainingJobName\": \"none\"}");

    assertEquals(400, response.statusCode());
    assertEquals("ResourceNotFound", MAPPER.readTree(response.body()).get("__type").asText());
  }

  @Test
  void call_whenTargetMissingOrUnknown_answersUnknownOperation() throws Exception {
    HttpResponse<String> missing = call(null, "{}");
    HttpResponse<String> unknown = call("SageMaker.CreateEndpoint", "{}");

    assertEquals("UnknownOperationException", MAPPER.readTree(missing.body()).get("__type").asText());
    assertEquals(400, unknown.statusCode());
    assertTrue(MAPPER.readTree(unknown.body()).get("Message").asText().contains("CreateEndpoint"), unknown.body());
  }

  @Test
  void call_whenBodyIsNotJson_answersSerializationException() throws Exception {
    HttpResponse<String> response = call("SageMaker.ListTrainingJobs", "{not json");

    assertEquals(400, response.statusCode());
    assertEquals("SerializationException", MAPPER.readTree(response.body()).get("__type").asText());
  }

  @Test
  void close_whenCalledTwice_stopsAnsweringAndDoesNotFail() {
    URI uri = endpoint.uri();
    endpoint.close();
    endpoint.close();

    assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(uri)
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void start_whenNoExecutor_saysWhatIsMissing() {
    SmtrainException e = assertThrows(SmtrainException.class, () -> SageMakerEndpoint.builder().start());

    assertTrue(e.getMessage().contains("set the executor"), e.getMessage());
  }

  @Test
  void createTrainingJob_whenTheExecutorFails_answersInternalFailureWithOnlySmtrainsOwnMessage() throws Exception {
    scripted.failNextSubmit(new SmtrainException("no container engine is reachable"));
    HttpResponse<String> own = call("SageMaker.CreateTrainingJob", TrainingJobJson.write(minimal("e-5")));
    scripted.failNextSubmit(new IllegalStateException("password=hunter2"));
    HttpResponse<String> foreign = call("SageMaker.CreateTrainingJob", TrainingJobJson.write(minimal("e-6")));

    assertEquals(500, own.statusCode());
    assertEquals("InternalFailure", MAPPER.readTree(own.body()).get("__type").asText());
    assertTrue(own.body().contains("no container engine is reachable"), own.body());
    assertEquals(500, foreign.statusCode());
    assertTrue(foreign.body().contains("IllegalStateException"), foreign.body());
    assertTrue(!foreign.body().contains("hunter2"), foreign.body());
  }
}
