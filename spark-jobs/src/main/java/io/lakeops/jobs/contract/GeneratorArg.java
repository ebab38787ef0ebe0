package io.lakeops.jobs.contract;

/** The arguments of {@link JobMainClasses#CLICK_GENERATOR} (docs/spark-jobs.md, "Generator"). */
public enum GeneratorArg implements JobArg {
  BOOTSTRAP("bootstrap"),
  TOPIC("topic"),
  RATE("rate"),
  DURATION_S("duration-s"),
  SEED("seed"),
  THINK_MS("think-ms"),
  START("start"),
  REALTIME("realtime"),
  ZIPF("zipf");

  private final String key;

  GeneratorArg(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }
}
