package dev.smtrain.local.internal;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.smtrain.model.MetricDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Applies a job's {@code MetricDefinitions} to its output lines, as SageMaker does to the CloudWatch log: the
 * first capture group (or the whole match when there is none) of the first match in a line is the value. The
 * regular expressions run on RE2/J, in time linear in the line, so no user pattern can hang the runner
 * (backreferences and lookaround, which would allow that, are rejected when the job is submitted).
 */
public final class MetricExtractor {

  /** Lines longer than this are only searched in their first part. */
  static final int MAX_LINE = 64 * 1024;

  private record Definition(String name, Pattern pattern) {}

  private final List<Definition> definitions;

  private MetricExtractor(List<Definition> definitions) {
    this.definitions = definitions;
  }

  /**
   * Compiles the definitions.
   *
   * @param definitions the job's metric definitions
   * @return the extractor
   * @throws IllegalArgumentException naming the definition whose regex RE2/J cannot compile
   */
  public static MetricExtractor compile(List<MetricDefinition> definitions) {
    List<Definition> compiled = new ArrayList<>();
    for (int i = 0; i < definitions.size(); i++) {
      MetricDefinition d = definitions.get(i);
      String regex = d.regex().orElse("");
      try {
        compiled.add(new Definition(d.name().orElse("metric-" + i), Pattern.compile(regex)));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(problem(i, e), e);
      }
    }
    return new MetricExtractor(List.copyOf(compiled));
  }

  /**
   * Why definition {@code index}'s regex cannot be used, or null when it can.
   *
   * @param index the definition's index, for the message
   * @param regex the regex
   * @return the problem, or null
   */
  public static String check(int index, String regex) {
    try {
      Pattern.compile(regex);
      return null;
    } catch (PatternSyntaxException e) {
      return problem(index, e);
    }
  }

  private static String problem(int index, PatternSyntaxException e) {
    return "AlgorithmSpecification.MetricDefinitions[" + index + "].Regex: the local runner evaluates metric "
        + "regular expressions with RE2 syntax (no backreferences or lookaround) and cannot use this one: "
        + e.getDescription() + "; rewrite it without those constructs";
  }

  public boolean isEmpty() {
    return definitions.isEmpty();
  }

  /**
   * Finds metric values in one line.
   *
   * @param line the line
   * @param sink receives each metric name and value found
   */
  public void apply(String line, BiConsumer<String, Double> sink) {
    if (definitions.isEmpty()) {
      return;
    }
    String text = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line;
    for (Definition d : definitions) {
      Matcher m = d.pattern().matcher(text);
      if (m.find()) {
        String value = m.groupCount() >= 1 ? m.group(1) : m.group();
        if (value != null) {
          try {
            sink.accept(d.name(), Double.parseDouble(value.trim()));
          } catch (NumberFormatException e) {
            // SageMaker skips values that are not numbers; so do we.
          }
        }
      }
    }
  }
}
