package dev.smtrain.samples.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the quick start's data set, once: {@code train.csv} (400 rows) and {@code validation.csv}
 * (100 rows) under {@code samples/src/main/resources/dev/smtrain/samples/quickstart/data/}, committed to the
 * repository.
 *
 * <p>What it is: a <em>synthetic</em> admissions data set in the style of the classic logistic-regression
 * exercise (two exam scores, admitted or not). Scores are drawn uniformly from 30 to 100; the label is drawn
 * from a known logistic model, {@code P(admitted) = 1 / (1 + exp(-(0.12 * exam1 + 0.10 * exam2 - 15)))}, so a
 * correct fit recovers a decision boundary close to {@code 0.12 exam1 + 0.10 exam2 = 15} and about 85-90 %
 * validation accuracy (the labels are noisy by construction). Seeded, so the files are reproducible:
 * {@code java -cp samples/target/classes dev.smtrain.samples.quickstart.AdmissionsDataSet DIR}.
 */
public final class AdmissionsDataSet {

  /** The generator's seed. */
  public static final long SEED = 20_260_101L;
  /** The header line of both files. */
  public static final String HEADER = "exam1,exam2,admitted";

  private AdmissionsDataSet() {}

  /**
   * Writes {@code train.csv} and {@code validation.csv} into a directory.
   *
   * @param args one argument, the directory
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: AdmissionsDataSet DIR");
      System.exit(2);
    }
    write(Path.of(args[0]));
  }

  /**
   * Writes {@code train.csv} and {@code validation.csv} into a directory.
   *
   * @param dir the directory, created when missing
   */
  public static void write(Path dir) {
    String[] files = generate();
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("train.csv"), files[0], StandardCharsets.US_ASCII);
      Files.writeString(dir.resolve("validation.csv"), files[1], StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the data set to " + dir, e);
    }
  }

  /**
   * The two files' contents.
   *
   * @return {@code [train.csv, validation.csv]}
   */
  public static String[] generate() {
    Random random = new Random(SEED);
    return new String[] {rows(random, 400), rows(random, 100)};
  }

  private static String rows(Random random, int count) {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < count; i++) {
      double exam1 = 30 + 70 * random.nextDouble();
      double exam2 = 30 + 70 * random.nextDouble();
      double p = 1 / (1 + Math.exp(-(0.12 * exam1 + 0.10 * exam2 - 15)));
      int admitted = random.nextDouble() < p ? 1 : 0;
      csv.append(String.format(Locale.ROOT, "%.1f,%.1f,%d\n", exam1, exam2, admitted));
    }
    return csv.toString();
  }
}
