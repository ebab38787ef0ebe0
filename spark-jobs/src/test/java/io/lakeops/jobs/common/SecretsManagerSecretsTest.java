package io.lakeops.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.jobs.testing.RecordedSecretsManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Passwords from Secrets Manager, against its recorded JSON 1.1 exchanges (WireMock). */
class SecretsManagerSecretsTest {
  private static final String JSON_SECRET =
      "{\"username\":\"extract\",\"password\":\"Pa55-w0rd!\"}";

  private final RecordedSecretsManager aws = new RecordedSecretsManager();
  private final List<Optional<String>> regionsAsked = new ArrayList<>();
  private final SecretsManagerSecrets secrets =
      new SecretsManagerSecrets(
          region -> {
            regionsAsked.add(region);
            return aws.client(region);
          });
  private final SecretRef refs = new SecretRef(Map.<String, String>of()::get, secrets);

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void aPlainReferenceIsTheWholeSecretString() {
    aws.secret("prod/shop-db", "prod/shop-db", "s3cret-value");

    assertThat(refs.resolve("secretsmanager:prod/shop-db")).isEqualTo("s3cret-value");
    assertThat(aws.count(aws.requestsFor("prod/shop-db"))).isEqualTo(1);
    assertThat(regionsAsked).containsExactly(Optional.empty());
  }

  @Test
  void aKeyReadsThatFieldOfAJsonSecret() {
    aws.secret("prod/shop-db", "prod/shop-db", JSON_SECRET);

    assertThat(refs.resolve("secretsmanager:prod/shop-db#password")).isEqualTo("Pa55-w0rd!");
  }

  @Test
  void aSecretIsFetchedOnceHoweverOftenItIsNeeded() {
    aws.secret("prod/shop-db", "prod/shop-db", JSON_SECRET);

    refs.resolve("secretsmanager:prod/shop-db#password");
    refs.resolve("secretsmanager:prod/shop-db#username");
    refs.resolve("secretsmanager:prod/shop-db#password");

    assertThat(aws.count(aws.requestsFor("prod/shop-db"))).isEqualTo(1);
  }

  @Test
  void anArnIsAskedForWholeInItsOwnRegion() {
    String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/shop-db-AbCdEf";
    aws.secret(arn, "prod/shop-db", JSON_SECRET);

    assertThat(refs.resolve("secretsmanager:" + arn + "#password")).isEqualTo("Pa55-w0rd!");
    assertThat(aws.count(aws.requestsFor(arn))).isEqualTo(1);
    assertThat(regionsAsked).containsExactly(Optional.of("eu-west-1"));
  }

  @Test
  void aMissingSecretIsNamedInTheError() {
    aws.error(
        "prod/gone",
        "ResourceNotFoundException",
        "Secrets Manager can't find the specified secret.");

    assertThatThrownBy(() -> refs.resolve("secretsmanager:prod/gone#password"))
        .hasMessage("secret secretsmanager:prod/gone#password was not found in Secrets Manager");
  }

  @Test
  void aDeniedSecretSaysWhichPermissionIsMissing() {
    aws.error(
        "prod/shop-db",
        "AccessDeniedException",
        "User: arn:aws:sts::123456789012:assumed-role/EMR_EC2_DefaultRole/i-0abc is not authorized"
            + " to perform: secretsmanager:GetSecretValue on resource: prod/shop-db");

    assertThatThrownBy(() -> refs.resolve("secretsmanager:prod/shop-db"))
        .hasMessageContaining("secretsmanager:prod/shop-db")
        .hasMessageContaining("secretsmanager:GetSecretValue");
  }

  @Test
  void aSecretThatIsNotJsonIsRefusedWithoutQuotingIt() {
    aws.secret("prod/plain", "prod/plain", "hunter2-not-json");

    assertThatThrownBy(() -> refs.resolve("secretsmanager:prod/plain#password"))
        .hasMessageContaining("secretsmanager:prod/plain#password")
        .hasMessageContaining("not a JSON object")
        .satisfies(e -> assertThat(everything(e)).doesNotContain("hunter2"));
  }

  @Test
  void aMissingKeyIsNamedButNoValueIs() {
    aws.secret("prod/shop-db", "prod/shop-db", JSON_SECRET);

    assertThatThrownBy(() -> refs.resolve("secretsmanager:prod/shop-db#pasword"))
        .hasMessage("secret secretsmanager:prod/shop-db#pasword has no key pasword")
        .satisfies(e -> assertThat(everything(e)).doesNotContain("Pa55-w0rd!"));
  }

  @Test
  void aFailedFetchIsNotCachedSoTheNextRunCanSucceed() {
    aws.error("prod/late", "ResourceNotFoundException", "Secrets Manager can't find it.");
    assertThatThrownBy(() -> refs.resolve("secretsmanager:prod/late")).isNotNull();

    aws.secret("prod/late", "prod/late", "now-there");

    assertThat(refs.resolve("secretsmanager:prod/late")).isEqualTo("now-there");
  }

  /** A throwable's messages with its causes' and suppressed ones', as a log would print them. */
  private static String everything(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e));
    for (Throwable s : e.getSuppressed()) {
      text.append('\n').append(everything(s));
    }
    if (e.getCause() != null) {
      text.append('\n').append(everything(e.getCause()));
    }
    return text.toString();
  }

  @Test
  void aLiteralPasswordIsStillRefusedNamingTheThreeForms() {
    SecretRef refs = new SecretRef(name -> null);

    assertThatThrownBy(() -> refs.resolve("hunter2"))
        .hasMessage("secret reference must start with env:, file: or secretsmanager:");
  }
}
