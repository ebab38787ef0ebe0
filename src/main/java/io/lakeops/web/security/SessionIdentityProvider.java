package io.lakeops.web.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores the identity of a logged-in browser from its (encrypted) session cookie. The user must
 * still be configured, and gets the roles configured now, not those of when they logged in.
 */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {
  private final Users users;

  SessionIdentityProvider(Users users) {
    this.users = users;
  }

  @Override
  public Class<TrustedAuthenticationRequest> getRequestType() {
    return TrustedAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
    return users
        .find(request.getPrincipal())
        .map(PasswordIdentityProvider::identity)
        .map(identity -> Uni.createFrom().item(identity))
        .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException()));
  }
}
