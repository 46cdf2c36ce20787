package dev.smtrain.samples.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a script in a real {@code jshell} process of the running JDK, started through {@code samples/jshell.sh}
 * (its startup script and options), with this test run's class path instead of one resolved by Maven.
 */
final class JShellSession {

  private JShellSession() {}

  /**
   * Runs {@code script} (then {@code /exit}) with {@code workDir} as the current directory.
   *
   * @return everything jshell printed, stdout and stderr together
   */
  static String run(Path workDir, String script) throws IOException, InterruptedException {
    Path file = Files.writeString(workDir.resolve("notebook.jsh"), script + "\n/exit\n");
    Path jshellSh = Path.of("jshell.sh").toAbsolutePath();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder pb = new ProcessBuilder("bash", jshellSh.toString(),
        "-J-Djava.util.prefs.userRoot=" + workDir.resolve("prefs"), file.toString())
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(Files.writeString(workDir.resolve("stdin"), "").toFile()));
    pb.environment().put("SMTRAIN_JSHELL_CLASSPATH", classPath);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process jshell = pb.start();
    String output = new String(jshell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, jshell.waitFor(), output);
    return output;
  }
}
