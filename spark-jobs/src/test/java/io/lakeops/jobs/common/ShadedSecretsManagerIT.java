package io.lakeops.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.jobs.testing.RecordedSecretsManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job jar's own, relocated Secrets Manager client, loaded as a driver loads it: the shaded jar
 * and Spark's jars in a class loader of their own, nothing of this test's class path. Its
 * credentials and region come from the SDK's default chains (here the aws.* system properties, on
 * EMR the instance role) and its endpoint the SDK's own way ({@code
 * aws.endpointUrlSecretsManager}), pointed at recorded exchanges (WireMock).
 */
class ShadedSecretsManagerIT {
  private static final Map<String, String> SDK_PROPERTIES =
      Map.of(
          "aws.region", "us-east-1",
          "aws.accessKeyId", "AKIDEXAMPLE",
          "aws.secretAccessKey", "not-a-real-key");

  private final RecordedSecretsManager aws = new RecordedSecretsManager();

  @BeforeEach
  void pointTheSdkAtTheRecording() {
    SDK_PROPERTIES.forEach(System::setProperty);
    System.setProperty("aws.endpointUrlSecretsManager", aws.endpoint().toString());
  }

  @AfterEach
  void forget() {
    SDK_PROPERTIES.keySet().forEach(System::clearProperty);
    System.clearProperty("aws.endpointUrlSecretsManager");
    aws.close();
  }

  @Test
  void theJobJarResolvesAJsonKeyOfASecretThroughItsRelocatedClient() throws Exception {
    aws.secret("prod/shop-db", "prod/shop-db", "{\"username\":\"u\",\"password\":\"jar-s3cret\"}");

    try (URLClassLoader driver = driverClassLoader()) {
      assertThat(resolve(driver, "secretsmanager:prod/shop-db#password")).isEqualTo("jar-s3cret");
      assertThat(driver.loadClass("io.lakeops.jobs.shaded.awssdk.core.SdkClient")).isNotNull();
      assertThatThrownBy(() -> driver.loadClass("software.amazon.awssdk.core.SdkClient"))
          .isInstanceOf(ClassNotFoundException.class);
    }
    assertThat(aws.count(aws.requestsFor("prod/shop-db"))).isEqualTo(1);
  }

  @Test
  void aMissingSecretFailsNamingTheReference() throws Exception {
    aws.error("prod/gone", "ResourceNotFoundException", "Secrets Manager can't find it.");

    try (URLClassLoader driver = driverClassLoader()) {
      assertThatThrownBy(() -> resolve(driver, "secretsmanager:prod/gone"))
          .hasMessage("secret secretsmanager:prod/gone was not found in Secrets Manager");
    }
  }

  private static String resolve(ClassLoader driver, String reference) throws Exception {
    Class<?> secretRef = driver.loadClass(SecretRef.class.getName());
    Object refs = secretRef.getMethod("fromSystem").invoke(null);
    Method resolve = secretRef.getMethod("resolve", String.class);
    try {
      return (String) resolve.invoke(refs, reference);
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  private static URLClassLoader driverClassLoader() throws Exception {
    List<URL> jars = new ArrayList<>();
    jars.add(Path.of(System.getProperty("lakeops.jobJar")).toUri().toURL());
    String sparkClasspath =
        Files.readString(Path.of(System.getProperty("lakeops.sparkClasspath"))).strip();
    for (String jar : sparkClasspath.split(java.io.File.pathSeparator)) {
      jars.add(Path.of(jar).toUri().toURL());
    }
    return new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }
}
