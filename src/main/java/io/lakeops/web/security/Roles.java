package io.lakeops.web.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The console's roles. Each includes the ones below it: an admin may do what an operator may, and
 * an operator what a viewer may; so a user is configured with one role and granted all it implies.
 */
public final class Roles {
  /** Reads everything. */
  public static final String VIEWER = "viewer";

  /** Runs and cluster actions: re-run, pause and resume jobs, rotate clusters. */
  public static final String OPERATOR = "operator";

  /** Job definitions and pools. */
  public static final String ADMIN = "admin";

  static final List<String> ALL = List.of(VIEWER, OPERATOR, ADMIN);

  private Roles() {}

  /** The roles {@code role} grants, itself included; an exception for an unknown role. */
  static Set<String> implied(String role) {
    return switch (role.trim().toLowerCase(Locale.ROOT)) {
      case VIEWER -> Set.of(VIEWER);
      case OPERATOR -> Set.of(VIEWER, OPERATOR);
      case ADMIN -> Set.of(VIEWER, OPERATOR, ADMIN);
      default ->
          throw new IllegalArgumentException("unknown role '" + role + "'; the roles are " + ALL);
    };
  }
}
