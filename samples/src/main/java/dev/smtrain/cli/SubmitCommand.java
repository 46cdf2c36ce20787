package dev.smtrain.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for the {@code submit} command; replaced by the issue that owns it. */
@Command(name = "submit", description = "(not yet available)")
final class SubmitCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("smtrain submit: not yet available");
    return 2;
  }
}
