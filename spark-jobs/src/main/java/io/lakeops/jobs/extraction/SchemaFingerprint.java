package io.lakeops.jobs.extraction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lakeops.jobs.common.JsonFiles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The shape of a source table as Spark sees it through JDBC: column names and Spark types in source
 * order, plus a hash of them. The console stores the fingerprint of the last accepted run and hands
 * it to the next run, which compares against it ({@link SchemaChange}).
 */
public record SchemaFingerprint(String hash, List<Column> columns) {

  /** One column; {@code type} is Spark's simple type string, e.g. {@code decimal(12,2)}. */
  public record Column(String name, String type, boolean nullable) {}

  public static SchemaFingerprint of(StructType schema) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      columns.add(new Column(field.name(), field.dataType().simpleString(), field.nullable()));
    }
    return new SchemaFingerprint(hash(columns), List.copyOf(columns));
  }

  /** Parses the JSON the manifest carries under {@code schemaFingerprint}. */
  public static SchemaFingerprint fromJson(String json) {
    try {
      JsonNode root = JsonFiles.MAPPER.readTree(json);
      List<Column> columns = new ArrayList<>();
      for (JsonNode c : root.path("columns")) {
        columns.add(
            new Column(
                c.path("name").asText(),
                c.path("type").asText(),
                c.path("nullable").asBoolean(true)));
      }
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("last schema fingerprint has no columns");
      }
      return new SchemaFingerprint(hash(columns), List.copyOf(columns));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "last schema fingerprint is not JSON: " + e.getMessage(), e);
    }
  }

  // Nullability is left out of the hash: MySQL reports it per query and it does not change what a
  // reader can do with the data.
  private static String hash(List<Column> columns) {
    StringBuilder canonical = new StringBuilder();
    for (Column c : columns) {
      canonical.append(c.name().toLowerCase()).append(':').append(c.type()).append('\n');
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
