package io.lakeops.adapters.definitions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.lakeops.config.JobsConfig;
import io.lakeops.control.audit.Attribution;
import io.lakeops.control.jobs.InvalidDefinitionException;
import io.lakeops.control.jobs.JobDefinition;
import io.lakeops.control.jobs.JobDefinitionService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Applies the declarative definitions file at start ({@code lakeops.jobs.definitions-file}, YAML or
 * JSON with a top-level {@code jobs} list). A bad file stops the start with a message naming the
 * job and its fields: a half-applied file would be worse than none.
 */
@ApplicationScoped
class DefinitionsFileLoader {
  static final String ACTOR = "definitions-file";
  private static final Logger LOG = Logger.getLogger(DefinitionsFileLoader.class);

  /** The file's shape. */
  record DefinitionsFile(List<JobDefinition> jobs) {}

  void onStart(@Observes StartupEvent start, JobsConfig config, JobDefinitionService definitions) {
    config.definitionsFile().map(Path::of).ifPresent(file -> apply(file, definitions));
  }

  void apply(Path file, JobDefinitionService definitions) {
    List<JobDefinition> jobs = read(file);
    Attribution by = new Attribution(ACTOR, "applied from " + file.getFileName());
    for (int i = 0; i < jobs.size(); i++) {
      try {
        definitions
            .apply(jobs.get(i), by)
            .ifPresent(j -> LOG.infof("Applied job %s from %s", j.id(), file));
      } catch (InvalidDefinitionException e) {
        throw new IllegalStateException(file + ": jobs[" + i + "]: " + e.getMessage(), e);
      }
    }
  }

  private static List<JobDefinition> read(Path file) {
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      DefinitionsFile parsed = mapper.readValue(Files.readString(file), DefinitionsFile.class);
      return parsed == null || parsed.jobs() == null ? List.of() : parsed.jobs();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read job definitions file " + file + ": " + e.getMessage(), e);
    }
  }
}
