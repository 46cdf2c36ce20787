package dev.smtrain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.validation.internal.BeanValidation;
import dev.smtrain.validation.internal.ConstraintViolations;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The compiled constraint plan the validator runs agrees with Hibernate Validator's own
 * {@code Validator.validate} on the same annotations, violation for violation, for both targets.
 */
class ConstraintPlanTest {

  private static void assertSameAsHibernateValidator(CreateTrainingJobRequest request) {
    for (ValidationTarget target : ValidationTarget.values()) {
      List<Violation> expected = ConstraintViolations.convert(BeanValidation.validator().validate(request), target);
      List<Violation> actual = BeanValidation.requestPlan().check(request, target);
      assertEquals(expected, actual, () -> target + " " + TrainingJobJson.write(request));
    }
  }

  @Test
  void check_whenSeedAndMinimal_thenSameAsHibernateValidator() {
    assertSameAsHibernateValidator(Requests.seed());
    assertSameAsHibernateValidator(Requests.minimal());
  }

  @Property(tries = 500)
  void check_whenMutatedSeed_thenSameAsHibernateValidator(@ForAll long seed) {
    Random random = new Random(seed);
    String json = ValidationFuzzProperties.mutatedSeed(random);
    TrainingJobJson.readRequest(json).value().ifPresent(ConstraintPlanTest::assertSameAsHibernateValidator);
  }
}
