package dev.smtrain.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for the {@code validate} command; replaced by the issue that owns it. */
@Command(name = "validate", description = "(not yet available)")
final class ValidateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("smtrain validate: not yet available");
    return 2;
  }
}
