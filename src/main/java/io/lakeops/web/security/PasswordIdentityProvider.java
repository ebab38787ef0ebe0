package io.lakeops.web.security;

import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Checks a name and password (from the login form or HTTP Basic) against the bcrypt hashes of
 * {@link Users}. bcrypt is slow on purpose, so the check runs off the event loop; credentials it
 * accepted are remembered for a few minutes ({@link VerifiedCredentials}), so that a script calling
 * the API does not pay it on every call. Repeated failures for one name pause its attempts ({@link
 * LoginThrottle}).
 */
@ApplicationScoped
class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
  private static final Logger LOG = Logger.getLogger(PasswordIdentityProvider.class);
  private static final long MAX_REMEMBERED = 10_000;

  private final Users users;
  private final VerifiedCredentials verified;
  private final LoginThrottle throttle;

  @Inject
  PasswordIdentityProvider(Users users, SecurityConfig config, Clock clock) {
    this(
        users,
        new VerifiedCredentials(config.credentialCache(), MAX_REMEMBERED, Ticker.systemTicker()),
        new LoginThrottle(clock, Ticker.systemTicker()));
  }

  PasswordIdentityProvider(Users users, VerifiedCredentials verified, LoginThrottle throttle) {
    this.users = users;
    this.verified = verified;
    this.throttle = throttle;
  }

  @Override
  public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
    return UsernamePasswordAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
    String name = request.getUsername();
    char[] password = request.getPassword().getPassword();
    if (name == null) {
      return Uni.createFrom().failure(new AuthenticationFailedException());
    }
    Optional<Users.Account> known = verified.find(name, password);
    if (known.isPresent()) {
      return Uni.createFrom().item(identity(known.get()));
    }
    Optional<java.time.Duration> pause = throttle.pause(name);
    if (pause.isPresent()) {
      LOG.debugf("login of '%s' refused unchecked for %d s more", name, pause.get().toSeconds());
      return Uni.createFrom().failure(new AuthenticationFailedException());
    }
    return context.runBlocking(() -> check(name, password));
  }

  private SecurityIdentity check(String name, char[] password) {
    Optional<Users.Account> account = users.verify(name, new String(password));
    if (account.isEmpty()) {
      int failures = throttle.failed(name);
      if (failures >= LoginThrottle.FREE_FAILURES) {
        LOG.warnf(
            "%d failed logins in a row for '%s': its next attempt waits %d s",
            failures, name, LoginThrottle.pauseAfter(failures).toSeconds());
      }
      throw new AuthenticationFailedException();
    }
    throttle.succeeded(name);
    verified.remember(name, password, account.get());
    return identity(account.get());
  }

  static SecurityIdentity identity(Users.Account account) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(account.name()))
        .addRoles(account.roles())
        .build();
  }
}
