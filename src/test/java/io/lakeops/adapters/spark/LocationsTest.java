package io.lakeops.adapters.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Locations as the jobs are given them: S3 URIs whole, plain paths absolute. */
class LocationsTest {

  @Test
  void s3AndS3aUrisKeepTheirSchemeAndBucketAndLoseTheTrailingSlash() {
    assertThat(Locations.absolute("s3://lake-bucket/lake/")).isEqualTo("s3://lake-bucket/lake");
    assertThat(Locations.absolute(" s3a://lake-bucket/a/b ")).isEqualTo("s3a://lake-bucket/a/b");
    assertThat(Locations.absolute("s3://lake-bucket")).isEqualTo("s3://lake-bucket");
    assertThat(Locations.absolute("file:/var/lake/")).isEqualTo("file:/var/lake");
  }

  @Test
  void aPlainPathIsMadeAbsolute() {
    assertThat(Locations.absolute("data/lake/"))
        .isEqualTo(Path.of("data/lake").toAbsolutePath().toString());
  }

  @Test
  void anS3LocationWithoutABucketIsRefused() {
    assertThatThrownBy(() -> Locations.absolute("s3:/lake-bucket/lake"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s3://bucket/prefix");
    assertThatThrownBy(() -> Locations.absolute("s3://"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Locations.absolute("s3://Lake_Bucket/lake"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
