package dev.smtrain.cli;

import dev.smtrain.SmtrainException;
import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.StatusEvent;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.local.LocalExecutor;
import dev.smtrain.local.storage.StorageSettings;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.model.json.JsonProblem;
import dev.smtrain.model.json.JsonReadResult;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.validation.ValidationException;
import dev.smtrain.validation.Violation;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smtrain run --local FILE.json}: runs a {@code CreateTrainingJob} request (AWS CLI JSON) on the local
 * container engine, streams its log and status to stderr, and prints the final description (DescribeTrainingJob
 * JSON) to stdout. Exit 0 when the job Completed, 1 when it failed or stopped or the request is invalid, 2 on a
 * usage error. Ctrl-C stops the job (SIGTERM, grace period, SIGKILL) and still uploads what it saved.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a training job and wait for it; prints the final description as JSON.")
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--local", required = true,
      description = "Run on the local container engine (Docker or Podman, found from DOCKER_HOST and the usual "
          + "sockets).")
  boolean local;

  @Parameters(index = "0", paramLabel = "FILE.json", description = "The CreateTrainingJob request, as for "
      + "'aws sagemaker create-training-job --cli-input-json'.")
  Path file;

  @Option(names = "--docker-host", paramLabel = "URI", description = "The engine, e.g. unix:///run/podman/podman.sock.")
  String dockerHost;

  @Option(names = "--grace-period", paramLabel = "SECONDS", defaultValue = "120",
      description = "Seconds between SIGTERM and SIGKILL when the job is stopped (default: ${DEFAULT-VALUE}).")
  long gracePeriodSeconds;

  @Option(names = "--timeout", paramLabel = "SECONDS",
      description = "Stop waiting after this many seconds (the job is then stopped); default: wait until it ends.")
  Long timeoutSeconds;

  @Option(names = "--s3-endpoint", paramLabel = "URI",
      description = "An S3-compatible endpoint for s3:// URIs (path-style access is used).")
  URI s3Endpoint;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isRegularFile(file)) {
      err.println("smtrain run: " + file + ": no such file");
      err.flush();
      return 2;
    }
    JsonReadResult<CreateTrainingJobRequest> read = TrainingJobJson.readRequest(file);
    if (!read.problems().isEmpty() || read.value().isEmpty()) {
      for (JsonProblem p : read.problems()) {
        err.println(file + ": " + p.path() + ": " + p.message());
      }
      err.flush();
      return 1;
    }
    try (LocalExecutor executor = executor()) {
      TrainingJob job = executor.submit(read.value().get(), new Progress(err));
      Thread onCtrlC = new Thread(() -> stopAndWait(job), "smtrain-run-stop");
      Runtime.getRuntime().addShutdownHook(onCtrlC);
      TrainingJobDescription done;
      try {
        done = timeoutSeconds == null ? job.awaitCompletion(Duration.ofDays(365_000))
            : awaitOrStop(job, Duration.ofSeconds(timeoutSeconds), err);
      } finally {
        removeHook(onCtrlC);
      }
      out.println(TrainingJobJson.writePretty(done));
      out.flush();
      return done.trainingJobStatus().orElse(null) == TrainingJobStatus.COMPLETED ? 0 : 1;
    } catch (ValidationException e) {
      for (Violation v : e.report().violations()) {
        err.println(file + ": " + v);
      }
      err.flush();
      return 1;
    } catch (SmtrainException | IllegalArgumentException | IllegalStateException e) {
      err.println("smtrain run: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  private LocalExecutor executor() {
    LocalExecutor.Builder b = LocalExecutor.builder().gracePeriod(Duration.ofSeconds(gracePeriodSeconds));
    if (dockerHost != null) {
      b.dockerHost(dockerHost);
    }
    if (s3Endpoint != null) {
      b.storageSettings(StorageSettings.builder().endpointOverride(s3Endpoint).forcePathStyle(true).build());
    }
    return b.build();
  }

  private TrainingJobDescription awaitOrStop(TrainingJob job, Duration timeout, PrintWriter err) {
    try {
      return job.awaitCompletion(timeout);
    } catch (dev.smtrain.executor.TrainingJobTimeoutException e) {
      err.println("smtrain run: " + e.getMessage() + "; stopping it");
      err.flush();
      job.stop();
      return job.awaitCompletion(Duration.ofSeconds(gracePeriodSeconds + 600));
    }
  }

  private void stopAndWait(TrainingJob job) {
    TrainingJobStatus status = job.describe().trainingJobStatus().orElse(TrainingJobStatus.IN_PROGRESS);
    if (status == TrainingJobStatus.IN_PROGRESS || status == TrainingJobStatus.STOPPING) {
      job.stop();
      try {
        job.awaitCompletion(Duration.ofSeconds(gracePeriodSeconds + 60));
      } catch (SmtrainException e) {
        // the JVM is exiting anyway; removeOrphans() cleans up what is left
      }
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs
    }
  }

  /** Streams status changes and log lines to stderr. */
  private static final class Progress implements TrainingJobListener {
    private final PrintWriter err;

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void onStatusChange(StatusEvent e) {
      synchronized (err) {
        err.println("== " + e.trainingJobName() + " " + e.status().value() + "/" + e.secondaryStatus().value()
            + (e.statusMessage().isEmpty() ? "" : ": " + e.statusMessage()));
        err.flush();
      }
    }

    @Override
    public void onLogLine(LogEvent e) {
      synchronized (err) {
        err.println("[" + e.stream() + "] " + e.message());
        err.flush();
      }
    }
  }
}
