package io.lakeops.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.lakeops.domain.Schedule;
import java.io.IOException;

/** Writes a schedule as its expression, for example {@code every 5m}. */
final class ScheduleSerializer extends StdSerializer<Schedule> {
  ScheduleSerializer() {
    super(Schedule.class);
  }

  @Override
  public void serialize(Schedule value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeString(value.expression());
  }
}
