package dev.smtrain.validation.internal;

import dev.smtrain.validation.constraints.KnownValue;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link KnownValue}: an enum constant other than {@code UNKNOWN_TO_SDK_VERSION}. */
public final class KnownValueValidator implements ConstraintValidator<KnownValue, Enum<?>> {

  /** The constant every generated enum uses for a value this library version does not know. */
  static final String UNKNOWN = "UNKNOWN_TO_SDK_VERSION";

  @Override
  public boolean isValid(Enum<?> value, ConstraintValidatorContext context) {
    return value == null || !UNKNOWN.equals(value.name());
  }
}
