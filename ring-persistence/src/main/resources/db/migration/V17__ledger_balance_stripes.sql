-- The platform's own accounts (no owner, overdraft allowed: payments_clearing, gateway_cash,
-- platform_commission, referral_payable, ...) are in almost every ledger entry. Keeping their
-- balance in the one account row made every payment, checkout and settlement wait for the one
-- before it to commit (docs/performance.md, Payment webhooks and Checkout). Their balance changes
-- now go to one of a few stripe rows, chosen per transaction, so concurrent transactions rarely
-- touch the same row; the balance is the account row's plus its stripes' (docs/ledger.md).
-- Accounts with an owner (wallets, vendor payables) keep their balance in their row, under its row
-- lock, so a no-overdraft check stays exact.
create table ledger_balance_stripes (
    account_id      bigint        not null references ledger_accounts (id),
    stripe          smallint      not null,
    balance_minor   bigint        not null default 0,
    primary key (account_id, stripe)
);

-- Every account with its balance: what reads of balances use.
create view ledger_balances as
select a.id, a.code, a.currency, a.kind, a.normal_side, a.owner_type, a.owner_id, a.no_overdraft,
       a.balance_minor + coalesce((select sum(s.balance_minor) from ledger_balance_stripes s
                                    where s.account_id = a.id), 0) as balance_minor
  from ledger_accounts a;
