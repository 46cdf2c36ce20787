package dev.smtrain.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.smtrain.validation.TrainingJobValidator;
import dev.smtrain.validation.ValidationReport;
import dev.smtrain.validation.ValidationTarget;
import dev.smtrain.validation.Violation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smtrain validate [--jsonl] [--target sagemaker|local] [FILE...]}: checks CreateTrainingJob requests
 * in the AWS CLI JSON shape without sending them.
 *
 * <p>With files, prints each violation as {@code path: message (SEVERITY)} (under a {@code # FILE} line when
 * there are several files) and a summary per file on standard error. With {@code --jsonl}, reads one request
 * per line from standard input and writes exactly one line per input line:
 * {@code {"valid": ..., "violations": [{"path": ..., "severity": ..., "code": ..., "message": ...}]}}.
 * Exit code 0 when no request has an error, 1 when one has, 2 on a usage error or an unreadable file.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check CreateTrainingJob requests (AWS CLI JSON) completely, without sending them.",
        "Exit 0 when no request has an error, 1 when one has, 2 on usage errors."})
final class ValidateCommand implements Callable<Integer> {

  private static final JsonFactory JSON = new JsonFactory();

  @Spec
  CommandSpec spec;

  @Option(names = "--jsonl", description = "Read one JSON request per line from standard input; write one JSON "
      + "result per line.")
  boolean jsonl;

  @Option(names = "--target", paramLabel = "TARGET", defaultValue = "sagemaker",
      description = "Where the requests are meant to run: sagemaker (default) or local.")
  String target;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Request files in the AWS CLI JSON shape.")
  List<Path> files = new ArrayList<>();

  /** Standard input; replaced by tests. */
  InputStream stdin = System.in;

  @Override
  public Integer call() throws IOException {
    quietValidatorLogging();
    ValidationTarget where = target();
    if (where == null) {
      return usage("--target must be sagemaker or local, got '" + target + "'");
    }
    TrainingJobValidator validator = TrainingJobValidator.forTarget(where);
    if (jsonl) {
      return files.isEmpty() ? jsonLines(validator) : usage("--jsonl reads standard input: give no FILE");
    }
    return files.isEmpty() ? usage("give one or more FILEs, or --jsonl to read standard input")
        : plainFiles(validator);
  }

  /** A usage error: exit code 2, whatever the root command maps exceptions to. */
  private int usage(String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(message);
    spec.commandLine().usage(err);
    err.flush();
    return 2;
  }

  private ValidationTarget target() {
    switch (target.toLowerCase(Locale.ROOT)) {
      case "sagemaker":
        return ValidationTarget.SAGEMAKER;
      case "local":
        return ValidationTarget.LOCAL;
      default:
        return null;
    }
  }

  private int plainFiles(TrainingJobValidator validator) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean errors = false;
    boolean unreadable = false;
    for (Path file : files) {
      String json;
      try {
        json = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        err.println(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
        unreadable = true;
        continue;
      }
      ValidationReport report = validator.validateJson(json);
      if (files.size() > 1) {
        out.println("# " + file);
      }
      report.violations().forEach(out::println);
      err.println(file + ": " + (report.violations().isEmpty() ? "valid"
          : report.errors().size() + " error(s), " + report.warnings().size() + " warning(s)"));
      errors |= !report.isValid();
    }
    out.flush();
    err.flush();
    return unreadable ? 2 : errors ? 1 : 0;
  }

  private int jsonLines(TrainingJobValidator validator) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    boolean errors = false;
    BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      ValidationReport report = validator.validateJson(line);
      out.println(toJson(report));
      out.flush();
      errors |= !report.isValid();
    }
    return errors ? 1 : 0;
  }

  static String toJson(ValidationReport report) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeBooleanField("valid", report.isValid());
      g.writeArrayFieldStart("violations");
      for (Violation v : report.violations()) {
        g.writeStartObject();
        g.writeStringField("path", v.path());
        g.writeStringField("severity", v.severity().name());
        g.writeStringField("code", v.code());
        g.writeStringField("message", v.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return w.toString();
  }

  /** Held so that the level set on it stays (java.util.logging keeps loggers weakly). */
  private static final java.util.logging.Logger HIBERNATE_VALIDATOR_LOG =
      java.util.logging.Logger.getLogger("org.hibernate.validator");

  /**
   * Hibernate Validator announces its version at INFO (through java.util.logging or SLF4J, whichever JBoss
   * Logging finds); the command's output is the report alone.
   */
  private static void quietValidatorLogging() {
    if (HIBERNATE_VALIDATOR_LOG.getLevel() == null) {
      HIBERNATE_VALIDATOR_LOG.setLevel(java.util.logging.Level.WARNING);
    }
    if (System.getProperty("org.slf4j.simpleLogger.log.org.hibernate.validator") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.org.hibernate.validator", "warn");
    }
  }
}
