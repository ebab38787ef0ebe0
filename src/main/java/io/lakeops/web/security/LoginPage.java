package io.lakeops.web.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The login form. It posts to Quarkus' form authentication ({@code /j_security_check}), which
 * checks the password and sets the session cookie.
 */
@Path("/login")
@PermitAll
public class LoginPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance login(boolean failed);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance form(@QueryParam("error") String error) {
    return Templates.login(error != null);
  }
}
