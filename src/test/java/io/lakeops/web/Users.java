package io.lakeops.web;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** The test profile's users (application.properties, %test) and how a test acts as one. */
public enum Users {
  VIEWER("viewer", "viewer-test-password"),
  OPERATOR("operator", "operator-test-password"),
  ADMIN("admin", "admin-test-password");

  public final String name;
  public final String password;

  Users(String name, String password) {
    this.name = name;
    this.password = password;
  }

  /** A request to the JSON API with this user's HTTP Basic credentials. */
  public RequestSpecification api() {
    return given().auth().preemptive().basic(name, password);
  }
}
