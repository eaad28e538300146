-- Coordinator teams' queues are chosen by the referral's region and program (aftercare.broker.referral-routes).
alter table referral_outbox add column program varchar(80);
