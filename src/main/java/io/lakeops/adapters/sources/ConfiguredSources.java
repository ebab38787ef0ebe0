package io.lakeops.adapters.sources;

import io.lakeops.config.SourcesConfig;
import io.lakeops.domain.Text;
import io.lakeops.ports.SubmissionRejectedException;

/**
 * The sources of {@code lakeops.sources}, looked up by the name a job gives. A missing source, or a
 * password reference that is not one, refuses the submission that needed it: retrying cannot help
 * until the configuration changes.
 */
public final class ConfiguredSources {
  private final SourcesConfig config;

  public ConfiguredSources(SourcesConfig config) {
    this.config = config;
  }

  /** The source named {@code name}; {@code neededBy} says who asked, for the message. */
  public SourcesConfig.Source require(String name, String neededBy) {
    SourcesConfig.Source source = name == null ? null : config.sources().get(name);
    if (source == null) {
      throw new SubmissionRejectedException(
          "no source named "
              + Text.quoteForMessage(name)
              + " is configured (lakeops.sources.<name>.jdbc-url), as "
              + neededBy
              + " needs");
    }
    source
        .passwordRef()
        .filter(ref -> !SecretRefs.isReference(ref))
        .ifPresent(
            literal -> {
              // The value is not echoed: it may well be the password.
              throw new SubmissionRejectedException(
                  "lakeops.sources." + name + ".password-ref " + SourcesConfig.PASSWORD_REF_FORMS);
            });
    return source;
  }
}
