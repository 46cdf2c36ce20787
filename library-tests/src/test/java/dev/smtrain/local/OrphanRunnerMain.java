package dev.smtrain.local;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.TrainingInstanceType;
import java.nio.file.Path;

/**
 * A runner JVM for {@link OrphanCleanupTest}, started as a child process: submits a job that trains forever,
 * prints {@code TRAINING <job>} once the container runs, and waits to be killed.
 *
 * <p>Arguments: sessions directory, work directory, image, job name, output directory URI.
 */
public final class OrphanRunnerMain {

  private OrphanRunnerMain() {}

  public static void main(String[] args) throws InterruptedException {
    LocalExecutor executor = LocalExecutor.builder()
        .sessionsDirectory(Path.of(args[0]))
        .workDirectory(Path.of(args[1]))
        .build();
    String name = args[3];
    executor.submit(CreateTrainingJobRequest.builder()
        .trainingJobName(name)
        .roleArn("arn:aws:iam::123456789012:role/SageMakerRole")
        .algorithmSpecification(a -> a.trainingImage(args[2])
            .trainingInputMode(dev.smtrain.model.TrainingInputMode.FILE))
        .resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_M5_XLARGE, 2, 10))
        .outputDataConfig(o -> o.s3OutputPath(args[4]))
        .stoppingCondition(s -> s.maxRuntimeInSeconds(3600))
        .putEnvironment("MODE", "sleep")
        .build(), new TrainingJobListener() {
          @Override
          public void onLogLine(LogEvent event) {
            if (event.message().contains("training forever")) {
              System.out.println("TRAINING " + event.stream() + " " + executor.sessionId());
              System.out.flush();
            }
          }
        });
    Thread.currentThread().join();
  }
}
