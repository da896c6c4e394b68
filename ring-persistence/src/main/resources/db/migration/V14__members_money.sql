-- Referrals, the credits wallet and membership (issue 5, items 9-11) on top of V9.

-- One active random code per person: two first visits of the dashboard at once make one code.
-- Username tags are not limited, so a link with an old username keeps working after a rename.
create unique index referral_codes_one_random_uq on referral_codes (owner_id) where kind = 'random' and active;

-- Why an admin approved or rejected a reward (or why it was refused automatically).
alter table referral_rewards add column decision_note varchar(500);

-- The membership expiry job's queues: active periods that ended, stale unpaid purchases.
create index subscriptions_active_end_ix on subscriptions (period_end) where status = 'active';
create index subscriptions_pending_ix on subscriptions (created_at) where status = 'pending';
