package dev.smtrain.sagemaker;

import dev.smtrain.model.Channel;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.json.TrainingJobJson;
import dev.smtrain.sagemaker.loopback.CloudWatchLogsEndpoint;
import dev.smtrain.sagemaker.loopback.Loopback;
import dev.smtrain.sagemaker.loopback.RecordingFilter;
import dev.smtrain.sagemaker.loopback.ScriptedExecutor;
import dev.smtrain.server.SageMakerEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * A scripted executor behind a SageMaker endpoint on loopback, a CloudWatch Logs endpoint, and a
 * {@link SageMakerExecutor} whose real SDK clients talk to both. Closes everything it opened.
 */
final class LoopbackFixture implements AutoCloseable {

  final ScriptedExecutor scripted;
  final RecordingFilter recorder = new RecordingFilter();
  final SageMakerEndpoint endpoint;
  final CloudWatchLogsEndpoint logs;
  final SageMakerClient client;
  final SageMakerExecutor executor;
  private final List<AutoCloseable> opened = new ArrayList<>();

  LoopbackFixture(ScriptedExecutor scripted, com.sun.net.httpserver.Filter... filters) throws IOException {
    this(scripted, false, filters);
  }

  LoopbackFixture(ScriptedExecutor scripted, boolean withoutRetries, com.sun.net.httpserver.Filter... filters)
      throws IOException {
    this.scripted = scripted;
    SageMakerEndpoint.Builder builder = SageMakerEndpoint.builder().executor(scripted).addFilter(recorder);
    for (com.sun.net.httpserver.Filter f : filters) {
      builder.addFilter(f);
    }
    endpoint = builder.start();
    opened.add(endpoint);
    logs = new CloudWatchLogsEndpoint(2);
    opened.add(logs);
    client = withoutRetries ? Loopback.sageMakerWithoutRetries(endpoint.uri()) : Loopback.sageMaker(endpoint.uri());
    opened.add(client);
    executor = SageMakerExecutor.builder().sageMakerClient(client)
        .cloudWatchLogsClient(Loopback.logs(logs.uri()))
        .pollInterval(Duration.ofMillis(1), Duration.ofMillis(8)).build();
    opened.add(0, executor);
  }

  static String resource(String name) throws IOException {
    try (InputStream in = LoopbackFixture.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The minimal valid request with a few more members, under a name. */
  static CreateTrainingJobRequest request(String name) throws IOException {
    return TrainingJobJson.readRequest(resource("/requests/minimal.json")).orElseThrow().toBuilder()
        .trainingJobName(name)
        .putHyperParameter("epochs", "3")
        .addInputDataConfig(Channel.s3("train", "s3://bucket/train"))
        .addTag(t -> t.key("team").value("ml"))
        .build();
  }

  @Override
  public void close() throws Exception {
    Exception first = null;
    for (AutoCloseable c : opened) {
      try {
        c.close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
