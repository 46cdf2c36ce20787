package dev.smtrain.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for the {@code logs} command; replaced by the issue that owns it. */
@Command(name = "logs", description = "(not yet available)")
final class LogsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("smtrain logs: not yet available");
    return 2;
  }
}
