package dev.smtrain.cli;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.sagemaker.SageMakerExecutor;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smtrain logs NAME}: prints a job's CloudWatch log, one {@code STREAM MESSAGE} line per event; with
 * {@code --follow}, keeps printing until the job ends (exit 1 unless it Completed).
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
    description = "Print a SageMaker training job's CloudWatch log (/aws/sagemaker/TrainingJobs).")
final class LogsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  SageMakerOptions sagemaker;

  @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until the job ends.")
  boolean follow;

  @Parameters(paramLabel = "NAME", description = "The training job name.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (SageMakerExecutor executor = sagemaker.executor()) {
      if (!follow) {
        executor.logs(name).forEach(e -> print(e, out));
        out.flush();
        return 0;
      }
      TrainingJob job = executor.job(name);
      job.addListener(new TrainingJobListener() {
        @Override
        public void onLogLine(LogEvent event) {
          print(event, out);
          out.flush();
        }
      });
      TrainingJobDescription done = job.awaitCompletion(Duration.ofDays(30));
      return done.trainingJobStatus().orElse(null) == TrainingJobStatus.COMPLETED ? 0 : 1;
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("smtrain logs: " + SageMakerOptions.message(e));
      return 1;
    }
  }

  private static void print(LogEvent e, PrintWriter out) {
    out.println(e.stream() + " " + e.message());
  }
}
