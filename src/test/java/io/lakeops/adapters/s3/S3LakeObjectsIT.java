package io.lakeops.adapters.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.adapters.lake.LakeObjectsContract;
import io.lakeops.ports.LakeObjects;
import io.lakeops.ports.LakeReadException;
import io.lakeops.testdata.TestConfigs;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The lake under an S3 prefix, read through the SDK from a real S3-compatible server (S3Proxy). */
class S3LakeObjectsIT extends LakeObjectsContract {
  private final TestBucket bucket = TestBucket.fresh(S3ProxyServer.shared(), "lake/prod");

  @Override
  protected LakeObjects lake() {
    return bucket.objects();
  }

  @Override
  protected void put(String key, String text) {
    bucket.put(key, text);
  }

  @Test
  void theKeyIsUnderThePrefixAndWhereIsAnS3Uri() {
    bucket.putAbsolute("lake/prod/a.json", "{\"under\": true}");
    bucket.putAbsolute("a.json", "{\"under\": false}");

    assertThat(lake().read("a.json")).contains("{\"under\": true}");
    assertThat(lake().where("a.json")).isEqualTo("s3://" + bucket.name() + "/lake/prod/a.json");
  }

  @Test
  void aMissingBucketIsAReadFailureNotAMissingObject() {
    LakeObjects missing =
        new S3LakeObjects(bucket.client(), S3Location.parse("s3://no-such-bucket-here/lake"));

    assertThatThrownBy(() -> missing.read("table=orders/_manifests/batch=r.json"))
        .isInstanceOf(LakeReadException.class)
        .hasMessageContaining("s3://no-such-bucket-here/lake/table=orders/_manifests/batch=r.json")
        .hasMessageContaining("404 NoSuchBucket");
  }

  @Test
  void aRefusedRequestIsAReadFailureNamingTheAnswer() {
    put("a.json", "{}");
    try (S3Client wrongKeys =
        S3Client.builder()
            .endpointOverride(S3ProxyServer.shared().endpoint())
            .forcePathStyle(true)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "wrong")))
            .build()) {
      LakeObjects refused =
          new S3LakeObjects(wrongKeys, S3Location.parse("s3://" + bucket.name() + "/lake/prod"));

      assertThatThrownBy(() -> refused.read("a.json"))
          .isInstanceOf(LakeReadException.class)
          .hasMessageContaining("403 SignatureDoesNotMatch");
    }
  }

  @Test
  void aServerThatDoesNotAnswerIsAReadFailure() {
    var nowhere =
        new TestConfigs.S3(
            Optional.empty(), Optional.of(java.net.URI.create("http://127.0.0.1:9")), true);
    try (S3Client client = S3Clients.create(nowhere)) {
      LakeObjects lake = new S3LakeObjects(client, S3Location.parse("s3://lake-bucket/lake"));

      assertThatThrownBy(() -> lake.read("a.json"))
          .isInstanceOf(LakeReadException.class)
          .hasMessageContaining("s3://lake-bucket/lake/a.json");
    }
  }
}
