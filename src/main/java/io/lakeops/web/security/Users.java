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
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The users who may log in, read from configuration once at start, each with a bcrypt hash of the
 * password and the roles it grants. Configuration is checked at once (a missing password fails the
 * start); the hashing, a quarter of a second per password at cost 12, runs on a thread of its own
 * so the console does not wait for it, and a login arriving before it ends waits for it. Plain
 * passwords are kept only until hashed.
 */
@Startup
@ApplicationScoped
public class Users {
  private static final Logger LOG = Logger.getLogger(Users.class);

  /** One user as the console knows it. */
  public record Account(String name, String passwordHash, Set<String> roles) {}

  private final CompletableFuture<Map<String, Account>> accounts;

  @Inject
  Users(SecurityConfig config, @ConfigProperty(name = "lakeops.data-dir") String dataDir) {
    this(config, Path.of(dataDir), System::getenv, LaunchMode.current() == LaunchMode.TEST);
  }

  Users(SecurityConfig config, Path dataDir, UnaryOperator<String> env, boolean testProfile) {
    Map<String, Supplier<Account>> toHash = read(config, dataDir, env, testProfile);
    this.accounts =
        CompletableFuture.supplyAsync(() -> hashed(toHash), Users::hashingThread)
            .whenComplete(
                (done, failed) -> {
                  if (failed != null) {
                    LOG.error("cannot make the users' password hashes: nobody can log in", failed);
                  }
                });
  }

  /** The account of {@code name}, if it may log in. */
  public Optional<Account> find(String name) {
    return Optional.ofNullable(name).map(accounts.join()::get);
  }

  /**
   * The account whose name and password these are. Unknown names are checked against the hash of
   * another account (which cannot let them in: the name matches no account), so the answer takes
   * the same time whether the name exists or not, without a decoy hash to make at start.
   */
  public Optional<Account> verify(String name, String password) {
    Map<String, Account> known = accounts.join();
    Account account = name == null ? null : known.get(name);
    String hash =
        account == null ? known.values().iterator().next().passwordHash() : account.passwordHash();
    boolean matches = password != null && BcryptUtil.matches(password, hash);
    return matches && account != null ? Optional.of(account) : Optional.empty();
  }

  /** Each user's account, to be made by hashing its password; checked here, hashed later. */
  private static Map<String, Supplier<Account>> read(
      SecurityConfig config, Path dataDir, UnaryOperator<String> env, boolean testProfile) {
    Map<String, Supplier<Account>> users = new TreeMap<>();
    int cost = config.bcryptCost();
    config
        .users()
        .forEach(
            (name, user) -> {
              String password = password(name, user, env, testProfile);
              Set<String> roles = roles(name, user);
              users.put(
                  name, () -> new Account(name, BcryptUtil.bcryptHash(password, cost), roles));
            });
    if (users.isEmpty()) {
      GeneratedAdmin admin = new GeneratedAdmin(dataDir, cost);
      Set<String> roles = Roles.implied(Roles.ADMIN);
      Optional<String> stored = admin.read();
      users.put(
          GeneratedAdmin.USER,
          () ->
              new Account(
                  GeneratedAdmin.USER,
                  stored.orElseGet(() -> admin.hash(password -> announce(admin, password))),
                  roles));
      LOG.infof(
          "No console user is configured: user '%s' logs in with the password generated at first"
              + " start (its hash is in %s)",
          GeneratedAdmin.USER, admin.file());
    }
    LOG.infof("Console users: %s", users.keySet());
    return users;
  }

  private static Map<String, Account> hashed(Map<String, Supplier<Account>> toHash) {
    Map<String, Account> accounts = new TreeMap<>();
    toHash.forEach((name, account) -> accounts.put(name, account.get()));
    return Map.copyOf(accounts);
  }

  private static void hashingThread(Runnable hashing) {
    Thread thread = new Thread(hashing, "lakeops-password-hashing");
    thread.setDaemon(true);
    thread.start();
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
