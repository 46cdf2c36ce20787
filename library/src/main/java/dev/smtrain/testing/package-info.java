/**
 * Unit-testing support shipped in the library jar: {@link dev.smtrain.testing.FakeExecutor}, an in-memory,
 * deterministic {@link dev.smtrain.executor.TrainingJobExecutor} on a {@link dev.smtrain.testing.VirtualClock},
 * with scripted outcomes ({@link dev.smtrain.testing.FakeOutcome}), SageMaker's checks (validation, unique
 * names, quotas, {@code MaxRuntimeInSeconds}) and recorded requests; and
 * {@link dev.smtrain.testing.FakeExecutorExtension}, which gives each JUnit 5 test a fresh fake.
 *
 * <pre>{@code
 * @ExtendWith(FakeExecutorExtension.class)
 * class ChurnModelTrainerTest {
 *   @Test
 *   void train_whenJobFails_throws(FakeExecutor fake) {
 *     fake.script("churn-1", FakeOutcome.fails("AlgorithmError: out of memory"));
 *     ...
 *   }
 * }
 * }</pre>
 */
package dev.smtrain.testing;
