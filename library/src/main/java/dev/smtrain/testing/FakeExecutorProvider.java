package dev.smtrain.testing;

import dev.smtrain.SmtrainException;
import dev.smtrain.executor.TrainingJobExecutor;
import dev.smtrain.executor.TrainingJobExecutorProvider;
import dev.smtrain.validation.ValidationTarget;
import java.util.Map;

/**
 * The {@code fake} kind for {@link dev.smtrain.executor.TrainingJobExecutors}: a new {@link FakeExecutor}.
 * Settings (all optional): {@code fake.region}, {@code fake.account-id}, {@code fake.validation-target}
 * ({@code sagemaker} or {@code local}), {@code fake.max-concurrent-jobs}, and
 * {@code fake.instance-limit.<instance type>} (such as {@code fake.instance-limit.ml.p3.2xlarge=2}).
 */
public final class FakeExecutorProvider implements TrainingJobExecutorProvider {

  private static final String LIMIT = "fake.instance-limit.";

  /** The provider, for {@link java.util.ServiceLoader}. */
  public FakeExecutorProvider() {}

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public TrainingJobExecutor create(Map<String, String> settings) {
    FakeExecutor.Builder b = FakeExecutor.builder();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      String key = e.getKey();
      String value = e.getValue().trim();
      switch (key) {
        case "fake.region":
          b.region(value);
          break;
        case "fake.account-id":
          b.accountId(value);
          break;
        case "fake.validation-target":
          b.validationTarget(target(value));
          break;
        case "fake.max-concurrent-jobs":
          b.maxConcurrentJobs(positive(key, value));
          break;
        default:
          if (key.startsWith(LIMIT)) {
            b.instanceLimit(key.substring(LIMIT.length()), positive(key, value));
          } else if (key.startsWith("fake.")) {
            throw new SmtrainException("unknown fake executor setting '" + key + "'; known: fake.region,"
                + " fake.account-id, fake.validation-target, fake.max-concurrent-jobs, fake.instance-limit.<type>");
          }
      }
    }
    return b.build();
  }

  private static ValidationTarget target(String value) {
    for (ValidationTarget t : ValidationTarget.values()) {
      if (t.name().equalsIgnoreCase(value)) {
        return t;
      }
    }
    throw new SmtrainException("setting fake.validation-target: expected sagemaker or local, was '" + value + "'");
  }

  private static int positive(String key, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new SmtrainException("setting " + key + ": expected a whole number, 0 or more, was '"
        + value + "'");
  }
}
