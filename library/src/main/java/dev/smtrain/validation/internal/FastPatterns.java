package dev.smtrain.validation.internal;

import java.util.Map;
import java.util.function.Predicate;

/**
 * Hand-written equivalents of the service model's most used patterns, for whole-value matching without a
 * regular expression engine (a matcher per value costs more than the rest of a validation). Each is held
 * to {@link java.util.regex.Pattern#matches} on random and mutated inputs by {@code FastPatternsProperties}.
 */
final class FastPatterns {

  private static final Map<String, Predicate<CharSequence>> BY_REGEX = Map.of(
      "^(https|s3)://([^/]+)/?(.*)$", FastPatterns::s3Uri,
      "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$", FastPatterns::tagText,
      "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}", s -> hyphenatedName(s, 63),
      "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}", s -> hyphenatedName(s, 120),
      "^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$", FastPatterns::roleArn,
      "^(fs-[0-9a-f]{8,})$", FastPatterns::fileSystemId,
      "[-0-9a-zA-Z]+", s -> s.length() > 0 && all(s, 0, "-", true),
      "[A-Za-z0-9\\.\\-_]+", s -> s.length() > 0 && all(s, 0, ".-_", true),
      "[a-zA-Z0-9\\-]+", s -> s.length() > 0 && all(s, 0, "-", true),
      "^[a-zA-Z0-9:/_-]*$", s -> all(s, 0, ":/_-", true));

  private static final Map<String, Predicate<CharSequence>> MORE = Map.of(
      "[a-zA-Z_][a-zA-Z0-9_]*", s -> s.length() > 0 && (isAsciiLetter(s.charAt(0)) || s.charAt(0) == '_')
          && all(s, 1, "_", true));

  private FastPatterns() {}

  /**
   * The equivalent of a pattern, if there is one.
   *
   * @param regex the pattern
   * @return the predicate, or {@code null}
   */
  static Predicate<CharSequence> forRegex(String regex) {
    Predicate<CharSequence> p = BY_REGEX.get(regex);
    return p != null ? p : MORE.get(regex);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiAlnum(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }

  /** Whether every character from {@code from} is an ASCII letter or digit (if allowed) or one of {@code extra}. */
  private static boolean all(CharSequence s, int from, String extra, boolean alnum) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(alnum && isAsciiAlnum(c)) && extra.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /**
   * {@code ^(https|s3)://([^/]+)/?(.*)$}: a scheme, a non-empty host not starting with a slash (line
   * breaks allowed there), and no line break after the first slash.
   */
  static boolean s3Uri(CharSequence s) {
    String v = s.toString();
    int start = v.startsWith("https://") ? 8 : v.startsWith("s3://") ? 5 : -1;
    if (start < 0 || v.length() == start || v.charAt(start) == '/') {
      return false;
    }
    int slash = v.indexOf('/', start);
    if (slash < 0) {
      return true;
    }
    for (int i = slash + 1; i < v.length(); i++) {
      if (isLineTerminator(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$}: letters, separators, numbers and {@code _.:/=+-@}. */
  static boolean tagText(CharSequence s) {
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      i += Character.charCount(cp);
      if (cp < 128) {
        if (!isAsciiAlnum((char) cp) && "_.:/=+-@ ".indexOf(cp) < 0) {
          return false;
        }
        continue;
      }
      switch (Character.getType(cp)) {
        case Character.UPPERCASE_LETTER:
        case Character.LOWERCASE_LETTER:
        case Character.TITLECASE_LETTER:
        case Character.MODIFIER_LETTER:
        case Character.OTHER_LETTER:
        case Character.SPACE_SEPARATOR:
        case Character.LINE_SEPARATOR:
        case Character.PARAGRAPH_SEPARATOR:
        case Character.DECIMAL_DIGIT_NUMBER:
        case Character.LETTER_NUMBER:
        case Character.OTHER_NUMBER:
          break;
        default:
          return false;
      }
    }
    return true;
  }

  /**
   * {@code ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,n-1}}: letters, digits and hyphens, starting and ending with a
   * letter or digit, with at most {@code n} letters and digits.
   */
  static boolean hyphenatedName(CharSequence s, int n) {
    if (s.length() == 0 || !isAsciiAlnum(s.charAt(0)) || !isAsciiAlnum(s.charAt(s.length() - 1))) {
      return false;
    }
    int alnum = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isAsciiAlnum(c)) {
        alnum++;
      } else if (c != '-') {
        return false;
      }
    }
    return alnum <= n;
  }

  /** {@code ^arn:aws[a-z\-]*:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+$}. */
  static boolean roleArn(CharSequence s) {
    String v = s.toString();
    if (!v.startsWith("arn:aws")) {
      return false;
    }
    int i = 7;
    while (i < v.length() && ((v.charAt(i) >= 'a' && v.charAt(i) <= 'z') || v.charAt(i) == '-')) {
      i++;
    }
    if (!v.startsWith(":iam::", i)) {
      return false;
    }
    i += 6;
    for (int d = 0; d < 12; d++, i++) {
      if (i >= v.length() || v.charAt(i) < '0' || v.charAt(i) > '9') {
        return false;
      }
    }
    if (!v.startsWith(":role", i)) {
      return false;
    }
    i += 5;
    return i < v.length() && all(v, i, "_+=,.@-/", true);
  }

  /** {@code ^(fs-[0-9a-f]{8,})$}. */
  static boolean fileSystemId(CharSequence s) {
    String v = s.toString();
    if (!v.startsWith("fs-") || v.length() < 11) {
      return false;
    }
    for (int i = 3; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
