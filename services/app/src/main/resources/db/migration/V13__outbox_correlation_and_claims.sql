-- The correlation id of the work that made an announcement (X-Request-Id or made up at intake): sent with it.
alter table referral_outbox add column correlation_id varchar(64);
-- Who is sending it until when: one sender at a time (the immediate publish, a sweep, another replica's sweep).
-- Two sends racing with one duplicate-detection id can both get through the broker; one after the other cannot.
alter table referral_outbox add column claimed_until timestamp with time zone;
