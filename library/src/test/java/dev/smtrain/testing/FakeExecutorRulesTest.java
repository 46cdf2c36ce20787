package dev.smtrain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.SmtrainException;
import dev.smtrain.executor.ResourceInUseException;
import dev.smtrain.executor.ResourceLimitExceededException;
import dev.smtrain.executor.ResourceNotFoundException;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.TrainingInstanceType;
import dev.smtrain.validation.TrainingJobValidator;
import dev.smtrain.validation.ValidationException;
import dev.smtrain.validation.ValidationTarget;
import dev.smtrain.validation.Violation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the fake enforces, and what it records. */
class FakeExecutorRulesTest {

  @Test
  void submit_whenNameExists_throwsResourceInUseNamingTheArn() {
    FakeExecutor fake = FakeExecutor.create();
    fake.submit(TestRequests.valid("churn-1")).awaitCompletion(Duration.ofHours(1));

    ResourceInUseException e = assertThrows(ResourceInUseException.class,
        () -> fake.submit(TestRequests.valid("Churn-1")));

    assertTrue(e.getMessage().contains("training-job/churn-1") && e.getMessage().contains("Choose another"),
        e.getMessage());
    assertEquals(1, fake.requests().count());
    assertSame(e, fake.refusals().get(0).exception());
  }

  @Test
  void submit_whenConcurrentJobQuotaIsFull_throwsResourceLimitExceededUntilAJobEnds() {
    FakeExecutor fake = FakeExecutor.builder().maxConcurrentJobs(2).build();
    fake.submit(TestRequests.valid("a"));
    fake.submit(TestRequests.valid("b"));

    ResourceLimitExceededException e = assertThrows(ResourceLimitExceededException.class,
        () -> fake.submit(TestRequests.valid("c")));

    assertTrue(e.getMessage().contains("concurrent training jobs") && e.getMessage().contains("is 2 Jobs"),
        e.getMessage());
    fake.job("a").awaitCompletion(Duration.ofHours(1));
    assertEquals("c", fake.submit(TestRequests.valid("c")).name());
  }

  @Test
  void submit_whenInstanceQuotaIsFull_throwsResourceLimitExceededForThatType() {
    FakeExecutor fake = FakeExecutor.builder().instanceLimit("ml.p3.2xlarge", 2).build();
    fake.submit(TestRequests.builder("gpu-1")
        .resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_P3_2XLARGE, 2, 10)).build());

    ResourceLimitExceededException e = assertThrows(ResourceLimitExceededException.class,
        () -> fake.submit(TestRequests.builder("gpu-2")
            .resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_P3_2XLARGE, 1, 10)).build()));

    assertTrue(e.getMessage().contains("'ml.p3.2xlarge for training job usage' is 2 Instances, with current"
        + " utilization of 2 Instances and a request delta of 1 Instances"), e.getMessage());
    assertEquals("cpu", fake.submit(TestRequests.valid("cpu")).name(), "other instance types are not limited");
  }

  @Test
  void submit_whenValidatorReportsAnError_throwsWithTheReportAndRecordsNothing() {
    FakeExecutor fake = FakeExecutor.builder().validator(TrainingJobValidator.builder()
        .addRule((request, target, out) -> {
          if (!request.hasHyperParameters() || !request.hyperParameters().containsKey("epochs")) {
            out.accept(Violation.error("HyperParameters[epochs]", "team.epochs-required", "is required by our team"));
          }
        }).build()).build();

    ValidationException e = assertThrows(ValidationException.class, () -> fake.submit(TestRequests.valid("x")));

    assertEquals("HyperParameters[epochs]", e.report().errors().get(0).path());
    fake.requests().assertNone();
    assertThrows(ResourceNotFoundException.class, () -> fake.describe("x"));
    assertEquals("x", fake.submit(TestRequests.builder("x").putHyperParameter("epochs", "3").build()).name());
  }

  @Test
  void submit_whenNameMissing_throwsValidationExceptionNamingTheMember() {
    FakeExecutor fake = FakeExecutor.create();
    CreateTrainingJobRequest unnamed = TestRequests.valid("x").toBuilder().trainingJobName(java.util.Optional.empty())
        .build();

    ValidationException e = assertThrows(ValidationException.class, () -> fake.submit(unnamed));

    assertTrue(e.report().errors().stream().anyMatch(v -> v.path().equals("TrainingJobName")), e.getMessage());
  }

  @Test
  void validationTarget_whenConfigured_isWhatTheValidatorIsAskedFor() {
    List<ValidationTarget> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    FakeExecutor fake = FakeExecutor.builder().validationTarget(ValidationTarget.LOCAL)
        .validator(TrainingJobValidator.builder().addRule((r, target, out) -> seen.add(target)).build()).build();

    fake.submit(TestRequests.valid("x"));

    assertEquals(ValidationTarget.LOCAL, fake.validationTarget());
    assertEquals(List.of(ValidationTarget.LOCAL), seen);
  }

  @Test
  void describe_whenNoSuchJob_throwsResourceNotFoundNamingIt() {
    ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
        () -> FakeExecutor.create().describe("nope"));
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
  }

  @Test
  void requests_whenAssertionsFail_listWhatWasSubmitted() {
    FakeExecutor fake = FakeExecutor.create();
    fake.submit(TestRequests.builder("a").putHyperParameter("epochs", "3").build());
    fake.submit(TestRequests.valid("b"));

    RecordedRequests r = fake.requests();

    assertEquals(List.of("a", "b"), r.names());
    assertEquals("3", r.assertSubmitted("a").hyperParameters().get("epochs"));
    assertEquals("b", r.last().trainingJobName().orElseThrow());
    AssertionError missing = assertThrows(AssertionError.class, () -> r.assertSubmitted("c"));
    assertTrue(missing.getMessage().contains("'c'") && missing.getMessage().contains("[a, b]"), missing.getMessage());
    AssertionError count = assertThrows(AssertionError.class, () -> r.assertCount(1));
    assertTrue(count.getMessage().contains("expected 1"), count.getMessage());
    AssertionError every = assertThrows(AssertionError.class,
        () -> r.assertEvery("sets epochs", x -> x.hyperParameters() != null && x.hyperParameters().containsKey("epochs")));
    assertTrue(every.getMessage().contains("[b]"), every.getMessage());
    assertThrows(AssertionError.class, r::only);
    assertEquals(1, r.matching(x -> x.trainingJobName().orElseThrow().equals("b")).count());
    r.assertNotSubmitted("c");
  }

  @Test
  void close_thenSubmit_throwsButJobsStayReadable() {
    FakeExecutor fake = FakeExecutor.create();
    fake.submit(TestRequests.valid("a"));

    fake.close();

    SmtrainException e = assertThrows(SmtrainException.class, () -> fake.submit(TestRequests.valid("b")));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertEquals("a", fake.describe("a").trainingJobName().orElseThrow());
  }

  @Test
  void reset_whenJobsExist_forgetsThemAndTheirNames() {
    FakeExecutor fake = FakeExecutor.create();
    fake.submit(TestRequests.valid("a"));

    fake.reset();

    fake.requests().assertNone();
    assertInstanceOf(String.class, fake.submit(TestRequests.valid("a")).arn());
  }
}
