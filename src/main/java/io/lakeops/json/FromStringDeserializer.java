package io.lakeops.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.function.Function;

/** Reads a value object from its string form through its validating factory. */
final class FromStringDeserializer<T> extends StdScalarDeserializer<T> {
  private final transient Function<String, T> parse;

  FromStringDeserializer(Class<T> type, Function<String, T> parse) {
    super(type);
    this.parse = parse;
  }

  @Override
  public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    String text = parser.getValueAsString();
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      return context.reportInputMismatch(this, "%s", e.getMessage());
    }
  }
}
