package io.lakeops.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.lakeops.testdata.MutableClock;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password check behind the login form and HTTP Basic: bcrypt once for credentials it has
 * accepted recently, and repeated failures for a name pausing its attempts.
 */
class PasswordCheckTest {
  private static final String PASSWORD = "correct horse";

  @TempDir Path dataDir;
  private final MutableClock clock = MutableClock.at("2026-12-01T12:00:00Z");
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private final BlockingCount bcrypt = new BlockingCount();
  private final LoginThrottle throttle = new LoginThrottle(clock, ticker);

  @Test
  void acceptedCredentialsAreNotCheckedWithBcryptAgainUntilTheyExpire() {
    PasswordIdentityProvider check = provider(Duration.ofMinutes(5));

    assertThat(login(check, "alice", PASSWORD).getPrincipal().getName()).isEqualTo("alice");
    assertThat(login(check, "alice", PASSWORD).getRoles()).contains("operator");
    assertThat(bcrypt.calls).as("the second login is answered from the cache").isEqualTo(1);

    assertThatThrownBy(() -> login(check, "alice", PASSWORD + "x"))
        .isInstanceOf(AuthenticationFailedException.class);
    assertThat(bcrypt.calls).as("another password is checked").isEqualTo(2);

    nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
    login(check, "alice", PASSWORD);
    assertThat(bcrypt.calls).as("checked again once expired").isEqualTo(3);
  }

  @Test
  void withTheCacheOffEveryLoginIsCheckedWithBcrypt() {
    PasswordIdentityProvider check = provider(Duration.ZERO);
    login(check, "alice", PASSWORD);
    login(check, "alice", PASSWORD);
    assertThat(bcrypt.calls).isEqualTo(2);
  }

  @Test
  void afterFiveFailuresANameIsPausedEvenForItsRightPasswordThenLogsInAgain() {
    PasswordIdentityProvider check = provider(Duration.ofMinutes(5));
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      assertThatThrownBy(() -> login(check, "alice", "guess"))
          .isInstanceOf(AuthenticationFailedException.class);
    }
    assertThat(bcrypt.calls).isEqualTo(5);

    assertThatThrownBy(() -> login(check, "alice", PASSWORD))
        .as("paused: refused unchecked")
        .isInstanceOf(AuthenticationFailedException.class);
    assertThat(bcrypt.calls).isEqualTo(5);
    assertThat(login(check, "bob", "bob's password").getPrincipal().getName())
        .as("other names are not paused")
        .isEqualTo("bob");

    clock.advance(Duration.ofSeconds(1));
    assertThat(login(check, "alice", PASSWORD).getPrincipal().getName()).isEqualTo("alice");
    assertThatThrownBy(() -> login(check, "alice", "guess"))
        .isInstanceOf(AuthenticationFailedException.class);
    assertThat(throttle.pause("alice")).as("a success cleared the count").isEmpty();
  }

  @Test
  void pausesDoubleUpToFifteenMinutes() {
    assertThat(LoginThrottle.pauseAfter(4)).isZero();
    assertThat(LoginThrottle.pauseAfter(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(LoginThrottle.pauseAfter(6)).isEqualTo(Duration.ofSeconds(2));
    assertThat(LoginThrottle.pauseAfter(10)).isEqualTo(Duration.ofSeconds(32));
    assertThat(LoginThrottle.pauseAfter(15)).isEqualTo(Duration.ofMinutes(15));
    assertThat(LoginThrottle.pauseAfter(1000)).isEqualTo(Duration.ofMinutes(15));

    for (int i = 0; i < 7; i++) {
      throttle.failed("carol");
    }
    assertThat(throttle.pause("carol")).contains(Duration.ofSeconds(4));
    clock.advance(Duration.ofSeconds(3));
    assertThat(throttle.pause("carol")).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.pause("carol")).isEmpty();
  }

  @Test
  void theCacheKeepsNoPasswordAndTellsNamesApart() {
    VerifiedCredentials cache = new VerifiedCredentials(Duration.ofMinutes(5), 10, ticker);
    Users.Account alice = new Users.Account("alice", "$2a$hash", java.util.Set.of("viewer"));
    cache.remember("alice", PASSWORD.toCharArray(), alice);
    assertThat(cache.find("alice", PASSWORD.toCharArray())).contains(alice);
    assertThat(cache.find("alicecorrect", " horse".toCharArray())).isEmpty();
    assertThat(cache.find("bob", PASSWORD.toCharArray())).isEmpty();
  }

  private PasswordIdentityProvider provider(Duration ttl) {
    Users users =
        new Users(
            UsersTest.config(
                Map.of(
                    "alice", UsersTest.user(List.of("operator"), "ALICE_PW", null),
                    "bob", UsersTest.user(List.of("viewer"), "BOB_PW", null))),
            dataDir,
            Map.of("ALICE_PW", PASSWORD, "BOB_PW", "bob's password")::get,
            false);
    return new PasswordIdentityProvider(users, new VerifiedCredentials(ttl, 100, ticker), throttle);
  }

  private SecurityIdentity login(PasswordIdentityProvider check, String name, String password) {
    var request =
        new UsernamePasswordAuthenticationRequest(
            name, new PasswordCredential(password.toCharArray()));
    return check.authenticate(request, bcrypt).await().atMost(Duration.ofSeconds(10));
  }

  /** Runs the blocking check at once and counts it: each one is a bcrypt verification. */
  private static final class BlockingCount implements AuthenticationRequestContext {
    int calls;

    @Override
    public Uni<SecurityIdentity> runBlocking(Supplier<SecurityIdentity> function) {
      calls++;
      return Uni.createFrom().item(function);
    }
  }
}
