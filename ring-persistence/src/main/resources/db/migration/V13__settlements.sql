-- Settlements, payouts and refunds made real (docs/settlements.md): what V9 left to the features
-- that move the money after a sale.

-- How a refund undid the sale's allocation (recipe 6): the commission, referral and vendor parts,
-- which add up to the amount once the refund succeeded. The settlement deducts the vendor part of
-- the refunds made before it; a refund after it is a claw-back (refunds.clawback).
alter table refunds add column commission_minor bigint not null default 0;
alter table refunds add column referral_minor bigint not null default 0;
alter table refunds add column vendor_minor bigint not null default 0;
alter table refunds add constraint refunds_parts_ck check (commission_minor >= 0
    and referral_minor >= 0 and vendor_minor >= 0
    and (status <> 'succeeded' or commission_minor + referral_minor + vendor_minor = amount_minor));
create index refunds_recent_ix on refunds (created_at desc);

-- A refund's restock returns an order's goods once, however often it is retried.
create unique index stock_movements_return_uq on stock_movements (order_id, level_id) where kind = 'return';

-- At most one open settlement per vendor and currency: a run continues the one an interrupted run
-- left open instead of starting a second, so an interrupted and recovered run settles exactly as an
-- uninterrupted one. A settlement can therefore take lines from more than one run (run_id is the
-- last of them), so V9's unique (vendor, run, currency) gives way to this index.
drop index settlements_open_uq;
create unique index settlements_one_open_uq on settlements (vendor_id, currency) where status = 'open';
create index settlements_run_ix on settlements (run_id);
alter table settlements add column clawback_minor bigint not null default 0;
alter table settlements add constraint settlements_amounts_ck check (clawback_minor >= 0
    and clawback_minor <= greatest(net_minor, 0));

-- Payouts: the bank reference we send (reference), what was netted against claw-backs, when the
-- CSV for the bank listed it and who marked it paid.
alter table payouts add column reference varchar(40);
alter table payouts add column clawback_minor bigint not null default 0;
alter table payouts add column exported_at timestamptz;
alter table payouts add column paid_by bigint references users (id);
alter table payouts add constraint payouts_amount_ck check (amount_minor > 0 and clawback_minor >= 0);
create unique index payouts_reference_uq on payouts (reference);
create index payouts_status_ix on payouts (status, id);

-- The ledger console lists recent entries by kind.
create index ledger_entries_kind_ix on ledger_entries (kind, id desc);
