package io.lakeops.jobs.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
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
  void theSyntaxTheConsoleChecksAcceptsExactlyWhatParseAccepts() {
    for (String ref :
        List.of(
            "secretsmanager:prod/shop-db",
            "secretsmanager:prod/shop-db#password",
            "secretsmanager:" + ARN,
            "secretsmanager:" + ARN + "#password",
            "secretsmanager:hunter 2!",
            "secretsmanager:",
            "secretsmanager:arn:aws:s3:::bucket",
            "secretsmanager:prod/shop-db#",
            "secretsmanager:prod/shop-db#  ",
            "secretsmanager:prod/shop-db#a#b",
            "env:SHOP_PASSWORD")) {
      boolean parses;
      try {
        SecretsManagerRef.parse(ref);
        parses = true;
      } catch (IllegalArgumentException refused) {
        parses = false;
      }
      assertThat(Pattern.matches(SecretsManagerRef.SYNTAX, ref)).as(ref).isEqualTo(parses);
    }
  }
}
