package io.lakeops.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser session: logs in with the form, keeps cookies, reads CSRF tokens from pages. */
final class Browser {
  private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
  private final Map<String, String> cookies = new HashMap<>();

  static Browser loggedInAs(Users user) {
    Browser browser = new Browser();
    Response login =
        given()
            .redirects()
            .follow(false)
            .formParam("j_username", user.name)
            .formParam("j_password", user.password)
            .post("/j_security_check");
    assertThat(login.statusCode()).as("login of " + user.name).isEqualTo(302);
    assertThat(login.getCookies()).containsKey("quarkus-credential");
    browser.cookies.putAll(login.getCookies());
    return browser;
  }

  RequestSpecification request() {
    return given().redirects().follow(false).cookies(cookies);
  }

  Response get(String path) {
    Response response = request().get(path);
    cookies.putAll(response.getCookies());
    return response;
  }

  /** The CSRF token of the forms on {@code page}. */
  String token(String page) {
    Response response = get(page);
    assertThat(response.statusCode()).as(page).isEqualTo(200);
    Matcher m = TOKEN.matcher(response.asString());
    assertThat(m.find()).as("a CSRF token on " + page).isTrue();
    return m.group(1);
  }

  /** Posts a form, with the token when it is not null. */
  Response post(String path, Map<String, String> form, String token) {
    RequestSpecification request = request().contentType("application/x-www-form-urlencoded");
    form.forEach(request::formParam);
    if (token != null) {
      request.formParam("csrf-token", token);
    }
    Response response = request.post(path);
    cookies.putAll(response.getCookies());
    return response;
  }
}
