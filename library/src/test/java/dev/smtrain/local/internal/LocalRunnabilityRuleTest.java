package dev.smtrain.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.MetricDefinition;
import dev.smtrain.model.TrainingInputMode;
import dev.smtrain.validation.ValidationTarget;
import dev.smtrain.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalRunnabilityRuleTest {

  private static List<String> problems(CreateTrainingJobRequest request) {
    List<Violation> out = new ArrayList<>();
    new LocalRunnabilityRule().check(request, ValidationTarget.LOCAL, out::add);
    return out.stream().map(v -> v.path() + " " + v.code()).toList();
  }

  @Test
  void check_whenRequestCanRunLocally_reportsNothing() {
    assertEquals(List.of(), problems(Requests.valid("job").build()));
  }

  @Test
  void check_whenMembersAreIgnoredLocally_warnsAboutEach() {
    CreateTrainingJobRequest request = Requests.valid("job").enableManagedSpotTraining(true)
        .stoppingCondition(s -> s.maxRuntimeInSeconds(60).maxWaitTimeInSeconds(120))
        .addInputDataConfig(dev.smtrain.model.Channel.s3("c", "s3://b/c").toBuilder()
            .inputMode(TrainingInputMode.FAST_FILE).build())
        .build();

    assertEquals(List.of("EnableManagedSpotTraining local.ignored",
        "StoppingCondition.MaxWaitTimeInSeconds local.ignored", "InputDataConfig[0].InputMode local.ignored"),
        problems(request));
  }

  @Test
  void check_whenMembersCannotRunLocally_reportsEachWithItsPath() {
    CreateTrainingJobRequest request = CreateTrainingJobRequest.builder()
        .trainingJobName("job")
        .algorithmSpecification(a -> a.algorithmName("marketplace").trainingInputMode(TrainingInputMode.PIPE)
            .addMetricDefinition(MetricDefinition.of("m", "(?<=x)1")))
        .addInputDataConfig(c -> c.channelName("fs").inputMode(TrainingInputMode.PIPE).dataSource(d -> d
            .fileSystemDataSource(f -> f.fileSystemId("fs-1"))))
        .build();

    assertEquals(List.of(
        "AlgorithmSpecification.TrainingImage local.required",
        "AlgorithmSpecification.TrainingInputMode local.unsupported",
        "AlgorithmSpecification.MetricDefinitions[0].Regex local.metric-regex",
        "InputDataConfig[0].DataSource local.unsupported",
        "InputDataConfig[0].InputMode local.unsupported"), problems(request));
  }

  @Test
  void check_whenRequiredMembersAreMissing_leavesThemToTheValidator() {
    CreateTrainingJobRequest request = CreateTrainingJobRequest.builder()
        .algorithmSpecification(a -> a.trainingImage("img").trainingInputMode(TrainingInputMode.FILE))
        .build();

    assertEquals(List.of(), problems(request));
  }
}
