package io.lakeops.adapters.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.adapters.s3.S3Clients;
import io.lakeops.adapters.s3.S3LakeObjects;
import io.lakeops.config.ClustersConfig;
import io.lakeops.testdata.TestConfigs;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The place a lake's objects are read from follows the scheme of its location. */
class LakeStorageTest {
  private final AtomicInteger clientsAsked = new AtomicInteger();
  private final Supplier<S3Client> s3 =
      () -> {
        clientsAsked.incrementAndGet();
        return S3Clients.create(
            new TestConfigs.S3(
                Optional.empty(), Optional.of(URI.create("http://127.0.0.1:9")), true));
      };

  @Test
  void s3AndS3aLocationsAreReadThroughS3() {
    assertThat(LakeStorage.at("s3://lake-bucket/lake", s3)).isInstanceOf(S3LakeObjects.class);
    assertThat(LakeStorage.at("S3A://lake-bucket/lake/", s3).where("a.json"))
        .isEqualTo("s3://lake-bucket/lake/a.json");
  }

  @Test
  void pathsAndFileUrisAreFoldersAndNeedNoS3Client() {
    assertThat(LakeStorage.at("./data/lake", s3)).isInstanceOf(LocalLakeObjects.class);
    assertThat(LakeStorage.at("file:/var/lib/lakeops/lake", s3).where("a.json"))
        .isEqualTo("/var/lib/lakeops/lake/a.json");
    assertThat(clientsAsked).hasValue(0);
  }

  @Test
  void aMalformedS3LocationIsRefusedNamingIt() {
    assertThatThrownBy(() -> LakeStorage.at("s3:/lake-bucket/lake", s3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'s3:/lake-bucket/lake' is not an S3 location");
    assertThatThrownBy(() -> LakeStorage.at("s3://lake-bucket/a//b", s3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("//");
  }

  @Test
  void emrClustersNeedALakeOnS3() {
    assertThatThrownBy(
            () -> LakeStorage.requireReachable("./data/lake", ClustersConfig.Provider.EMR))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lakeops.lake.base is './data/lake'")
        .hasMessageContaining("s3://bucket/prefix");
    LakeStorage.requireReachable("s3://lake-bucket/lake", ClustersConfig.Provider.EMR);
    LakeStorage.requireReachable("./data/lake", ClustersConfig.Provider.LOCAL);
  }
}
