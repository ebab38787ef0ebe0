package io.lakeops.adapters.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a local cluster's working directory: a {@code LIVY_HOME} whose livy.conf points Livy at a
 * local Spark master, and a {@code SPARK_HOME} whose {@code bin/spark-submit} runs Spark 3.5 from
 * the jars the build copied. No Spark distribution is installed: Livy only runs spark-submit as a
 * process, so Livy's classpath (Scala 2.11) and Spark's (Scala 2.12) never meet.
 */
final class LocalClusterLayout {
  /** What Spark 3.5 needs to run on Java 17 (see RUNTIME-NOTES), one flag per package. */
  static final List<String> SPARK_JVM_FLAGS =
      List.of(
          "-Djdk.reflect.useDirectMethodHandle=false",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED");

  /**
   * Livy 0.7 runs {@code spark-submit --version} at start and refuses Spark 3; the banner of the
   * last Spark it supports lets it start. Batches run Spark 3.5.7 all the same.
   */
  private static final String VERSION_BANNER =
      """
      Welcome to
            ____              __
           / __/__  ___ _____/ /__
          _\\ \\/ _ \\/ _ `/ __/  '_/
         /___/ .__/\\_,_/_/ /_/\\_\\   version 2.4.8
            /_/

      Using Scala version 2.11.12, OpenJDK 64-Bit Server VM, 17
      Branch HEAD
      """;

  /** Where things are in one cluster's working directory. */
  record Paths(Path dir) {
    Path livyHome() {
      return dir.resolve("livy");
    }

    Path livyConf() {
      return livyHome().resolve("conf");
    }

    Path livyLogs() {
      return livyHome().resolve("logs");
    }

    Path sparkHome() {
      return dir.resolve("spark");
    }

    Path sparkConf() {
      return sparkHome().resolve("conf");
    }

    Path serverLog() {
      return dir.resolve("livy-server.log");
    }
  }

  private final LocalClusterSettings settings;

  LocalClusterLayout(LocalClusterSettings settings) {
    this.settings = settings;
  }

  Paths write(Path dir, int port) {
    Paths p = new Paths(dir.toAbsolutePath().normalize());
    try {
      Files.createDirectories(p.livyConf());
      Files.createDirectories(p.livyLogs());
      Files.createDirectories(p.sparkHome().resolve("bin"));
      Files.createDirectories(p.sparkConf());
      Files.createDirectories(p.dir().resolve("spark-tmp"));
      Files.writeString(p.livyConf().resolve("livy.conf"), livyConf(port));
      Files.writeString(p.livyConf().resolve("log4j.properties"), LOG4J);
      Files.writeString(p.sparkConf().resolve("spark-defaults.conf"), sparkDefaults(p));
      Path submit = p.sparkHome().resolve("bin/spark-submit");
      Files.writeString(submit, sparkSubmitScript());
      Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare local cluster in " + dir, e);
    }
    return p;
  }

  String livyConf(int port) {
    String whitelist =
        settings.readableDirs().stream().map(Path::toString).collect(Collectors.joining(","));
    return "livy.server.host = 127.0.0.1\n"
        + "livy.server.port = "
        + port
        + "\n"
        + "livy.spark.master = "
        + settings.sparkMaster()
        + "\n"
        + "livy.spark.deploy-mode = client\n"
        + "livy.file.local-dir-whitelist = "
        + whitelist
        + "\n"
        + "livy.server.session.state-retain.sec = "
        + settings.stateRetain().toSeconds()
        + "s\n";
  }

  /**
   * Runs SparkSubmit in this JVM's place, as Spark's own launcher would in client mode: the driver
   * heap and extra driver classpath of the batch ({@code spark.driver.memory}, {@code
   * spark.driver.extraClassPath}) become JVM options. The jobs jar is on the driver's classpath as
   * the application jar is in YARN cluster mode on EMR: Spark's JDBC source only finds drivers
   * there (a driver seen only by Spark's child class loader is "No suitable driver").
   */
  String sparkSubmitScript() {
    String flags =
        SPARK_JVM_FLAGS.stream().map(LocalClusterLayout::quote).collect(Collectors.joining(" "));
    return "#!/bin/sh\n"
        + "# Written by Lakeops for a local cluster; see docs/livy-and-local-clusters.md.\n"
        + "if [ \"$1\" = \"--version\" ]; then\n"
        + "  cat >&2 <<'BANNER'\n"
        + VERSION_BANNER
        + "BANNER\n"
        + "  exit 0\n"
        + "fi\n"
        + "cp="
        + quote(settings.sparkJars() + "/*:" + settings.jobsJar())
        + "\n"
        + "xmx="
        + settings.driverMemoryMb()
        + "m\n"
        + "opts=\n"
        + "share=\n"
        + "prev=\n"
        + "for a in \"$@\"; do\n"
        + "  case \"$prev\" in\n"
        + "    --conf)\n"
        + "      case \"$a\" in\n"
        + "        spark.driver.extraClassPath=*) cp=\"$cp:${a#spark.driver.extraClassPath=}\" ;;\n"
        + "        spark.driver.memory=*) xmx=\"${a#spark.driver.memory=}\" ;;\n"
        + "        spark.driver.extraJavaOptions=*) opts=\"$opts ${a#spark.driver.extraJavaOptions=}\""
        + " ;;\n"
        + "        "
        + CDS_CONF
        + "=true) share=1 ;;\n"
        + "      esac ;;\n"
        + "    --driver-class-path) cp=\"$cp:$a\" ;;\n"
        + "    --driver-memory) xmx=\"$a\" ;;\n"
        + "    --driver-java-options) opts=\"$opts $a\" ;;\n"
        + "  esac\n"
        + "  prev=\"$a\"\n"
        + "done\n"
        + classDataSharing()
        + "# shellcheck disable=SC2086 # the driver's options are words, as for Spark's launcher\n"
        + "exec "
        + quote(settings.java().toString())
        + " \"-Xmx$xmx\" "
        + flags
        + " $cds $opts -cp \"$cp\" org.apache.spark.deploy.SparkSubmit \"$@\"\n";
  }

  /**
   * Class-data sharing for Spark's classes, which a driver otherwise loads and verifies afresh at
   * every start, for batches whose conf sets {@link #CDS_CONF} to {@code true} (short-lived drivers
   * such as extractions: a streaming driver would hold the archive's dump until it stops): the
   * first such driver of a console (the one that creates the lock directory) records the classes it
   * loaded into an archive when it exits ({@code -XX:ArchiveClassesAtExit}); every later one maps
   * that archive ({@code -XX:SharedArchiveFile}). The JVM writes the archive's header last and
   * checks it, so a driver starting during the dump, or with another class path, just runs without
   * sharing ({@code -Xshare:auto}).
   */
  String classDataSharing() {
    String archive = quote(settings.workDir().resolve(CDS_ARCHIVE).toString());
    return "cds=\n"
        + "if [ -z \"$share\" ]; then\n"
        + "  :\n"
        + "elif [ -f "
        + archive
        + " ]; then\n"
        + "  cds=-XX:SharedArchiveFile="
        + archive
        + "\n"
        + "elif mkdir -p "
        + quote(settings.workDir().toString())
        + " && mkdir "
        + quote(settings.workDir().resolve(CDS_ARCHIVE + ".lock").toString())
        + " 2>/dev/null; then\n"
        + "  cds=-XX:ArchiveClassesAtExit="
        + archive
        + "\n"
        + "fi\n";
  }

  /** The batch conf that makes a driver share the class-data archive. */
  static final String CDS_CONF = "spark.lakeops.driver.classDataSharing";

  /** The class-data sharing archive of the drivers, in the clusters' work directory. */
  static final String CDS_ARCHIVE = "spark-driver-cds.jsa";

  private String sparkDefaults(Paths p) {
    Map<String, String> conf = new LinkedHashMap<>();
    // No web UI per batch: it only costs start-up time and ports on a laptop.
    conf.put("spark.ui.enabled", "false");
    conf.put("spark.local.dir", p.dir().resolve("spark-tmp").toString());
    conf.put("spark.sql.warehouse.dir", p.dir().resolve("spark-warehouse").toString());
    conf.putAll(settings.sparkConf());
    return conf.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue() + "\n")
        .collect(Collectors.joining());
  }

  /** Single-quotes a word for sh. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static final String LOG4J =
      """
      log4j.rootCategory=INFO, console
      log4j.appender.console=org.apache.log4j.ConsoleAppender
      log4j.appender.console.target=System.err
      log4j.appender.console.layout=org.apache.log4j.PatternLayout
      log4j.appender.console.layout.ConversionPattern=%d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n
      """;
}
