package dev.smtrain.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ListTrainingJobsRequest;
import dev.smtrain.model.SortBy;
import dev.smtrain.model.TrainingInstanceType;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.sagemaker.internal.SdkJson;
import dev.smtrain.sagemaker.internal.SdkMapping;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;

class SdkMappingTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static String resource(String name) throws IOException {
    try (InputStream in = SdkMappingTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static CreateTrainingJobRequest seed() throws IOException {
    return TrainingJobJson.readRequest(resource("/requests/seed-full-example.json")).orElseThrow();
  }

  /** Every SDK field of every structure reachable from {@code pojo} that is not set, as API paths. */
  static List<String> unsetFields(SdkPojo pojo, String path) {
    List<String> unset = new ArrayList<>();
    for (SdkField<?> field : pojo.sdkFields()) {
      String p = path.isEmpty() ? field.locationName() : path + "." + field.locationName();
      Object value = field.getValueOrDefault(pojo);
      if (!SdkJson.isSet(value)) {
        unset.add(p);
      } else {
        walk(value, p, unset);
      }
    }
    return unset;
  }

  private static void walk(Object value, String path, List<String> unset) {
    if (value instanceof SdkPojo) {
      unset.addAll(unsetFields((SdkPojo) value, path));
    } else if (value instanceof Collection) {
      Collection<?> list = (Collection<?>) value;
      if (list.isEmpty()) {
        unset.add(path + "[]");
      }
      int i = 0;
      for (Object e : list) {
        walk(e, path + "[" + i++ + "]", unset);
      }
    } else if (value instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) value;
      if (map.isEmpty()) {
        unset.add(path + "{}");
      }
      map.forEach((k, v) -> walk(v, path + "[" + k + "]", unset));
    }
  }

  @Test
  void toSdk_whenSeedFullExample_setsEveryFieldOfEveryNestedStructure() throws IOException {
    software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest sdk = SdkMapping.toSdk(seed());

    List<String> unset = unsetFields(sdk, "");
    List<String> dropped = unset.stream().filter(SdkMappingTest::modelKnowsPath).toList();

    assertEquals(List.of(), dropped, "SDK fields of members smtrain's model has, left unset by the mapping");
  }

  @Test
  void modelKnowsPath_whenProbed_tellsModelMembersFromOthers() {
    assertTrue(modelKnowsPath("InputDataConfig[0].DataSource.S3DataSource.InstanceGroupNames"));
    assertFalse(modelKnowsPath("InputDataConfig[0].DataSource.S3DataSource.NoSuchMember"));
    assertFalse(modelKnowsPath("NoSuchTopLevelMember"));
  }

