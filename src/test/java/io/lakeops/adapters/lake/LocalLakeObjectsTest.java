package io.lakeops.adapters.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.ports.LakeObjects;
import io.lakeops.ports.LakeReadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lake as a folder on this machine, the embedded default. */
class LocalLakeObjectsTest extends LakeObjectsContract {
  @TempDir Path folder;

  @Override
  protected LakeObjects lake() {
    return new LocalLakeObjects(folder);
  }

  @Override
  protected void put(String key, String text) {
    FolderLake.put(folder, key, text);
  }

  @Test
  void aFolderIsGivenAsAPathOrAFileUri() {
    put("a/b.json", "{}");

    assertThat(LocalLakeObjects.at(folder.toString()).read("a/b.json")).contains("{}");
    assertThat(LocalLakeObjects.at("file:" + folder).read("a/b.json")).contains("{}");
    assertThat(LocalLakeObjects.at("file://" + folder).read("a/b.json")).contains("{}");
  }

  @Test
  void aFileThatIsNotTextIsAReadFailureNamingIt() throws IOException {
    Files.write(folder.resolve("bad.json"), new byte[] {(byte) 0xC3, (byte) 0x28});

    assertThatThrownBy(() -> lake().read("bad.json"))
        .isInstanceOf(LakeReadException.class)
        .hasMessageContaining(folder.resolve("bad.json").toString());
  }
}
