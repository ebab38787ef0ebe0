package io.lakeops.ports;

/** A submitted application: the endpoint's id for it and the name it was given. */
public record Submission(String id, String name) {}
