package io.lakeops.web.security;

import io.lakeops.control.audit.Attribution;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The logged-in user of this request: who the audit records, and what the pages may offer them
 * ({@code {inject:user.name}}, {@code {#if inject:user.admin}}). The server checks roles anyway.
 */
@RequestScoped
@Named("user")
public class CurrentUser {
  /** The longest reason a change may carry. */
  public static final int MAX_REASON = 500;

  private final SecurityIdentity identity;

  CurrentUser(SecurityIdentity identity) {
    this.identity = identity;
  }

  public String getName() {
    return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
  }

  /** The highest role the user has, for the header of every page. */
  public String getRole() {
    return isAdmin() ? Roles.ADMIN : isOperator() ? Roles.OPERATOR : Roles.VIEWER;
  }

  public boolean isOperator() {
    return identity.hasRole(Roles.OPERATOR);
  }

  public boolean isAdmin() {
    return identity.hasRole(Roles.ADMIN);
  }

  /** The attribution of a change this user asks for, with their reason. */
  public Attribution attribution(String reason) {
    String trimmed = reason == null ? "" : reason.strip();
    if (trimmed.length() > MAX_REASON) {
      throw new IllegalArgumentException("reason must be at most " + MAX_REASON + " characters");
    }
    return new Attribution(identity.getPrincipal().getName(), trimmed);
  }
}
