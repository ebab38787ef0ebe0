package io.lakeops.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The secretsmanager: reference syntax: a name or an ARN, then an optional #key. */
class SecretsManagerRefTest {
  private static final String ARN =
      "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/shop-db-AbCdEf";

  @Test
  void aNameWithAKey() {
    SecretsManagerRef ref = SecretsManagerRef.parse("secretsmanager:prod/shop-db#password");

    assertThat(ref.secretId()).isEqualTo("prod/shop-db");
    assertThat(ref.jsonKey()).contains("password");
    assertThat(ref.arnRegion()).isEmpty();
  }

  @Test
  void anArnKeepsItsColonsAndNamesItsRegion() {
    SecretsManagerRef ref = SecretsManagerRef.parse("secretsmanager:" + ARN + "#password");

    assertThat(ref.secretId()).isEqualTo(ARN);
    assertThat(ref.jsonKey()).contains("password");
    assertThat(ref.arnRegion()).contains("eu-west-1");
    assertThat(SecretsManagerRef.parse("secretsmanager:" + ARN).jsonKey())
        .isEqualTo(Optional.empty());
  }

  @Test
  void whatIsNeitherANameNorAnArnIsRefusedWithoutBeingEchoed() {
    assertThatThrownBy(() -> SecretsManagerRef.parse("secretsmanager:hunter 2!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("hunter");
    assertThatThrownBy(() -> SecretsManagerRef.parse("secretsmanager:"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SecretsManagerRef.parse("secretsmanager:arn:aws:s3:::bucket"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyKeyIsRefused() {
    assertThatThrownBy(() -> SecretsManagerRef.parse("secretsmanager:prod/shop-db#"))
        .hasMessageContaining("empty JSON key");
  }

  @Test
  void aLiteralPasswordIsStillRefusedNamingTheThreeForms() {
    SecretRef refs = new SecretRef(name -> null);

    assertThatThrownBy(() -> refs.resolve("hunter2"))
        .hasMessage("secret reference must start with env:, file: or secretsmanager:");
  }
}
