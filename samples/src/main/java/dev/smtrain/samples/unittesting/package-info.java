/**
 * Sample: a user's service class that trains a model through whatever {@link dev.smtrain.executor.TrainingJobExecutor}
 * it is given, and its unit test with {@link dev.smtrain.testing.FakeExecutorExtension} (see the test sources):
 * a job that completes, one that fails, a duplicate name, a quota hit, and a job that runs out of time.
 */
package dev.smtrain.samples.unittesting;
