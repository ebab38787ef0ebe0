package io.lakeops.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV cells: always quoted, quotes doubled, formulas defused. */
class AuditCsvTest {

  @Test
  void cellsAreQuotedAndQuotesDoubled() {
    assertThat(AuditCsv.cell("plain")).isEqualTo("\"plain\"");
    assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(AuditCsv.cell(null)).isEqualTo("\"\"");
  }

  @Test
  void cellsASpreadsheetWouldRunAreDefused() {
    assertThat(AuditCsv.cell("=HYPERLINK(\"http://x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(AuditCsv.cell("+1")).isEqualTo("\"'+1\"");
    assertThat(AuditCsv.cell("-2")).isEqualTo("\"'-2\"");
    assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
    assertThat(AuditCsv.cell("\tcmd")).isEqualTo("\"'\tcmd\"");
    assertThat(AuditCsv.cell("a=b")).isEqualTo("\"a=b\"");
  }
}
