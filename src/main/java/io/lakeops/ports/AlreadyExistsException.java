package io.lakeops.ports;

/** A create for a record whose id is taken. */
public class AlreadyExistsException extends RuntimeException {
  public AlreadyExistsException(String entity, String id) {
    super(entity + " " + id + " already exists");
  }
}
