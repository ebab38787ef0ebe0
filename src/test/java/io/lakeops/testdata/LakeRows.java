package io.lakeops.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads what the jobs wrote to the lake with a reader of its own (DuckDB's Parquet reader, not
 * Spark), so that a test can reconcile the lake with the source independently of the job.
 */
public final class LakeRows {
  private LakeRows() {}

  /**
   * The {@code id} column of every row of one batch folder, in order, duplicates kept; none for a
   * folder without Parquet files (an empty window).
   */
  public static List<Long> ids(Path batch) throws SQLException, IOException {
    try (Stream<Path> files = Files.list(batch)) {
      if (files.noneMatch(f -> f.getFileName().toString().endsWith(".parquet"))) {
        return List.of();
      }
    }
    String glob = batch.resolve("*.parquet").toString().replace("'", "''");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duck.createStatement();
        ResultSet rows =
            s.executeQuery("SELECT id FROM read_parquet('" + glob + "') ORDER BY id")) {
      List<Long> ids = new ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
      return ids;
    }
  }
}
