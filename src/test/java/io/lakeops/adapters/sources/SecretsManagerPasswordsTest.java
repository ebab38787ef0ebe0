package io.lakeops.adapters.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.ports.SubmissionRejectedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's own Secrets Manager reads (an id source's largest id), against recorded
 * GetSecretValue exchanges (WireMock); the SDK finds endpoint, region and credentials its own way.
 */
class SecretsManagerPasswordsTest {
  private static final RecordedGetSecretValue AWS = RecordedGetSecretValue.shared();

  @BeforeAll
  static void record() throws Exception {
    AWS.answer("test/shop-db", "{\"username\":\"extract\",\"password\":\"Pa55-w0rd!\"}");
    AWS.answer("test/plain", "plain-s3cret");
    AWS.fail("test/gone", "ResourceNotFoundException");
  }

  @Test
  void aJsonKeyIsReadFromTheNamedSecret() {
    int before = AWS.requestsFor("test/shop-db");

    assertThat(SecretRefs.resolve("secretsmanager:test/shop-db#password", "the.key"))
        .isEqualTo("Pa55-w0rd!");
    assertThat(AWS.requestsFor("test/shop-db")).isEqualTo(before + 1);
  }

  @Test
  void withoutAKeyTheWholeSecretStringIsThePassword() {
    assertThat(SecretRefs.resolve("secretsmanager:test/plain", "the.key"))
        .isEqualTo("plain-s3cret");
  }

  @Test
  void aMissingSecretRefusesTheSubmissionNamingTheSetting() {
    assertThatThrownBy(() -> SecretRefs.resolve("secretsmanager:test/gone", "the.key"))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("the.key")
        .hasMessageContaining("secretsmanager:test/gone")
        .hasMessageContaining("ResourceNotFoundException");
  }

  @Test
  void aKeyOfASecretThatIsNotJsonIsRefusedWithoutQuotingIt() {
    assertThatThrownBy(() -> SecretRefs.resolve("secretsmanager:test/plain#password", "the.key"))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("not a JSON object")
        .hasMessageNotContaining("plain-s3cret")
        .hasNoCause();
  }
}
