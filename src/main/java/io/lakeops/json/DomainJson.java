package io.lakeops.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.JobId;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.RunId;
import io.lakeops.domain.Schedule;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * The JSON form of domain records, shared by the embedded store and the audit snapshots: ids and
 * schedules as plain strings, times as ISO-8601, absent values left out.
 */
public final class DomainJson {

  private static final ObjectMapper MAPPER = create();

  private DomainJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectMapper create() {
    SimpleModule ids = new SimpleModule("lakeops-domain");
    asString(ids, JobId.class, JobId::new);
    asString(ids, PoolName.class, PoolName::new);
    asString(ids, ClusterId.class, ClusterId::new);
    asString(ids, RunId.class, RunId::new);
    ids.addSerializer(Schedule.class, new ScheduleSerializer());
    ids.addDeserializer(
        Schedule.class, new FromStringDeserializer<>(Schedule.class, Schedule::parse));
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(ids)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  private static <T> void asString(SimpleModule module, Class<T> type, Function<String, T> parse) {
    module.addSerializer(type, ToStringSerializer.instance);
    module.addDeserializer(type, new FromStringDeserializer<>(type, parse));
  }
}
