package dev.smtrain.executor;

import dev.smtrain.SmtrainException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes executors by kind, so the same application code runs against SageMaker in production, the local
 * container runner on a laptop and the fake in tests:
 *
 * <pre>{@code
 * try (TrainingJobExecutor executor = TrainingJobExecutors.fromEnvironment()) {
 *   executor.submit(request).awaitCompletion(Duration.ofHours(2));
 * }
 * }</pre>
 *
 * <p>The kind comes from the system property {@code smtrain.executor} or else the environment variable
 * {@code SMTRAIN_EXECUTOR} ({@code sagemaker}, {@code local} or {@code fake}; default {@code sagemaker}).
 * Kinds are {@link TrainingJobExecutorProvider}s found with {@link ServiceLoader}, so a jar can add its own.
 *
 * <p>Settings come from {@code smtrain.*} system properties (the prefix removed: {@code
 * -Dsmtrain.fake.max-concurrent-jobs=2} is {@code fake.max-concurrent-jobs}) and {@code SMTRAIN_*}
 * environment variables (prefix removed, lower-cased, {@code __} read as {@code -} and {@code _} as
 * {@code .}: {@code SMTRAIN_FAKE_MAX__CONCURRENT__JOBS} is {@code fake.max-concurrent-jobs}); a system
 * property wins over an environment variable.
 */
public final class TrainingJobExecutors {

  /** The system property naming the kind. */
  public static final String PROPERTY = "smtrain.executor";
  /** The environment variable naming the kind. */
  public static final String ENVIRONMENT_VARIABLE = "SMTRAIN_EXECUTOR";
  /** The kind used when neither is set. */
  public static final String DEFAULT_KIND = "sagemaker";

  private static final Logger LOG = LoggerFactory.getLogger(TrainingJobExecutors.class);

  private TrainingJobExecutors() {}

  /**
   * The executor the configuration names (see the class description), with its settings.
   *
   * @return a new executor; close it when done
   * @throws SmtrainException when the kind is unknown (the message lists the available kinds) or the
   *     provider cannot make an executor
   */
  public static TrainingJobExecutor fromEnvironment() {
    return fromConfiguration(System.getenv(), System.getProperties());
  }

  /**
   * The executor a given configuration names; {@link #fromEnvironment()} with explicit sources, for tests
   * and for applications that keep configuration elsewhere.
   *
   * @param environment environment variables ({@code SMTRAIN_*} are read)
   * @param properties system properties ({@code smtrain.*} are read)
   * @return a new executor
   * @throws SmtrainException when the kind is unknown or the provider fails
   */
  public static TrainingJobExecutor fromConfiguration(Map<String, String> environment,
      Map<?, ?> properties) {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(properties, "properties");
    Object property = properties.get(PROPERTY);
    String kind;
    String source;
    if (property != null && !property.toString().isBlank()) {
      kind = property.toString().trim();
      source = "system property " + PROPERTY;
    } else if (environment.get(ENVIRONMENT_VARIABLE) != null && !environment.get(ENVIRONMENT_VARIABLE).isBlank()) {
      kind = environment.get(ENVIRONMENT_VARIABLE).trim();
      source = "environment variable " + ENVIRONMENT_VARIABLE;
    } else {
      kind = DEFAULT_KIND;
      source = "the default, as neither " + PROPERTY + " nor " + ENVIRONMENT_VARIABLE + " is set";
    }
    return create(kind, settings(environment, properties), source);
  }

  /**
   * An executor of a given kind.
   *
   * @param kind {@code sagemaker}, {@code local}, {@code fake} or another provider's name (ignoring case)
   * @param settings the provider's settings, keys lower-case with dots such as {@code fake.region}
   * @return a new executor
   * @throws SmtrainException when the kind is unknown (the message lists the available kinds) or the
   *     provider fails
   */
  public static TrainingJobExecutor create(String kind, Map<String, String> settings) {
    return create(kind, settings, "TrainingJobExecutors.create");
  }

