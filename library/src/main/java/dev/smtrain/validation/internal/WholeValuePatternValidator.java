package dev.smtrain.validation.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks {@link Pattern} as the standard does (the whole value must match), with three differences that keep
 * validation fast and safe on any input:
 *
 * <ul>
 *   <li>the service model's catch-all patterns ({@code .*}, {@code .+}, {@code [\S\s]*}) and its most used
 *       ones (S3 URIs, role ARNs, names, tags, ids) are decided without a regular expression engine;
 *   <li>a value longer than {@value #LONGEST_CHECKED} characters is not matched at all: every patterned
 *       member of the service model has a maximum length below that, so its length violation is reported
 *       instead (and a regular expression never runs over megabytes);
 *   <li>a regular expression that overflows the stack on some input reports the value as not matching.
 * </ul>
 */
public final class WholeValuePatternValidator implements ConstraintValidator<Pattern, CharSequence> {

  /** The longest value a regular expression runs on; the model's longest patterned member allows 8,192. */
  static final int LONGEST_CHECKED = 16_384;

  private enum Shortcut { NONE, ANY, ANY_LINE, NON_EMPTY_LINE, FAST }

  private Shortcut shortcut = Shortcut.NONE;
  private java.util.regex.Pattern regex;
  private java.util.function.Predicate<CharSequence> fast;

  @Override
  public void initialize(Pattern annotation) {
    String r = annotation.regexp();
    switch (r) {
      case "[\\S\\s]*":
      case "[\\s\\S]*":
        shortcut = Shortcut.ANY;
        return;
      case ".*":
        shortcut = Shortcut.ANY_LINE;
        return;
      case ".+":
        shortcut = Shortcut.NON_EMPTY_LINE;
        return;
      default:
        break;
    }
    int flags = 0;
    for (Pattern.Flag f : annotation.flags()) {
      flags |= f.getValue();
    }
    fast = flags == 0 ? FastPatterns.forRegex(r) : null;
    if (fast != null) {
      shortcut = Shortcut.FAST;
      return;
    }
    try {
      regex = java.util.regex.Pattern.compile(r, flags);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid @Pattern regexp in the model: " + r, e);
    }
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null || value.length() > LONGEST_CHECKED) {
      return true;
    }
    switch (shortcut) {
      case ANY:
        return true;
      case ANY_LINE:
        return !hasLineTerminator(value);
      case NON_EMPTY_LINE:
        return value.length() > 0 && !hasLineTerminator(value);
      case FAST:
        return fast.test(value);
      default:
        try {
          return regex.matcher(value).matches();
        } catch (StackOverflowError e) {
          return false;
        }
    }
  }

  /** The characters {@code .} does not match without DOTALL. */
  private static boolean hasLineTerminator(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }
}
