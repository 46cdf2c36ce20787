package dev.smtrain.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.executor.TrainingJob;
import dev.smtrain.local.engine.EngineLabels;
import dev.smtrain.local.engine.ManagedContainer;
import dev.smtrain.model.TrainingJobStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A runner JVM killed mid-job leaves containers and a network; removeOrphans removes them, and only them. */
@Tag("engine")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OrphanCleanupTest {

  @TempDir
  static Path root;
  static LocalRunnerFixture fx;

  @BeforeAll
  static void start() throws IOException {
    fx = LocalRunnerFixture.start(root, Duration.ofSeconds(2));
  }

  @AfterAll
  static void stop() {
    if (fx != null) {
      fx.close();
    }
  }

  @Test
  void removeOrphans_whenRunnerJvmWasKilled_removesItsContainersAndNetworkButNotLiveOnes() throws Exception {
    String orphan = LocalRunnerFixture.uniqueName("orphan");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), OrphanRunnerMain.class.getName(),
        fx.sessions.toString(), root.resolve("child-work").toString(), fx.image, orphan, fx.outputUri())
        .redirectError(Files.createFile(root.resolve("child.err")).toFile())
        .start();
    String childSession;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      Set<String> training = new HashSet<>();
      String session = null;
      for (String line; training.size() < 2 && (line = out.readLine()) != null; ) {
        if (line.startsWith("TRAINING ")) {
          String[] parts = line.split(" ");
          training.add(parts[1]);
          session = parts[2];
        }
      }
      assertEquals(Set.of("algo-1", "algo-2"), training,
          () -> "the child runner did not get to training: " + readQuietly(root.resolve("child.err")));
      childSession = session;
    } finally {
      child.destroyForcibly();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    }
    Map<String, String> orphanLabels = Map.of(EngineLabels.JOB, orphan, EngineLabels.SESSION, childSession);
    List<ManagedContainer> left = fx.engine.listContainers(orphanLabels);
    assertEquals(2, left.size(), "the killed runner left its two containers");
    assertEquals(1, fx.engine.listNetworks(orphanLabels).size(), "and its network");

    String live = LocalRunnerFixture.uniqueName("live");
    LocalRunnerFixture.Recorder recorder = new LocalRunnerFixture.Recorder("training forever");
    TrainingJob liveJob = fx.executor.submit(fx.request(live, "sleep").build(), recorder);
    recorder.awaitLine();

    RemovedOrphans removed = fx.executor.removeOrphans();

    assertTrue(removed.containers().containsAll(left.stream().map(ManagedContainer::id).toList()),
        removed::toString);
    assertEquals(List.of(), fx.engine.listContainers(orphanLabels));
    assertEquals(List.of(), fx.engine.listNetworks(orphanLabels));
    assertFalse(fx.engine.listContainers(Map.of(EngineLabels.JOB, live)).isEmpty(), "a live job is untouched");
    assertFalse(Files.exists(fx.sessions.resolve(childSession + ".lease")), "the dead session's lease is gone");
    assertTrue(Files.exists(fx.sessions.resolve(fx.executor.sessionId() + ".lease")));

    liveJob.stop();
    assertEquals(TrainingJobStatus.STOPPED,
        liveJob.awaitCompletion(LocalRunnerFixture.JOB_TIMEOUT).trainingJobStatus().orElseThrow());
    assertTrue(fx.executor.removeOrphans().isEmpty());
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
