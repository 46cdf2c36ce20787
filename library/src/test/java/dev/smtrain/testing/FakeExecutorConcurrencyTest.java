package dev.smtrain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.executor.ResourceInUseException;
import dev.smtrain.model.TrainingJobStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many threads submitting to one fake. */
class FakeExecutorConcurrencyTest {

  private static final int THREADS = 16;
  private static final int SHARED_NAMES = 50;
  private static final int OWN_NAMES = 20;

  @Test
  void submit_whenThreadsRaceForTheSameNames_exactlyOneWinsEachName() throws Exception {
    FakeExecutor fake = FakeExecutor.create();
    Map<String, AtomicInteger> wins = new ConcurrentHashMap<>();
    AtomicInteger inUse = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < SHARED_NAMES; i++) {
            String shared = "shared-" + ((i + thread) % SHARED_NAMES);
            try {
              fake.submit(TestRequests.valid(shared)).awaitCompletion(Duration.ofHours(1));
              wins.computeIfAbsent(shared, k -> new AtomicInteger()).incrementAndGet();
            } catch (ResourceInUseException e) {
              inUse.incrementAndGet();
            }
            if (i < OWN_NAMES) {
              String own = "own-" + thread + "-" + i;
              assertEquals(TrainingJobStatus.COMPLETED, fake.submit(TestRequests.valid(own))
                  .awaitCompletion(Duration.ofHours(1)).trainingJobStatus().orElseThrow());
              wins.computeIfAbsent(own, k -> new AtomicInteger()).incrementAndGet();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(SHARED_NAMES + THREADS * OWN_NAMES, wins.size());
    assertTrue(wins.values().stream().allMatch(n -> n.get() == 1), "each name was won exactly once: " + wins);
    assertEquals(THREADS * SHARED_NAMES - SHARED_NAMES, inUse.get());
    RecordedRequests recorded = fake.requests();
    assertEquals(wins.size(), recorded.count());
    Set<String> names = new HashSet<>(recorded.names());
    assertEquals(wins.keySet(), names);
    assertEquals(THREADS * SHARED_NAMES - SHARED_NAMES, fake.refusals().size());
    for (String name : names) {
      assertEquals(TrainingJobStatus.COMPLETED, fake.job(name).awaitCompletion(Duration.ofHours(1))
          .trainingJobStatus().orElseThrow());
    }
  }

  @Test
  void submit_whenThreadsRaceForAConcurrencyQuota_neverExceedIt() throws Exception {
    FakeExecutor fake = FakeExecutor.builder().maxConcurrentJobs(3).build();
    fake.defaultOutcome(FakeOutcome.staysInProgress());
    AtomicInteger accepted = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          try {
            fake.submit(TestRequests.valid("job-" + thread));
            accepted.incrementAndGet();
          } catch (dev.smtrain.executor.ResourceLimitExceededException e) {
            // expected for all but three
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(3, accepted.get());
    assertEquals(3, fake.requests().count());
  }
}
