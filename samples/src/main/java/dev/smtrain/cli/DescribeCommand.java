package dev.smtrain.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for the {@code describe} command; replaced by the issue that owns it. */
@Command(name = "describe", description = "(not yet available)")
final class DescribeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("smtrain describe: not yet available");
    return 2;
  }
}
