package io.lakeops.web;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad job definitions, hostile ones included, are refused with a 400 that names the field, and
 * nothing is stored.
 */
@QuarkusTest
class JobDefinitionRefusalTest {

  static Stream<Arguments> badDefinitions() {
    return Stream.of(
        bad("missing id", j -> j.remove("id"), "id"),
        bad("missing pool", j -> j.remove("pool"), "pool"),
        bad("missing kind", j -> j.remove("kind"), "kind"),
        bad("unknown pool", j -> j.put("pool", "huge"), "pool"),
        bad("schedule that is not one", j -> j.put("schedule", "sometimes"), "schedule"),
        bad("interval below the minimum", j -> j.put("schedule", "every 30s"), "schedule"),
        bad("cron that does not parse", j -> j.put("schedule", "cron 61 * * * *"), "schedule"),
        bad("id in upper case", j -> j.put("id", "Orders"), "id"),
        bad("id with a space", j -> j.put("id", "my job"), "id"),
        bad("id with a slash", j -> j.put("id", "a/b"), "id"),
        bad("id climbing out", j -> j.put("id", "../etc"), "id"),
        bad("id too long", j -> j.put("id", "a".repeat(64)), "id"),
        bad(
            "source that is not configured",
            j -> JobJson.part(j, "extraction").put("source", "warehouse"),
            "extraction.source"),
        bad(
            "table with SQL in it",
            j -> JobJson.part(j, "extraction").put("table", "orders; DROP TABLE x"),
            "extraction.table"),
        bad(
            "key column with a comment",
            j -> JobJson.part(j, "extraction").put("keyColumns", List.of("id--")),
            "extraction.keyColumns[0]"),
        bad(
            "watermark column with SQL",
            j -> JobJson.part(j, "extraction").put("watermarkColumn", "updated_at OR 1=1"),
            "extraction.watermarkColumn"),
        bad(
            "script in the description",
            j -> j.put("description", "<script>alert(1)</script>"),
            "description"),
        bad(
            "javascript URL in the description",
            j -> j.put("description", "see javascript:alert(1)"),
            "description"),
        bad("unknown property", j -> j.put("schedul", "every 5m"), "schedul"),
        bad(
            "unknown nested property",
            j -> JobJson.part(j, "extraction").put("tabel", "orders"),
            "extraction.tabel"),
        bad(
            "number given as text",
            j -> JobJson.part(j, "extraction").put("parallelism", "four"),
            "extraction.parallelism"),
        bad("flag given as text", j -> j.put("paused", "yes"), "paused"),
        bad(
            "list given as text",
            j -> JobJson.part(j, "extraction").put("keyColumns", "id"),
            "extraction.keyColumns"),
        bad("kind that does not exist", j -> j.put("kind", "batch"), "kind"),
        bad("extraction job without its extraction", j -> j.remove("extraction"), "extraction"),
        bad(
            "streaming trigger of 50ms",
            j -> {
              j.putAll(JobJson.streaming((String) j.get("id")));
              j.remove("extraction");
              j.remove("schedule");
              JobJson.part(j, "streaming").put("trigger", "50ms");
            },
            "streaming.trigger"),
        bad(
            "extraction block on a streaming job",
            j -> {
              j.putAll(JobJson.streaming((String) j.get("id")));
              j.remove("schedule");
            },
            "extraction"),
        bad(
            "sink table with SQL",
            j -> {
              j.putAll(JobJson.streaming((String) j.get("id")));
              j.remove("extraction");
              j.remove("schedule");
              JobJson.part(j, "streaming").put("sinkTable", "clicks;drop table y");
            },
            "streaming.sinkTable"),
        raw("malformed JSON", "{\"id\": \"x\", ", "body"),
        raw("duplicated property", "{\"id\": \"dup-a\", \"id\": \"dup-b\"}", "body"),
        raw("empty body", "", "body"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDefinitions")
  void isRefusedNamingTheFieldAndNothingIsStored(String label, Object body, String field) {
    int before = jobCount();
    Users.ADMIN
        .api()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/jobs")
        .then()
        .statusCode(400)
        .contentType(ContentType.JSON)
        .body("status", equalTo(400))
        .body("error", equalTo("Bad Request"))
        .body("message", notNullValue())
        .body("fields.field", hasItem(field));
    org.assertj.core.api.Assertions.assertThat(jobCount()).as(label).isEqualTo(before);
  }

  @Test
  void anOversizedBodyIsRefusedWith413() {
    int before = jobCount();
    Map<String, Object> job = JobJson.extraction(JobJson.uniqueId("big"));
    job.put("description", "x".repeat(70 * 1024));
    Users.ADMIN
        .api()
        .contentType(ContentType.JSON)
        .body(job)
        .when()
        .post("/api/jobs")
        .then()
        .statusCode(413)
        .body("status", equalTo(413));
    org.assertj.core.api.Assertions.assertThat(jobCount()).isEqualTo(before);
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    Map<String, Object> job = JobJson.extraction("Bad Id");
    job.put("pool", "nowhere");
    job.put("schedule", "every 10s");
    Users.ADMIN
        .api()
        .contentType(ContentType.JSON)
        .body(job)
        .when()
        .post("/api/jobs")
        .then()
        .statusCode(400)
        .body("fields.field", org.hamcrest.Matchers.hasItems("id", "pool", "schedule"));
  }

  static int jobCount() {
    return Users.VIEWER
        .api()
        .queryParam("limit", 500)
        .when()
        .get("/api/jobs")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items")
        .size();
  }

  private static Arguments bad(String label, Consumer<Map<String, Object>> change, String field) {
    Map<String, Object> job = JobJson.extraction(JobJson.uniqueId("refused"));
    change.accept(job);
    return Arguments.of(label, job, field);
  }

  private static Arguments raw(String label, String body, String field) {
    return Arguments.of(label, body, field);
  }
}
