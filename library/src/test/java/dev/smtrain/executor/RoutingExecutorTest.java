package dev.smtrain.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtrain.SmtrainException;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.ListTrainingJobsRequest;
import dev.smtrain.model.ResourceConfig;
import dev.smtrain.model.SortBy;
import dev.smtrain.model.TrainingInstanceType;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.model.TrainingJobSummary;
import dev.smtrain.testing.FakeExecutor;
import dev.smtrain.testing.FakeOutcome;
import dev.smtrain.testing.TestRequests;
import dev.smtrain.testing.VirtualClock;
import dev.smtrain.validation.ValidationTarget;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoutingExecutorTest {

  private final VirtualClock clock = new VirtualClock();
  private final FakeExecutor gpu = FakeExecutor.builder().clock(clock).build();
  private final FakeExecutor cpu = FakeExecutor.builder().clock(clock).validationTarget(ValidationTarget.LOCAL)
      .build();
  private final RoutingExecutor router = RoutingExecutor.builder()
      .route(RoutingExecutorTest::isGpu, gpu)
      .otherwise(cpu)
      .build();

  private static boolean isGpu(CreateTrainingJobRequest r) {
    return r.resourceConfig().flatMap(ResourceConfig::instanceType).map(t -> t.value().startsWith("ml.g"))
        .orElse(false);
  }

  private static CreateTrainingJobRequest gpuJob(String name) {
    return TestRequests.builder(name).resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_G5_XLARGE, 1, 10))
        .build();
  }

  @Test
  void submit_whenRouteMatches_sendsToThatExecutorElseToTheDefault() {
    router.submit(gpuJob("big"));
    router.submit(TestRequests.valid("small"));

    assertEquals(List.of("big"), gpu.requests().names());
    assertEquals(List.of("small"), cpu.requests().names());
  }

  @Test
  void describeStopLogs_whenJobWasSubmittedElsewhere_findTheExecutorThatHasIt() {
    gpu.script("direct", FakeOutcome.staysInProgress());
    gpu.submit(TestRequests.valid("direct"));

    router.stop("direct");

    assertEquals(TrainingJobStatus.STOPPING, router.describe("direct").trainingJobStatus().orElseThrow());
    assertEquals(TrainingJobStatus.STOPPED, router.job("direct").awaitCompletion(Duration.ofMinutes(1))
        .trainingJobStatus().orElseThrow());
    assertEquals(gpu.logs("direct").count(), router.logs("direct").count());
  }

  @Test
  void describe_whenNoExecutorHasTheJob_throwsResourceNotFound() {
    ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> router.describe("ghost"));
    assertTrue(e.getMessage().contains("'ghost'") && e.getMessage().contains("2 executor(s)"), e.getMessage());
  }

  @Test
  void list_whenJobsAreSpread_mergesSortsAndPages() {
    for (int i = 0; i < 3; i++) {
      router.submit(gpuJob("g-" + i));
      router.submit(TestRequests.valid("c-" + i));
    }
    ListTrainingJobsRequest byName = ListTrainingJobsRequest.builder().sortBy(SortBy.NAME).maxResults(4).build();

    var first = router.list(byName);
    List<String> all = router.listAll(byName).map(s -> s.trainingJobName().orElseThrow())
        .collect(Collectors.toList());

    assertEquals(List.of("c-0", "c-1", "c-2", "g-0"), names(first.trainingJobSummaries()));
    assertTrue(first.nextToken().isPresent());
    assertEquals(List.of("c-0", "c-1", "c-2", "g-0", "g-1", "g-2"), all);
  }

  @Test
  void submit_whenNoRouteTakesTheRequest_saysHowToAddADefault() {
    RoutingExecutor onlyGpu = RoutingExecutor.builder().route(RoutingExecutorTest::isGpu, gpu).build();

    SmtrainException e = assertThrows(SmtrainException.class, () -> onlyGpu.submit(TestRequests.valid("small")));

    assertTrue(e.getMessage().contains("'small'") && e.getMessage().contains("otherwise"), e.getMessage());
    cpu.requests().assertNone();
    gpu.requests().assertNone();
  }

  @Test
  void byRule_whenRuleReturnsAnUnknownExecutor_refusesTheRequest() {
    FakeExecutor stranger = FakeExecutor.create();
    RoutingExecutor r = RoutingExecutor.byRule(req -> stranger, gpu, cpu);

    SmtrainException e = assertThrows(SmtrainException.class, () -> r.submit(TestRequests.valid("x")));

    assertTrue(e.getMessage().contains("byRule"), e.getMessage());
    stranger.requests().assertNone();
  }

  @Test
  void byRule_whenRuleChooses_routesEachRequest() {
    RoutingExecutor r = RoutingExecutor.byRule(req -> req.trainingJobName().orElseThrow().startsWith("prod")
        ? gpu : cpu, gpu, cpu);

    r.submit(TestRequests.valid("prod-1"));
    r.submit(TestRequests.valid("dev-1"));

    assertEquals(List.of("prod-1"), gpu.requests().names());
    assertEquals(List.of("dev-1"), cpu.requests().names());
    assertEquals(cpu, r.routeOf(TestRequests.valid("dev-2")));
  }

  @Test
  void validationTarget_whenExecutorsDiffer_isTheStricterSageMaker() {
    assertEquals(ValidationTarget.SAGEMAKER, router.validationTarget());
    assertEquals(ValidationTarget.LOCAL, RoutingExecutor.byRule(r -> cpu, cpu).validationTarget());
  }

  @Test
  void close_always_closesEveryExecutor() {
    router.close();

    assertThrows(SmtrainException.class, () -> gpu.submit(TestRequests.valid("a")));
    assertThrows(SmtrainException.class, () -> cpu.submit(TestRequests.valid("b")));
  }

  private static List<String> names(List<TrainingJobSummary> s) {
    return s.stream().map(x -> x.trainingJobName().orElseThrow()).collect(Collectors.toList());
  }
}
