package dev.smtrain.local.storage;

import java.util.List;
import java.util.Objects;

/**
 * Where {@link LocalStorage#publishOutputs} put a job's artifacts.
 *
 * @param modelArtifacts the {@code ModelArtifacts.S3ModelArtifacts} value of the description:
 *     {@code <S3OutputPath>/<job>/output/model.tar.gz}, or {@code <S3OutputPath>/<job>/output/model/} when
 *     the output {@code CompressionType} is {@code NONE}
 * @param outputData {@code <S3OutputPath>/<job>/output/output.tar.gz}
 * @param conflicts relative paths written by more than one host with different contents (first host kept),
 *     prefixed by {@code model/} or {@code output/}; empty when none
 */
public record PublishedOutputs(String modelArtifacts, String outputData, List<String> conflicts) {

  /**
   * Checks the members.
   *
   * @param modelArtifacts the model artifacts URI
   * @param outputData the output data URI
   * @param conflicts the conflicting paths
   */
  public PublishedOutputs {
    Objects.requireNonNull(modelArtifacts, "modelArtifacts");
    Objects.requireNonNull(outputData, "outputData");
    conflicts = List.copyOf(conflicts);
  }
}
