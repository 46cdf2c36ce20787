package dev.smtrain.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for the {@code run} command; replaced by the issue that owns it. */
@Command(name = "run", description = "(not yet available)")
final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("smtrain run: not yet available");
    return 2;
  }
}
