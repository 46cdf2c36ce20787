package dev.smtrain.bench;

import dev.smtrain.local.storage.LocalStorage;
import dev.smtrain.local.storage.StagedChannel;
import dev.smtrain.model.Channel;
import dev.smtrain.model.S3DataDistribution;
import dev.smtrain.model.S3DataType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Staging cost of a {@code file://} channel against its size: 8 files totalling 1 MB or 200 MB.
 *
 * <ul>
 *   <li>{@code bindFullyReplicated}: the runner's path for a local directory (bind the user's directory).</li>
 *   <li>{@code hardLinkShard}: ShardedByS3Key across 2 hosts, host 1's half as hard links.</li>
 *   <li>{@code copyBaseline}: copying the directory, as SageMaker Python SDK local mode stages inputs.</li>
 * </ul>
 *
 * <pre>mvn -B -o -Pbenchmarks -DskipTests verify -pl library-tests -am -Djmh.args="FileStagingBenchmark -f 1 -wi 3 -i 5"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FileStagingBenchmark {

  private static final int FILES = 8;

  @Param({"1", "200"})
  public int megabytes;

  private Path root;
  private Path data;
  private Path scratch;
  private LocalStorage storage;
  private Channel replicated;
  private Channel sharded;
  private int run;

  @Setup(Level.Trial)
  public void createData() throws IOException {
    root = Files.createTempDirectory("smtrain-staging-bench");
    data = Files.createDirectories(root.resolve("data"));
    byte[] chunk = new byte[1 << 16];
    new Random(1).nextBytes(chunk);
    long perFile = (long) megabytes * 1024 * 1024 / FILES;
    for (int f = 0; f < FILES; f++) {
      try (OutputStream out = Files.newOutputStream(data.resolve("part-" + f + ".bin"))) {
        for (long written = 0; written < perFile; written += chunk.length) {
          out.write(chunk, 0, (int) Math.min(chunk.length, perFile - written));
        }
      }
    }
    storage = LocalStorage.create();
    replicated = channel(S3DataDistribution.FULLY_REPLICATED);
    sharded = channel(S3DataDistribution.SHARDED_BY_S3_KEY);
  }

  private Channel channel(S3DataDistribution distribution) {
    return Channel.builder().channelName("train").dataSource(d -> d.s3DataSource(s -> s.s3Uri(data.toUri()
        .toString()).s3DataType(S3DataType.S3_PREFIX).s3DataDistributionType(distribution))).build();
  }

  @Setup(Level.Iteration)
  public void freshScratch() throws IOException {
    scratch = Files.createDirectories(root.resolve("scratch"));
  }

  @TearDown(Level.Iteration)
  public void removeScratch() throws IOException {
    delete(scratch);
  }

  @TearDown(Level.Trial)
  public void removeData() throws IOException {
    storage.close();
    delete(root);
  }

  @Benchmark
  public StagedChannel bindFullyReplicated() {
    return storage.stage(replicated, 0, 1, scratch);
  }

  @Benchmark
  public StagedChannel hardLinkShard() {
    return storage.stage(sharded, 1, 2, scratch.resolve("run-" + run++));
  }

  @Benchmark
  public Path copyBaseline() throws IOException {
    Path target = Files.createDirectories(scratch.resolve("copy-" + run++));
    try (Stream<Path> files = Files.list(data)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    }
    return target;
  }

  private static void delete(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
