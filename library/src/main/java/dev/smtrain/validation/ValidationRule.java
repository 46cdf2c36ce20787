package dev.smtrain.validation;

import dev.smtrain.model.CreateTrainingJobRequest;
import java.util.function.Consumer;

/**
 * A rule of the user's own, checked next to the built-in ones, for example "every job carries a
 * {@code cost-center} tag". Rules must not throw for any request; a rule that does is reported as a bug.
 */
@FunctionalInterface
public interface ValidationRule {

  /**
   * Checks a request.
   *
   * @param request the request, possibly incomplete
   * @param target where the request is meant to run
   * @param report receives each violation found
   */
  void check(CreateTrainingJobRequest request, ValidationTarget target, Consumer<Violation> report);
}
