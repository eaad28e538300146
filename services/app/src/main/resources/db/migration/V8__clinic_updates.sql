-- Status back to the clinic: every change of a referral's Tasks, delivered to the referring system's
-- FHIR endpoint (PUT Task) with retries and backoff; given up after the last attempt, then kept in
-- DLQ.aftercare.clinic-updates to be reprocessed.
create table clinic_update (
    id               varchar(64)  primary key,
    referral_id      varchar(64)  not null references referral (id),
    task_id          varchar(64)  not null,
    client           varchar(200) not null,       -- the referring client, whose endpoint receives it
    created_at       timestamp with time zone not null,
    next_attempt_at  timestamp with time zone not null,
    attempts         integer      not null,
    delivered_at     timestamp with time zone,
    given_up_at      timestamp with time zone,
    last_error       varchar(300)                 -- HTTP status or error class, never a response body
);
create index clinic_update_due on clinic_update (delivered_at, given_up_at, next_attempt_at);
