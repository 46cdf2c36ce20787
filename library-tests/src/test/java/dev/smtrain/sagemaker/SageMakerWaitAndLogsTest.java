package dev.smtrain.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.MetricEvent;
import dev.smtrain.executor.ResourceNotFoundException;
import dev.smtrain.executor.StatusEvent;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.executor.TrainingJobTimeoutException;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.sagemaker.loopback.ScriptedExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Waiting on a job and reading its log through the real SDK clients against loopback endpoints. */
class SageMakerWaitAndLogsTest {

  private static final Duration GENEROUS = Duration.ofMinutes(5);

  private static final class Recorder implements TrainingJobListener {
    final List<String> statuses = new CopyOnWriteArrayList<>();
    final List<String> metrics = new CopyOnWriteArrayList<>();
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void onStatusChange(StatusEvent event) {
      statuses.add(event.status().value() + "/" + event.secondaryStatus().value());
    }

    @Override
    public void onMetric(MetricEvent event) {
      metrics.add(event.metricName() + "=" + event.value());
    }

    @Override
    public void onLogLine(LogEvent event) {
      lines.add(event.stream() + " " + event.message());
    }
  }

  @Test
  void awaitCompletion_whenJobMovesFromInProgressToCompleted_raisesStatusMetricAndLogEvents() throws Exception {
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor(3))) {
      f.logs.append("waited/algo-1-1700000000", 1_700_000_000_000L, "epoch 1 loss 0.5\n");
      f.logs.append("waited/algo-1-1700000000", 1_700_000_001_000L, "epoch 2 loss 0.25\n");
      f.logs.append("waited/algo-1-1700000000", 1_700_000_002_000L, "done");
      Recorder recorder = new Recorder();

      TrainingJob job = f.executor.submit(LoopbackFixture.request("waited"), recorder);
      TrainingJobDescription done = job.awaitCompletion(GENEROUS);

      assertEquals(TrainingJobStatus.COMPLETED, done.trainingJobStatus().orElseThrow());
      assertEquals("s3://bucket/output/waited/output/model.tar.gz",
          done.modelArtifacts().flatMap(m -> m.s3ModelArtifacts()).orElseThrow());
      assertEquals(List.of("InProgress/Starting", "InProgress/Downloading", "InProgress/Training",
          "InProgress/Uploading", "Completed/Completed"), recorder.statuses);
      assertEquals(List.of("train:loss=0.25"), recorder.metrics);
      assertEquals(List.of("waited/algo-1-1700000000 epoch 1 loss 0.5", "waited/algo-1-1700000000 epoch 2 loss 0.25",
          "waited/algo-1-1700000000 done"), recorder.lines);
      assertTrue(f.recorder.bodies("SageMaker.DescribeTrainingJob").size() >= 4);
    }
  }

  @Test
  void logs_whenStreamsSpanSeveralPages_returnsEveryLineOfTheJobInOrder() throws Exception {
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor())) {
      f.scripted.submit(LoopbackFixture.request("paged"));
      for (int i = 1; i <= 5; i++) {
        f.logs.append("paged/algo-2-1700000000", 1_700_000_000_000L + i, "host 2 line " + i);
        f.logs.append("paged/algo-1-1700000000", 1_700_000_000_000L + i, "host 1 line " + i);
        f.logs.append("paged-other/algo-1-1700000000", 1_700_000_000_000L + i, "another job");
      }
      f.logs.append("paged/algo-3-1700000000", 1_700_000_000_100L, "host 3 only line");

      List<String> lines = f.executor.logs("paged").map(e -> e.stream() + " " + e.message()).toList();

      assertEquals(11, lines.size(), () -> String.join("\n", lines));
      assertEquals("paged/algo-1-1700000000 host 1 line 1", lines.get(0));
      assertEquals("paged/algo-1-1700000000 host 1 line 5", lines.get(4));
      assertEquals("paged/algo-2-1700000000 host 2 line 1", lines.get(5));
      assertEquals("paged/algo-3-1700000000 host 3 only line", lines.get(10));
      assertTrue(f.logs.describeLogStreamsCalls() >= 2, "streams were paged");
      assertTrue(f.logs.getLogEventsCalls() >= 7, "events were paged");
    }
  }

  @Test
  void logs_whenJobUnknown_throwsResourceNotFound() throws Exception {
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor())) {
      assertThrows(ResourceNotFoundException.class, () -> f.executor.logs("nobody"));
    }
  }

  @Test
  void awaitCompletion_whenJobOutlastsTheTimeout_throwsTimeoutWithTheLastStatus() throws Exception {
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor(1_000_000))) {
      TrainingJob job = f.executor.submit(LoopbackFixture.request("slow"));

      TrainingJobTimeoutException e = assertThrows(TrainingJobTimeoutException.class,
          () -> job.awaitCompletion(Duration.ofMillis(200)));

      assertTrue(e.getMessage().startsWith("training job 'slow' has not ended within PT0.2S"), e.getMessage());
    }
  }

  @Test
  void stop_whenJobRunning_awaitReturnsStopped() throws Exception {
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor(1_000_000))) {
      TrainingJob job = f.executor.submit(LoopbackFixture.request("stopped"));

      job.stop();
      TrainingJobDescription done = job.awaitCompletion(GENEROUS);

      assertEquals(TrainingJobStatus.STOPPED, done.trainingJobStatus().orElseThrow());
      assertEquals(1, f.recorder.bodies("SageMaker.StopTrainingJob").size());
    }
  }

  @Test
  void job_whenJobExists_returnsAHandleWithItsArn() throws Exception {
    try (LoopbackFixture f = new LoopbackFixture(new ScriptedExecutor())) {
      f.scripted.submit(LoopbackFixture.request("earlier"));

      TrainingJob job = f.executor.job("earlier");

      assertEquals("arn:aws:sagemaker:us-east-1:123456789012:training-job/earlier", job.arn());
      assertThrows(ResourceNotFoundException.class, () -> f.executor.job("nobody"));
    }
  }
}
