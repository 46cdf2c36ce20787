package dev.smtrain.validation;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.json.JsonProblem;
import dev.smtrain.model.json.JsonReadResult;
import dev.smtrain.model.json.TrainingJobJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a {@code CreateTrainingJob} request completely before it is sent: every constraint of the
 * service model, the documented cross-field rules, secrets in the wrong place, and the user's own rules.
 * One call returns every violation. Thread-safe; build one and share it.
 *
 * <p>PLACEHOLDER: the built-in rules are being written (issue 3); today only JSON reading problems and the
 * user's own rules are reported.
 */
public final class TrainingJobValidator {

  private final ValidationTarget target;
  private final List<ValidationRule> rules;

  private TrainingJobValidator(Builder builder) {
    this.target = builder.target;
    this.rules = List.copyOf(builder.rules);
  }

  /**
   * The built-in rules for SageMaker.
   *
   * @return the validator
   */
  public static TrainingJobValidator standard() {
    return builder().build();
  }

  /**
   * The built-in rules for a target.
   *
   * @param target where requests are meant to run
   * @return the validator
   */
  public static TrainingJobValidator forTarget(ValidationTarget target) {
    return builder().target(target).build();
  }

  /**
   * A builder, to choose the target and add rules.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The target this validator checks for by default.
   *
   * @return the target
   */
  public ValidationTarget target() {
    return target;
  }

  /**
   * Validates a request for this validator's target.
   *
   * @param request the request
   * @return every violation
   */
  public ValidationReport validate(CreateTrainingJobRequest request) {
    return validate(request, target);
  }

  /**
   * Validates a request for a target.
   *
   * @param request the request
   * @param target where the request is meant to run
   * @return every violation
   */
  public ValidationReport validate(CreateTrainingJobRequest request, ValidationTarget target) {
    Objects.requireNonNull(request, "request");
    List<Violation> out = new ArrayList<>();
    for (ValidationRule rule : rules) {
      rule.check(request, target, out::add);
    }
    return ValidationReport.of(out);
  }

  /**
   * Reads and validates a JSON request in the AWS CLI shape: reading problems (unknown members, wrong types,
   * malformed JSON) and violations come back in one report.
   *
   * @param json the JSON text
   * @return every problem
   */
  public ValidationReport validateJson(String json) {
    JsonReadResult<CreateTrainingJobRequest> read = TrainingJobJson.readRequest(json);
    List<Violation> out = new ArrayList<>();
    for (JsonProblem p : read.problems()) {
      out.add(Violation.error(p.path(), p.kind().code(), p.message()));
    }
    read.value().ifPresent(r -> out.addAll(validate(r).violations()));
    return ValidationReport.of(out);
  }

  /** Builds a {@link TrainingJobValidator}. */
  public static final class Builder {
    private ValidationTarget target = ValidationTarget.SAGEMAKER;
    private final List<ValidationRule> rules = new ArrayList<>();

    private Builder() {}

    /**
     * The default target.
     *
     * @param target where requests are meant to run
     * @return this builder
     */
    public Builder target(ValidationTarget target) {
      this.target = Objects.requireNonNull(target, "target");
      return this;
    }

    /**
     * Adds a rule of the user's own.
     *
     * @param rule the rule
     * @return this builder
     */
    public Builder addRule(ValidationRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Builds the validator.
     *
     * @return the validator
     */
    public TrainingJobValidator build() {
      return new TrainingJobValidator(this);
    }
  }
}
