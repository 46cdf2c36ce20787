package dev.smtrain.validation.internal;

import dev.smtrain.validation.ValidationTarget;
import dev.smtrain.validation.Violation;
import dev.smtrain.validation.constraints.KnownValue;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service model's constraints, compiled once from Hibernate Validator's constraint metadata
 * ({@link Validator#getConstraintsForClass}) into a plan of direct checks per model type: each accessor is
 * called once, each constraint is tested on the value in place, and a path is only built for a violation.
 * Hibernate Validator reads and merges the annotations (members, container elements, cascades); the plan
 * spares each validation its generic traversal. {@code ConstraintPlanTest} holds the plan to the same
 * results as {@code Validator.validate}.
 */
public final class ConstraintPlan {

  private final Map<Class<?>, TypePlan> types = new HashMap<>();
  private final TypePlan root;

  private ConstraintPlan(Validator validator, Class<?> rootType) {
    this.root = plan(validator, rootType);
  }

  /**
   * The plan for a model type and every type it reaches.
   *
   * @param validator the validator whose metadata to compile
   * @param rootType the abstract model type, such as {@code CreateTrainingJobRequest}
   * @return the plan
   */
  public static ConstraintPlan compile(Validator validator, Class<?> rootType) {
    return new ConstraintPlan(validator, rootType);
  }

  /**
   * Checks a value of the root type.
   *
   * @param bean the value
   * @param target where the request is meant to run
   * @return the violations, ordered by path and code
   */
  public List<Violation> check(Object bean, ValidationTarget target) {
    List<Violation> out = new ArrayList<>();
    root.check(bean, null, target, out);
    ConstraintViolations.order(out);
    return out;
  }

  private TypePlan plan(Validator validator, Class<?> type) {
    TypePlan existing = types.get(type);
    if (existing != null) {
      return existing;
    }
    TypePlan plan = new TypePlan();
    types.put(type, plan);
    BeanDescriptor bean = validator.getConstraintsForClass(type);
    List<PropertyPlan> props = new ArrayList<>();
    for (PropertyDescriptor p : bean.getConstrainedProperties()) {
      props.add(property(validator, type, p));
    }
    props.sort((a, b) -> a.wire.compareTo(b.wire));
    plan.properties = props.toArray(new PropertyPlan[0]);
    return plan;
  }

  private PropertyPlan property(Validator validator, Class<?> type, PropertyDescriptor p) {
    Method accessor;
    try {
      accessor = type.getMethod(p.getPropertyName());
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("no accessor " + p.getPropertyName() + "() on " + type.getName(), e);
    }
    accessor.setAccessible(true);
    PropertyPlan plan = new PropertyPlan(WirePaths.wireName(p.getPropertyName()), accessor,
        checks(p.getConstraintDescriptors()));
    for (ContainerElementTypeDescriptor element : p.getConstrainedContainerElementTypes()) {
      Check[] checks = checks(element.getConstraintDescriptors());
      TypePlan cascade = element.isCascaded() ? plan(validator, cascadedType(accessor, element)) : null;
      if (Map.class.isAssignableFrom(element.getContainerClass()) && element.getTypeArgumentIndex() == 0) {
        plan.keyChecks = checks;
      } else {
        plan.elementChecks = checks;
        plan.cascade = cascade;
      }
    }
    return plan;
  }

  private static Class<?> cascadedType(Method accessor, ContainerElementTypeDescriptor element) {
    java.lang.reflect.Type t = accessor.getGenericReturnType();
    if (t instanceof java.lang.reflect.ParameterizedType) {
      java.lang.reflect.Type arg = ((java.lang.reflect.ParameterizedType) t)
          .getActualTypeArguments()[element.getTypeArgumentIndex()];
      if (arg instanceof Class) {
        return (Class<?>) arg;
      }
    }
    return element.getElementClass();
  }

  private static Check[] checks(Set<ConstraintDescriptor<?>> descriptors) {
    List<Check> out = new ArrayList<>();
    for (ConstraintDescriptor<?> d : descriptors) {
      out.add(check(d.getAnnotation()));
    }
    return out.toArray(new Check[0]);
  }

  /** A constraint as a test of a value: {@code true} when valid. */
  private static Check check(Annotation a) {
    if (a instanceof NotNull) {
      return new Check(a, v -> v != null);
    }
    if (a instanceof Size) {
      int min = ((Size) a).min();
      int max = ((Size) a).max();
      return new Check(a, v -> {
        int n = v == null ? min : v instanceof CharSequence ? ((CharSequence) v).length()
            : v instanceof Collection ? ((Collection<?>) v).size() : v instanceof Map ? ((Map<?, ?>) v).size() : min;
        return n >= min && n <= max;
      });
    }
    if (a instanceof Pattern) {
      WholeValuePatternValidator p = new WholeValuePatternValidator();
      p.initialize((Pattern) a);
      return new Check(a, v -> !(v instanceof CharSequence) || p.isValid((CharSequence) v, null));
    }
    if (a instanceof Min) {
      long min = ((Min) a).value();
      return new Check(a, v -> !(v instanceof Number) || ((Number) v).longValue() >= min);
    }
    if (a instanceof Max) {
      long max = ((Max) a).value();
      return new Check(a, v -> !(v instanceof Number) || ((Number) v).longValue() <= max);
    }
    if (a instanceof KnownValue) {
      ConstraintValidator<KnownValue, Enum<?>> known = new KnownValueValidator();
      return new Check(a, v -> !(v instanceof Enum) || known.isValid((Enum<?>) v, null));
    }
    throw new IllegalStateException("no check for the constraint " + a.annotationType().getName());
  }

  private interface Test {
    boolean isValid(Object value);
  }

  private static final class Check {
    final Annotation annotation;
    final Test test;

    Check(Annotation annotation, Test test) {
      this.annotation = annotation;
      this.test = test;
    }
  }

  /** A path built only when a violation needs it: a parent, and a member name, list index or map key. */
  private static final class Node {
    final Node parent;
    final String member;
    final Object index;

    Node(Node parent, String member, Object index) {
      this.parent = parent;
      this.member = member;
      this.index = index;
    }

    @Override
    public String toString() {
      String up = parent == null ? "" : parent.toString();
      if (member != null) {
        return WirePaths.member(up, member);
      }
      return index instanceof Integer ? WirePaths.element(up, (Integer) index) : WirePaths.entry(up, (String) index);
    }
  }

  private static final Object[] NO_ARGUMENTS = new Object[0];

  /** Runs the checks; the path is only made (from {@code parent}, then {@code member} or {@code index}) on a violation. */
  private static void run(Check[] checks, Object value, Node parent, String member, Object index, boolean key,
      ValidationTarget target, List<Violation> out) {
    for (Check c : checks) {
      if (!c.test.isValid(value)) {
        String path = new Node(parent, member, index).toString();
        Violation v = ConstraintViolations.violation(c.annotation, path, value, key, target);
        if (v != null) {
          out.add(v);
        }
      }
    }
  }

  private static final class TypePlan {
    PropertyPlan[] properties;

    void check(Object bean, Node path, ValidationTarget target, List<Violation> out) {
      for (PropertyPlan p : properties) {
        p.check(bean, path, target, out);
      }
    }
  }

  private static final class PropertyPlan {
    final String wire;
    final Method accessor;
    final Check[] checks;
    Check[] elementChecks = new Check[0];
    Check[] keyChecks = new Check[0];
    TypePlan cascade;

    PropertyPlan(String wire, Method accessor, Check[] checks) {
      this.wire = wire;
      this.accessor = accessor;
      this.checks = checks;
    }

    void check(Object bean, Node parent, ValidationTarget target, List<Violation> out) {
      Object value;
      try {
        value = accessor.invoke(bean, NO_ARGUMENTS);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("the accessor " + accessor.getName() + "() failed", e.getCause());
      }
      run(checks, value, parent, wire, null, false, target, out);
      if (value instanceof Optional) {
        Object content = ((Optional<?>) value).orElse(null);
        run(elementChecks, content, parent, wire, null, false, target, out);
        if (content != null && cascade != null) {
          cascade.check(content, new Node(parent, wire, null), target, out);
        }
      } else if (value instanceof List) {
        List<?> list = (List<?>) value;
        if (elementChecks.length == 0 && cascade == null) {
          return;
        }
        Node path = new Node(parent, wire, null);
        for (int i = 0; i < list.size(); i++) {
          Object element = list.get(i);
          run(elementChecks, element, path, null, i, false, target, out);
          if (element != null && cascade != null) {
            cascade.check(element, new Node(path, null, i), target, out);
          }
        }
      } else if (value instanceof Map) {
        Node path = new Node(parent, wire, null);
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          String k = String.valueOf(e.getKey());
          run(keyChecks, e.getKey(), path, null, k, true, target, out);
          run(elementChecks, e.getValue(), path, null, k, false, target, out);
        }
      }
    }
  }
}
