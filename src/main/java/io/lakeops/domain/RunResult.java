package io.lakeops.domain;

/**
 * What a finished attempt reported in its manifest.
 *
 * @param rowsRead rows read from the source
 * @param rowsWritten rows written to the lake
 * @param watermarkReached the highest watermark value seen
 * @param qualityReport the data-quality report as the job wrote it (JSON)
 * @param schemaChange a description of a schema change, empty when none
 */
public record RunResult(
    long rowsRead,
    long rowsWritten,
    String watermarkReached,
    String qualityReport,
    String schemaChange) {}
