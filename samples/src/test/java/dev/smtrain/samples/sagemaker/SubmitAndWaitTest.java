package dev.smtrain.samples.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.executor.ResourceInUseException;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.sagemaker.SageMakerExecutor;
import dev.smtrain.sagemaker.loopback.CloudWatchLogsEndpoint;
import dev.smtrain.sagemaker.loopback.Loopback;
import dev.smtrain.sagemaker.loopback.ScriptedExecutor;
import dev.smtrain.server.SageMakerEndpoint;
import dev.smtrain.validation.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The production code, unchanged, against the loopback SageMaker endpoint: the real SDK client speaks
 * SageMaker's JSON protocol to a server on 127.0.0.1, and CloudWatch Logs to another.
 */
class SubmitAndWaitTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/SageMakerTraining";

  private final ScriptedExecutor backend = new ScriptedExecutor();
  private SageMakerEndpoint endpoint;
  private CloudWatchLogsEndpoint logsEndpoint;
  private SageMakerClient client;
  private CloudWatchLogsClient logsClient;
  private SageMakerExecutor sagemaker;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @BeforeEach
  void setUp() throws Exception {
    endpoint = SageMakerEndpoint.start(backend);
    logsEndpoint = new CloudWatchLogsEndpoint(2);
    client = Loopback.sageMaker(endpoint.uri());
    logsClient = Loopback.logs(logsEndpoint.uri());
    sagemaker = SageMakerExecutor.builder().sageMakerClient(client).cloudWatchLogsClient(logsClient)
        .pollInterval(Duration.ofMillis(10), Duration.ofMillis(50)).build();
  }

  @AfterEach
  void tearDown() {
    sagemaker.close();
    client.close();
    logsClient.close();
    logsEndpoint.close();
    endpoint.close();
  }

  @Test
  void submitAndWait_whenJobCompletes_printsProgressAndReturnsFinalDescription() {
    CreateTrainingJobRequest request = SubmitAndWait.churnRequest("churn-2026-11-29", "acme-ml", ROLE);
    logsEndpoint.append("churn-2026-11-29/algo-1-1700000000", 1_700_000_000_000L, "[0] validation-auc:0.91");

    TrainingJobDescription done = SubmitAndWait.submitAndWait(sagemaker, request, Duration.ofMinutes(1), out);

    assertEquals(TrainingJobStatus.COMPLETED, done.trainingJobStatus().orElseThrow());
    assertEquals(request, backend.request("churn-2026-11-29"), "the request arrived as built, member for member");
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("submitted arn:aws:sagemaker:"), printed);
    assertTrue(printed.contains("churn-2026-11-29: Completed"), printed);
    assertTrue(printed.contains("churn-2026-11-29 ended Completed"), printed);
    assertEquals(1, backend.createCalls());
  }

  @Test
  void submitAndWait_whenNameTaken_throwsResourceInUseAndCreatesNothingNew() {
    CreateTrainingJobRequest first = SubmitAndWait.churnRequest("churn-dup", "acme-ml", ROLE);
    SubmitAndWait.submitAndWait(sagemaker, first, Duration.ofMinutes(1), out);
    CreateTrainingJobRequest other = first.toBuilder().putHyperParameter("num_round", "300").build();

    ResourceInUseException e = assertThrows(ResourceInUseException.class,
        () -> SubmitAndWait.submitAndWait(sagemaker, other, Duration.ofMinutes(1), out));

    assertTrue(e.getMessage().contains("churn-dup"), e.getMessage());
    assertEquals(1, backend.jobCount());
  }

  @Test
  void submitAndWait_whenRequestInvalid_sendsNothing() {
    CreateTrainingJobRequest bad = SubmitAndWait.churnRequest("churn_bad", "acme-ml", ROLE);

    ValidationException e = assertThrows(ValidationException.class,
        () -> SubmitAndWait.submitAndWait(sagemaker, bad, Duration.ofMinutes(1), out));

    assertTrue(e.report().toString().contains("TrainingJobName"), e.report().toString());
    assertEquals(0, backend.createCalls());
  }
}
