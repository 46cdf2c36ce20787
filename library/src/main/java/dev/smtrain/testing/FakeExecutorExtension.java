package dev.smtrain.testing;

import dev.smtrain.executor.TrainingJobExecutor;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each JUnit 5 test a fresh {@link FakeExecutor}, closed after the test. Either inject it:
 *
 * <pre>{@code
 * @ExtendWith(FakeExecutorExtension.class)
 * class TrainerTest {
 *   @Test
 *   void train_whenJobCompletes_returnsModel(FakeExecutor fake) { ... }
 * }
 * }</pre>
 *
 * <p>or register a configured one in a field and ask it for the current test's fake:
 *
 * <pre>{@code
 * @RegisterExtension
 * final FakeExecutorExtension fakes = FakeExecutorExtension.configured(b -> b.maxConcurrentJobs(1));
 *
 * @Test
 * void train_whenQuotaIsHit_throws() {
 *   FakeExecutor fake = fakes.executor();
 *   ...
 * }
 * }</pre>
 *
 * <p>Test and {@code @BeforeEach}/{@code @AfterEach} methods may declare parameters of type
 * {@link FakeExecutor}, {@link TrainingJobExecutor} and {@link VirtualClock}; within one test they are the
 * same fake and its clock. Constructor parameters are not supported (a constructor runs outside any one
 * test). With JUnit's parallel execution, prefer parameters to {@link #executor()} on a static field.
 */
public final class FakeExecutorExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeExecutorExtension.class);
  private final Consumer<FakeExecutor.Builder> configuration;
  private volatile FakeExecutor current;

  /** An extension giving each test a {@link FakeExecutor#create() default} fake. */
  public FakeExecutorExtension() {
    this(b -> { });
  }

  private FakeExecutorExtension(Consumer<FakeExecutor.Builder> configuration) {
    this.configuration = configuration;
  }

  /**
   * An extension giving each test a fake built with the given configuration, for {@code @RegisterExtension}.
   *
   * @param configuration sets quotas, scripts, validation target and so on, on a fresh builder per test
   * @return the extension
   */
  public static FakeExecutorExtension configured(Consumer<FakeExecutor.Builder> configuration) {
    return new FakeExecutorExtension(Objects.requireNonNull(configuration, "configuration"));
  }

  /**
   * The current test's fake.
   *
   * @return the fake
   * @throws ExtensionConfigurationException outside a test
   */
  public FakeExecutor executor() {
    FakeExecutor f = current;
    if (f == null) {
      throw new ExtensionConfigurationException("FakeExecutorExtension.executor() is only available while a test"
          + " runs; register the extension with @RegisterExtension on a field and call executor() from a test or"
          + " @BeforeEach method");
    }
    return f;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    current = fakeFor(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    FakeExecutor f = context.getStore(NAMESPACE).remove(this, FakeExecutor.class);
    if (f != null) {
      f.close();
    }
    current = null;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    boolean ours = type == FakeExecutor.class || type == TrainingJobExecutor.class || type == VirtualClock.class;
    if (ours && !(parameterContext.getDeclaringExecutable() instanceof Method)) {
      throw new ParameterResolutionException("FakeExecutorExtension cannot inject a " + type.getSimpleName()
          + " into a constructor: declare it as a parameter of the test or @BeforeEach method instead");
    }
    return ours;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    FakeExecutor fake = fakeFor(extensionContext);
    return parameterContext.getParameter().getType() == VirtualClock.class ? fake.clock() : fake;
  }

  private FakeExecutor fakeFor(ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      throw new ExtensionConfigurationException("FakeExecutorExtension gives a fake to each test; it cannot"
          + " provide one outside a test method (such as in @BeforeAll)");
    }
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(this, k -> {
      FakeExecutor.Builder b = FakeExecutor.builder();
      configuration.accept(b);
      return b.build();
    }, FakeExecutor.class);
  }
}
