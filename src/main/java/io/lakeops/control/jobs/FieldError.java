package io.lakeops.control.jobs;

/**
 * One thing wrong with one field of an input, named by its path (for example {@code
 * extraction.table}).
 */
public record FieldError(String field, String message) {}
