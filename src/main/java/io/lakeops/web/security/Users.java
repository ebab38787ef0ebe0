package io.lakeops.web.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The users who may log in, read from configuration once at start, each with a bcrypt hash of the
 * password and the roles it grants. Plain passwords are hashed here and never kept.
 */
@Startup
@ApplicationScoped
public class Users {
  private static final Logger LOG = Logger.getLogger(Users.class);

  /** One user as the console knows it. */
  public record Account(String name, String passwordHash, Set<String> roles) {}

  private final Map<String, Account> accounts;

  /** A hash to check against for unknown names, so that they take as long as known ones. */
  private final String decoyHash;

  @Inject
  Users(SecurityConfig config, @ConfigProperty(name = "lakeops.data-dir") String dataDir) {
    this(config, Path.of(dataDir), System::getenv, LaunchMode.current() == LaunchMode.TEST);
  }

  Users(SecurityConfig config, Path dataDir, UnaryOperator<String> env, boolean testProfile) {
    this.accounts = load(config, dataDir, env, testProfile);
    this.decoyHash = BcryptUtil.bcryptHash(GeneratedAdmin.newPassword(), config.bcryptCost());
  }

  /** The account of {@code name}, if it may log in. */
  public Optional<Account> find(String name) {
    return Optional.ofNullable(name).map(accounts::get);
  }

  /**
   * The account whose name and password these are. Unknown names are checked against a decoy hash,
   * so the answer takes the same time whether the name exists or not.
   */
  public Optional<Account> verify(String name, String password) {
    Account account = name == null ? null : accounts.get(name);
    String hash = account == null ? decoyHash : account.passwordHash();
    boolean matches = password != null && BcryptUtil.matches(password, hash);
    return matches && account != null ? Optional.of(account) : Optional.empty();
  }

  private static Map<String, Account> load(
      SecurityConfig config, Path dataDir, UnaryOperator<String> env, boolean testProfile) {
    Map<String, Account> loaded = new TreeMap<>();
    config
        .users()
        .forEach(
            (name, user) ->
                loaded.put(
                    name,
                    new Account(
                        name,
                        BcryptUtil.bcryptHash(
                            password(name, user, env, testProfile), config.bcryptCost()),
                        roles(name, user))));
    if (loaded.isEmpty()) {
      GeneratedAdmin admin = new GeneratedAdmin(dataDir, config.bcryptCost());
      String hash = admin.hash(password -> announce(admin, password));
      loaded.put(
          GeneratedAdmin.USER, new Account(GeneratedAdmin.USER, hash, Roles.implied(Roles.ADMIN)));
      LOG.infof(
          "No console user is configured: user '%s' logs in with the password generated at first"
              + " start (its hash is in %s)",
          GeneratedAdmin.USER, admin.file());
    }
    LOG.infof("Console users: %s", loaded.keySet());
    return Map.copyOf(loaded);
  }

  private static String password(
      String name, SecurityConfig.User user, UnaryOperator<String> env, boolean testProfile) {
    if (user.password().isPresent()) {
      if (!testProfile) {
        throw new IllegalStateException(
            "user '"
                + name
                + "': lakeops.security.users."
                + name
                + ".password is only for tests; give the password in an environment variable"
                + " named by password-env");
      }
      return user.password().get();
    }
    String variable =
        user.passwordEnv()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "user '"
                            + name
                            + "' needs lakeops.security.users."
                            + name
                            + ".password-env"));
    String value = env.apply(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "user '" + name + "': environment variable " + variable + " is not set");
    }
    return value;
  }

  private static Set<String> roles(String name, SecurityConfig.User user) {
    if (user.roles().isEmpty()) {
      throw new IllegalStateException("user '" + name + "' has no role");
    }
    Set<String> granted = new HashSet<>();
    for (String role : user.roles()) {
      try {
        granted.addAll(Roles.implied(role));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("user '" + name + "': " + e.getMessage(), e);
      }
    }
    return Set.copyOf(granted);
  }

  private static void announce(GeneratedAdmin admin, String password) {
    // Printed this once: only the hash is kept.
    LOG.warnf(
        "%n%n    Generated the console password of user '%s': %s%n    It is shown only now;"
            + " delete %s to have a new one made at the next start.%n",
        GeneratedAdmin.USER, password, admin.file());
  }
}
