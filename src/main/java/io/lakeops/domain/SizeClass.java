package io.lakeops.domain;

/** The size of the clusters in a pool; heavy jobs go to bigger pools. */
public enum SizeClass {
  SMALL,
  MEDIUM,
  LARGE
}
