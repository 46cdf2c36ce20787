package dev.smtrain.model.json.internal;

import java.util.List;

/** "Did you mean" for misspelt member names. */
final class Suggestions {

  private static final int MAX_NAME = 200;

  private Suggestions() {}

  /** The known name closest to {@code name} by edit distance, ignoring case, or null when none is close. */
  static String closest(String name, List<String> known) {
    if (name.length() > MAX_NAME) {
      return null;
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(name.toLowerCase(), candidate.toLowerCase());
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return bestDistance <= Math.max(2, name.length() / 4) ? best : null;
  }

  /** A member name fit to print: bounded in length, control characters escaped. */
  static String printable(String name) {
    String cut = name.length() > 64 ? name.substring(0, 64) + "…" : name;
    StringBuilder sb = new StringBuilder();
    for (char c : cut.toCharArray()) {
      sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
