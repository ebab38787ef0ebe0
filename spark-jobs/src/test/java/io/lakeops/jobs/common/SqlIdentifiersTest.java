package io.lakeops.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.jobs.contract.ExtractionArg;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlIdentifiersTest {
  @Test
  void plainAndSchemaQualifiedNamesPass() {
    assertThat(SqlIdentifiers.table("shop.orders")).isEqualTo("shop.orders");
    assertThat(SqlIdentifiers.column("_updated_at2")).isEqualTo("_updated_at2");
  }

  @Test
  void anythingThatWouldNeedQuotingIsRefused() {
    for (String bad :
        new String[] {"1abc", "a-b", "a b", "a;drop", "`x`", "a.b.c", "x".repeat(65)}) {
      assertThatThrownBy(() -> SqlIdentifiers.table(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> SqlIdentifiers.column("a.b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void secretsResolveFromTheEnvironmentAndLiteralsAreRefused() {
    SecretRef secrets = new SecretRef(Map.of("DB_PASSWORD", "s3cret")::get);
    assertThat(secrets.resolve("env:DB_PASSWORD")).isEqualTo("s3cret");
    assertThatThrownBy(() -> secrets.resolve("env:MISSING")).hasMessageContaining("MISSING");
    assertThatThrownBy(() -> secrets.resolve("hunter2"))
        .hasMessageNotContaining("hunter2")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknownArgumentsAreRejectedByName() {
    assertThatThrownBy(() -> JobArgs.parse(new String[] {"--tabel", "x"}, ExtractionArg.class))
        .hasMessageContaining("--tabel");
    JobArgs args = JobArgs.parse(new String[] {"--key", "a, b"}, ExtractionArg.class);
    assertThat(args.list(ExtractionArg.KEY)).containsExactly("a", "b");
    assertThatThrownBy(() -> args.intArg(ExtractionArg.PARALLELISM, 0, 1, 10))
        .hasMessageContaining("--parallelism");
  }
}
