package io.lakeops.app;

import static io.restassured.RestAssured.given;

import java.util.List;

/** Livy's own view of its batches, read and changed over its REST API as an operator would. */
final class LivyBatches {
  private LivyBatches() {}

  /** The names of every batch the Livy server at {@code endpoint} knows. */
  static List<String> names(String endpoint) {
    return given()
        .baseUri(endpoint)
        .get("/batches?from=0&size=1000")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("sessions.name", String.class);
  }

  /**
   * Deletes a batch from Livy's memory, as its retention or a Livy restart does: afterwards the
   * server answers 404 for it.
   */
  static void forget(String endpoint, String batchId) {
    given().baseUri(endpoint).delete("/batches/" + batchId).then().statusCode(200);
  }
}
