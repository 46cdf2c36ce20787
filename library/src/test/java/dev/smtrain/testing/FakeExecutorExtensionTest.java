package dev.smtrain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.executor.TrainingJobExecutor;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension, both ways of using it. */
class FakeExecutorExtensionTest {

  @Nested
  @ExtendWith(FakeExecutorExtension.class)
  class Injected {

    private FakeExecutor fromBeforeEach;

    @BeforeEach
    void remember(FakeExecutor fake) {
      fromBeforeEach = fake;
    }

    @Test
    void parameters_whenSeveralTypesAreAsked_areTheSameFakeAndItsClock(FakeExecutor fake,
        TrainingJobExecutor executor, VirtualClock clock) {
      assertSame(fake, executor);
      assertSame(fake, fromBeforeEach);
      assertSame(fake.clock(), clock);
    }

    @Test
    void fake_whenTestsReuseAName_isFreshInEachTest(FakeExecutor fake) {
      fake.submit(TestRequests.valid("same-name")).awaitCompletion(Duration.ofHours(1));
      fake.requests().assertCount(1);
      assertEquals(VirtualClock.DEFAULT_START.plusSeconds(390), fake.clock().instant());
    }

    @Test
    void fake_whenAnotherTestReusesTheName_isFreshToo(FakeExecutor fake) {
      fake.submit(TestRequests.valid("same-name")).awaitCompletion(Duration.ofHours(1));
      fake.requests().assertCount(1);
      assertEquals(VirtualClock.DEFAULT_START.plusSeconds(390), fake.clock().instant());
    }
  }

  @Nested
  @ExtendWith(FakeExecutorExtension.class)
  class Mixed {

    @Nested
    class AlsoRegistered {

      @RegisterExtension
      final FakeExecutorExtension limited = FakeExecutorExtension.configured(b -> b.maxConcurrentJobs(1));

      @Test
      void executor_whenAnOuterClassRegistersTheDefault_keepsItsOwnConfiguredFake() {
        limited.executor().submit(TestRequests.valid("a"));

        assertThrows(dev.smtrain.executor.ResourceLimitExceededException.class,
            () -> limited.executor().submit(TestRequests.valid("b")));
      }
    }
  }

  @Nested
  class Registered {

    @RegisterExtension
    final FakeExecutorExtension fakes = FakeExecutorExtension.configured(b -> b.maxConcurrentJobs(1)
        .script("doomed", FakeOutcome.fails("AlgorithmError: scripted")));

    @Test
    void executor_whenConfigured_appliesTheConfigurationToEachTestsFake() {
      FakeExecutor fake = fakes.executor();
      fake.submit(TestRequests.valid("doomed"));

      assertThrows(dev.smtrain.executor.ResourceLimitExceededException.class,
          () -> fake.submit(TestRequests.valid("other")));
      assertEquals("AlgorithmError: scripted", fake.job("doomed").awaitCompletion(Duration.ofHours(1))
          .failureReason().orElseThrow());
    }

    @Test
    void executor_whenAlsoInjected_isTheSameFake(FakeExecutor injected) {
      assertSame(fakes.executor(), injected);
      fakes.executor().requests().assertNone();
    }
  }

  @Test
  void executor_whenNoTestRuns_explainsHowToUseIt() {
    ExtensionConfigurationException e = assertThrows(ExtensionConfigurationException.class,
        () -> new FakeExecutorExtension().executor());
    assertTrue(e.getMessage().contains("@RegisterExtension"), e.getMessage());
  }
}
