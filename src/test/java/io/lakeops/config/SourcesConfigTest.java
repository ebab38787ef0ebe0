package io.lakeops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * Password references as the console checks them at start (SmallRye with Bean Validation, as
 * Quarkus runs it): the three forms pass, anything else stops the start, and the message never
 * repeats what was written, which may be a password.
 */
class SourcesConfigTest {
  private static final Validator VALIDATOR =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  @Test
  void theThreeFormsOfReferencePass() {
    for (String ref :
        new String[] {
          "env:SHOP_DB_PASSWORD",
          "file:/run/secrets/shop",
          "secretsmanager:prod/shop-db",
          "secretsmanager:prod/shop-db#password",
          "secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/shop-db-AbCdEf",
          "secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/shop-db-AbCdEf"
              + "#password"
        }) {
      assertThat(shop(ref).passwordRef()).contains(ref);
    }
  }

  @Test
  void aMalformedSecretsManagerReferenceStopsTheStartWithoutEchoingIt() {
    for (String ref :
        new String[] {
          "secretsmanager:#password",
          "secretsmanager:p@ss word",
          "secretsmanager:prod/db#",
          "hunter2"
        }) {
      assertThatThrownBy(() -> shop(ref))
          .as(ref)
          .hasMessageContaining("lakeops.sources.shop.password-ref")
          .hasMessageContaining("secretsmanager:<secret name or ARN>[#<JSON key>]")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(ref));
    }
  }

  private static SourcesConfig.Source shop(String passwordRef) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(SourcesConfig.class)
            .withConverter(Duration.class, 100, new DurationConverter())
            .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
            .withSources(
                new PropertiesConfigSource(
                    Map.of(
                        "lakeops.sources.shop.jdbc-url",
                        "jdbc:mysql://shop:3306/shop",
                        "lakeops.sources.shop.password-ref",
                        passwordRef),
                    "test",
                    100))
            .build();
    return config.getConfigMapping(SourcesConfig.class).sources().get("shop");
  }
}
