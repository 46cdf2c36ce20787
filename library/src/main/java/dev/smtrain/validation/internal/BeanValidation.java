package dev.smtrain.validation.internal;

import dev.smtrain.model.CreateTrainingJobRequest;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.metadata.BeanMetaDataClassNormalizer;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;
import org.hibernate.validator.spi.properties.ConstrainableExecutable;
import org.hibernate.validator.spi.properties.GetterPropertySelectionStrategy;
import org.hibernate.validator.spi.tracking.ProcessedBeansTrackingVoter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide Hibernate Validator, configured for the generated model: the model's accessors
 * ({@code trainingJobName()}) are the constrained properties, and paths carry wire names
 * ({@code TrainingJobName}).
 *
 * <p>Messages are built by {@link ConstraintViolations} from the constraint's annotation, never from a
 * template, so the factory gets an interpolator that returns the template unchanged: no Expression Language
 * implementation is needed and none is loaded, which keeps the first validation fast. XML configuration is
 * ignored and every property is traversable, which spares the provider's look-ups of {@code
 * META-INF/validation.xml} and JPA. {@code @Pattern} is checked by {@link WholeValuePatternValidator}.
 */
public final class BeanValidation {

  private static final Logger LOG = LoggerFactory.getLogger(BeanValidation.class);

  /** Accessors of the model types that are not members. */
  private static final Set<String> NOT_MEMBERS = Set.of("builder", "toBuilder", "hashCode", "toString",
      "getClass", "build", "from");

  private static final String MODEL_PACKAGE = "dev.smtrain.model";

  private BeanValidation() {}

  /**
   * The shared validator, built on first use.
   *
   * @return the validator
   */
  public static Validator validator() {
    return Holder.VALIDATOR;
  }

  /**
   * The compiled constraints of {@code CreateTrainingJobRequest}, built on first use.
   *
   * @return the plan
   */
  public static ConstraintPlan requestPlan() {
    return PlanHolder.PLAN;
  }

  private static final class PlanHolder {
    static final ConstraintPlan PLAN = compile();

    private static ConstraintPlan compile() {
      long start = System.nanoTime();
      ConstraintPlan plan = ConstraintPlan.compile(validator(), CreateTrainingJobRequest.class);
      LOG.debug("constraint plan compiled in {} ms", (System.nanoTime() - start) / 1_000_000);
      return plan;
    }
  }

  private static final class Holder {
    static final Validator VALIDATOR = build();

    private static Validator build() {
      long start = System.nanoTime();
      HibernateValidatorConfiguration config = Validation.byProvider(HibernateValidator.class).configure()
          .ignoreXmlConfiguration()
          .getterPropertySelectionStrategy(new AccessorSelection())
          .propertyNodeNameProvider(new WireNames())
          .messageInterpolator(new Verbatim())
          .traversableResolver(new EverythingTraversable())
          .enableTraversableResolverResultCache(false)
          .beanMetaDataClassNormalizer(new AbstractModelTypes())
          .processedBeansTrackingVoter(new TreesOnly());
      ConstraintMapping mapping = config.createConstraintMapping();
      mapping.constraintDefinition(Pattern.class).includeExistingValidators(false)
          .validatedBy(WholeValuePatternValidator.class);
      config.addMapping(mapping);
      ValidatorFactory factory = config.buildValidatorFactory();
      Validator validator = factory.getValidator();
      LOG.debug("Hibernate Validator ready in {} ms", (System.nanoTime() - start) / 1_000_000);
      return validator;
    }
  }

  /**
   * Any public no-argument method returning a value, except the builder and {@code hasX()} methods: the
   * model's members are accessors named like the member, not JavaBeans getters.
   */
  static final class AccessorSelection implements GetterPropertySelectionStrategy {
    @Override
    public Optional<String> getProperty(ConstrainableExecutable executable) {
      String name = executable.getName();
      if (executable.getParameterTypes().length != 0 || executable.getReturnType() == void.class
          || NOT_MEMBERS.contains(name) || isHasMethod(name) || name.indexOf('$') >= 0) {
        return Optional.empty();
      }
      return Optional.of(name);
    }

    @Override
    public List<String> getGetterMethodNameCandidates(String propertyName) {
      return List.of(propertyName);
    }

    private static boolean isHasMethod(String name) {
      return name.length() > 3 && name.startsWith("has") && Character.isUpperCase(name.charAt(3));
    }
  }

  /** The wire name: the accessor's name with its first letter upper-cased. */
  static final class WireNames implements PropertyNodeNameProvider {
    @Override
    public String getName(Property property) {
      return WirePaths.wireName(property.getName());
    }
  }

  /** Returns the template: messages are made from the constraint descriptor instead. */
  static final class Verbatim implements MessageInterpolator {
    @Override
    public String interpolate(String messageTemplate, Context context) {
      return messageTemplate;
    }

    @Override
    public String interpolate(String messageTemplate, Context context, Locale locale) {
      return messageTemplate;
    }
  }

  /**
   * Validates a generated {@code ImmutableX} with the metadata of its abstract model type {@code X}, where
   * the constraints are declared: the metadata is built once per model type, not twice.
   */
  static final class AbstractModelTypes implements BeanMetaDataClassNormalizer {
    @Override
    public <T> Class<? super T> normalize(Class<T> beanClass) {
      Class<? super T> parent = beanClass.getSuperclass();
      if (parent != null && beanClass.getSimpleName().equals("Immutable" + parent.getSimpleName())
          && parent.getPackageName().equals(MODEL_PACKAGE)) {
        return parent;
      }
      return beanClass;
    }
  }

  /** Model values are immutable trees, never cyclic: no need to track which beans were visited. */
  static final class TreesOnly implements ProcessedBeansTrackingVoter {
    @Override
    public Vote isEnabledForBean(Class<?> beanClass, boolean hasCascadables) {
      return beanClass.getPackageName().equals(MODEL_PACKAGE) ? Vote.NON_TRACKING : Vote.DEFAULT;
    }

    @Override
    public Vote isEnabledForReturnValue(Class<?> beanClass, String name, Class<?>[] parameterTypes,
        boolean hasCascadables) {
      return Vote.DEFAULT;
    }

    @Override
    public Vote isEnabledForParameters(Class<?> beanClass, String name, Class<?>[] parameterTypes,
        boolean hasCascadables) {
      return Vote.DEFAULT;
    }
  }

  /** Cascades everywhere, without asking whether JPA is around. */
  static final class EverythingTraversable implements TraversableResolver {
    @Override
    public boolean isReachable(Object bean, Path.Node node, Class<?> rootBeanType, Path pathToNode,
        ElementType elementType) {
      return true;
    }

    @Override
    public boolean isCascadable(Object bean, Path.Node node, Class<?> rootBeanType, Path pathToNode,
        ElementType elementType) {
      return true;
    }
  }
}
