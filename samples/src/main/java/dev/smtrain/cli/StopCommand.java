package dev.smtrain.cli;

import dev.smtrain.sagemaker.SageMakerExecutor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smtrain stop NAME}: asks SageMaker to stop a job ({@code StopTrainingJob}); a job that ended is left as is. */
@Command(name = "stop", mixinStandardHelpOptions = true,
    description = "Stop a SageMaker training job (StopTrainingJob). Stopping a job that has ended does nothing.")
final class StopCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  SageMakerOptions sagemaker;

  @Parameters(paramLabel = "NAME", description = "The training job name.")
  String name;

  @Override
  public Integer call() {
    try (SageMakerExecutor executor = sagemaker.executor()) {
      executor.stop(name);
      return 0;
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("smtrain stop: " + SageMakerOptions.message(e));
      return 1;
    }
  }
}
