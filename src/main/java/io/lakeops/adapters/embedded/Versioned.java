package io.lakeops.adapters.embedded;

import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.VersionConflictException;

/** Turns a conditional write that changed no row into the right error. */
final class Versioned {
  private Versioned() {}

  /**
   * Checks the outcome of {@code UPDATE … WHERE id = ? AND version = ?}: no row changed means the
   * record is gone or at another version.
   */
  static void requireWritten(
      int rows, Sql sql, String table, String entity, String id, long expectedVersion) {
    if (rows == 1) {
      return;
    }
    boolean exists =
        sql.queryOne("SELECT 1 FROM " + table + " WHERE id = ?", r -> true, id).isPresent();
    if (!exists) {
      throw new NotFoundException(entity, id);
    }
    throw new VersionConflictException(entity, id, expectedVersion);
  }
}
