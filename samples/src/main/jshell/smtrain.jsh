// smtrain's JShell startup script, loaded by samples/jshell.sh after JShell's DEFAULT startup.
// It imports the public API and defines a few helpers; type help() for the list.

import dev.smtrain.model.*;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.validation.*;
import dev.smtrain.executor.*;
import dev.smtrain.testing.*;
import dev.smtrain.local.LocalExecutor;
import dev.smtrain.sagemaker.SageMakerExecutor;
import dev.smtrain.samples.progress.ConsoleProgress;
import dev.smtrain.samples.chart.MetricChart;
import dev.smtrain.samples.chart.MetricRecorder;
import java.time.Duration;

/** Metric events recorded per job by run() and watch(), for chart(). */
final Map<String, MetricRecorder> RECORDED = new java.util.concurrent.ConcurrentHashMap<>();

/** Prints a validation report, one violation per line. */
ValidationReport printReport(ValidationReport r, ValidationTarget target) {
  System.out.println(r.isValid() ? "valid for " + target + (r.warnings().isEmpty() ? "" : ", with warnings:")
      : "invalid for " + target + ": " + r.errors().size() + " error(s)");
  r.violations().forEach(v -> System.out.println("  " + v));
  return r;
}

// (JShell: a method cannot call an overload of its own name defined in another snippet, hence printReport)
/** Validates a request for SageMaker and prints the report. */
ValidationReport report(CreateTrainingJobRequest request) {
  return printReport(TrainingJobValidator.standard().validate(request), ValidationTarget.SAGEMAKER);
}

/** Validates a request for a target (SAGEMAKER or LOCAL) and prints the report. */
ValidationReport report(CreateTrainingJobRequest request, ValidationTarget target) {
  return printReport(TrainingJobValidator.forTarget(target).validate(request), target);
}

/** Reads a request in the AWS CLI JSON shape (a file path or the JSON text), printing any problem. */
CreateTrainingJobRequest request(String fileOrJson) {
  var read = fileOrJson.strip().startsWith("{") ? TrainingJobJson.readRequest(fileOrJson)
      : TrainingJobJson.readRequest(Path.of(fileOrJson));
  read.problems().forEach(p -> System.out.println("  " + p));
  return read.orElseThrow();
}

/** Prints a request or a description as AWS CLI JSON. */
void json(Object value) {
  if (value instanceof CreateTrainingJobRequest r) System.out.println(TrainingJobJson.writePretty(r));
  else if (value instanceof TrainingJobDescription d) System.out.println(TrainingJobJson.writePretty(d));
  else throw new IllegalArgumentException("json() prints a CreateTrainingJobRequest or a TrainingJobDescription, not "
      + (value == null ? "null" : value.getClass().getSimpleName()));
}

/** Attaches the console progress view (and a metric recorder for chart()) to a job; returns the job. */
TrainingJob watch(TrainingJob job) {
  job.addListener(ConsoleProgress.to(System.out));
  job.addListener(RECORDED.computeIfAbsent(job.name(), n -> new MetricRecorder()));
  return job;
}

/** Submits a request with the progress view attached and waits (at most an hour) for its end. */
TrainingJobDescription run(TrainingJobExecutor executor, CreateTrainingJobRequest request) {
  MetricRecorder recorder = new MetricRecorder();
  TrainingJob job = executor.submit(request, ConsoleProgress.to(System.out), recorder);
  RECORDED.put(job.name(), recorder);
  return job.awaitCompletion(Duration.ofHours(1));
}

/** Draws a finished job's metrics to <job>-metrics.png (and .html) in the current directory; returns the PNG. */
Path chart(TrainingJobDescription description) {
  String name = description.trainingJobName().orElse("job");
  MetricRecorder recorder = RECORDED.get(name);
  MetricChart c = MetricChart.of(description, recorder == null ? List.of() : recorder.events());
  Path png = c.writePng(Path.of(name + "-metrics.png"));
  c.writeHtml(Path.of(name + "-metrics.html"));
  System.out.println("chart: " + png.toAbsolutePath() + " (and " + name + "-metrics.html)");
  return png;
}

/** An in-memory fake executor: jobs complete at once, in virtual time. */
FakeExecutor fake() {
  return FakeExecutor.create();
}

/** The local runner, on the engine named by DOCKER_HOST or found at the usual sockets. */
LocalExecutor local() {
  return LocalExecutor.create();
}

void help() {
  System.out.println("""
      smtrain helpers:
        report(request)            validate for SageMaker and print the violations (report(request, ValidationTarget.LOCAL))
        request("job.json")        read an AWS CLI JSON request (a file or the JSON text)
        json(requestOrDescription) print as AWS CLI JSON
        fake(), local()            an in-memory fake executor, the local container runner
        run(executor, request)     submit with a progress view and wait for the end
        watch(job)                 attach the progress view to a submitted job
        chart(description)         draw the job's metrics to <job>-metrics.png and .html
      Build requests with CreateTrainingJobRequest.builder()...; in JShell, end each line of a builder
      chain with its dot ("builder()." then "trainingJobName(...)."), or JShell takes the line as complete.""");
}

System.out.println("smtrain JShell: the public API is imported; type help() for the helpers.");
