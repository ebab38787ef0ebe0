package io.lakeops.ports;

/** A record that an update or delete names does not exist. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String entity, String id) {
    super(entity + " " + id + " does not exist");
  }
}
