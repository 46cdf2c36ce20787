package dev.smtrain.sagemaker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.TrainingJobDescription;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;

/**
 * Decides whether an existing job is the one a request describes, member by member: every member the
 * request sets and {@code DescribeTrainingJob} echoes must be there with the same value. Members the service
 * fills in with defaults (present in the description, absent in the request) do not count; members the
 * description never echoes (such as {@code Tags}) cannot be compared and are skipped.
 */
public final class SameDefinition {

  private static final Set<String> ECHOED = DescribeTrainingJobResponse.builder().sdkFields().stream()
      .map(SdkField::locationName).collect(Collectors.toUnmodifiableSet());

  private SameDefinition() {}

  /**
   * The first member that differs.
   *
   * @param request the request
   * @param existing the existing job's description
   * @return the API path of the first differing member, or empty when the job is the request's
   */
  public static Optional<String> firstDifference(CreateTrainingJobRequest request, TrainingJobDescription existing) {
    JsonNode wanted = SdkMapping.toTree(request);
    JsonNode have = SdkMapping.toTree(existing);
    Iterator<Map.Entry<String, JsonNode>> it = wanted.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> member = it.next();
      if (!ECHOED.contains(member.getKey())) {
        continue;
      }
      Optional<String> d = difference(member.getValue(), have.get(member.getKey()), member.getKey());
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> difference(JsonNode wanted, JsonNode have, String path) {
    if (have == null) {
      return Optional.of(path);
    }
    if (wanted.isObject()) {
      if (!have.isObject()) {
        return Optional.of(path);
      }
      Iterator<Map.Entry<String, JsonNode>> it = wanted.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> member = it.next();
        Optional<String> d = difference(member.getValue(), have.get(member.getKey()), path + "." + member.getKey());
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (wanted.isArray()) {
      if (!have.isArray() || have.size() != wanted.size()) {
        return Optional.of(path);
      }
      for (int i = 0; i < wanted.size(); i++) {
        Optional<String> d = difference(wanted.get(i), have.get(i), path + "[" + i + "]");
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (wanted.isNumber() && have.isNumber()) {
      return wanted.decimalValue().compareTo(have.decimalValue()) == 0 ? Optional.empty() : Optional.of(path);
    }
    return wanted.equals(have) ? Optional.empty() : Optional.of(path);
  }
}
