-- Step 4: referrals are worked. Every Task of a referral (one per group tried, and the tasks for a
-- coordinator) with the facts it is searched by; the groups matching offered, in rank order, for
-- re-routing when a group declines; and every change, in order, for engagement and the clinic.
create table referral_task (
    id               varchar(64)  primary key,
    referral_id      varchar(64)  not null references referral (id),
    code             varchar(40)  not null,   -- fulfill | choose-group | …
    status           varchar(20)  not null,
    business_status  varchar(10),
    owner_ref        varchar(200),            -- HealthcareService/<id>; null: a coordinator decides
    patient_id       varchar(64)  not null,
    focus_ref        varchar(200) not null,
    attempt          integer      not null,   -- 1 for the first group tried, 2 for the next …
    version_id       integer      not null,
    last_updated     timestamp with time zone not null
);
create index referral_task_referral on referral_task (referral_id);
create index referral_task_status on referral_task (status, last_updated);
create index referral_task_owner on referral_task (owner_ref);
create index referral_task_patient on referral_task (patient_id);

insert into referral_task (id, referral_id, code, status, business_status, owner_ref, patient_id, focus_ref, attempt,
                           version_id, last_updated)
    select task_id, id, 'fulfill', 'requested', '2.0',
           case when group_id is null then null else concat('HealthcareService/', group_id) end,
           patient_id, concat('ServiceRequest/', service_request_id), 1, 1, created_at
    from referral;

create table referral_offer (
    referral_id  varchar(64) not null references referral (id),
    offer_rank   integer     not null,        -- 1 = best
    group_id     varchar(64) not null,
    primary key (referral_id, offer_rank)
);

create table referral_event (
    id               varchar(64)  primary key,
    referral_id      varchar(64)  not null references referral (id),
    task_id          varchar(64)  not null,
    occurred_at      timestamp with time zone not null,
    from_status      varchar(20),
    to_status        varchar(20)  not null,
    business_status  varchar(10),
    reason           varchar(80),             -- statusReason code, never free text (may hold PHI)
    actor            varchar(200) not null    -- authenticated client, or the service itself
);
create index referral_event_referral on referral_event (referral_id, occurred_at);
