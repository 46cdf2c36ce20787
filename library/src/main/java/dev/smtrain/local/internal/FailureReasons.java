package dev.smtrain.local.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code FailureReason} of a failed job, as SageMaker words it: the first 1,024 characters of the first
 * failed host's {@code /opt/ml/output/failure}, or, when it wrote none, its exit code.
 */
public final class FailureReasons {

  /** The most characters SageMaker keeps. */
  public static final int MAX_LENGTH = 1024;

  private FailureReasons() {}

  /**
   * The reason, from the exit codes of the hosts (0-based) and their output directories.
   *
   * @param workspace the job's directories
   * @param exitCodes exit codes by host index
   * @return the reason, or null when every host exited with 0
   */
  public static String of(JobWorkspace workspace, Map<Integer, Integer> exitCodes) {
    for (int index = 0; index < workspace.hostCount(); index++) {
      Integer code = exitCodes.get(index);
      if (code == null || code == 0) {
        continue;
      }
      int host = index + 1;
      String written = read(workspace.output(host).resolve("failure"));
      if (written != null && !written.isBlank()) {
        return written.strip();
      }
      return "AlgorithmError: the training container of " + JobWorkspace.hostName(host) + " exited with code "
          + code + (code == 137 ? " (killed, possibly out of memory)" : "")
          + " and wrote no /opt/ml/output/failure; see the job's log";
    }
    return null;
  }

  /**
   * The first {@link #MAX_LENGTH} characters of a file (malformed UTF-8 replaced), or null when absent or not a
   * regular file: the container wrote it, so a symbolic link is not followed to the host's files.
   */
  static String read(Path file) {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) { // a link could point at a host file
      return null;
    }
    try (Reader in = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8
        .newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE))) {
      char[] buf = new char[MAX_LENGTH];
      int n = 0;
      int r;
      while (n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0) {
        n += r;
      }
      return new String(buf, 0, n);
    } catch (IOException e) {
      return null;
    }
  }
}
