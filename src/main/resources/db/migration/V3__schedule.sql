-- The due index of the scheduler: one row per job, found by "due at or before now" through an index
-- on next_due_at. A paused job's row has no next_due_at and so never shows up as due. Times are epoch
-- milliseconds, as in DynamoDB.

CREATE TABLE state_schedule (
    id                  VARCHAR(63)   NOT NULL PRIMARY KEY,
    next_due_at         BIGINT,
    last_scheduled_for  BIGINT,
    watermark           VARCHAR(200)  NOT NULL,
    alert               VARCHAR(1000),
    version             BIGINT        NOT NULL,
    changed_at          BIGINT        NOT NULL
);
CREATE INDEX state_schedule_due ON state_schedule (next_due_at, id);