  /**
   * The kinds available on the class path, by name.
   *
   * @return the provider names, sorted
   */
  public static Set<String> availableKinds() {
    return Collections.unmodifiableSet(providers().keySet());
  }

  /**
   * The settings in a configuration: {@code smtrain.*} properties over {@code SMTRAIN_*} variables, without
   * the kind itself.
   *
   * @param environment environment variables
   * @param properties system properties
   * @return settings, keys lower-case with dots
   */
  public static Map<String, String> settings(Map<String, String> environment, Map<?, ?> properties) {
    Map<String, String> out = new TreeMap<>();
    environment.forEach((k, v) -> {
      if (k.startsWith("SMTRAIN_") && !k.equals(ENVIRONMENT_VARIABLE) && v != null) {
        out.put(k.substring("SMTRAIN_".length()).toLowerCase(Locale.ROOT).replace("__", "-").replace('_', '.'), v);
      }
    });
    properties.forEach((k, v) -> {
      String key = String.valueOf(k);
      if (key.startsWith("smtrain.") && !key.equals(PROPERTY) && v != null) {
        out.put(key.substring("smtrain.".length()), String.valueOf(v));
      }
    });
    return out;
  }

  private static TrainingJobExecutor create(String kind, Map<String, String> settings, String source) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(settings, "settings");
    List<String> broken = new ArrayList<>();
    Map<String, TrainingJobExecutorProvider> providers = providers(broken);
    TrainingJobExecutorProvider provider = providers.get(kind.trim().toLowerCase(Locale.ROOT));
    if (provider == null) {
      throw new SmtrainException("unknown executor kind '" + kind + "' (from " + source + "); available: "
          + (providers.isEmpty() ? "none (no TrainingJobExecutorProvider on the class path)"
              : String.join(", ", providers.keySet()))
          + ". Set " + ENVIRONMENT_VARIABLE + " or -D" + PROPERTY + " to one of them."
          + (broken.isEmpty() ? "" : " Providers that failed to load: " + String.join("; ", broken)));
    }
    try {
      return Objects.requireNonNull(provider.create(Map.copyOf(settings)),
          () -> provider.getClass().getName() + ".create returned null");
    } catch (SmtrainException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SmtrainException("the '" + provider.name() + "' executor could not be created ("
          + provider.getClass().getName() + "): " + e.getMessage(), e);
    }
  }

  private static Map<String, TrainingJobExecutorProvider> providers() {
    return providers(new ArrayList<>());
  }

  private static Map<String, TrainingJobExecutorProvider> providers(List<String> broken) {
    Map<String, TrainingJobExecutorProvider> out = new TreeMap<>();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    load(out, TrainingJobExecutors.class.getClassLoader(), broken);
    if (context != null && context != TrainingJobExecutors.class.getClassLoader()) {
      load(out, context, broken);
    }
    return out;
  }

  private static void load(Map<String, TrainingJobExecutorProvider> out, ClassLoader loader,
      List<String> broken) {
    Iterator<TrainingJobExecutorProvider> it =
        ServiceLoader.load(TrainingJobExecutorProvider.class, loader).iterator();
    while (true) {
      TrainingJobExecutorProvider p;
      try {
        if (!it.hasNext()) {
          return;
        }
        p = it.next();
      } catch (ServiceConfigurationError e) {
        broken.add(e.getMessage());
        LOG.debug("an executor provider could not be loaded", e);
        continue;
      }
      String name = p.name().toLowerCase(Locale.ROOT);
      TrainingJobExecutorProvider earlier = out.get(name);
      if (earlier != null && !earlier.getClass().getName().equals(p.getClass().getName())) {
        throw new SmtrainException("two executor providers are named '" + name + "': "
            + earlier.getClass().getName() + " and " + p.getClass().getName() + "; remove one from the class path");
      }
      out.putIfAbsent(name, p);
    }
  }
}
