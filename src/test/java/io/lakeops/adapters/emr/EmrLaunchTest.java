package io.lakeops.adapters.emr;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.lakeops.adapters.emr.EmrStubs.clusters;
import static io.lakeops.adapters.emr.EmrStubs.error;
import static io.lakeops.adapters.emr.EmrStubs.ok;
import static io.lakeops.adapters.emr.EmrStubs.operation;
import static io.lakeops.adapters.emr.EmrStubs.requested;
import static io.lakeops.adapters.emr.EmrStubs.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.lakeops.adapters.emr.TestEmrConfigs.Fleet;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.SizeClass;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Launching and terminating against recorded EMR exchanges in WireMock. */
class EmrLaunchTest {
  @RegisterExtension
  static final WireMockExtension EMR =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final ClusterId ID = new ClusterId("small-c1");
  private static final Pool SMALL = Pool.of(new PoolName("small"), SizeClass.SMALL);

  private EmrClusterProvider provider;

  @BeforeEach
  void provider() {
    EmrStubs.noStubFailsLoudly(EMR);
    provider =
        EmrStubs.provider(
            TestEmrConfigs.emr(EMR.baseUrl()),
            TestEmrConfigs.pools(
                "small",
                TestEmrConfigs.pool()
                    .task(new Fleet(List.of(TestEmrConfigs.type("c6g.2xlarge", 1)), 0, 8))
                    .configuration(
                        "spark-defaults", Map.of("spark.dynamicAllocation.enabled", "true"))
                    .build()),
            Clock.systemUTC());
  }

  @Test
  void runJobFlowCarriesTheFleetsSpotFallbackSubnetsApplicationsIdleTimeoutAndTags() {
    EMR.stubFor(operation("ListClusters").willReturn(ok(clusters())));
    EMR.stubFor(operation("RunJobFlow").willReturn(ok("{\"JobFlowId\":\"j-NEW\"}")));

    assertThat(provider.launch(ID, SMALL)).isEqualTo("j-NEW");

    RequestPatternBuilder run = requested("RunJobFlow");
    String core = "$.Instances.InstanceFleets[1].";
    String spot = core + "LaunchSpecifications.SpotSpecification.";
    for (String[] path :
        new String[][] {
          {"$.Name", "lakeops-small-c1"},
          {"$.ReleaseLabel", "emr-7.5.0"},
          {"$.Instances.InstanceFleets[0].InstanceFleetType", "MASTER"},
          {"$.Instances.InstanceFleets[0].TargetOnDemandCapacity", "1"},
          {core + "InstanceFleetType", "CORE"},
          {core + "InstanceTypeConfigs[0].InstanceType", "r6g.2xlarge"},
          {core + "InstanceTypeConfigs[0].WeightedCapacity", "1"},
          {core + "InstanceTypeConfigs[0].BidPriceAsPercentageOfOnDemandPrice", "60.0"},
          {
            core
                + "InstanceTypeConfigs[0].EbsConfiguration.EbsBlockDeviceConfigs[0]"
                + ".VolumeSpecification.SizeInGB",
            "128"
          },
          {core + "InstanceTypeConfigs[1].InstanceType", "r5.4xlarge"},
          {core + "InstanceTypeConfigs[1].WeightedCapacity", "2"},
          {core + "TargetOnDemandCapacity", "2"},
          {core + "TargetSpotCapacity", "4"},
          {spot + "AllocationStrategy", "price-capacity-optimized"},
          {spot + "TimeoutDurationMinutes", "20"},
          {spot + "TimeoutAction", "SWITCH_TO_ON_DEMAND"},
          {core + "LaunchSpecifications.OnDemandSpecification.AllocationStrategy", "lowest-price"},
          {"$.Instances.InstanceFleets[2].InstanceFleetType", "TASK"},
          {"$.Instances.InstanceFleets[2].TargetSpotCapacity", "8"},
          {"$.Instances.Ec2SubnetIds[0]", "subnet-aaa"},
          {"$.Instances.Ec2SubnetIds[1]", "subnet-bbb"},
          {"$.Instances.KeepJobFlowAliveWhenNoSteps", "true"},
          {"$.Instances.TerminationProtected", "false"},
          {"$.Applications[0].Name", "Spark"},
          {"$.Applications[1].Name", "Livy"},
          {"$.Configurations[0].Classification", "spark-defaults"},
          {"$.Configurations[0].Properties['spark.dynamicAllocation.enabled']", "true"},
          {"$.BootstrapActions[0].ScriptBootstrapAction.Path", "s3://lake-ops/bootstrap/jars.sh"},
          {"$.BootstrapActions[0].ScriptBootstrapAction.Args[0]", "--fast"},
          {"$.LogUri", "s3://lake-ops/emr-logs/"},
          {"$.ServiceRole", "EMR_DefaultRole"},
          {"$.JobFlowRole", "EMR_EC2_DefaultRole"},
          {"$.AutoTerminationPolicy.IdleTimeout", "3600"},
          {"$.VisibleToAllUsers", "true"},
        }) {
      run = run.withRequestBody(matchingJsonPath(path[0], equalTo(path[1])));
    }
    for (String tag :
        List.of(
            "@.Key == 'lakeops:pool' && @.Value == 'small'",
            "@.Key == 'lakeops:cluster' && @.Value == 'small-c1'",
            "@.Key == 'lakeops:console' && @.Value == 'lakeops-test'",
            "@.Key == 'team' && @.Value == 'data'")) {
      run = run.withRequestBody(matchingJsonPath("$.Tags[?(" + tag + ")]"));
    }
    EMR.verify(1, run);
  }

