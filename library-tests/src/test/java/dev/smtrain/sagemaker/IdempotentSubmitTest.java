package dev.smtrain.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.executor.ResourceInUseException;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.sagemaker.loopback.DropResponseOnceFilter;
import dev.smtrain.sagemaker.loopback.ScriptedExecutor;
import org.junit.jupiter.api.Test;

/** A CreateTrainingJob whose answer is lost never creates two jobs and never fails spuriously. */
class IdempotentSubmitTest {

  private static final String CREATE = "SageMaker.CreateTrainingJob";

  @Test
  void submit_whenResponseDroppedAndTheSdkRetries_adoptsTheJobTheFirstAttemptCreated() throws Exception {
    DropResponseOnceFilter drop = new DropResponseOnceFilter(CREATE);
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor(), drop)) {

      TrainingJob job = f.executor.submit(LoopbackFixture.request("dropped-1"));

      assertTrue(drop.fired());
      assertEquals(2, f.scripted.createCalls(), "the SDK's retry reached the backend");
      assertEquals(1, f.scripted.jobCount());
      assertEquals("arn:aws:sagemaker:us-east-1:123456789012:training-job/dropped-1", job.arn());
    }
  }

  @Test
  void submit_whenResponseDroppedWithoutRetries_describesAndAdoptsTheJob() throws Exception {
    DropResponseOnceFilter drop = new DropResponseOnceFilter(CREATE);
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor(), true, drop)) {

      TrainingJob job = f.executor.submit(LoopbackFixture.request("dropped-2"));

      assertTrue(drop.fired());
      assertEquals(1, f.scripted.createCalls());
      assertEquals(1, f.recorder.bodies("SageMaker.DescribeTrainingJob").size());
      assertEquals("arn:aws:sagemaker:us-east-1:123456789012:training-job/dropped-2", job.arn());
    }
  }

  @Test
  void submit_whenResponseDroppedAndTheNameHoldsAnotherDefinition_throwsResourceInUse() throws Exception {
    DropResponseOnceFilter drop = new DropResponseOnceFilter(CREATE);
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor(), drop)) {
      CreateTrainingJobRequest mine = LoopbackFixture.request("taken");
      f.scripted.submit(mine.toBuilder().putHyperParameter("epochs", "99").build());

      ResourceInUseException e = assertThrows(ResourceInUseException.class, () -> f.executor.submit(mine));

      assertTrue(e.getMessage().contains("already exists with a different definition (first difference at "
          + "HyperParameters.epochs)"), e.getMessage());
      assertEquals(1, f.scripted.jobCount());
    }
  }

  @Test
  void submit_whenResponseDroppedAndNoJobExists_saysSubmittingAgainIsSafe() throws Exception {
    DropResponseOnceFilter drop = new DropResponseOnceFilter(CREATE);
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor(), true, drop)) {
      f.scripted.failNextSubmit(new IllegalStateException("backend hiccup before creating anything"));

      dev.smtrain.SmtrainException e = assertThrows(dev.smtrain.SmtrainException.class,
          () -> f.executor.submit(LoopbackFixture.request("never-created")));

      assertTrue(e.getMessage().endsWith("no training job named 'never-created' exists, so submitting again is safe"),
          e.getMessage());
      assertEquals(0, f.scripted.jobCount());
    }
  }
}
