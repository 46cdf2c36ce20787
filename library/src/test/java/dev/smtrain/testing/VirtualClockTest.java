package dev.smtrain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

  @Test
  void advance_whenDurationIsNegative_saysSo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new VirtualClock().advance(Duration.ofSeconds(-1)));
    assertTrue(e.getMessage().contains("must not be negative"), e.getMessage());
  }

  @Test
  void advanceTo_whenInstantIsInThePast_leavesTheClockWhereItIs() {
    VirtualClock clock = new VirtualClock(Instant.parse("2030-01-01T00:00:00Z"));

    Instant now = clock.advanceTo(Instant.parse("2029-01-01T00:00:00Z"));

    assertEquals(Instant.parse("2030-01-01T00:00:00Z"), now);
    assertEquals(now, clock.instant());
  }

  @Test
  void withZone_whenEitherIsAdvanced_bothShowTheSameInstant() {
    VirtualClock clock = new VirtualClock();
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.advance(Duration.ofMinutes(3));

    assertEquals(VirtualClock.DEFAULT_START.plusSeconds(180), paris.instant());
    assertEquals(ZoneId.of("Europe/Paris"), paris.getZone());
    ((VirtualClock) paris).advance(Duration.ofMinutes(1));
    assertEquals(VirtualClock.DEFAULT_START.plusSeconds(240), clock.instant());
  }
}
