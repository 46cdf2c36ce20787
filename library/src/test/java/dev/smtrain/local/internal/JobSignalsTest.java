package dev.smtrain.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobSignalsTest {

  @Test
  void awaitChange_whenSomethingChangedSinceTheVersionSeen_returnsWithoutWaiting() throws Exception {
    JobSignals signals = new JobSignals();
    long seen = signals.version();
    signals.exited(1, 3);

    signals.awaitChange(seen, TimeUnit.DAYS.toNanos(1));

    assertEquals(Map.of(1, 3), signals.exitCodes());
    assertTrue(signals.version() > seen);
  }

  @Test
  void awaitChange_whenStopIsRequestedFromAnotherThread_wakesTheWaiter() throws Exception {
    JobSignals signals = new JobSignals();
    long seen = signals.version();
    Thread stopper = new Thread(signals::requestStop);
    stopper.start();

    signals.awaitChange(seen, TimeUnit.DAYS.toNanos(1));

    assertTrue(signals.stopRequested());
    stopper.join();
  }
}
