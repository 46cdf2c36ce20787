package dev.smtrain.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code smtrain} command line ({@code java -jar samples/target/smtrain.jar}). Its commands, flags, exit
 * codes and JSON output are a contract scripts depend on: extend them, never change them.
 *
 * <p>Exit codes: 0 success, 1 the job or request failed (invalid request, job not Completed, service error),
 * 2 usage error.
 */
@Command(name = "smtrain", mixinStandardHelpOptions = true, versionProvider = SmtrainCli.Version.class,
    description = "Define, check and run SageMaker training jobs.",
    subcommands = {ValidateCommand.class, SubmitCommand.class, DescribeCommand.class, StopCommand.class,
        LogsCommand.class, RunCommand.class})
public final class SmtrainCli {

  /**
   * Runs the command line.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    // Standard output and error are the command's contract: route Hibernate Validator's start-up banner
    // (java.util.logging by default) through SLF4J, and keep library logging at WARN unless asked otherwise.
    System.setProperty("org.jboss.logging.provider", System.getProperty("org.jboss.logging.provider", "slf4j"));
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    System.setProperty("org.slf4j.simpleLogger.logFile", System.getProperty("org.slf4j.simpleLogger.logFile", "System.err"));
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line with the project's exit-code conventions, for tests and embedding.
   *
   * @return the configured command line
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new SmtrainCli());
    // Usage errors exit 2 (picocli routes them through this mapper too); everything else that escapes exits 1.
    cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
    return cli;
  }

  /** The library version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SmtrainCli.class.getPackage().getImplementationVersion();
      return new String[] {"smtrain " + (v == null ? "development" : v)};
    }
  }
}
