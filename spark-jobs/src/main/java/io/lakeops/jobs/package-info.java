/** Spark jobs run by Lakeops clusters: extraction, streaming and the click-stream generator. */
package io.lakeops.jobs;
