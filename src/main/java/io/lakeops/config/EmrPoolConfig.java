package io.lakeops.config;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How EMR builds a pool's clusters ({@code lakeops.pools.<name>.emr.*}); see docs/emr.md. Every
 * cluster is built from instance fleets, so EMR may pick among several instance types and fall back
 * from spot to on-demand. Combinations the mapping cannot check alone (no subnet, an empty fleet)
 * are refused when the EMR provider is created, naming the key.
 */
public interface EmrPoolConfig {

  /** The EMR release, for example {@code emr-7.5.0} (Spark 3.5, Livy 0.8). */
  String releaseLabel();

  /** The applications EMR installs; Lakeops needs Spark and Livy. */
  @WithDefault("Spark,Livy")
  List<String> applications();

  /** The master fleet: one instance ({@code target-on-demand=1}, or spot for throwaway pools). */
  Fleet master();

  /** The core fleet, where drivers and executors run (HDFS too, which Lakeops does not use). */
  Fleet core();

  /** An optional task fleet: executors only, a good place for spot capacity. */
  Optional<Fleet> task();

  /** How spot capacity is chosen and what happens when it cannot be had in time. */
  Spot spot();

  /** How EMR picks among on-demand instance types: {@code lowest-price} or {@code prioritized}. */
  @WithDefault("lowest-price")
  OnDemandAllocation onDemandAllocationStrategy();

  /**
   * The subnets EMR may launch into ({@code Ec2SubnetIds}); with several, EMR picks the one with
   * the best capacity for the fleets. At least one is required.
   */
  Optional<List<String>> subnetIds();

  /** The EC2 key pair for SSH to the nodes; none when unset. */
  Optional<String> ec2KeyName();

  /** Scripts run on every node before applications start, in this order. */
  List<BootstrapAction> bootstrapActions();

  /**
   * Application settings by classification, for example {@code
   * configurations.spark-defaults."spark.dynamicAllocation.enabled"=true} or {@code
   * configurations.livy-conf."livy.server.session.timeout"=2h}.
   */
  Map<String, Classification> configurations();

  /** Tags added to the cluster (and its instances) beside Lakeops' own {@code lakeops:*} tags. */
  Map<String, String> tags();

  /** Where EMR writes the cluster's logs, an {@code s3://} URI; none when unset. */
  Optional<String> logUri();

  /** The IAM role EMR itself acts as. */
  @WithDefault("EMR_DefaultRole")
  String serviceRole();

  /** The EC2 instance profile of the nodes ({@code JobFlowRole}). */
  @WithDefault("EMR_EC2_DefaultRole")
  String instanceProfile();

  /**
   * A safety net: EMR terminates a cluster idle this long ({@code AutoTerminationPolicy}), so a
   * cluster the console lost track of does not run for ever. EMR accepts 1 minute to 7 days.
   */
  @WithDefault("1h")
  Duration autoTerminationIdleTimeout();

  /** The name of an EMR security configuration (encryption, Kerberos); none when unset. */
  Optional<String> securityConfiguration();

  /** One fleet: the instance types EMR may use and how much capacity to get on each market. */
  interface Fleet {
    /** The instance types, by preference when the allocation strategy is prioritized. */
    List<InstanceType> instanceTypes();

    /** Capacity units to get on demand (an instance counts its weighted capacity). */
    @WithDefault("0")
    @Min(0)
    @Max(1000)
    int targetOnDemand();

    /** Capacity units to get on spot. */
    @WithDefault("0")
    @Min(0)
    @Max(1000)
    int targetSpot();
  }

  /** One instance type a fleet may use. */
  interface InstanceType {
    /** The EC2 instance type, for example {@code m6g.xlarge}. */
    String type();

    /** How many capacity units one instance of this type counts for. */
    @WithDefault("1")
    @Min(1)
    @Max(1000)
    int weightedCapacity();

    /**
     * The most to pay for spot, as a percentage of the on-demand price (1 to 100); unset pays up to
     * the on-demand price.
     */
    Optional<Double> bidPricePercent();

    /**
     * Size of one gp3 EBS data volume per instance, in GiB (1 to 16384); EMR's default when unset.
     */
    Optional<Integer> ebsSizeGb();
  }

  /** Spot provisioning of every fleet. */
  interface Spot {
    /** How EMR chooses spot pools. */
    @WithDefault("price-capacity-optimized")
    SpotAllocation allocationStrategy();

    /** How long EMR waits for spot capacity when the cluster starts, in minutes. */
    @WithDefault("20")
    @Min(5)
    @Max(1440)
    int timeoutMinutes();

    /** What EMR does when that wait runs out. */
    @WithDefault("SWITCH_TO_ON_DEMAND")
    TimeoutAction timeoutAction();
  }

  /** A script run on every node at start. */
  interface BootstrapAction {
    /** A name shown in the EMR console. */
    String name();

    /** The script, an {@code s3://} URI. */
    String path();

    /** Arguments passed to the script. */
    Optional<List<String>> args();
  }

  /** The properties of one configuration classification. */
  interface Classification {
    /** Properties by name. */
    @WithParentName
    Map<String, String> properties();
  }

  enum SpotAllocation {
    PRICE_CAPACITY_OPTIMIZED,
    CAPACITY_OPTIMIZED,
    CAPACITY_OPTIMIZED_PRIORITIZED,
    LOWEST_PRICE,
    DIVERSIFIED
  }

  enum TimeoutAction {
    SWITCH_TO_ON_DEMAND,
    TERMINATE_CLUSTER
  }

  enum OnDemandAllocation {
    LOWEST_PRICE,
    PRIORITIZED
  }
}
