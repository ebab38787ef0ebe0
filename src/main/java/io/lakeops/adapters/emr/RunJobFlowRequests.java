package io.lakeops.adapters.emr;

import io.lakeops.config.EmrPoolConfig;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.emr.model.Application;
import software.amazon.awssdk.services.emr.model.AutoTerminationPolicy;
import software.amazon.awssdk.services.emr.model.BootstrapActionConfig;
import software.amazon.awssdk.services.emr.model.Configuration;
import software.amazon.awssdk.services.emr.model.EbsBlockDeviceConfig;
import software.amazon.awssdk.services.emr.model.EbsConfiguration;
import software.amazon.awssdk.services.emr.model.InstanceFleetConfig;
import software.amazon.awssdk.services.emr.model.InstanceFleetProvisioningSpecifications;
import software.amazon.awssdk.services.emr.model.InstanceFleetType;
import software.amazon.awssdk.services.emr.model.InstanceTypeConfig;
import software.amazon.awssdk.services.emr.model.JobFlowInstancesConfig;
import software.amazon.awssdk.services.emr.model.OnDemandProvisioningAllocationStrategy;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.ScriptBootstrapActionConfig;
import software.amazon.awssdk.services.emr.model.SpotProvisioningAllocationStrategy;
import software.amazon.awssdk.services.emr.model.SpotProvisioningTimeoutAction;
import software.amazon.awssdk.services.emr.model.Tag;
import software.amazon.awssdk.services.emr.model.VolumeSpecification;

/**
 * Builds the RunJobFlow request of one cluster from its pool's EMR configuration: instance fleets
 * with spot fallback, kept alive with no steps (Livy runs the jobs), and tagged with the pool, the
 * cluster's Lakeops id and the console, which is how a cluster is found again by name and tag.
 */
final class RunJobFlowRequests {
  static final String NAME_PREFIX = "lakeops-";
  static final String TAG_POOL = "lakeops:pool";
  static final String TAG_CLUSTER = "lakeops:cluster";
  static final String TAG_CONSOLE = "lakeops:console";

  private RunJobFlowRequests() {}

  /** The EMR name of cluster {@code id}: unique per Lakeops id, so a launch can look for it. */
  static String clusterName(ClusterId id) {
    return NAME_PREFIX + id.value();
  }

  static RunJobFlowRequest build(ClusterId id, Pool pool, EmrPoolConfig emr, String consoleId) {
    InstanceFleetProvisioningSpecifications launch = launchSpecifications(emr);
    List<InstanceFleetConfig> fleets = new ArrayList<>();
    fleets.add(fleet(InstanceFleetType.MASTER, emr.master(), launch));
    fleets.add(fleet(InstanceFleetType.CORE, emr.core(), launch));
    emr.task().ifPresent(task -> fleets.add(fleet(InstanceFleetType.TASK, task, launch)));
    JobFlowInstancesConfig.Builder instances =
        JobFlowInstancesConfig.builder()
            .instanceFleets(fleets)
            .ec2SubnetIds(emr.subnetIds().orElse(List.of()))
            .keepJobFlowAliveWhenNoSteps(true)
            .terminationProtected(false);
    emr.ec2KeyName().ifPresent(instances::ec2KeyName);
    RunJobFlowRequest.Builder request =
        RunJobFlowRequest.builder()
            .name(clusterName(id))
            .releaseLabel(emr.releaseLabel())
            .instances(instances.build())
            .applications(emr.applications().stream().map(RunJobFlowRequests::app).toList())
            .configurations(configurations(emr.configurations()))
            .bootstrapActions(
                emr.bootstrapActions().stream().map(RunJobFlowRequests::bootstrap).toList())
            .serviceRole(emr.serviceRole())
            .jobFlowRole(emr.instanceProfile())
            .autoTerminationPolicy(
                AutoTerminationPolicy.builder()
                    .idleTimeout(emr.autoTerminationIdleTimeout().toSeconds())
                    .build())
            .tags(tags(id, pool, emr, consoleId))
            .visibleToAllUsers(true);
    emr.logUri().ifPresent(request::logUri);
    emr.securityConfiguration().ifPresent(request::securityConfiguration);
    return request.build();
  }

