package dev.smtrain.validation.internal;

import dev.smtrain.validation.ValidationTarget;
import dev.smtrain.validation.Violation;
import dev.smtrain.validation.constraints.KnownValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Turns Hibernate Validator's constraint violations into {@link Violation}s: the path in wire names, a
 * stable code and a message made from the constraint's annotation (the limit) and the size of what was
 * found, never from a string's content, which may be a secret.
 *
 * <p>Where the target is {@link ValidationTarget#LOCAL}, a {@code file://} URI is accepted in the members
 * the local runner reads or writes ({@link #FILE_URI_MEMBERS}); for SageMaker it is reported with its own
 * code, {@code uri.file-scheme}.
 */
public final class ConstraintViolations {

  /** Members where the local runner accepts a {@code file://} URI, by the path with list indexes removed. */
  static final Set<String> FILE_URI_MEMBERS = Set.of(
      "InputDataConfig[].DataSource.S3DataSource.S3Uri",
      "OutputDataConfig.S3OutputPath",
      "CheckpointConfig.S3Uri",
      "DebugHookConfig.S3OutputPath",
      "TensorBoardOutputConfig.S3OutputPath",
      "ProfilerConfig.S3OutputPath");

  private static final Comparator<Violation> ORDER =
      Comparator.comparing(Violation::path).thenComparing(Violation::code);

  private ConstraintViolations() {}

  /**
   * Converts and orders violations.
   *
   * @param violations what the validator found
   * @param target where the request is meant to run
   * @return the violations, ordered by path and code
   */
  public static List<Violation> convert(Set<? extends ConstraintViolation<?>> violations, ValidationTarget target) {
    List<Violation> out = new ArrayList<>(violations.size());
    for (ConstraintViolation<?> cv : violations) {
      Violation v = convert(cv, target);
      if (v != null) {
        out.add(v);
      }
    }
    order(out);
    return out;
  }

  /**
   * Orders constraint violations by path and code, and drops the pattern violation of a value whose length
   * is already reported: whether it matches can wait until its length is right.
   *
   * @param violations the violations, reordered in place
   */
  static void order(List<Violation> violations) {
    if (violations.isEmpty()) {
      return;
    }
    violations.sort(ORDER);
    dropPatternsOfWrongLength(violations);
  }

  private static void dropPatternsOfWrongLength(List<Violation> sorted) {
    Set<String> wrongLength = null;
    for (Violation v : sorted) {
      if (v.code().endsWith(".too-long") || v.code().endsWith(".too-short")) {
        if (wrongLength == null) {
          wrongLength = new java.util.HashSet<>();
        }
        wrongLength.add(v.path());
      }
    }
    if (wrongLength != null) {
      Set<String> lengths = wrongLength;
      sorted.removeIf(v -> v.code().endsWith("pattern") && lengths.contains(v.path()));
    }
  }

  /**
   * Whether a path names one of the members that accept a {@code file://} URI locally.
   *
   * @param path an API path
   * @return {@code true} for such a member
   */
  public static boolean acceptsFileUri(String path) {
    return FILE_URI_MEMBERS.contains(path.replaceAll("\\[\\d+]", "[]"));
  }

  /**
   * Whether a value is a {@code file://} URI the local runner can use: an absolute path after the scheme.
   *
   * @param value the value
   * @return {@code true} for {@code file:///some/path}
   */
  public static boolean isLocalFileUri(String value) {
    return value.startsWith("file:///") && value.length() > "file:///".length();
  }

  private static Violation convert(ConstraintViolation<?> cv, ValidationTarget target) {
    return violation(cv.getConstraintDescriptor().getAnnotation(), WirePaths.of(cv.getPropertyPath()),
        cv.getInvalidValue(), isMapKey(cv.getPropertyPath()), target);
  }

  /**
   * The violation of a constraint by a value.
   *
   * @param a the constraint annotation
   * @param path the value's API path
   * @param value the value that violates it
   * @param key whether the value is a map key
   * @param target where the request is meant to run
   * @return the violation, or {@code null} when the target accepts the value after all
   */
  static Violation violation(Annotation a, String path, Object value, boolean key, ValidationTarget target) {
    if (a instanceof NotNull) {
      return Violation.error(path, "required", "required, but not set");
    }
    if (a instanceof Size) {
      return size((Size) a, path, value, key);
    }
    if (a instanceof Pattern) {
      return pattern((Pattern) a, path, value, target, key);
    }
    if (a instanceof Min) {
      return Violation.error(path, "number.too-small", "at least " + ((Min) a).value() + ", got " + value);
    }
    if (a instanceof Max) {
      return Violation.error(path, "number.too-large", "at most " + ((Max) a).value() + ", got " + value);
    }
    if (a instanceof KnownValue) {
      return Violation.error(path, "enum.unknown", "expected one of " + known(value)
          + ", got a value this version of the library does not know");
    }
    return Violation.error(path, "constraint." + a.annotationType().getSimpleName(),
        "violates " + a.annotationType().getSimpleName());
  }

  private static Violation size(Size s, String path, Object value, boolean key) {
    int n;
    String unit;
    String kind;
    if (value instanceof CharSequence) {
      n = ((CharSequence) value).length();
      unit = "characters";
      kind = key ? "key" : "string";
    } else if (value instanceof Collection) {
      n = ((Collection<?>) value).size();
      unit = "entries";
      kind = "list";
    } else if (value instanceof Map) {
      n = ((Map<?, ?>) value).size();
      unit = "entries";
      kind = "map";
    } else {
      return Violation.error(path, "size", "size must be between " + s.min() + " and " + s.max());
    }
    if (n < s.min()) {
      return Violation.error(path, kind + (unit.equals("entries") ? ".too-few" : ".too-short"),
          "at least " + s.min() + " " + unit + ", got " + n);
    }
    return Violation.error(path, kind + (unit.equals("entries") ? ".too-many" : ".too-long"),
        s.max() + " " + unit + " at most, got " + n);
  }

  private static Violation pattern(Pattern p, String path, Object value, ValidationTarget target, boolean key) {
    String text = String.valueOf(value);
    if (text.startsWith("file:") && acceptsFileUri(path)) {
      if (target == ValidationTarget.LOCAL && isLocalFileUri(text)) {
        return null;
      }
      return Violation.error(path, "uri.file-scheme", target == ValidationTarget.LOCAL
          ? "a file URI must name an absolute path, as in file:///data/train"
          : "file:// URIs work with the local runner only; SageMaker needs an s3:// or https:// URI");
    }
    return Violation.error(path, key ? "key.pattern" : "string.pattern",
        "must match " + p.regexp() + " as a whole, got " + text.length() + " characters that do not");
  }

  private static boolean isMapKey(Path path) {
    Path.Node last = null;
    for (Path.Node n : path) {
      last = n;
    }
    return last != null && last.getKind() == ElementKind.CONTAINER_ELEMENT && "<map key>".equals(last.getName());
  }

  private static String known(Object value) {
    StringJoiner names = new StringJoiner(", ", "[", "]");
    if (value instanceof Enum) {
      for (Object c : ((Enum<?>) value).getDeclaringClass().getEnumConstants()) {
        if (!KnownValueValidator.UNKNOWN.equals(((Enum<?>) c).name())) {
          names.add(c.toString());
        }
      }
    }
    return names.toString();
  }
}
