package dev.smtrain.sagemaker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.json.JsonReadResult;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.sagemaker.internal.SdkJson;
import dev.smtrain.sagemaker.internal.SdkMapping;
import dev.smtrain.sagemaker.loopback.JsonTrees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Any part of the full example the user writes reaches the SDK exactly: no member lost, none invented. */
class SdkMappingProperties {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNode SEED;

  static {
    try {
      SEED = MAPPER.readTree(LoopbackFixture.resource("/requests/seed-full-example.json"));
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Property(tries = 300)
  void toSdk_whenAnySubsetOfTheFullExample_carriesExactlyThatSubset(@ForAll long seed) {
    JsonNode written = prune(SEED.deepCopy(), new Random(seed));
    JsonReadResult<CreateTrainingJobRequest> read = TrainingJobJson.readRequest(written);
    assertTrue(read.isClean(), () -> read.problems().toString());

    JsonNode mapped = SdkJson.toJson(SdkMapping.toSdk(read.orElseThrow()), SdkJson.Timestamps.ISO);

    assertTrue(JsonTrees.same(written, mapped), () -> "written:\n" + written + "\nmapped:\n" + mapped);
  }

  /** Drops members, entries and list elements at random, keeping what is left well formed. */
  private static JsonNode prune(JsonNode node, Random random) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (random.nextInt(4) == 0) {
          object.remove(name);
        } else {
          object.set(name, prune(object.get(name), random));
        }
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      Iterator<JsonNode> it = array.elements();
      List<JsonNode> kept = new ArrayList<>();
      while (it.hasNext()) {
        JsonNode e = it.next();
        if (random.nextInt(4) != 0) {
          kept.add(prune(e, random));
        }
      }
      array.removeAll();
      array.addAll(kept);
    }
    return node;
  }
}
