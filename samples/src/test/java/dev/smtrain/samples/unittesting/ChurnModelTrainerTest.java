package dev.smtrain.samples.unittesting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.samples.unittesting.ChurnTrainingException.Reason;
import dev.smtrain.testing.FakeExecutor;
import dev.smtrain.testing.FakeExecutorExtension;
import dev.smtrain.testing.FakeOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Unit tests of a user's service class against the fake executor: each test gets a fresh fake, every job
 * runs in virtual time, and nothing leaves the JVM.
 */
@ExtendWith(FakeExecutorExtension.class)
class ChurnModelTrainerTest {

  private static ChurnModelTrainer trainer(FakeExecutor fake) {
    return new ChurnModelTrainer(fake, "acme-ml", Duration.ofHours(2), Duration.ofHours(6), 0.8);
  }

  @Test
  void train_whenJobCompletesWellEnough_returnsTheModelUri(FakeExecutor fake) {
    fake.script("churn-2025-06", FakeOutcome.completes().withMetric(ChurnModelTrainer.AUC, 0.87)
        .runningFor(Duration.ofMinutes(40)));

    String model = trainer(fake).train("2025-06");

    assertEquals("s3://acme-ml/churn/models/churn-2025-06/output/model.tar.gz", model);
    CreateTrainingJobRequest sent = fake.requests().assertCount(1).only();
    assertEquals("s3://acme-ml/churn/data/2025-06/train/", sent.inputDataConfig().get(0).dataSource()
        .flatMap(d -> d.s3DataSource()).flatMap(s -> s.s3Uri()).orElseThrow());
    assertEquals("200", sent.hyperParameters().get("num_round"));
  }

  @Test
  void train_whenModelIsBelowTheBar_refusesToShipIt(FakeExecutor fake) {
    fake.script("churn-2025-06", FakeOutcome.completes().withMetric(ChurnModelTrainer.AUC, 0.61));

    ChurnTrainingException e = assertThrows(ChurnTrainingException.class, () -> trainer(fake).train("2025-06"));

    assertEquals(Reason.BELOW_QUALITY_BAR, e.reason());
    assertTrue(e.getMessage().contains("0.61"), e.getMessage());
  }

  @Test
  void train_whenJobFails_throwsWithSageMakersReason(FakeExecutor fake) {
    fake.script("churn-2025-06", FakeOutcome.fails("AlgorithmError: train channel is empty"));

    ChurnTrainingException e = assertThrows(ChurnTrainingException.class, () -> trainer(fake).train("2025-06"));

    assertEquals(Reason.FAILED, e.reason());
    assertTrue(e.getMessage().contains("train channel is empty"), e.getMessage());
  }

  @Test
  void train_whenTheVersionWasAlreadySubmitted_throwsAlreadySubmitted(FakeExecutor fake) {
    fake.script("churn-2025-06", FakeOutcome.completes().withMetric(ChurnModelTrainer.AUC, 0.9));
    ChurnModelTrainer trainer = trainer(fake);
    trainer.train("2025-06");

    ChurnTrainingException e = assertThrows(ChurnTrainingException.class, () -> trainer.train("2025-06"));

    assertEquals(Reason.ALREADY_SUBMITTED, e.reason());
    assertEquals(1, fake.requests().count());
    assertEquals(1, fake.refusals().size());
  }

  @Test
  void train_whenTrainingOutlastsMaxRuntime_throwsTimedOut(FakeExecutor fake) {
    fake.script("churn-2025-06", FakeOutcome.runsFor(Duration.ofHours(3)));

    ChurnTrainingException e = assertThrows(ChurnTrainingException.class, () -> trainer(fake).train("2025-06"));

    assertEquals(Reason.TIMED_OUT, e.reason());
    assertTrue(e.getMessage().contains("PT2H"), e.getMessage());
    assertEquals("MaxRuntimeExceeded", fake.describe("churn-2025-06").secondaryStatus().orElseThrow().value());
  }

  @Test
  void train_whenWaitingLongerThanAllowed_stopsTheJobAndThrowsTimedOut(FakeExecutor fake) {
    fake.script("churn-2025-06", FakeOutcome.staysInProgress());
    ChurnModelTrainer patient = new ChurnModelTrainer(fake, "acme-ml", Duration.ofDays(1), Duration.ofHours(6), 0.8);

    ChurnTrainingException e = assertThrows(ChurnTrainingException.class, () -> patient.train("2025-06"));

    assertEquals(Reason.TIMED_OUT, e.reason());
    assertEquals(TrainingJobStatus.STOPPING, fake.describe("churn-2025-06").trainingJobStatus().orElseThrow(),
        "the trainer stops what it gave up on");
  }

  /** The same service against a fake configured with the account's quota. */
  @Nested
  class WhenTheAccountIsAtItsQuota {

    @RegisterExtension
    final FakeExecutorExtension quota = FakeExecutorExtension.configured(b -> b
        .instanceLimit("ml.m5.2xlarge", 3)
        .scriptMatching("nightly-.*", FakeOutcome.staysInProgress()));

    @Test
    void train_whenInstancesAreTaken_throwsNoCapacity() {
      FakeExecutor fake = quota.executor();
      fake.submit(trainer(fake).request("2025-05").toBuilder().trainingJobName("nightly-backfill").build());

      ChurnTrainingException e = assertThrows(ChurnTrainingException.class, () -> trainer(fake).train("2025-06"));

      assertEquals(Reason.NO_CAPACITY, e.reason());
      assertTrue(e.getCause().getMessage().contains("ml.m5.2xlarge"), e.getCause().getMessage());
      fake.requests().assertNotSubmitted("churn-2025-06");
    }
  }
}
