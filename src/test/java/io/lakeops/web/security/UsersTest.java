package io.lakeops.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users from configuration, passwords from the environment, and the generated admin. */
class UsersTest {
  @TempDir Path dataDir;

  @Test
  void aConfiguredUserLogsInWithThePasswordFromTheEnvironment() {
    Users users =
        new Users(
            config(Map.of("alice", user(List.of("operator"), "ALICE_PW", null))),
            dataDir,
            Map.of("ALICE_PW", "correct horse")::get,
            false);
    assertThat(users.verify("alice", "correct horse"))
        .get()
        .extracting(Users.Account::roles)
        .isEqualTo(java.util.Set.of("viewer", "operator"));
    assertThat(users.verify("alice", "wrong")).isEmpty();
    assertThat(users.verify("bob", "correct horse")).isEmpty();
    assertThat(users.find("alice").orElseThrow().passwordHash())
        .startsWith("$2")
        .doesNotContain("correct");
    assertThat(dataDir.resolve(GeneratedAdmin.FILE)).doesNotExist();
  }

  @Test
  void aMissingEnvironmentVariableStopsTheStart() {
    assertThatThrownBy(
            () ->
                new Users(
                    config(Map.of("alice", user(List.of("admin"), "ALICE_PW", null))),
                    dataDir,
                    name -> null,
                    false))
        .hasMessageContaining("ALICE_PW is not set");
  }

  @Test
  void aLiteralPasswordIsOnlyForTests() {
    SecurityConfig literal = config(Map.of("t", user(List.of("viewer"), null, "pw")));
    assertThatThrownBy(() -> new Users(literal, dataDir, name -> null, false))
        .hasMessageContaining("only for tests");
    assertThat(new Users(literal, dataDir, name -> null, true).verify("t", "pw")).isPresent();
  }

  @Test
  void anUnknownRoleStopsTheStart() {
    assertThatThrownBy(
            () ->
                new Users(
                    config(Map.of("t", user(List.of("root"), null, "pw"))),
                    dataDir,
                    n -> null,
                    true))
        .hasMessageContaining("unknown role 'root'");
  }

  @Test
  void withoutUsersAnAdminPasswordIsGeneratedOnceAndKeptAsAHash() throws Exception {
    List<String> announced = new ArrayList<>();
    GeneratedAdmin admin = new GeneratedAdmin(dataDir, 4);
    String hash = admin.hash(announced::add);
    assertThat(announced).hasSize(1);
    String password = announced.get(0);
    assertThat(password).hasSizeGreaterThanOrEqualTo(32);
    String stored = Files.readString(dataDir.resolve(GeneratedAdmin.FILE));
    assertThat(stored).startsWith("$2").doesNotContain(password);

    // A restart reads the hash and prints nothing.
    assertThat(new GeneratedAdmin(dataDir, 4).hash(announced::add)).isEqualTo(hash);
    assertThat(announced).hasSize(1);

    Users users = new Users(config(Map.of()), dataDir, n -> null, false);
    assertThat(users.verify("admin", password))
        .get()
        .extracting(Users.Account::roles)
        .isEqualTo(java.util.Set.of("viewer", "operator", "admin"));
    assertThat(users.verify("admin", "admin")).isEmpty();
  }

  @Test
  void twoGeneratedPasswordsDiffer() {
    assertThat(GeneratedAdmin.newPassword()).isNotEqualTo(GeneratedAdmin.newPassword());
  }

  static SecurityConfig config(Map<String, SecurityConfig.User> users) {
    return new SecurityConfig() {
      @Override
      public Map<String, User> users() {
        return users;
      }

      @Override
      public int bcryptCost() {
        return 4;
      }

      @Override
      public java.time.Duration credentialCache() {
        return java.time.Duration.ofMinutes(5);
      }
    };
  }

  static SecurityConfig.User user(List<String> roles, String env, String password) {
    return new SecurityConfig.User() {
      @Override
      public List<String> roles() {
        return roles;
      }

      @Override
      public Optional<String> passwordEnv() {
        return Optional.ofNullable(env);
      }

      @Override
      public Optional<String> password() {
        return Optional.ofNullable(password);
      }
    };
  }
}
