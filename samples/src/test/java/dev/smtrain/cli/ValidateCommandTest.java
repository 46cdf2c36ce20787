package dev.smtrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtrain.validation.Requests;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String stdin, String... args) {
    CommandLine cli = SmtrainCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    ValidateCommand validate = cli.getSubcommands().get("validate").getCommand();
    validate.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    String[] all = new String[args.length + 1];
    all[0] = "validate";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.execute(all);
  }

  private Path file(String name, String json) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, json);
    return p;
  }

  @Test
  void validate_whenValidFile_thenExit0AndNoViolations() throws Exception {
    int code = run("", file("minimal.json", Requests.text("/requests/minimal.json")).toString());
    assertEquals(0, code, err::toString);
    assertEquals("", out.toString());
  }

  @Test
  void validate_whenInvalidFile_thenExit1AndViolationLines() throws Exception {
    String json = Requests.text("/requests/minimal.json").replace("\"minimal\"", "\"" + "a".repeat(70) + "\"");
    int code = run("", file("long.json", json).toString());
    assertEquals(1, code);
    assertEquals("TrainingJobName: 63 characters at most, got 70 (ERROR)" + System.lineSeparator(), out.toString());
  }

  @Test
  void validate_whenSeveralFiles_thenGroupedByFileAndWorstExitCode() throws Exception {
    Path ok = file("ok.json", Requests.text("/requests/minimal.json"));
    Path seed = file("seed.json", Requests.text("/requests/seed-full-example.json"));
    assertEquals(1, run("", ok.toString(), seed.toString()));
    String[] lines = out.toString().split("\\R");
    assertEquals("# " + ok, lines[0]);
    assertEquals("# " + seed, lines[1]);
    assertTrue(out.toString().contains("AlgorithmSpecification.AlgorithmName: TrainingImage and AlgorithmName exclude each other"),
        out::toString);
  }

  @Test
  void validate_whenWarningsOnly_thenExit0() throws Exception {
    String json = Requests.text("/requests/minimal.json").replace("ml.m5.large", "ml.m99.large");
    assertEquals(0, run("", file("w.json", json).toString()));
    assertTrue(out.toString().endsWith("(WARNING)" + System.lineSeparator()), out::toString);
  }

  @Test
  void validate_whenNoFileAndNoJsonl_thenUsageExit2() {
    assertEquals(2, run(""));
    assertTrue(err.toString().contains("give one or more FILEs"), err::toString);
  }

  @Test
  void validate_whenUnknownTarget_thenUsageExit2() {
    assertEquals(2, run("", "--target", "mars", "x.json"));
    assertTrue(err.toString().contains("--target must be sagemaker or local"), err::toString);
  }

  @Test
  void validate_whenMissingFile_thenExit2() {
    assertEquals(2, run("", dir.resolve("missing.json").toString()));
    assertTrue(err.toString().contains("cannot read"), err::toString);
  }

  @Test
  void validate_whenLocalTargetAndFileUri_thenValid() throws Exception {
    String json = Requests.text("/requests/minimal.json").replace("s3://bucket/output", "file:///tmp/output");
    Path p = file("local.json", json);
    assertEquals(1, run("", p.toString()));
    assertEquals(0, run("", "--target", "local", p.toString()));
  }

  @Test
  void validate_whenJsonlMixedLines_thenOneResultLinePerInputLine() throws Exception {
    String minimal = new ObjectMapper().readTree(Requests.text("/requests/minimal.json")).toString();
    String tooLong = minimal.replace("\"minimal\"", "\"" + "a".repeat(70) + "\"");
    String input = String.join("\n", minimal, "not json", tooLong, "") ;
    assertEquals(1, run(input, "--jsonl"));
    List<String> lines = out.toString().lines().collect(java.util.stream.Collectors.toList());
    assertEquals(3, lines.size(), out::toString);
    ObjectMapper m = new ObjectMapper();
    JsonNode first = m.readTree(lines.get(0));
    assertEquals(true, first.get("valid").asBoolean());
    assertEquals(0, first.get("violations").size());
    JsonNode second = m.readTree(lines.get(1));
    assertEquals(false, second.get("valid").asBoolean());
    assertEquals("", second.get("violations").get(0).get("path").asText());
    assertEquals("ERROR", second.get("violations").get(0).get("severity").asText());
    JsonNode third = m.readTree(lines.get(2)).get("violations").get(0);
    assertEquals("TrainingJobName", third.get("path").asText());
    assertEquals("string.too-long", third.get("code").asText());
    assertEquals("63 characters at most, got 70", third.get("message").asText());
  }

  @Test
  void validate_whenJsonlAllValid_thenExit0() throws Exception {
    String minimal = new ObjectMapper().readTree(Requests.text("/requests/minimal.json")).toString();
    assertEquals(0, run(minimal + "\n" + minimal + "\n", "--jsonl"));
    assertEquals(2, out.toString().lines().count());
  }

  @Test
  void validate_whenJsonlWithFiles_thenUsageExit2() throws Exception {
    assertEquals(2, run("", "--jsonl", file("a.json", "{}").toString()));
  }
}
