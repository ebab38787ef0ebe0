package io.lakeops.control.audit;

/** Who asks for a change and why, as the audit log records it. */
public record Attribution(String actor, String reason) {
  public Attribution {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("every change needs an actor");
    }
    reason = reason == null ? "" : reason.strip();
  }
}
