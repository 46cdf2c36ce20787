package dev.smtrain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smtrain.validation.internal.WholeValuePatternValidator;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Annotation;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The pattern check used by the validator agrees with {@code java.util.regex.Pattern.matches} for every
 * pattern of the service model, on random strings over each pattern's alphabet and on mutated valid values
 * (the check decides the common patterns without a regular expression engine).
 */
class FastPatternsProperties {

  private static final List<String> PATTERNS = List.of(
      "^(https|s3)://([^/]+)/?(.*)$",
      "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$",
      "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}",
      "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}",
      "^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$",
      "^(fs-[0-9a-f]{8,})$",
      "[-0-9a-zA-Z]+",
      "[A-Za-z0-9\\.\\-_]+",
      "[a-zA-Z0-9\\-]+",
      "^[a-zA-Z0-9:/_-]*$",
      "[a-zA-Z_][a-zA-Z0-9_]*",
      ".*", ".+", "[\\S\\s]*");

  private static final List<String> VALID = List.of("s3://bucket/key/x", "https://b.s3.amazonaws.com/k",
      "équipe Données 42", "train-job-1", "a-b--c", "arn:aws:iam::123456789012:role/service-role/R+x=1,a.b@c",
      "arn:aws-cn:iam::123456789012:role/R", "fs-0123456789abcdef", "sg-0123abc", "ch.1-_x", "n-1", "key:/_-",
      "K_1", "_private", "line", "");

  private static Pattern pattern(String regexp) {
    return new Pattern() {
      @Override
      public String regexp() {
        return regexp;
      }

      @Override
      public Flag[] flags() {
        return new Flag[0];
      }

      @Override
      public String message() {
        return "";
      }

      @Override
      public Class<?>[] groups() {
        return new Class<?>[0];
      }

      @SuppressWarnings("unchecked")
      @Override
      public Class<? extends jakarta.validation.Payload>[] payload() {
        return new Class[0];
      }

      @Override
      public Class<? extends Annotation> annotationType() {
        return Pattern.class;
      }
    };
  }

  @Provide
  Arbitrary<String> inputs() {
    Arbitrary<String> alphabet = Arbitraries.strings()
        .withChars("aZz09-_./:@=+,s3htpfarnwimlo \n\r\u2028é日١#")
        .ofMaxLength(40);
    Arbitrary<String> mutated = Combinators.combine(Arbitraries.of(VALID), Arbitraries.integers().between(0, 40),
        Arbitraries.chars().with("-/:\n a0Z_é@#".toCharArray()), Arbitraries.integers().between(0, 2))
        .as((v, at, c, op) -> {
          StringBuilder b = new StringBuilder(v);
          int i = Math.min(at, b.length());
          if (op == 0) {
            b.insert(i, c);
          } else if (op == 1 && b.length() > 0) {
            b.deleteCharAt(Math.min(i, b.length() - 1));
          } else if (b.length() > 0) {
            b.setCharAt(Math.min(i, b.length() - 1), c);
          }
          return b.toString();
        });
    Arbitrary<String> prefixed = Combinators.combine(Arbitraries.of("s3://", "https://", "arn:aws:iam::123456789012:role",
        "arn:aws-x:iam::", "fs-", "fs-0123abcd"), alphabet).as(String::concat);
    return Arbitraries.oneOf(alphabet, mutated, prefixed, Arbitraries.of(VALID));
  }

  @Property(tries = 3000)
  void isValid_whenAnyInput_thenSameAsJavaRegexWholeMatch(@ForAll("inputs") String input) {
    for (String regexp : PATTERNS) {
      WholeValuePatternValidator v = new WholeValuePatternValidator();
      v.initialize(pattern(regexp));
      boolean expected = java.util.regex.Pattern.compile(regexp).matcher(input).matches();
      assertEquals(expected, v.isValid(input, null), () -> regexp + " on '" + input.replace("\n", "\\n") + "'");
    }
  }
}
