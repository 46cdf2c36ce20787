package dev.smtrain.cli;

import dev.smtrain.SmtrainException;
import dev.smtrain.sagemaker.SageMakerExecutor;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import software.amazon.awssdk.regions.Region;

/**
 * The connection options the SageMaker commands share. Credentials and, unless {@code --region} is given, the
 * region come from the AWS SDK's default chains (environment variables, system properties, profile), as the
 * AWS CLI does.
 */
final class SageMakerOptions {

  @Option(names = "--endpoint-url", paramLabel = "URL", description = "SageMaker endpoint instead of the region's.")
  URI endpointUrl;

  @Option(names = "--logs-endpoint-url", paramLabel = "URL",
      description = "CloudWatch Logs endpoint instead of the region's.")
  URI logsEndpointUrl;

  @Option(names = "--region", paramLabel = "REGION", description = "AWS region, such as eu-west-1.")
  String region;

  @Option(names = "--poll-interval", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How often to describe the job while waiting: 5s, 500ms or PT5S (default: 5s, backing off "
          + "to 60s).")
  Duration pollInterval;

  /**
   * The executor these options describe; the caller closes it.
   *
   * @return the executor
   */
  SageMakerExecutor executor() {
    SageMakerExecutor.Builder builder = SageMakerExecutor.builder();
    if (endpointUrl != null) {
      builder.endpointOverride(endpointUrl);
    }
    if (logsEndpointUrl != null) {
      builder.logsEndpointOverride(logsEndpointUrl);
    }
    if (region != null) {
      builder.region(Region.of(region));
    }
    if (pollInterval != null) {
      Duration max = pollInterval.compareTo(Duration.ofSeconds(60)) > 0 ? pollInterval : Duration.ofSeconds(60);
      builder.pollInterval(pollInterval, pollInterval.compareTo(Duration.ofSeconds(1)) < 0 ? pollInterval : max);
    }
    return builder.build();
  }

  /** Reads {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} or an ISO-8601 duration. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim();
      try {
        Duration d;
        if (v.endsWith("ms")) {
          d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        } else if (v.endsWith("s") && !v.startsWith("P")) {
          d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        } else if (v.endsWith("m") && !v.startsWith("P")) {
          d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        } else if (v.endsWith("h") && !v.startsWith("P")) {
          d = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
        } else {
          d = Duration.parse(v);
        }
        if (d.isNegative() || d.isZero()) {
          throw new TypeConversionException("expected a positive duration, got '" + value + "'");
        }
        return d;
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new TypeConversionException("expected a duration such as 500ms, 5s, 2m, 1h or PT5S, got '" + value
            + "'");
      }
    }
  }

  /**
   * The message to print for a failure: the library's own message, or the failure's class when it has none.
   *
   * @param e the failure
   * @return the message
   */
  static String message(RuntimeException e) {
    if (e instanceof SmtrainException || e.getMessage() != null) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName();
  }
}
