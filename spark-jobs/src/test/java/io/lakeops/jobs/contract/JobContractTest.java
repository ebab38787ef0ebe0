package io.lakeops.jobs.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobContractTest {
  private static final Path CONTRACT = Path.of("src/main/java/io/lakeops/jobs/contract");

  @ParameterizedTest
  @ValueSource(
      strings = {
        JobMainClasses.EXTRACTION,
        JobMainClasses.STREAMING,
        JobMainClasses.CLICK_GENERATOR
      })
  void eachMainClassNameIsAClassWithAMainMethod(String name) throws Exception {
    Method main = Class.forName(name).getMethod("main", String[].class);
    assertThat(Modifier.isStatic(main.getModifiers())).as(name + ".main is static").isTrue();
  }

  @Test
  void argumentKeysAreDistinctLowerCaseNames() {
    for (Class<? extends Enum<?>> arguments :
        List.of(ExtractionArg.class, StreamingArg.class, GeneratorArg.class)) {
      List<String> keys =
          Stream.of(arguments.getEnumConstants()).map(a -> ((JobArg) a).key()).toList();
      assertThat(keys).as(arguments.getSimpleName()).doesNotHaveDuplicates();
      assertThat(keys).allMatch(k -> k.matches("[a-z][a-z0-9-]*"), "lower-case kebab keys");
    }
    assertThat(ExtractionArg.PASSWORD_REF.flag()).isEqualTo("--password-ref");
  }

  /** The console has only the JDK: the contract may not import anything else. */
  @Test
  void theContractImportsOnlyTheJdk() throws IOException {
    try (Stream<Path> sources = Files.list(CONTRACT)) {
      List<String> imports =
          sources
              .flatMap(JobContractTest::lines)
              .filter(line -> line.startsWith("import "))
              .filter(line -> !line.matches("import (static )?java\\..*"))
              .toList();
      assertThat(imports).isEmpty();
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
