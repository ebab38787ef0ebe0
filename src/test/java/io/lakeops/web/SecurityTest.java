package io.lakeops.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may reach what: login everywhere but health, login page and assets. */
@QuarkusTest
class SecurityTest {

  @ParameterizedTest
  @ValueSource(strings = {"/", "/jobs", "/runs", "/clusters", "/audit", "/q/swagger-ui/"})
  void pagesRedirectToTheLoginPage(String path) {
    given()
        .redirects()
        .follow(false)
        .when()
        .get(path)
        .then()
        .statusCode(302)
        .header("Location", containsString("/login"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/jobs", "/api/runs", "/api/clusters", "/api/pools", "/api/audit"})
  void apiAnswers401InTheErrorShape(String path) {
    given()
        .when()
        .get(path)
        .then()
        .statusCode(401)
        .contentType(ContentType.JSON)
        .header("WWW-Authenticate", containsString("Basic"))
        .body("status", equalTo(401))
        .body("error", equalTo("Unauthorized"));
  }

  @Test
  void prometheusScrapesMetricsWithBasicAuthentication() {
    given().when().get("/q/metrics").then().statusCode(401);
    given()
        .auth()
        .preemptive()
        .basic("viewer", "viewer-test-password")
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("lakeops_audit_sync_failures_total"));
  }

  @Test
  void theOpenApiDocumentNeedsALogin() {
    given().when().get("/q/openapi").then().statusCode(401);
  }

  @Test
  void aWrongPasswordIsRefused() {
    given()
        .auth()
        .preemptive()
        .basic("admin", "not-the-password")
        .when()
        .get("/api/jobs")
        .then()
        .statusCode(401)
        .body("status", equalTo(401));
    given()
        .auth()
        .preemptive()
        .basic("nobody", "admin-test-password")
        .when()
        .get("/api/jobs")
        .then()
        .statusCode(401);
  }

  @Test
  void healthLoginPageAndAssetsAreOpen() {
    given().when().get("/q/health/ready").then().statusCode(200);
    given().when().get("/q/health/live").then().statusCode(200);
    given().when().get("/login").then().statusCode(200).body(containsString("j_password"));
    given().when().get("/static/console.css").then().statusCode(200);
  }

  @Test
  void everyRoleReadsTheApi() {
    for (Users user : Users.values()) {
      user.api()
          .when()
          .get("/api/jobs")
          .then()
          .statusCode(200)
          .body("items", org.hamcrest.Matchers.notNullValue());
      user.api()
          .when()
          .get("/api/pools")
          .then()
          .statusCode(200)
          .body("name", org.hamcrest.Matchers.hasItem("small"));
    }
  }
}
