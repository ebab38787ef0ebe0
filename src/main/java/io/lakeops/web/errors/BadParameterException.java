package io.lakeops.web.errors;

/** A query parameter, header or form field the console cannot use, by name; answered with 400. */
public class BadParameterException extends RuntimeException {
  private final String field;

  public BadParameterException(String field, String message) {
    super(field + " " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** The message without the field name. */
  public String detail() {
    return getMessage().substring(field.length() + 1);
  }
}
