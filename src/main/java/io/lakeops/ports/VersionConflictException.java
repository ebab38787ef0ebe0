package io.lakeops.ports;

/**
 * A conditional write lost: the record changed since the writer read it (or was created by someone
 * else). The writer must read again and decide again; nothing was written.
 */
public class VersionConflictException extends RuntimeException {
  public VersionConflictException(String entity, String id, long expectedVersion) {
    super(
        entity
            + " "
            + id
            + " was changed by someone else (expected version "
            + expectedVersion
            + "); read it again");
  }
}
