package io.lakeops.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every key the console reads, with the code's default: the keys are
 * derived from the compiled {@code @ConfigMapping} interfaces (prefix, kebab-case method names,
 * nested groups, maps as {@code <name>}, lists of groups as {@code [<i>]}, {@code @WithName},
 * {@code @WithParentName}) and the {@code @ConfigProperty} injection points of every console class.
 */
class ConfigurationReferenceTest {
  static final String DOC = "docs/configuration.md";
  private static final Pattern ROW =
      Pattern.compile("(?m)^\\| `([^`]+)` \\| [^|]* \\| ([^|]*) \\|");
  private static final String NONE = "\u0000none";

  /** Key (placeholders normalised) -> the code's default, or NONE. */
  static Map<String, String> inCode;

  /** Key (placeholders normalised) -> the default cell of its row. */
  static Map<String, String> inDoc;

  @BeforeAll
  static void read() throws Exception {
    inCode = new TreeMap<>();
    // Every compiled console class, by its file under target/classes (no class is initialised).
    Path compiled = RepoFiles.root().resolve("src/target/classes");
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(compiled.resolve("io/lakeops"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = compiled.relativize(file).toString().replace('/', '.');
        classes.add(
            Class.forName(
                name.substring(0, name.length() - ".class".length()),
                false,
                ConfigurationReferenceTest.class.getClassLoader()));
      }
    }
    for (Class<?> c : classes) {
      ConfigMapping mapping = c.getAnnotation(ConfigMapping.class);
      if (mapping != null) {
        keysOf(mapping.prefix(), c, inCode);
      }
      List<AnnotatedElement> points = new ArrayList<>(List.of(c.getDeclaredFields()));
      List<Executable> executables = new ArrayList<>(List.of(c.getDeclaredConstructors()));
      executables.addAll(List.of(c.getDeclaredMethods()));
      for (Executable e : executables) {
        for (Parameter p : e.getParameters()) {
          points.add(p);
        }
      }
      for (AnnotatedElement point : points) {
        ConfigProperty property = point.getAnnotation(ConfigProperty.class);
        if (property != null) {
          String def = property.defaultValue();
          inCode.put(
              normalise(property.name()),
              def.equals(ConfigProperty.UNCONFIGURED_VALUE) ? NONE : def);
        }
      }
    }
    inDoc = new TreeMap<>();
    Matcher rows = ROW.matcher(RepoFiles.read(DOC));
    while (rows.find()) {
      if (rows.group(1).startsWith("lakeops.")) {
        inDoc.put(normalise(rows.group(1)), rows.group(2).trim());
      }
    }
  }

  @Test
  void theMappingsAreFound() {
    // The reflection itself: a known key of each kind, so an empty scan cannot pass the tests
    // below.
    assertThat(inCode)
        .containsKeys(
            "lakeops.scheduler.interval",
            "lakeops.livy.retry.max-retries",
            "lakeops.pools.<*>.size",
            "lakeops.pools.<*>.emr.core.instance-types[*].type",
            "lakeops.pools.<*>.emr.configurations.<*>.<*>",
            "lakeops.security.users.<*>.roles",
            "lakeops.web.max-body-size");
  }

  @Test
  void everyKeyIsDocumented() {
    Set<String> missing = new TreeSet<>(inCode.keySet());
    missing.removeAll(inDoc.keySet());
    assertThat(missing).as("keys the console reads that %s does not list", DOC).isEmpty();
  }

  @Test
  void everyDocumentedKeyExists() {
    Set<String> stale = new TreeSet<>(inDoc.keySet());
    stale.removeAll(inCode.keySet());
    assertThat(stale).as("keys %s lists that no mapping or property has", DOC).isEmpty();
  }

  @Test
  void documentedDefaultsAreTheCodes() {
    Map<String, String> wrong = new TreeMap<>();
    inCode.forEach(
        (key, def) -> {
          String cell = inDoc.get(key);
          if (cell == null) {
            return; // reported by everyKeyIsDocumented
          }
          String expected = def == NONE ? null : def.isEmpty() ? "empty" : "`" + def + "`";
          boolean ok =
              expected == null ? cell.equals("—") || cell.equals("none") : cell.equals(expected);
          if (!ok) {
            wrong.put(
                key, "code: " + (expected == null ? "no default" : expected) + ", doc: " + cell);
          }
        });
    assertThat(wrong).as("defaults in %s that differ from the code's", DOC).isEmpty();
  }

  @Test
  void everyEnvironmentVariableOfTheDefaultsIsListed() {
    String doc = RepoFiles.read(DOC);
    Matcher variables =
        Pattern.compile("\\$\\{(LAKEOPS_[A-Z_]+)")
            .matcher(RepoFiles.read("src/main/resources/application.properties"));
    Set<String> missing = new TreeSet<>();
    while (variables.find()) {
      if (!doc.contains("`" + variables.group(1) + "`")) {
        missing.add(variables.group(1));
      }
    }
    assertThat(missing)
        .as("environment variables of application.properties not in %s", DOC)
        .isEmpty();
  }

  /** The keys of one mapping interface under {@code prefix}, with their defaults. */
  static void keysOf(String prefix, Class<?> mapping, Map<String, String> keys) {
    for (Method m : mapping.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())
          || m.isDefault()
          || m.getParameterCount() > 0
          || m.getDeclaringClass() == Object.class) {
        continue;
      }
      String name =
          m.isAnnotationPresent(WithParentName.class)
              ? ""
              : m.isAnnotationPresent(WithName.class)
                  ? m.getAnnotation(WithName.class).value()
                  : kebab(m.getName());
      String key = name.isEmpty() ? prefix : prefix + "." + name;
      WithDefault def = m.getAnnotation(WithDefault.class);
      add(key, m.getGenericReturnType(), def == null ? NONE : def.value(), keys);
    }
  }

  private static void add(String key, Type type, String def, Map<String, String> keys) {
    Class<?> raw = raw(type);
    if (raw == Optional.class) {
      add(key, argument(type, 0), def, keys);
    } else if (Map.class.isAssignableFrom(raw)) {
      add(key + ".<*>", argument(type, 1), def, keys);
    } else if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
      Type element = argument(type, 0);
      if (isGroup(raw(element))) {
        add(key + "[*]", element, def, keys);
      } else {
        keys.put(normalise(key), def);
      }
    } else if (isGroup(raw)) {
      keysOf(key, raw, keys);
    } else {
      keys.put(normalise(key), def);
    }
  }

  /** A nested group: an interface of the console's own (not a JDK or library type). */
  private static boolean isGroup(Class<?> type) {
    return type.isInterface() && type.getName().startsWith("io.lakeops.");
  }

  private static Class<?> raw(Type type) {
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return (Class<?>) type;
  }

  private static Type argument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }

  /** SmallRye's default naming: {@code throttlingRetries} is {@code throttling-retries}. */
  static String kebab(String name) {
    StringBuilder out = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('-').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * {@code <pool>} and {@code <name>} alike are {@code <*>}; {@code [0]} and {@code [<i>]} {@code
   * [*]}.
   */
  static String normalise(String key) {
    return key.replaceAll("\\[[^\\]]*\\]", "[*]").replaceAll("<[^>]*>", "<*>");
  }
}
