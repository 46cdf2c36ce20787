package dev.smtrain.executor;

import java.util.Map;

/**
 * Makes executors of one kind for {@code TrainingJobExecutors}, found with {@link java.util.ServiceLoader}.
 * The library provides {@code sagemaker}, {@code local} and {@code fake}.
 */
public interface TrainingJobExecutorProvider {

  /**
   * The kind's name, as written in {@code SMTRAIN_EXECUTOR}.
   *
   * @return for example {@code "local"}
   */
  String name();

  /**
   * Makes an executor.
   *
   * @param settings settings for the executor ({@code smtrain.*} system properties and {@code SMTRAIN_*}
   *     environment variables, keys lower-case with dots, such as {@code sagemaker.endpoint-url})
   * @return the executor
   */
  TrainingJobExecutor create(Map<String, String> settings);
}