  private static InstanceFleetProvisioningSpecifications launchSpecifications(EmrPoolConfig emr) {
    return InstanceFleetProvisioningSpecifications.builder()
        .spotSpecification(
            s ->
                s.allocationStrategy(
                        SpotProvisioningAllocationStrategy.fromValue(
                            kebab(emr.spot().allocationStrategy())))
                    .timeoutDurationMinutes(emr.spot().timeoutMinutes())
                    .timeoutAction(
                        SpotProvisioningTimeoutAction.fromValue(emr.spot().timeoutAction().name())))
        .onDemandSpecification(
            o ->
                o.allocationStrategy(
                    OnDemandProvisioningAllocationStrategy.fromValue(
                        kebab(emr.onDemandAllocationStrategy()))))
        .build();
  }

  private static InstanceFleetConfig fleet(
      InstanceFleetType type,
      EmrPoolConfig.Fleet fleet,
      InstanceFleetProvisioningSpecifications launch) {
    return InstanceFleetConfig.builder()
        .name(type.toString().toLowerCase(Locale.ROOT))
        .instanceFleetType(type)
        .targetOnDemandCapacity(fleet.targetOnDemand())
        .targetSpotCapacity(fleet.targetSpot())
        .instanceTypeConfigs(
            fleet.instanceTypes().stream().map(RunJobFlowRequests::instanceType).toList())
        .launchSpecifications(launch)
        .build();
  }

  private static InstanceTypeConfig instanceType(EmrPoolConfig.InstanceType type) {
    InstanceTypeConfig.Builder config =
        InstanceTypeConfig.builder()
            .instanceType(type.type())
            .weightedCapacity(type.weightedCapacity());
    type.bidPricePercent().ifPresent(config::bidPriceAsPercentageOfOnDemandPrice);
    type.ebsSizeGb()
        .ifPresent(
            gb ->
                config.ebsConfiguration(
                    EbsConfiguration.builder()
                        .ebsBlockDeviceConfigs(
                            EbsBlockDeviceConfig.builder()
                                .volumeSpecification(
                                    VolumeSpecification.builder()
                                        .volumeType("gp3")
                                        .sizeInGB(gb)
                                        .build())
                                .volumesPerInstance(1)
                                .build())
                        .build()));
    return config.build();
  }

  private static Application app(String name) {
    return Application.builder().name(name).build();
  }

  private static List<Configuration> configurations(
      Map<String, EmrPoolConfig.Classification> byClassification) {
    return byClassification.entrySet().stream()
        .map(
            e ->
                Configuration.builder()
                    .classification(e.getKey())
                    .properties(e.getValue().properties())
                    .build())
        .toList();
  }

  private static BootstrapActionConfig bootstrap(EmrPoolConfig.BootstrapAction action) {
    return BootstrapActionConfig.builder()
        .name(action.name())
        .scriptBootstrapAction(
            ScriptBootstrapActionConfig.builder()
                .path(action.path())
                .args(action.args().orElse(List.of()))
                .build())
        .build();
  }

  private static List<Tag> tags(ClusterId id, Pool pool, EmrPoolConfig emr, String consoleId) {
    List<Tag> tags = new ArrayList<>();
    // The pool's own tags first, so that they cannot hide Lakeops' tags.
    emr.tags().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("lakeops:"))
        .forEach(e -> tags.add(tag(e.getKey(), e.getValue())));
    tags.add(tag(TAG_POOL, pool.name().value()));
    tags.add(tag(TAG_CLUSTER, id.value()));
    tags.add(tag(TAG_CONSOLE, consoleId));
    return tags;
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  /** A config enum as EMR spells the value: {@code PRICE_CAPACITY_OPTIMIZED → price-capacity-…}. */
  private static String kebab(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
