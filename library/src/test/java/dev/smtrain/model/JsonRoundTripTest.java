package dev.smtrain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtrain.model.json.JsonReadResult;
import dev.smtrain.model.json.TrainingJobJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRoundTripTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static String resource(String name) throws IOException {
    try (InputStream in = JsonRoundTripTest.class.getResourceAsStream("/requests/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String compact(String json) throws IOException {
    return MAPPER.writeValueAsString(MAPPER.readTree(json));
  }

  @ParameterizedTest
  @ValueSource(strings = {"seed-full-example.json", "minimal.json"})
  void readThenWrite_whenDocumentIsClean_isByteForByteEquivalent(String name) throws IOException {
    String json = resource(name);
    JsonReadResult<CreateTrainingJobRequest> read = TrainingJobJson.readRequest(json);

    assertEquals(List.of(), read.problems());
    assertEquals(compact(json), TrainingJobJson.write(read.orElseThrow()));
    assertEquals(compact(json), compact(TrainingJobJson.writePretty(read.orElseThrow())));
  }

  @Test
  void write_whenListNeverSet_omitsIt_andWhenSetEmpty_keepsIt() {
    CreateTrainingJobRequest none = CreateTrainingJobRequest.builder().trainingJobName("a").build();
    CreateTrainingJobRequest empty = none.toBuilder().tags(List.of()).build();

    assertFalse(none.hasTags());
    assertTrue(empty.hasTags());
    assertEquals("{\"TrainingJobName\":\"a\"}", TrainingJobJson.write(none));
    assertEquals("{\"TrainingJobName\":\"a\",\"Tags\":[]}", TrainingJobJson.write(empty));
  }

  @Test
  void unknownInstanceType_passesThroughUnchanged() {
    String json = "{\"ResourceConfig\":{\"InstanceType\":\"ml.g6.xlarge\",\"InstanceCount\":1,\"VolumeSizeInGB\":5}}";
    CreateTrainingJobRequest request = TrainingJobJson.readRequest(json).orElseThrow();

    TrainingInstanceType type = request.resourceConfig().orElseThrow().instanceType().orElseThrow();
    assertFalse(type.isKnown());
    assertEquals("ml.g6.xlarge", type.value());
    assertEquals(json, TrainingJobJson.write(request));
    assertTrue(TrainingInstanceType.of("ml.m5.xlarge").isKnown());
    assertEquals(TrainingInstanceType.ML_M5_XLARGE, TrainingInstanceType.of("ml.m5.xlarge"));
  }

  @Test
  void everyEnumValue_roundTripsThroughItsWireValue() {
    assertEnum(TrainingInputMode.class, TrainingInputMode::fromValue);
    assertEnum(CompressionType.class, CompressionType::fromValue);
    assertEnum(OutputCompressionType.class, OutputCompressionType::fromValue);
    assertEnum(RecordWrapper.class, RecordWrapper::fromValue);
    assertEnum(S3DataDistribution.class, S3DataDistribution::fromValue);
    assertEnum(S3DataType.class, S3DataType::fromValue);
    assertEnum(FileSystemAccessMode.class, FileSystemAccessMode::fromValue);
    assertEnum(FileSystemType.class, FileSystemType::fromValue);
    assertEnum(TrainingRepositoryAccessMode.class, TrainingRepositoryAccessMode::fromValue);
    assertEnum(SecondaryStatus.class, SecondaryStatus::fromValue);
    assertEnum(TrainingJobStatus.class, TrainingJobStatus::fromValue);
    assertEnum(ProfilingStatus.class, ProfilingStatus::fromValue);
    assertEnum(RuleEvaluationStatus.class, RuleEvaluationStatus::fromValue);
    assertEnum(SortBy.class, SortBy::fromValue);
    assertEnum(SortOrder.class, SortOrder::fromValue);
    assertEnum(WarmPoolResourceStatus.class, WarmPoolResourceStatus::fromValue);
    for (TrainingInstanceType t : TrainingInstanceType.knownValues()) {
      String json = "{\"ResourceConfig\":{\"InstanceType\":\"" + t.value() + "\"}}";
      assertEquals(json, TrainingJobJson.write(TrainingJobJson.readRequest(json).orElseThrow()));
    }
    for (ProcessingInstanceType t : ProcessingInstanceType.knownValues()) {
      String json = "{\"DebugRuleConfigurations\":[{\"InstanceType\":\"" + t.value() + "\"}]}";
      assertEquals(json, TrainingJobJson.write(TrainingJobJson.readRequest(json).orElseThrow()));
    }
  }

  private static <E extends Enum<E>> void assertEnum(Class<E> type, Function<String, E> fromValue) {
    EnumSet<E> all = EnumSet.allOf(type);
    assertEquals(all.size() - 1, all.stream().filter(e -> !e.name().equals("UNKNOWN_TO_SDK_VERSION")).count());
    for (E e : all) {
      if (!e.name().equals("UNKNOWN_TO_SDK_VERSION")) {
        assertEquals(e, fromValue.apply(e.toString()), type.getSimpleName() + "." + e.name());
      }
    }
    assertEquals("UNKNOWN_TO_SDK_VERSION", fromValue.apply("no such value").name());
  }

  @Test
  void inputModeEnum_roundTripsInsideAChannel() {
    for (TrainingInputMode mode : TrainingInputMode.knownValues()) {
      String json = "{\"InputDataConfig\":[{\"ChannelName\":\"c\",\"InputMode\":\"" + mode.value() + "\"}]}";
      CreateTrainingJobRequest r = TrainingJobJson.readRequest(json).orElseThrow();
      assertEquals(mode, r.inputDataConfig().get(0).inputMode().orElseThrow());
      assertEquals(json, TrainingJobJson.write(r));
    }
  }
}
