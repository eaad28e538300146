-- Follow-ups: each referral's plan (first contact, first meeting, 7/30/90-day check-ins), each item
-- published once as a Task on aftercare.followups when it comes due, escalated when left undone.
create table followup (
    id            varchar(64)  primary key,
    referral_id   varchar(64)  not null references referral (id),
    kind          varchar(40)  not null,       -- follow-up-kinds code
    due_at        timestamp with time zone not null,   -- when it is published
    done_by       timestamp with time zone not null,   -- when it is overdue if not done
    state         varchar(16)  not null,       -- planned | published | escalated | cancelled
    task_id       varchar(64),                 -- the Task, once published
    constraint followup_once unique (referral_id, kind)
);
create index followup_due on followup (state, due_at);

-- Announcements go to the referrals queue unless they name another (follow-ups).
alter table referral_outbox add column destination varchar(100);

-- The database lock that makes the scheduler a cluster singleton in embedded mode.
create table cluster_lease (
    name         varchar(100) primary key,
    holder       varchar(200) not null,
    expires_at   timestamp with time zone not null
);
