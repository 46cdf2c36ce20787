package dev.smtrain.validation.constraints;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.smtrain.validation.internal.KnownValueValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated enum member must hold one of the values the service model lists: {@code null} (member not
 * set) is valid, a constant named {@code UNKNOWN_TO_SDK_VERSION} (what {@code fromValue} returns for text it
 * does not know) is not. The generator puts it on every closed-enum member of the model.
 */
@Documented
@Constraint(validatedBy = KnownValueValidator.class)
@Target({METHOD, FIELD, TYPE_USE})
@Retention(RUNTIME)
public @interface KnownValue {

  /**
   * The message template.
   *
   * @return the template
   */
  String message() default "must be one of the values the service model lists";

  /**
   * The validation groups.
   *
   * @return the groups
   */
  Class<?>[] groups() default {};

  /**
   * The payload.
   *
   * @return the payload
   */
  Class<? extends Payload>[] payload() default {};
}
