package dev.smtrain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.model.json.JsonProblem;
import dev.smtrain.model.json.JsonProblem.Kind;
import dev.smtrain.model.json.JsonReadException;
import dev.smtrain.model.json.JsonReadResult;
import dev.smtrain.model.json.TrainingJobJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonProblemsTest {

  @Test
  void read_whenEverythingIsWrong_reportsEveryProblemWithItsPath() {
    String json = "{\"TrainingJobNme\":\"x\","
        + "\"ResourceConfig\":{\"InstanceCount\":\"two\",\"VolumeSizeInGB\":99999999999},"
        + "\"AlgorithmSpecification\":{\"TrainingInputMode\":\"Fast\"},"
        + "\"HyperParameters\":{\"epochs\":10},"
        + "\"InputDataConfig\":[{\"ChannelName\":\"a\"},{\"ChannelName\":7}],"
        + "\"Tags\":null}";

    JsonReadResult<CreateTrainingJobRequest> read = TrainingJobJson.readRequest(json);

    List<JsonProblem> p = read.problems();
    assertEquals(7, p.size(), p.toString());
    assertProblem(p.get(0), "TrainingJobNme", Kind.UNKNOWN_MEMBER, "did you mean 'TrainingJobName'?");
    assertProblem(p.get(1), "ResourceConfig.InstanceCount", Kind.WRONG_TYPE, "expected an integer, got a string");
    assertProblem(p.get(2), "ResourceConfig.VolumeSizeInGB", Kind.OUT_OF_RANGE, "expected an integer between");
    assertProblem(p.get(3), "AlgorithmSpecification.TrainingInputMode", Kind.UNKNOWN_ENUM_VALUE,
        "expected one of [Pipe, File, FastFile], got 'Fast'");
    assertProblem(p.get(4), "HyperParameters[epochs]", Kind.WRONG_TYPE, "write it as \"10\"");
    assertProblem(p.get(5), "InputDataConfig[1].ChannelName", Kind.WRONG_TYPE, "expected a string");
    assertProblem(p.get(6), "Tags", Kind.NULL_VALUE, "leave the member out");
    assertTrue(read.value().isPresent(), "the rest of the request is still read");
    assertEquals(2, read.value().orElseThrow().inputDataConfig().size());
    JsonReadException e = assertThrows(JsonReadException.class, read::orElseThrow);
    assertEquals(p, e.problems());
  }

  @Test
  void read_whenNotJson_reportsMalformedWithLocation_andDoesNotEchoLongTokens() {
    JsonReadResult<CreateTrainingJobRequest> read =
        TrainingJobJson.readRequest("{\"TrainingJobName\": AKIAIOSFODNN7EXAMPLEKEY }");

    assertFalse(read.value().isPresent());
    JsonProblem p = read.problems().get(0);
    assertEquals(Kind.MALFORMED_JSON, p.kind());
    assertEquals("", p.path());
    assertTrue(p.message().contains("line 1, column"), p.message());
    assertFalse(p.message().contains("AKIAIOSFODNN7EXAMPLEKEY"), p.message());
  }

  @Test
  void read_whenDuplicateMemberOrTrailingGarbage_isMalformed() {
    assertEquals(Kind.MALFORMED_JSON,
        TrainingJobJson.readRequest("{\"TrainingJobName\":\"a\",\"TrainingJobName\":\"b\"}").problems().get(0).kind());
    assertEquals(Kind.MALFORMED_JSON, TrainingJobJson.readRequest("{} {}").problems().get(0).kind());
    assertEquals(Kind.MALFORMED_JSON, TrainingJobJson.readRequest("").problems().get(0).kind());
    assertEquals(Kind.WRONG_TYPE, TrainingJobJson.readRequest("[1]").problems().get(0).kind());
  }

  private static void assertProblem(JsonProblem p, String path, Kind kind, String messagePart) {
    assertEquals(path, p.path(), p.toString());
    assertEquals(kind, p.kind(), p.toString());
    assertTrue(p.message().contains(messagePart), p.message());
  }
}