  /**
   * Whether smtrain's request model has the member at an API path: a request holding it is read without an
   * unknown-member problem at that path.
   */
  static boolean modelKnowsPath(String path) {
    com.fasterxml.jackson.databind.node.ObjectNode root = MAPPER.createObjectNode();
    com.fasterxml.jackson.databind.node.ObjectNode at = root;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      boolean element = part.endsWith("[0]");
      String name = element ? part.substring(0, part.length() - 3) : part;
      if (i == parts.length - 1) {
        at.put(name, true);
      } else if (element) {
        at = at.putArray(name).addObject();
      } else {
        at = at.putObject(name);
      }
    }
    return TrainingJobJson.readRequest(root).problems().stream()
        .noneMatch(p -> p.kind().code().equals("json.unknown-member") && p.path().equals(path));
  }

  @Test
  void toSdk_whenSeedFullExample_carriesTheValuesTheUserWrote() throws IOException {
    JsonNode written = MAPPER.readTree(resource("/requests/seed-full-example.json"));

    software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest sdk = SdkMapping.toSdk(seed());

    JsonNode sent = SdkJson.toJson(sdk, SdkJson.Timestamps.ISO);

    assertTrue(dev.smtrain.sagemaker.loopback.JsonTrees.same(written, sent), () -> written + "\n" + sent);
  }

  @Test
  void toSdk_whenInstanceTypeUnknownToTheSdk_passesItThroughAsString() throws IOException {
    CreateTrainingJobRequest request = seed().toBuilder()
        .resourceConfig(r -> r.instanceType(TrainingInstanceType.of("ml.future99.48xlarge")).instanceCount(1)
            .volumeSizeInGB(10))
        .build();

    software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest sdk = SdkMapping.toSdk(request);

    assertEquals("ml.future99.48xlarge", sdk.resourceConfig().instanceTypeAsString());
    assertEquals(software.amazon.awssdk.services.sagemaker.model.TrainingInstanceType.UNKNOWN_TO_SDK_VERSION,
        sdk.resourceConfig().instanceType());
  }

  @Test
  void toSdk_whenListNeverSetOrSetEmpty_keepsTheDifference() throws IOException {
    CreateTrainingJobRequest minimal =
        TrainingJobJson.readRequest(resource("/requests/minimal.json")).orElseThrow();

    software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest unset = SdkMapping.toSdk(minimal);
    software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest empty =
        SdkMapping.toSdk(minimal.toBuilder().tags(List.of()).build());

    assertFalse(unset.hasTags());
    assertTrue(empty.hasTags());
    assertTrue(empty.tags().isEmpty());
  }

  @Test
  void fromSdk_whenFullDescription_returnsEveryMemberOfTheModel() throws IOException {
    String json = resource("/dev/smtrain/sagemaker/full-description.json");
    TrainingJobDescription original = TrainingJobJson.readDescription(json).orElseThrow();
    DescribeTrainingJobResponse sdk = SdkJson.build(MAPPER.readTree(json), DescribeTrainingJobResponse.builder());

    TrainingJobDescription back = SdkMapping.fromSdk(sdk);

    assertEquals(original, back);
    assertTrue(dev.smtrain.sagemaker.loopback.JsonTrees.same(MAPPER.readTree(json),
        MAPPER.readTree(TrainingJobJson.write(back))));
  }

  @Test
  void fromSdk_whenFullDescription_everyModelMemberIsInTheFixture() throws IOException {
    JsonNode fixture = MAPPER.readTree(resource("/dev/smtrain/sagemaker/full-description.json"));
    List<String> missing = new ArrayList<>();
    for (SdkField<?> f : DescribeTrainingJobResponse.builder().sdkFields()) {
      if (!fixture.has(f.locationName()) && modelKnows(f.locationName())) {
        missing.add(f.locationName());
      }
    }

    assertEquals(List.of(), missing, "members of the model's description missing from the fixture");
  }

  /** Whether smtrain's description model has a member: reading it reports no unknown-member problem. */
  private static boolean modelKnows(String member) {
    return TrainingJobJson.readDescription("{\"" + member + "\": 1}").problems().stream()
        .noneMatch(p -> p.kind().code().equals("json.unknown-member"));
  }

  @Test
  void toSdk_whenListRequest_mapsFiltersAndTimestamps() {
    ListTrainingJobsRequest request = ListTrainingJobsRequest.builder().maxResults(5).nameContains("exp")
        .statusEquals(TrainingJobStatus.COMPLETED).sortBy(SortBy.CREATION_TIME)
        .creationTimeAfter(Instant.parse("2026-01-02T03:04:05.5Z")).nextToken("t1").build();

    software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsRequest sdk = SdkMapping.toSdk(request);

    assertEquals(5, sdk.maxResults());
    assertEquals("exp", sdk.nameContains());
    assertEquals("Completed", sdk.statusEqualsAsString());
    assertEquals("CreationTime", sdk.sortByAsString());
    assertEquals(Instant.parse("2026-01-02T03:04:05.5Z"), sdk.creationTimeAfter());
    assertEquals("t1", sdk.nextToken());
  }

  @Test
  void toJson_whenEpochSeconds_writesFractionalSecondsAsNumbers() {
    software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsRequest sdk =
        software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsRequest.builder()
            .creationTimeAfter(Instant.ofEpochSecond(1700000000L, 250_000_000))
            .creationTimeBefore(Instant.ofEpochSecond(1700000001L)).build();

    JsonNode json = SdkJson.toJson(sdk, SdkJson.Timestamps.EPOCH_SECONDS);

    assertEquals("1700000000.25", json.get("CreationTimeAfter").decimalValue().toPlainString());
    assertEquals("1700000001", json.get("CreationTimeBefore").decimalValue().toPlainString());
    assertTrue(json.get("CreationTimeAfter").isNumber());
  }

  @Test
  void fill_whenMemberUnknownToTheSdk_namesTheMember() throws IOException {
    JsonNode json = MAPPER.readTree("{\"ResourceConfig\": {\"InstanceCount\": 1, \"Warp\": 9}}");

    dev.smtrain.SmtrainException e = org.junit.jupiter.api.Assertions.assertThrows(
        dev.smtrain.SmtrainException.class, () -> SdkJson.build(json,
            software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest.builder()));

    assertTrue(e.getMessage().contains("ResourceConfig.Warp"), e.getMessage());
  }

  @Test
  void fill_whenWrongType_namesThePathButNotTheValue() throws IOException {
    JsonNode json = MAPPER.readTree("{\"HyperParameters\": {\"secret\": 12345678}}");

    dev.smtrain.SmtrainException e = org.junit.jupiter.api.Assertions.assertThrows(
        dev.smtrain.SmtrainException.class, () -> SdkJson.build(json,
            software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest.builder()));

    assertTrue(e.getMessage().startsWith("HyperParameters[secret]: expected a string"), e.getMessage());
    assertFalse(e.getMessage().contains("12345678"), e.getMessage());
  }

  @Test
  void marshallingTypes_ofTheRequest_areAllSupported() {
    List<String> unsupported = new ArrayList<>();
    collectTypes(software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest.builder().sdkFields(),
        unsupported, 0);
    collectTypes(DescribeTrainingJobResponse.builder().sdkFields(), unsupported, 0);

    assertEquals(List.of(), unsupported);
  }

  private static void collectTypes(List<SdkField<?>> fields, List<String> unsupported, int depth) {
    if (depth > 8) {
      return;
    }
    for (SdkField<?> f : fields) {
      MarshallingType<?> t = f.marshallingType();
      if (t == MarshallingType.DOCUMENT || t == MarshallingType.NULL) {
        unsupported.add(f.locationName() + ":" + t);
      } else if (t == MarshallingType.SDK_POJO) {
        collectTypes(f.constructor().get().sdkFields(), unsupported, depth + 1);
      }
    }
  }
}
