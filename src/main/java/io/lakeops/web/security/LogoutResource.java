package io.lakeops.web.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Ends the browser session: a form post (so it carries the CSRF token), never a link. */
@Path("/logout")
@Authenticated
public class LogoutResource {
  private final SecurityIdentity identity;

  LogoutResource(SecurityIdentity identity) {
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response logout() {
    FormAuthenticationMechanism.logout(identity);
    return Response.seeOther(URI.create("/login")).build();
  }
}
