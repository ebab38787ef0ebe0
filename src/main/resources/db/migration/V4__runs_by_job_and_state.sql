-- A job's newest run in one state (the dashboard's latest success of each job it shows): exact with
-- this index, where the ones on job or on state alone leave H2 to scan a job's or a state's runs.
CREATE INDEX state_run_by_job_state ON state_run (job_id, state, scheduled_for DESC, id DESC);
