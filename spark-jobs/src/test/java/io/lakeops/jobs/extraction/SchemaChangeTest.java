package io.lakeops.jobs.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SchemaChangeTest {
  private final StructType base =
      new StructType()
          .add("id", DataTypes.LongType)
          .add("amount", DataTypes.createDecimalType(12, 2))
          .add("note", DataTypes.StringType);

  @Test
  void identicalSchemasHaveTheSameHashAndNoChange() {
    SchemaFingerprint a = SchemaFingerprint.of(base);
    SchemaChange change = SchemaChange.between(a, SchemaFingerprint.of(base));
    assertThat(change.changed()).isFalse();
    assertThat(SchemaFingerprint.of(base).hash()).isEqualTo(a.hash());
  }

  @Test
  void addedColumnIsReportedButNotBreaking() {
    SchemaChange change =
        SchemaChange.between(
            SchemaFingerprint.of(base),
            SchemaFingerprint.of(base.add("channel", DataTypes.StringType)));
    assertThat(change.added()).containsExactly("channel");
    assertThat(change.breaking()).isFalse();
    assertThat(change.describe()).isEqualTo("added columns [channel]");
  }

  @Test
  void droppedAndRetypedColumnsAreBreakingAndNamed() {
    StructType now =
        new StructType().add("ID", DataTypes.LongType).add("amount", DataTypes.DoubleType);
    SchemaChange change =
        SchemaChange.between(SchemaFingerprint.of(base), SchemaFingerprint.of(now));
    assertThat(change.dropped()).containsExactly("note");
    assertThat(change.retyped())
        .containsExactly(new SchemaChange.Retyped("amount", "decimal(12,2)", "double"));
    assertThat(change.breaking()).isTrue();
    assertThat(change.describe())
        .isEqualTo("dropped columns [note]; column amount retyped from decimal(12,2) to double");
  }

  @Test
  void fingerprintRoundTripsThroughTheManifestJson() throws Exception {
    SchemaFingerprint fp = SchemaFingerprint.of(base);
    String json = io.lakeops.jobs.common.JsonFiles.MAPPER.writeValueAsString(fp);
    SchemaFingerprint back = SchemaFingerprint.fromJson(json);
    assertThat(back).isEqualTo(fp);
    assertThat(back.columns())
        .extracting(SchemaFingerprint.Column::name)
        .isEqualTo(List.of("id", "amount", "note"));
  }
}
