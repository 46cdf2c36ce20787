package dev.smtrain.validation;

/**
 * Where a request is meant to run, which decides what is valid. Executors validate with their own target.
 */
public enum ValidationTarget {
  /** Amazon SageMaker: the service model exactly; {@code file://} URIs are errors. */
  SAGEMAKER,
  /**
   * The local container runner: SageMaker's rules, except that {@code file://} URIs are accepted for
   * channels, output, checkpoints and Debugger/TensorBoard paths, and members the runner cannot honour
   * (VPC, KMS keys, Debugger and Profiler rules) are warned about instead of silently dropped.
   */
  LOCAL
}
