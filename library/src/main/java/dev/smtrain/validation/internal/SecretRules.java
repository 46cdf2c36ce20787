package dev.smtrain.validation.internal;

import static dev.smtrain.validation.internal.WirePaths.element;
import static dev.smtrain.validation.internal.WirePaths.entry;
import static dev.smtrain.validation.internal.WirePaths.member;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.Tag;
import dev.smtrain.validation.ValidationRule;
import dev.smtrain.validation.ValidationTarget;
import dev.smtrain.validation.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Credentials written into HyperParameters, Environment or Tags, where anyone who can describe the job
 * reads them (SageMaker rejects some of them too): AWS access key ids, secret access keys, private key
 * blocks, and literal values of password-like keys. Messages name the path and what the value looks like,
 * never the value.
 */
final class SecretRules {

  private static final Pattern ACCESS_KEY_ID = Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])");
  private static final Pattern SECRET_ACCESS_KEY =
      Pattern.compile("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
  private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----");
  private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");

  /** Key words that mark a secret value. */
  static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "passphrase", "secret", "token",
      "apikey", "accesskey", "credential", "credentials", "privatekey", "secretkey");
  /** Key words that mark a reference to a secret, or something about it, rather than the secret. */
  static final Set<String> NOT_SECRET_WORDS = Set.of("name", "arn", "id", "path", "file", "ref", "uri", "url",
      "env", "length", "len", "count", "limit", "size", "type", "ttl", "max", "min", "num");
  private static final Set<String> HARMLESS_VALUES = Set.of("", "true", "false", "yes", "no", "none", "null");

  private SecretRules() {}

  static List<ValidationRule> all() {
    return List.of(SecretRules::secrets);
  }

  static void secrets(CreateTrainingJobRequest r, ValidationTarget t, Consumer<Violation> out) {
    map(r.hyperParameters(), "HyperParameters", out);
    map(r.environment(), "Environment", out);
    List<Tag> tags = r.tags();
    if (tags != null) {
      for (int i = 0; i < tags.size(); i++) {
        Tag tag = tags.get(i);
        String path = member(element("Tags", i), "Value");
        tag.value().ifPresent(v -> check(tag.key().orElse(""), v, path, out));
      }
    }
  }

  private static void map(Map<String, String> map, String name, Consumer<Violation> out) {
    if (map != null) {
      map.forEach((k, v) -> {
        if (k != null && v != null) {
          check(k, v, entry(name, k), out);
        }
      });
    }
  }

  static void check(String key, String value, String path, Consumer<Violation> out) {
    String advice = "; give the job its credentials through RoleArn or a secrets store, not in the request";
    if ((value.contains("AKIA") || value.contains("ASIA")) && ACCESS_KEY_ID.matcher(value).find()) {
      out.accept(Violation.error(path, "secret.access-key-id", "holds an AWS access key id" + advice));
    } else if (value.contains("PRIVATE KEY") && PRIVATE_KEY.matcher(value).find()) {
      out.accept(Violation.error(path, "secret.private-key", "holds a private key block" + advice));
    } else if (value.length() >= 40 && looksLikeSecretAccessKey(value)) {
      out.accept(Violation.error(path, "secret.secret-access-key",
          "holds what looks like an AWS secret access key (40 base64 characters)" + advice));
    } else if (isPasswordLike(key) && isLiteral(value)) {
      out.accept(Violation.error(path, "secret.password-literal",
          "the key names a password, token or secret and the value is a literal (" + value.length()
              + " characters)" + advice));
    }
  }

  private static boolean looksLikeSecretAccessKey(String value) {
    var m = SECRET_ACCESS_KEY.matcher(value);
    while (m.find()) {
      String s = m.group();
      if (s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase)
          && s.chars().anyMatch(Character::isDigit)) {
        return true;
      }
    }
    return false;
  }

  static boolean isPasswordLike(String key) {
    if (key.length() > 256 || !mentionsSecret(key.toLowerCase(Locale.ROOT))) {
      return false;
    }
    String[] words = WORD_BREAK.split(key);
    boolean secret = false;
    for (int i = 0; i < words.length; i++) {
      String w = words[i].toLowerCase(Locale.ROOT);
      String joined = i + 1 < words.length ? w + words[i + 1].toLowerCase(Locale.ROOT) : w;
      if (NOT_SECRET_WORDS.contains(w)) {
        return false;
      }
      secret |= SECRET_WORDS.contains(w) || SECRET_WORDS.contains(joined);
    }
    return secret;
  }

  /** A quick filter before splitting the key into words. */
  private static boolean mentionsSecret(String lowerKey) {
    for (String w : SECRET_WORDS) {
      if (lowerKey.contains(w)) {
        return true;
      }
    }
    return lowerKey.contains("pass") || lowerKey.contains("key");
  }

  private static boolean isLiteral(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    return !HARMLESS_VALUES.contains(v) && !v.startsWith("arn:aws") && !v.startsWith("{{resolve:")
        && !v.startsWith("${") && !v.matches("-?[0-9]+(\\.[0-9]+)?");
  }
}
