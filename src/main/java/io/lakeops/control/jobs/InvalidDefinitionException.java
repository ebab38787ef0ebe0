package io.lakeops.control.jobs;

import java.util.List;
import java.util.stream.Collectors;

/** A definition that was refused, with every field found wrong; nothing was stored. */
public class InvalidDefinitionException extends RuntimeException {
  private final transient List<FieldError> errors;

  public InvalidDefinitionException(List<FieldError> errors) {
    super(
        errors.stream()
            .map(e -> e.field() + ": " + e.message())
            .collect(Collectors.joining("; ", "invalid job definition: ", "")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
