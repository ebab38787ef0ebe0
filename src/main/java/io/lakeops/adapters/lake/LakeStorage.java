package io.lakeops.adapters.lake;

import io.lakeops.adapters.s3.S3Clients;
import io.lakeops.adapters.s3.S3LakeObjects;
import io.lakeops.adapters.s3.S3Location;
import io.lakeops.config.ClustersConfig;
import io.lakeops.config.LakeConfig;
import io.lakeops.config.StreamingConfig;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.LakeObjects;
import io.lakeops.ports.RunResults;
import io.lakeops.ports.StreamingProgress;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Chooses where the lake's objects are read from by the scheme of each location: {@code s3://} and
 * {@code s3a://} through the S3 API, anything else as a folder on this machine. The readers of run
 * results, schema fingerprints and streaming progress are the same either way. One S3 client, made
 * on first need, serves the lake and the streaming base.
 */
@ApplicationScoped
class LakeStorage {
  private static final Logger LOG = Logger.getLogger(LakeStorage.class);

  private final LakeConfig config;
  private S3Client s3;

  LakeStorage(LakeConfig config) {
    this.config = config;
  }

  /**
   * Made at start, so that a malformed lake location, or a folder on this machine for EMR clusters
   * (whose jobs would write it on their own nodes), fails the start naming the key.
   */
  @Produces
  @Singleton
  @Startup
  RunResults runResults(JobStore jobs, ClustersConfig clusters) {
    requireReachable(config.base(), clusters.provider());
    LakeObjects lake = lake();
    LOG.infof("Run results are read from %s", lake.where(""));
    return new LakeRunResults(lake, jobs);
  }

  @Produces
  @Singleton
  SchemaFingerprints schemaFingerprints() {
    return new SchemaFingerprints(lake());
  }

  /** Made at start too, so that a malformed streaming base fails the start naming it. */
  @Produces
  @Singleton
  @Startup
  StreamingProgress streamingProgress(StreamingConfig streaming) {
    return new ProgressFiles(at(streaming.base(), this::s3));
  }

  /**
   * @throws IllegalStateException for a lake in a folder here when the clusters are EMR's
   */
  static void requireReachable(String base, ClustersConfig.Provider provider) {
    if (provider == ClustersConfig.Provider.EMR && !S3Location.isS3(base)) {
      throw new IllegalStateException(
          "lakeops.lake.base is '"
              + base
              + "', a folder on this machine, but the clusters are EMR clusters"
              + " (lakeops.clusters.provider=emr), whose jobs cannot write it:"
              + " set it to s3://bucket/prefix (docs/lake.md)");
    }
  }

  /**
   * The objects under {@code location}.
   *
   * @throws IllegalArgumentException when an {@code s3:} location is not {@code s3://bucket/…}
   */
  static LakeObjects at(String location, Supplier<S3Client> client) {
    if (!S3Location.isS3(location)) {
      return LocalLakeObjects.at(location);
    }
    S3Location s3Location = S3Location.parse(location);
    return new S3LakeObjects(client.get(), s3Location);
  }

  private LakeObjects lake() {
    return at(config.base(), this::s3);
  }

  private synchronized S3Client s3() {
    if (s3 == null) {
      s3 = S3Clients.create(config.s3());
    }
    return s3;
  }

  @PreDestroy
  synchronized void close() {
    if (s3 != null) {
      s3.close();
    }
  }
}
