-- 42 CFR Part 2. A referral without a consent covering the peer coordinators is held: nothing goes
-- out, the message is kept to resume from when a consent arrives. Announcements not yet published
-- when a consent is revoked are withdrawn, never sent.
create table referral_held (
    referral_id  varchar(64)  primary key references referral (id),
    message      text         not null,   -- the discharge message as received (FHIR JSON)
    held_at      timestamp with time zone not null
);

alter table referral_outbox add column withdrawn_at timestamp with time zone;
