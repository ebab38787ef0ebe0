package io.lakeops.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionKeySourceTest {
  @TempDir Path data;

  @Test
  void theKeyIsMadeOnceOwnerOnlyAndReadBackAtTheNextStart() throws Exception {
    Path file = data.resolve("nested/session.key");

    String first = SessionKeySource.keptIn(file);

    assertThat(first).hasSizeGreaterThanOrEqualTo(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(SessionKeySource.keptIn(file)).isEqualTo(first);
    assertThat(SessionKeySource.keptIn(data.resolve("other.key"))).isNotEqualTo(first);
  }

  @Test
  void aFileWithoutAKeyStopsTheStartSayingWhatToDo() throws Exception {
    Path file = Files.writeString(data.resolve("session.key"), "short\n");

    assertThatThrownBy(() -> SessionKeySource.keptIn(file))
        .hasMessageContaining("delete it to have one made")
        .hasMessageNotContaining("short");
  }
}
