package io.lakeops.web.security;

import io.lakeops.control.audit.Attribution;
import io.quarkus.runtime.BlockingOperationNotAllowedException;
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
    return resolved() && !identity.isAnonymous() ? identity.getPrincipal().getName() : "";
  }

  /** The highest role the user has, for the header of every page. */
  public String getRole() {
    return isAdmin() ? Roles.ADMIN : isOperator() ? Roles.OPERATOR : Roles.VIEWER;
  }

  public boolean isOperator() {
    return resolved() && identity.hasRole(Roles.OPERATOR);
  }

  public boolean isAdmin() {
    return resolved() && identity.hasRole(Roles.ADMIN);
  }

  /**
   * Whether the identity can be read here. An error page for a path no resource matched (a
   * browser's {@code /favicon.ico}) renders on the I/O thread, where the lazily authenticated
   * identity may not be resolved; such a page shows no user rather than failing.
   */
  private boolean resolved() {
    try {
      identity.isAnonymous();
      return true;
    } catch (BlockingOperationNotAllowedException onTheIoThread) {
      return false;
    }
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
