package dev.smtrain.validation;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.json.JsonProblem;
import dev.smtrain.model.json.JsonReadResult;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.validation.internal.BeanValidation;
import dev.smtrain.validation.internal.BuiltInRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a {@code CreateTrainingJob} request completely before it is sent: every constraint of the
 * service model, the documented cross-field rules, secrets in the wrong place, and the user's own rules.
 * One call returns every violation, errors and warnings, each with its API path in wire names
 * ({@code InputDataConfig[0].DataSource.S3DataSource.S3Uri}, {@code HyperParameters[learning_rate]}; list
 * indexes count from 0), a stable code and a message stating the limit and what was found. Thread-safe;
 * build one and share it.
 *
 * <p><b>The service model's constraints</b> are the Jakarta Validation annotations the generated model
 * carries. Hibernate Validator, configured once per process for the model (accessors as properties, wire
 * names in paths, no Expression Language), reads them; its constraint metadata is compiled once into direct
 * checks, which give the same violations as {@code Validator.validate} at a fraction of the cost. They are
 * required members ({@code required}), string lengths
 * ({@code string.too-short}, {@code string.too-long}), patterns ({@code string.pattern}), number ranges
 * ({@code number.too-small}, {@code number.too-large}), list and map sizes ({@code list.too-few},
 * {@code list.too-many}, {@code map.too-many}), map keys ({@code key.too-long}, {@code key.pattern}) and
 * enum values ({@code enum.unknown}). A pattern is matched against the <em>whole</em> value, as
 * {@code @Pattern} does, whether or not the service's regular expression is anchored. Where the
 * CreateTrainingJob prose and the service model disagree the model wins: a hyperparameter key may have 256
 * characters and a value 2,500. Messages state lengths, never a string's content, which may be a secret.
 *
 * <p><b>Cross-field rules</b> (codes in parentheses): TrainingImage xor AlgorithmName
 * ({@code algorithm.image-and-name}, {@code algorithm.image-or-name}); spot training needs
 * MaxWaitTimeInSeconds at least MaxRuntimeInSeconds, and MaxWaitTimeInSeconds needs spot ({@code spot.*});
 * MaxRuntimeInSeconds at most 28 days; at most 100 hyperparameters (the model's own limit); unique channel
 * names; exactly one data source per channel; AugmentedManifestFile, Gzip and RecordIO only in Pipe mode;
 * FastFile only with S3Prefix; AttributeNames only with AugmentedManifestFile; a FileSystemDataSource needs
 * VpcConfig and File mode ({@code channel.*}); InstanceGroups exclude InstanceType and InstanceCount, one of
 * the two is required, group names are unique and channels' InstanceGroupNames name a group; no
 * VolumeKmsKeyId on instance types with local NVMe storage; no KeepAlivePeriodInSeconds with spot or
 * instance groups ({@code resource.*}); ProfilingIntervalInMilliseconds in {100, 200, 500, 1000, 5000,
 * 60000}; unique tag keys not starting with {@code aws:}; unique Debugger and Profiler rule names; access
 * mode {@code Vpc} for the training image needs VpcConfig.
 *
 * <p><b>Secrets</b>: an AWS access key id, a secret access key, a private key block, or a literal value
 * for a password-like key in HyperParameters, Environment or Tags is an error ({@code secret.*}).
 *
 * <p><b>Warnings</b> never make a report invalid: instance types this library does not know, ShardedByS3Key
 * or inter-container encryption with one instance, spot training without checkpoints, metric regexes
 * without a capturing group, and, for {@link ValidationTarget#LOCAL}, members the local runner ignores.
 *
 * <p><b>Targets</b>: {@link ValidationTarget#SAGEMAKER} (the default) applies the service model exactly, so
 * a {@code file://} URI is an error ({@code uri.file-scheme}). {@link ValidationTarget#LOCAL} also accepts
 * {@code file:///absolute/path} URIs for channels, output, checkpoints and the Debugger, TensorBoard and
 * Profiler output paths, and the instance types {@code local} and {@code local_gpu}; VpcConfig, KMS keys and
 * Debugger or Profiler rules are accepted with a {@code local.ignored} warning.
 *
 * <p>No input makes validation throw: a rule that fails (a user's or a built-in one) is reported as an
 * error with code {@code rule.failed}.
 */
public final class TrainingJobValidator {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingJobValidator.class);

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
    Objects.requireNonNull(target, "target");
    List<Violation> out = new ArrayList<>(16);
    check(request, target, out);
    return ValidationReport.of(out);
  }

  private void check(CreateTrainingJobRequest request, ValidationTarget target, List<Violation> out) {
    try {
      out.addAll(BeanValidation.requestPlan().check(request, target));
    } catch (RuntimeException | StackOverflowError e) {
      out.add(failed("the service model's constraints", e));
    }
    for (ValidationRule rule : BuiltInRules.all()) {
      run(rule, "a built-in rule", request, target, out);
    }
    for (ValidationRule rule : rules) {
      run(rule, "the rule " + rule.getClass().getName(), request, target, out);
    }
  }

  private static void run(ValidationRule rule, String name, CreateTrainingJobRequest request,
      ValidationTarget target, List<Violation> out) {
    int before = out.size();
    try {
      rule.check(request, target, v -> out.add(Objects.requireNonNull(v, "violation")));
    } catch (RuntimeException | StackOverflowError e) {
      out.subList(before, out.size()).clear();
      out.add(failed(name, e));
    }
  }

  /** A check that threw: reported without the exception's message, which may quote a value. */
  private static Violation failed(String what, Throwable e) {
    LOG.debug("{} failed", what, e);
    return Violation.error("", "rule.failed", what + " failed with " + e.getClass().getName()
        + "; the request could not be checked completely");
  }

  /**
   * Reads and validates a JSON request in the AWS CLI shape: reading problems (unknown members, wrong types,
   * malformed JSON) and violations come back in one report.
   *
   * @param json the JSON text
   * @return every problem
   */
  public ValidationReport validateJson(String json) {
    return validateJson(json, target);
  }

  /**
   * Reads and validates a JSON request in the AWS CLI shape for a target. A member the reader could not
   * take (wrong type, unknown enum value, null) is reported once, by the reader, not again as missing.
   *
   * @param json the JSON text
   * @param target where the request is meant to run
   * @return every problem
   */
  public ValidationReport validateJson(String json, ValidationTarget target) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(target, "target");
    List<Violation> out = new ArrayList<>();
    JsonReadResult<CreateTrainingJobRequest> read;
    try {
      read = TrainingJobJson.readRequest(json);
    } catch (RuntimeException | StackOverflowError e) {
      out.add(failed("reading the JSON", e));
      return ValidationReport.of(out);
    }
    Set<String> problemPaths = new HashSet<>();
    for (JsonProblem p : read.problems()) {
      out.add(Violation.error(p.path(), p.kind().code(), p.message()));
      problemPaths.add(p.path());
    }
    read.value().ifPresent(r -> {
      List<Violation> found = new ArrayList<>();
      check(r, target, found);
      for (Violation v : found) {
        if (!(v.code().equals("required") && problemPaths.contains(v.path()))) {
          out.add(v);
        }
      }
    });
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
