package dev.smtrain.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for the {@code stop} command; replaced by the issue that owns it. */
@Command(name = "stop", description = "(not yet available)")
final class StopCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("smtrain stop: not yet available");
    return 2;
  }
}
