package dev.smtrain.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.model.MetricDefinition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricExtractorTest {

  private static List<String> found(MetricExtractor m, String line) {
    List<String> out = new ArrayList<>();
    m.apply(line, (name, value) -> out.add(name + "=" + value));
    return out;
  }

  @Test
  void apply_whenDefinitionsMatch_takesTheFirstGroupOrTheWholeMatch() {
    MetricExtractor m = MetricExtractor.compile(List.of(MetricDefinition.of("loss", "loss: ([0-9.e-]+)"),
        MetricDefinition.of("any", "[0-9]+\\.[0-9]+")));

    assertEquals(List.of("loss=0.25", "any=0.25"), found(m, "epoch 7 loss: 0.25"));
    assertEquals(List.of(), found(MetricExtractor.compile(List.of(MetricDefinition.of("loss", "loss: (\\w+)"))),
        "loss: nan-ish"));
  }

  @Test
  void compile_whenRegexNeedsBacktracking_rejectsItNamingTheDefinition() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricExtractor.compile(
        List.of(MetricDefinition.of("ok", "x"), MetricDefinition.of("bad", "(a)\\1"))));

    assertTrue(e.getMessage().startsWith("AlgorithmSpecification.MetricDefinitions[1].Regex:"), e.getMessage());
    assertNull(MetricExtractor.check(0, "loss=([0-9.]+)"));
  }

  @Test
  void apply_whenPatternIsCatastrophicForBacktrackers_stillAnswers() {
    MetricExtractor m = MetricExtractor.compile(List.of(MetricDefinition.of("evil", "^(a+)+$")));

    assertEquals(List.of(), found(m, "a".repeat(100_000) + "!"));
  }
}