  @Test
  void aLaunchFindsTheLiveClusterOfItsIdAndStartsNothing() {
    EMR.stubFor(
        operation("ListClusters")
            .withRequestBody(matchingJsonPath("$.ClusterStates[?(@ == 'WAITING')]"))
            .willReturn(
                ok(
                    clusters(
                        summary("j-OTHER", "lakeops-small-c0", "WAITING", null, null),
                        summary("j-OLD", "lakeops-small-c1", "BOOTSTRAPPING", null, null)))));

    assertThat(provider.launch(ID, SMALL)).isEqualTo("j-OLD");

    EMR.verify(0, requested("RunJobFlow"));
    EMR.verify(
        1,
        requested("ListClusters")
            .withRequestBody(matchingJsonPath("$.ClusterStates[?(@ == 'STARTING')]"))
            .withRequestBody(matchingJsonPath("$.ClusterStates[?(@ == 'BOOTSTRAPPING')]"))
            .withRequestBody(matchingJsonPath("$.ClusterStates[?(@ == 'RUNNING')]")));
  }

  @Test
  void aRunJobFlowWhoseAnswerWasLostIsNotSentAgainWhenTheClusterIsThereByName() {
    // EMR created the cluster but answered 500: the next look by name finds it.
    EMR.stubFor(
        operation("ListClusters")
            .inScenario("lost answer")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(ok(clusters())));
    EMR.stubFor(
        operation("RunJobFlow")
            .inScenario("lost answer")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(error(500, "InternalServerError", "An internal error occurred"))
            .willSetStateTo("created"));
    EMR.stubFor(
        operation("ListClusters")
            .inScenario("lost answer")
            .whenScenarioStateIs("created")
            .willReturn(
                ok(clusters(summary("j-MADE", "lakeops-small-c1", "STARTING", null, null)))));

    assertThat(provider.launch(ID, SMALL)).isEqualTo("j-MADE");

    EMR.verify(1, requested("RunJobFlow"));
    EMR.verify(2, requested("ListClusters"));
  }

  @Test
  void aThrottledRunJobFlowIsTriedAgainAfterLookingForTheClusterByName() {
    EMR.stubFor(operation("ListClusters").willReturn(ok(clusters())));
    EMR.stubFor(
        operation("RunJobFlow")
            .inScenario("throttled")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(error(400, "ThrottlingException", "Rate exceeded"))
            .willSetStateTo("calm"));
    EMR.stubFor(
        operation("RunJobFlow")
            .inScenario("throttled")
            .whenScenarioStateIs("calm")
            .willReturn(ok("{\"JobFlowId\":\"j-NEW\"}")));

    assertThat(provider.launch(ID, SMALL)).isEqualTo("j-NEW");

    EMR.verify(2, requested("RunJobFlow"));
    EMR.verify(2, requested("ListClusters"));
  }

  @Test
  void aRefusedLaunchThrowsEmrsMessageAndIsNotRetried() {
    EMR.stubFor(operation("ListClusters").willReturn(ok(clusters())));
    EMR.stubFor(
        operation("RunJobFlow")
            .willReturn(
                error(
                    400, "InvalidRequestException", "The subnet ID 'subnet-aaa' does not exist")));

    assertThatThrownBy(() -> provider.launch(ID, SMALL))
        .isInstanceOf(EmrCallException.class)
        .hasMessage("EMR refused RunJobFlow: The subnet ID 'subnet-aaa' does not exist")
        .satisfies(e -> assertThat(((EmrCallException) e).retryable()).isFalse());
    EMR.verify(1, requested("RunJobFlow"));
  }

  @Test
  void aPoolWithoutEmrConfigurationIsRefusedNamingTheKey() {
    Pool large = Pool.of(new PoolName("large"), SizeClass.LARGE);

    assertThatThrownBy(() -> provider.launch(ID, large))
        .hasMessageContaining("lakeops.pools.large.emr");
    EMR.verify(0, requested("RunJobFlow"));
  }

  @Test
  void terminateAsksEmrToTerminateThatJobFlow() {
    EMR.stubFor(operation("TerminateJobFlows").willReturn(ok("{}")));

    provider.terminate("j-OLD");

    EMR.verify(
        1,
        requested("TerminateJobFlows")
            .withRequestBody(matchingJsonPath("$.JobFlowIds[0]", equalTo("j-OLD"))));
  }
}
