-- A rejected referral reward gives its share back to the vendors who funded it (docs/referrals.md).
-- Before the order is settled, the share given back is noted on the order, and its settlement line
-- deducts only the share still funded; after, it is owed to the vendor outside any order line
-- (ledger account vendor_adjustment:<vendor>) and paid with the vendor's next settlement.
alter table orders add column referral_returned_minor bigint not null default 0;
alter table orders add constraint orders_referral_returned_ck
    check (referral_returned_minor between 0 and referral_minor);

-- What a settlement paid on top of its lines (shares given back after their orders were settled).
alter table settlements add column adjustment_minor bigint not null default 0;
alter table settlements drop constraint settlements_amounts_ck;
alter table settlements add constraint settlements_amounts_ck check (clawback_minor >= 0
    and adjustment_minor >= 0 and clawback_minor <= greatest(net_minor + adjustment_minor, 0));
alter table payouts add column adjustment_minor bigint not null default 0;
