package io.lakeops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.domain.JobId;
import io.lakeops.domain.JobKind;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.StateStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Job definitions declared in a file are applied at start and audited as such. */
@QuarkusTest
@TestProfile(DefinitionsFileTest.WithDefinitionsFile.class)
class DefinitionsFileTest {
  @Inject StateStore store;
  @Inject AuditLog audit;

  public static class WithDefinitionsFile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "lakeops.jobs.definitions-file",
          Path.of("test/resources/definitions/jobs.yaml").toAbsolutePath().toString());
    }
  }

  @Test
  void theJobsOfTheFileExistAfterStart() {
    assertThat(store.findJob(new JobId("shop-orders")).orElseThrow().schedule().expression())
        .isEqualTo("every 5m");
    assertThat(store.findJob(new JobId("clicks")).orElseThrow().kind())
        .isEqualTo(JobKind.STREAMING);
    assertThat(audit.latest(EntityKind.JOB, "clicks").orElseThrow().actor())
        .isEqualTo("definitions-file");
  }
}
