package io.lakeops.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The packaged console carries no session key. Quarkus' build reads the configuration as the
 * console will and records what it finds as the package's defaults, so a key made or read during
 * the build (a data directory's {@code session.key}, {@code LAKEOPS_SESSION_KEY} in the builder's
 * environment) would ship inside {@code quarkus-app} and every image made from it. Only the
 * configuration mapping may name the property; nothing may give it a value.
 */
class PackagedConsoleKeysProcessIT {
  private static final String PROPERTY = "quarkus.http.auth.session.encryption-key";

  @Test
  void noGeneratedClassOfThePackageGivesTheSessionKeyAValue() throws IOException {
    Path app =
        Path.of(System.getProperty("lakeops.consoleJar", "target/quarkus-app/quarkus-run.jar"))
            .getParent();
    List<String> holding = new ArrayList<>();
    int classes = 0;
    for (String jar : List.of("generated-bytecode.jar", "transformed-bytecode.jar")) {
      Path file = app.resolve("quarkus").resolve(jar);
      if (!Files.exists(file)) {
        continue;
      }
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
          if (!e.getName().endsWith(".class")) {
            continue;
          }
          classes++;
          boolean mapping = e.getName().endsWith("$$CMImpl.class");
          if (!mapping && contains(zip, PROPERTY)) {
            holding.add(jar + "!" + e.getName());
          }
        }
      }
    }
    assertThat(classes).as("generated classes read").isPositive();
    assertThat(holding).as("classes that record a value for " + PROPERTY).isEmpty();
  }

  private static boolean contains(InputStream in, String text) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(text);
  }
}
