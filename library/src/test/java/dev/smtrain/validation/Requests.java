package dev.smtrain.validation;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.json.TrainingJobJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Test requests from the test-jar's resources, and report helpers. Shared with library-tests. */
public final class Requests {

  private Requests() {}

  /**
   * A resource's text.
   *
   * @param name the resource, such as {@code /requests/minimal.json}
   * @return the text
   */
  public static String text(String name) {
    try (InputStream in = Requests.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The minimal valid request.
   *
   * @return the request
   */
  public static CreateTrainingJobRequest minimal() {
    return TrainingJobJson.readRequest(text("/requests/minimal.json")).orElseThrow();
  }

  /**
   * The seed's full example: every member set, several cross-field rules broken.
   *
   * @return the request
   */
  public static CreateTrainingJobRequest seed() {
    return TrainingJobJson.readRequest(text("/requests/seed-full-example.json")).orElseThrow();
  }

  /**
   * The violations of a report as {@code path code SEVERITY} lines, for readable assertions.
   *
   * @param report the report
   * @return one line per violation
   */
  public static List<String> lines(ValidationReport report) {
    return report.violations().stream().map(v -> v.path() + " " + v.code() + " " + v.severity())
        .collect(Collectors.toList());
  }
}
