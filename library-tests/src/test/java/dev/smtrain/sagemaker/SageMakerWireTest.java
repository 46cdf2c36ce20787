package dev.smtrain.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtrain.executor.ResourceInUseException;
import dev.smtrain.executor.ResourceLimitExceededException;
import dev.smtrain.executor.ResourceNotFoundException;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.sagemaker.internal.SdkMapping;
import dev.smtrain.sagemaker.loopback.JsonTrees;
import dev.smtrain.sagemaker.loopback.RecordingFilter.Recorded;
import dev.smtrain.sagemaker.loopback.ScriptedExecutor;
import dev.smtrain.validation.ValidationException;
import dev.smtrain.validation.ValidationReport;
import dev.smtrain.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SageMaker executor and the real SDK client against a SageMaker JSON 1.1 endpoint on loopback. */
class SageMakerWireTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void createTrainingJob_whenSeedFullExample_sendsTheJsonTheUserWrote() throws Exception {
    String written = LoopbackFixture.resource("/requests/seed-full-example.json");
    CreateTrainingJobRequest seed = TrainingJobJson.readRequest(written).orElseThrow();
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor())) {

      f.client.createTrainingJob(SdkMapping.toSdk(seed));

      List<Recorded> sent = f.recorder.requests();
      assertEquals(1, sent.size());
      assertEquals("SageMaker.CreateTrainingJob", sent.get(0).target());
      assertEquals("application/x-amz-json-1.1", sent.get(0).contentType());
      JsonNode body = MAPPER.readTree(sent.get(0).body());
      assertTrue(JsonTrees.same(MAPPER.readTree(written), body), () -> "sent:\n" + body);
      assertEquals(seed, f.scripted.request(seed.trainingJobName().orElseThrow()));
    }
  }

  @Test
  void submit_whenValidRequest_sendsTheRequestAndReturnsTheArn() throws Exception {
    CreateTrainingJobRequest request = LoopbackFixture.request("wire-1");
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor())) {

      TrainingJob job = f.executor.submit(request);

      assertEquals("arn:aws:sagemaker:us-east-1:123456789012:training-job/wire-1", job.arn());
      assertEquals("wire-1", job.name());
      JsonNode body = MAPPER.readTree(f.recorder.bodies("SageMaker.CreateTrainingJob").get(0));
      assertTrue(JsonTrees.same(MAPPER.readTree(TrainingJobJson.write(request)), body), () -> "sent:\n" + body);
    }
  }

  @Test
  void submit_whenNameInUse_throwsResourceInUseWithTheServiceMessage() throws Exception {
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor())) {
      f.executor.submit(LoopbackFixture.request("twice"));

      ResourceInUseException e = assertThrows(ResourceInUseException.class,
          () -> f.executor.submit(LoopbackFixture.request("twice")));

      assertTrue(e.getMessage().startsWith("CreateTrainingJob of training job 'twice' failed: Training job names "
          + "must be unique"), e.getMessage());
      assertTrue(e.getMessage().contains("(ResourceInUse, HTTP 400, request id "), e.getMessage());
      assertEquals(1, f.scripted.jobCount());
    }
  }

  @Test
  void submit_whenQuotaExceeded_throwsResourceLimitExceeded() throws Exception {
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor())) {
      f.scripted.failNextSubmit(new ResourceLimitExceededException("The account-level service limit "
          + "'ml.m5.large for training job usage' is 0 Instances"));

      ResourceLimitExceededException e = assertThrows(ResourceLimitExceededException.class,
          () -> f.executor.submit(LoopbackFixture.request("quota")));

      assertTrue(e.getMessage().contains("'ml.m5.large for training job usage' is 0 Instances"), e.getMessage());
    }
  }

  @Test
  void submit_whenServiceFindsTheRequestInvalid_throwsServiceExceptionWithItsMessage() throws Exception {
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor())) {
      f.scripted.failNextSubmit(new ValidationException(ValidationReport.of(List.of(Violation.error(
          "ResourceConfig.InstanceType", "service.instance-type", "ml.m5.large is not offered in this region")))));

      SageMakerServiceException e = assertThrows(SageMakerServiceException.class,
          () -> f.executor.submit(LoopbackFixture.request("invalid")));

      assertTrue(e.isValidationError());
      assertEquals(400, e.statusCode());
      assertTrue(e.getMessage().contains("ResourceConfig.InstanceType: ml.m5.large is not offered in this region"),
          e.getMessage());
    }
  }

  @Test
  void describe_whenUnknownJob_throwsResourceNotFound() throws Exception {
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor())) {
      ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
          () -> f.executor.describe("nobody"));

      assertTrue(e.getMessage().contains("Requested resource not found."), e.getMessage());
    }
  }

  @Test
  void stop_whenUnknownJob_throwsResourceNotFound() throws Exception {
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor())) {
      assertThrows(ResourceNotFoundException.class, () -> f.executor.stop("nobody"));
    }
  }

  @Test
  void describe_whenCompleted_returnsWhatTheBackendDescribed() throws Exception {
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor(1))) {
      f.executor.submit(LoopbackFixture.request("described"));
      f.executor.describe("described");

      TrainingJobDescription overTheWire = f.executor.describe("described");

      assertEquals(f.scripted.describe("described"), overTheWire);
      assertEquals("Completed", overTheWire.trainingJobStatus().orElseThrow().value());
    }
  }

  @Test
  void listAll_whenSeveralPages_followsNextToken() throws Exception {
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor())) {
      for (String name : List.of("a-1", "a-2", "a-3")) {
        f.scripted.submit(LoopbackFixture.request(name));
      }

      List<String> names = f.executor.listAll(dev.smtrain.model.ListTrainingJobsRequest.builder().maxResults(2).build())
          .map(s -> s.trainingJobName().orElseThrow()).toList();

      assertEquals(List.of("a-1", "a-2", "a-3"), names);
      assertEquals(2, f.recorder.bodies("SageMaker.ListTrainingJobs").size());
      assertEquals(ScriptedExecutor.T0, f.executor.list(dev.smtrain.model.ListTrainingJobsRequest.builder().build())
          .trainingJobSummaries().get(0).creationTime().orElseThrow());
    }
  }

  /** Answers StopTrainingJob as SageMaker does for a job that has ended, without reaching the backend. */
  private static com.sun.net.httpserver.Filter refuseStop() {
    return new com.sun.net.httpserver.Filter() {
      @Override
      public void doFilter(com.sun.net.httpserver.HttpExchange exchange, Chain chain) throws java.io.IOException {
        if (!"SageMaker.StopTrainingJob".equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
          chain.doFilter(exchange);
          return;
        }
        byte[] body = ("{\"__type\":\"ValidationException\",\"Message\":\"The request was rejected because the "
            + "training job is in status Completed.\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(400, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      }

      @Override
      public String description() {
        return "refuses StopTrainingJob";
      }
    };
  }

  @Test
  void stop_whenSageMakerRefusesBecauseTheJobEnded_doesNothing() throws Exception {
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor(1), refuseStop())) {
      f.executor.submit(LoopbackFixture.request("ended"));
      f.executor.describe("ended");

      f.executor.stop("ended");

      assertEquals(1, f.recorder.bodies("SageMaker.StopTrainingJob").size());
      assertEquals("Completed", f.scripted.describe("ended").trainingJobStatus().orElseThrow().value());
    }
  }

  @Test
  void stop_whenSageMakerRefusesARunningJob_throwsItsMessage() throws Exception {
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor(1000), refuseStop())) {
      f.executor.submit(LoopbackFixture.request("running"));

      SageMakerServiceException e = assertThrows(SageMakerServiceException.class, () -> f.executor.stop("running"));

      assertTrue(e.getMessage().contains("The request was rejected because the training job is in status"),
          e.getMessage());
    }
  }

  @Test
  void submit_whenThrottledOnce_isRetriedByTheSdkAndCreatesOneJob() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean throttled = new java.util.concurrent.atomic.AtomicBoolean();
    com.sun.net.httpserver.Filter throttleOnce = new com.sun.net.httpserver.Filter() {
      @Override
      public void doFilter(com.sun.net.httpserver.HttpExchange exchange, Chain chain) throws java.io.IOException {
        if (!"SageMaker.CreateTrainingJob".equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))
            || !throttled.compareAndSet(false, true)) {
          chain.doFilter(exchange);
          return;
        }
        byte[] body = "{\"__type\":\"ThrottlingException\",\"Message\":\"Rate exceeded\"}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(400, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      }

      @Override
      public String description() {
        return "throttles the first CreateTrainingJob";
      }
    };
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor(), throttleOnce)) {

      TrainingJob job = f.executor.submit(LoopbackFixture.request("throttled"));

      assertTrue(throttled.get());
      assertEquals(2, f.recorder.bodies("SageMaker.CreateTrainingJob").size());
      assertEquals(1, f.scripted.createCalls());
      assertEquals("arn:aws:sagemaker:us-east-1:123456789012:training-job/throttled", job.arn());
    }
  }
}
