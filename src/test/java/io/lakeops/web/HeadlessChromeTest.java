package io.lakeops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the browser test finds chromedriver and chromium: as a shell would, on a search path. */
class HeadlessChromeTest {
  @TempDir Path root;

  @Test
  void theFirstDirectoryOnThePathThatHasTheProgramWins() throws Exception {
    folder("empty");
    Path first = program(folder("first"), "chromedriver");
    program(folder("second"), "chromedriver");

    assertThat(HeadlessChrome.locate("chromedriver", null, path("empty", "first", "second")))
        .contains(first);
  }

  @Test
  void aFileThatIsNotExecutableOrAFolderOfTheNameIsPassedOver() throws Exception {
    Files.createFile(folder("plain").resolve("chromium"));
    Files.createDirectories(folder("folder").resolve("chromium"));
    Path found = program(folder("bin"), "chromium");

    assertThat(HeadlessChrome.locate("chromium", "", path("plain", "folder", "bin")))
        .contains(found);
  }

  @Test
  void aProgramOnNoDirectoryOfThePathIsNotFound() throws Exception {
    program(folder("elsewhere"), "chromedriver");

    assertThat(HeadlessChrome.locate("chromedriver", null, path("a", "b"))).isEmpty();
  }

  @Test
  void theSystemPropertyOverridesThePathAndIsNotReplacedWhenItNamesNoProgram() throws Exception {
    program(folder("bin"), "chromedriver");
    Path own = program(folder("own"), "my-chromedriver");

    assertThat(HeadlessChrome.locate("chromedriver", own.toString(), path("bin"))).contains(own);
    assertThat(HeadlessChrome.locate("chromedriver", root + "/missing", path("bin"))).isEmpty();
  }

  private Path folder(String name) throws Exception {
    return Files.createDirectories(root.resolve(name));
  }

  /** A search path of the named folders under the test's root, in this order. */
  private String path(String... folders) {
    return Arrays.stream(folders)
        .map(folder -> root.resolve(folder).toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static Path program(Path folder, String name) throws Exception {
    return Files.createFile(
        folder.resolve(name),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
  }
}
