-- The embedded state store: the same records as the DynamoDB tables, one row each, the domain record
-- kept as JSON beside the columns that are indexed. Times are epoch milliseconds, as in DynamoDB.

CREATE TABLE state_job (
    id          VARCHAR(63)  NOT NULL PRIMARY KEY,
    version     BIGINT       NOT NULL,
    changed_at  BIGINT       NOT NULL,
    doc         CLOB         NOT NULL
);
CREATE INDEX state_job_by_change ON state_job (changed_at, id);

CREATE TABLE state_run (
    id                 VARCHAR(100) NOT NULL PRIMARY KEY,
    job_id             VARCHAR(63)  NOT NULL,
    state              VARCHAR(16)  NOT NULL,
    cluster_id         VARCHAR(63),
    occupying_cluster  VARCHAR(63),
    scheduled_for      BIGINT       NOT NULL,
    version            BIGINT       NOT NULL,
    changed_at         BIGINT       NOT NULL,
    doc                CLOB         NOT NULL
);
CREATE INDEX state_run_newest ON state_run (scheduled_for DESC, id DESC);
CREATE INDEX state_run_by_job ON state_run (job_id, scheduled_for DESC, id DESC);
CREATE INDEX state_run_by_state ON state_run (state, scheduled_for DESC, id DESC);
CREATE INDEX state_run_by_cluster ON state_run (cluster_id, scheduled_for DESC, id DESC);
CREATE INDEX state_run_occupying ON state_run (occupying_cluster, id);
CREATE INDEX state_run_by_change ON state_run (changed_at, id);

CREATE TABLE state_cluster (
    id            VARCHAR(63)  NOT NULL PRIMARY KEY,
    pool          VARCHAR(63)  NOT NULL,
    live          BOOLEAN      NOT NULL,
    requested_at  BIGINT       NOT NULL,
    version       BIGINT       NOT NULL,
    changed_at    BIGINT       NOT NULL,
    doc           CLOB         NOT NULL
);
CREATE INDEX state_cluster_by_pool ON state_cluster (pool, requested_at DESC, id DESC);
CREATE INDEX state_cluster_live ON state_cluster (live, id);
CREATE INDEX state_cluster_by_change ON state_cluster (changed_at, id);

CREATE TABLE state_lease (
    name        VARCHAR(100) NOT NULL PRIMARY KEY,
    holder      VARCHAR(200) NOT NULL,
    expires_at  BIGINT       NOT NULL,
    version     BIGINT       NOT NULL
);
