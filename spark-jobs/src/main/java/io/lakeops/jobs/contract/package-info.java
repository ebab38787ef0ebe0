/**
 * The contract between the console and the jobs of this jar: the main classes the console submits,
 * the names of their arguments and where their results lie in the lake. The console compiles
 * against this package (and only this one), so a renamed argument or class breaks the build of both
 * sides instead of a run on a cluster. Plain JDK only: no Spark, Kafka or JSON library may be
 * imported here, since the console has none of them.
 */
package io.lakeops.jobs.contract;
