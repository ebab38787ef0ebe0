package io.lakeops.web.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may log in to the console. With no user configured, an admin password is generated at first
 * start (see {@link GeneratedAdmin}); there is never a fixed default password.
 */
@ConfigMapping(prefix = "lakeops.security")
public interface SecurityConfig {

  /** Users by login name ({@code lakeops.security.users.alice.roles=admin}). */
  Map<String, User> users();

  /**
   * The bcrypt cost of the hashes made at start from configured passwords. Each login over HTTP
   * Basic pays it once, so keep it between 10 and 14 in production.
   */
  @WithDefault("12")
  int bcryptCost();

  /**
   * How long a name and password bcrypt accepted are taken as verified without checking again (HTTP
   * Basic sends them with every API call); {@code 0s} checks every time. Held in memory only, as a
   * keyed hash, never the password.
   */
  @WithDefault("5m")
  java.time.Duration credentialCache();

  /** One user. */
  interface User {
    /** {@code viewer}, {@code operator} or {@code admin}; a role includes the ones before it. */
    List<String> roles();

    /**
     * The environment variable that holds the user's password ({@code LAKEOPS_ALICE_PASSWORD}); the
     * start fails when it is not set. This is the way to give a password outside tests.
     */
    Optional<String> passwordEnv();

    /**
     * A literal password, honoured only in the test profile so that tests can log in; the start
     * fails when it is set in any other profile.
     */
    Optional<String> password();
  }
}
