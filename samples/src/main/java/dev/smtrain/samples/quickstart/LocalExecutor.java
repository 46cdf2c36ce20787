package dev.smtrain.samples.quickstart;

import dev.smtrain.executor.TrainingJobExecutor;
import dev.smtrain.executor.TrainingJobExecutorProvider;
import java.util.Map;
import java.util.ServiceLoader;

/** The local runner, found through the executor SPI as application code would. */
final class LocalExecutor {

  private LocalExecutor() {}

  static TrainingJobExecutor create() {
    for (TrainingJobExecutorProvider provider : ServiceLoader.load(TrainingJobExecutorProvider.class)) {
      if (provider.name().equals("local")) {
        return provider.create(Map.of());
      }
    }
    throw new IllegalStateException("no executor named 'local' on the class path");
  }
}
