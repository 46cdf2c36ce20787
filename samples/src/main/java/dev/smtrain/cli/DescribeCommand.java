package dev.smtrain.cli;

import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.sagemaker.SageMakerExecutor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smtrain describe NAME}: prints {@code DescribeTrainingJob}'s answer as indented JSON. */
@Command(name = "describe", mixinStandardHelpOptions = true,
    description = "Print a SageMaker training job's description (DescribeTrainingJob) as JSON.")
final class DescribeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  SageMakerOptions sagemaker;

  @Parameters(paramLabel = "NAME", description = "The training job name.")
  String name;

  @Override
  public Integer call() {
    try (SageMakerExecutor executor = sagemaker.executor()) {
      spec.commandLine().getOut().println(TrainingJobJson.writePretty(executor.describe(name)));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("smtrain describe: " + SageMakerOptions.message(e));
      return 1;
    }
  }
}
