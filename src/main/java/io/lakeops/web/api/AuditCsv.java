package io.lakeops.web.api;

import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.AuditQuery;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The audit log as CSV (RFC 4180, every cell quoted), written a page at a time so an export of the
 * whole log never sits in memory. Cells that a spreadsheet would run as a formula get a leading
 * apostrophe: an actor or reason is typed by people and must stay text.
 */
public final class AuditCsv {
  static final List<String> HEADER =
      List.of(
          "sequence",
          "at",
          "actor",
          "action",
          "entityKind",
          "entityId",
          "version",
          "reason",
          "before",
          "after");
  private static final int PAGE = PageRequest.MAX_LIMIT;

  private AuditCsv() {}

  public static StreamingOutput of(AuditLog log, AuditQuery query) {
    return out -> {
      Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      row(writer, HEADER);
      Optional<String> cursor = Optional.empty();
      do {
        Page<AuditEntry> page = log.search(query, new PageRequest(PAGE, cursor));
        for (AuditEntry e : page.items()) {
          row(
              writer,
              List.of(
                  Long.toString(e.sequence()),
                  e.at().toString(),
                  e.actor(),
                  e.action(),
                  e.entityKind().name(),
                  e.entityId(),
                  Long.toString(e.version()),
                  nullToEmpty(e.reason()),
                  nullToEmpty(e.before()),
                  nullToEmpty(e.after())));
        }
        cursor = page.next();
      } while (cursor.isPresent());
      writer.flush();
    };
  }

  static void row(Writer writer, List<String> cells) throws java.io.IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      writer.write(cell(cells.get(i)));
    }
    writer.write("\r\n");
  }

  /** One quoted cell, defused when a spreadsheet would read it as a formula. */
  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
