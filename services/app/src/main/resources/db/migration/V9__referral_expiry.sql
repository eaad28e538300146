-- Inactive referrals: flagged overdue once, expired later (aftercare.referral.overdue-after / expire-after).
alter table referral_task add column overdue_at timestamp with time zone;
