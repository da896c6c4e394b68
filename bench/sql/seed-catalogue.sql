-- The checkout benchmark's store: 100 active vendors (tiers starter, growth, professional,
-- enterprise in turn), :products active products spread over them (one in five digital, one in ten
-- with its own referral rate), a deep stock of every physical one, and :buyers subscribers with the
-- demo password (copied from the demo member, so the server must run with demo data) whose credit
-- wallets hold plenty, funded by balanced ledger entries so the ledger check stays sound.
-- Usage: psql -v products=10000 -v buyers=32 -f bench/sql/seed-catalogue.sql
\set ON_ERROR_STOP on
begin;

insert into ring.users(email, role, display_name, email_verified)
select 'bench-vendor-' || g || '@bench.ring', 'member', 'Bench vendor ' || g, true
  from generate_series(1, 100) g;
insert into ring.entities(name, type, short_description, owner_id, visibility)
select 'Bench shop ' || u.id, 'technologySoftware', 'A shop of the checkout benchmark', u.id, 'public'
  from ring.users u where u.email like 'bench-vendor-%@bench.ring';
insert into ring.vendors(entity_id, owner_id, name, slug, status, tier)
select e.id, e.owner_id, e.name, 'bench-shop-' || e.id, 'active',
       (array['starter', 'growth', 'professional', 'enterprise'])[1 + e.id % 4]
  from ring.entities e where e.name like 'Bench shop %';

insert into ring.store_products(vendor_id, title, slug, description, category, kind, price_minor,
                                currency, sku, status, referral_bps)
select v.id, 'Bench product ' || g, 'bench-p-' || g, 'A product of the checkout benchmark', 'other',
       case when g % 5 = 0 then 'digital' else 'physical' end,
       500 + (g * 7919) % 200000, 'UAH', 'B-' || g, 'active',
       case when g % 10 = 0 then 1000 end
  from generate_series(1, :products) g
  join (select id, row_number() over (order by id) - 1 as rn from ring.vendors
         where slug like 'bench-shop-%') v on v.rn = g % 100;
insert into ring.inventory_levels(product_id, available)
select id, 1000000 from ring.store_products where slug like 'bench-p-%' and kind = 'physical';

insert into ring.users(email, password_hash, role, display_name, email_verified)
select 'bench-buyer-' || g || '@bench.ring',
       (select password_hash from ring.users where email = 'member@ring.local'),
       'subscriber', 'Bench buyer ' || g, true
  from generate_series(1, :buyers) g;

insert into ring.ledger_accounts(code, currency, kind, normal_side, no_overdraft)
values ('gateway_cash', 'UAH', 'asset', 'D', false) on conflict (code, currency) do nothing;
insert into ring.ledger_accounts(code, currency, kind, normal_side, owner_type, owner_id, no_overdraft)
select 'wallet:' || id, 'UAH', 'liability', 'C', 'user', id, true
  from ring.users where email like 'bench-buyer-%@bench.ring'
    on conflict (code, currency) do nothing;
with funded as (
  insert into ring.ledger_entries(idempotency_key, kind, description)
  select 'bench-fund:' || id, 'topup', 'checkout benchmark wallet'
    from ring.users where email like 'bench-buyer-%@bench.ring'
  returning id, substring(idempotency_key from 12)::bigint as user_id)
insert into ring.ledger_postings(entry_id, account_id, side, amount_minor, currency)
select f.id, a.id, case when a.code = 'gateway_cash' then 'D' else 'C' end, 100000000000, 'UAH'
  from funded f
  join ring.ledger_accounts a
    on a.currency = 'UAH' and (a.code = 'gateway_cash' or a.code = 'wallet:' || f.user_id);
update ring.ledger_accounts a
   set balance_minor = (select coalesce(sum(case when p.side = a.normal_side then p.amount_minor
                                                 else -p.amount_minor end), 0)
                          from ring.ledger_postings p where p.account_id = a.id)
 where a.currency = 'UAH' and (a.code = 'gateway_cash' or a.code like 'wallet:%');

commit;
analyze;
