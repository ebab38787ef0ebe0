package io.lakeops.adapters.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.ports.SubmissionRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password references resolved in the console; messages name the reference, never a value. */
class SecretRefsTest {
  @TempDir Path dir;

  @Test
  void aFileReferenceIsTheFilesTrimmedContent() throws IOException {
    Path file = Files.writeString(dir.resolve("pw"), "  s3cret\n");

    assertThat(SecretRefs.resolve("file:" + file, "key")).isEqualTo("s3cret");
  }

  @Test
  void anEnvironmentReferenceIsTheVariablesValue() {
    String name = System.getenv().keySet().iterator().next();

    assertThat(SecretRefs.resolve("env:" + name, "key")).isEqualTo(System.getenv(name));
  }

  @Test
  void anUnsetVariableIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> SecretRefs.resolve("env:LAKEOPS_NO_SUCH_VARIABLE", "the.key"))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("the.key")
        .hasMessageContaining("LAKEOPS_NO_SUCH_VARIABLE");
  }

  @Test
  void envFileAndSecretsManagerAreReferences() {
    assertThat(SecretRefs.isReference("env:DB_PASSWORD")).isTrue();
    assertThat(SecretRefs.isReference("file:/run/secrets/db")).isTrue();
    assertThat(SecretRefs.isReference("secretsmanager:prod/shop-db")).isTrue();
    assertThat(SecretRefs.isReference("secretsmanager:prod/shop-db#password")).isTrue();
    assertThat(
            SecretRefs.isReference(
                "secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbC#pw"))
        .isTrue();
    assertThat(SecretRefs.isReference("hunter2")).isFalse();
    assertThat(SecretRefs.isReference("env:")).isFalse();
  }

  @Test
  void malformedSecretsManagerReferencesAreNotReferences() {
    assertThat(SecretRefs.isReference("secretsmanager:")).isFalse();
    assertThat(SecretRefs.isReference("secretsmanager:prod/shop-db#")).isFalse();
    assertThat(SecretRefs.isReference("secretsmanager:hunter 2!")).isFalse();
    assertThat(SecretRefs.isReference("secretsmanager:arn:aws:s3:::bucket")).isFalse();
    assertThat(SecretRefs.isReference("secretsmanager:a#b#c")).isFalse();
  }

  @Test
  void aMalformedReferenceIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> SecretRefs.resolve("secretsmanager:hunter 2!", "the.key"))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("the.key")
        .hasMessageNotContaining("hunter");
  }
}
