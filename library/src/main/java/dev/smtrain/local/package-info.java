/**
 * Runs training jobs on a local container engine (Docker or Podman), with SageMaker's container contract:
 * {@link dev.smtrain.local.LocalExecutor}. Select it with {@code SMTRAIN_EXECUTOR=local} or build one:
 *
 * <pre>{@code
 * try (LocalExecutor local = LocalExecutor.builder().gracePeriod(Duration.ofSeconds(10)).build()) {
 *   TrainingJobDescription done = local.submit(request).awaitCompletion(Duration.ofMinutes(30));
 * }
 * }</pre>
 *
 * <p>The sub-packages {@code engine} (the Docker Engine API seam) and {@code storage} (inputs, checkpoints and
 * outputs on {@code file://} and {@code s3://}) are used by the runner and may be used directly.
 */
package dev.smtrain.local;
