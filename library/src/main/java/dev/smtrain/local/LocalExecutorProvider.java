package dev.smtrain.local;

import dev.smtrain.executor.TrainingJobExecutor;
import dev.smtrain.executor.TrainingJobExecutorProvider;
import dev.smtrain.local.storage.StorageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The {@code local} executor kind, found by {@link java.util.ServiceLoader}. Settings (all optional):
 * <ul>
 *   <li>{@code local.docker-host}: the engine, e.g. {@code unix:///run/podman/podman.sock} (default: found
 *       from {@code DOCKER_HOST} and the usual sockets);
 *   <li>{@code local.grace-period}: seconds, or an ISO-8601 duration such as {@code PT30S} (default 120 s);
 *   <li>{@code local.work-dir} and {@code local.sessions-dir}: see {@link LocalExecutor.Builder};
 *   <li>{@code local.remove-orphans}: {@code true} to remove orphans of dead sessions at start;
 *   <li>the storage settings of {@link StorageSettings#fromMap(Map)} ({@code s3.endpoint}, ...).
 * </ul>
 */
public final class LocalExecutorProvider implements TrainingJobExecutorProvider {

  /** Creates the provider (for {@link java.util.ServiceLoader}). */
  public LocalExecutorProvider() {}

  @Override
  public String name() {
    return "local";
  }

  @Override
  public TrainingJobExecutor create(Map<String, String> settings) {
    LocalExecutor.Builder b = LocalExecutor.builder().storageSettings(StorageSettings.fromMap(settings));
    String host = settings.get("local.docker-host");
    if (host != null && !host.isBlank()) {
      b.dockerHost(host.trim());
    }
    String grace = settings.get("local.grace-period");
    if (grace != null && !grace.isBlank()) {
      b.gracePeriod(duration("local.grace-period", grace.trim()));
    }
    String work = settings.get("local.work-dir");
    if (work != null && !work.isBlank()) {
      b.workDirectory(Path.of(work.trim()));
    }
    String sessions = settings.get("local.sessions-dir");
    if (sessions != null && !sessions.isBlank()) {
      b.sessionsDirectory(Path.of(sessions.trim()));
    }
    String orphans = settings.get("local.remove-orphans");
    if (orphans != null && !orphans.isBlank()) {
      b.removeOrphansOnStart(bool("local.remove-orphans", orphans.trim()));
    }
    return b.build();
  }

  static Duration duration(String key, String value) {
    try {
      return value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("Setting " + key + " must be seconds (120) or an ISO-8601 duration "
          + "(PT2M), got \"" + value + "\"", e);
    }
  }

  static boolean bool(String key, String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException("Setting " + key + " must be true or false, got \"" + value + "\"");
  }
}
