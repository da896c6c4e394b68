#!/usr/bin/env bash
# Settlement benchmark: one settlement run over 1,000,000 completed orders (one order line each) of
# 1,000 vendors, timed from the run ledger, then checked to the cent.
#   1. starts the Debian PostgreSQL 15 cluster (pg_ctlcluster 15 main start) and a fresh database;
#   2. starts Ring (server-config/run.sh) on it with every schedule off (demo mode, for the demo
#      admin's API token);
#   3. seeds with SQL: vendors on the four tiers (20/17/15/12 % commission), a product each, the
#      orders (completed 5 days ago, past every tier's 3-day hold; every tenth with a 5 % referral
#      share), their lines, and the ledger as checkout leaves it: a card payment per vendor and a
#      sale entry per order (recipe 2 of docs/ledger.md), account balances summed from the postings;
#   4. starts one settlement run through the admin API and waits for it;
#   5. reports the run's time and counts from the ledger (batch_runs), then checks that every order
#      is settled once, each vendor's settlement net and payout equal the vendor's part of its
#      orders, every vendor_payable is back to zero, and the ledger's balance check is sound.
# Usage: bench/settlement.sh      Settings: ORDERS (1000000), VENDORS (1000), CHUNK (orders per
#   chunk, 5000), RING_HTTP_PORT (18096), PGPORT (5432), READY_TIMEOUT (300), RUN_TIMEOUT (900).
set -euo pipefail
export LC_ALL=C
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ORDERS="${ORDERS:-1000000}"
VENDORS="${VENDORS:-1000}"
CHUNK="${CHUNK:-5000}"
PORT="${RING_HTTP_PORT:-18096}"
PGPORT="${PGPORT:-5432}"
DB="ring_settlement_bench"
BASE="http://127.0.0.1:${PORT}"
STAMP="$(date +%F-%H%M%S)"
LOG="$ROOT/bench/results/${STAMP}-settlement-server.log"
mkdir -p "$ROOT/bench/results"
log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
psql_() { su postgres -c "psql -p $PGPORT -v ON_ERROR_STOP=1 -qtAX -d $DB" <<<"$1"; }

ss -Hltn "sport = :$PORT" | grep -q . && { log "port $PORT is in use; set RING_HTTP_PORT"; exit 1; }
pg_ctlcluster 15 main start 2>/dev/null || true
# Our own role and database: the cluster may be shared with other work on this machine.
su postgres -c "dropdb -p $PGPORT --if-exists $DB"
su postgres -c "psql -p $PGPORT -qtAX" <<<"drop role if exists $DB; create role $DB login password 'bench';" >/dev/null
su postgres -c "createdb -p $PGPORT -O $DB $DB"

log "starting Ring on $BASE (log: $LOG)"
RING_DB_URL="jdbc:postgresql://127.0.0.1:${PGPORT}/${DB}" RING_DB_USER=$DB RING_DB_PASSWORD=bench \
  RING_HTTP_PORT="$PORT" RING_DEMO_ENABLED=true RING_MATCHER_SCHEDULE=off RING_EXPIRY_SCHEDULE=off \
  RING_SETTLEMENT_SCHEDULE=off RING_DATA_DIR="$(mktemp -d)" \
  setsid "$ROOT/server-config/run.sh" >"$LOG" 2>&1 &
SERVER=$!
stop_server() {
  kill -INT -- -"$SERVER" 2>/dev/null || return 0
  for _ in $(seq 30); do kill -0 "$SERVER" 2>/dev/null || return 0; sleep 1; done
  kill -TERM -- -"$SERVER" 2>/dev/null || true
}
trap stop_server EXIT
for _ in $(seq "${READY_TIMEOUT:-300}"); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/health/ready" >/dev/null || { log "server not ready"; tail -50 "$LOG"; exit 1; }

log "seeding $VENDORS vendors and $ORDERS completed orders with their ledger entries"
s0=$SECONDS
psql_ "
set search_path = ring;
-- Bulk load: the ledger's per-row triggers (immutability, balance at commit) and foreign keys are
-- skipped while seeding; the balances are summed from the postings below and checked at the end.
set session_replication_role = replica;
create temporary table bv as select g from generate_series(1, $VENDORS) g;
alter table bv add column user_id bigint, add column vendor_id bigint, add column product_id bigint,
  add column checkout_id bigint, add column tier varchar(20), add column bps integer;
insert into users(email, role, display_name, email_verified)
  select 'bench-vendor-' || g || '@bench.ring', 'member', 'Vendor ' || g, true from bv;
insert into users(email, role, display_name, email_verified)
  values ('bench-buyer@bench.ring', 'member', 'Bench buyer', true);
update bv set user_id = u.id from users u where u.email = 'bench-vendor-' || bv.g || '@bench.ring';
insert into entities(name, type, short_description, owner_id, visibility)
  select 'Bench store ' || g, 'technologySoftware', 'A benchmark store', user_id, 'public' from bv;
update bv set tier = (array['starter', 'growth', 'professional', 'enterprise'])[1 + g % 4];
update bv set bps = t.commission_bps from vendor_tiers t where t.code = bv.tier;
insert into vendors(entity_id, owner_id, name, slug, status, tier, payout_details)
  select e.id, bv.user_id, 'Bench store ' || g, 'bench-store-' || g, 'active', bv.tier,
         'UA00 0000 BENCH ' || g
  from bv join entities e on e.owner_id = bv.user_id;
update bv set vendor_id = v.id from vendors v where v.owner_id = bv.user_id;
insert into store_products(vendor_id, title, slug, category, kind, price_minor, currency, status)
  select vendor_id, 'Bench product ' || g, 'bench-product-' || g, 'crafts', 'physical', 10000,
         'UAH', 'active' from bv;
update bv set product_id = p.id from store_products p where p.vendor_id = bv.vendor_id;
insert into checkouts(buyer_id, currency, total_minor, status, client_key, expires_at)
  select (select id from users where email = 'bench-buyer@bench.ring'), 'UAH', 0, 'paid',
         'bench-' || g, now() from bv;
update bv set checkout_id = c.id from checkouts c where c.client_key = 'bench-' || bv.g;
create index on bv (g);
analyze bv;

insert into orders(checkout_id, buyer_id, vendor_id, status, currency, subtotal_minor, total_minor,
                   commission_bps, commission_minor, referral_code, referral_minor, paid_at,
                   completed_at)
select bv.checkout_id, (select id from users where email = 'bench-buyer@bench.ring'),
       bv.vendor_id, 'completed', 'UAH', o.total, o.total, bv.bps,
       (o.total * bv.bps + 5000) / 10000,
       case when o.n % 10 = 0 then 'BENCHREF' end,
       case when o.n % 10 = 0 then (o.total * 500 + 5000) / 10000 else 0 end,
       now() - interval '8 days', now() - interval '5 days' - make_interval(secs => o.n % 86400)
from (select n, 100 + (n::bigint * 7919) % 99900 as total from generate_series(1, $ORDERS) n) o
join bv on bv.g = 1 + (o.n - 1) % $VENDORS;
-- Triggers are off while seeding (replica role), so the orders are queued as the trigger would.
insert into settlement_queue(order_id, vendor_id, currency, completed_at)
select id, vendor_id, currency, completed_at from orders where completed_at is not null;

insert into order_lines(order_id, product_id, title, kind, unit_price_minor, quantity,
                        line_total_minor)
select o.id, bv.product_id, 'Bench product', 'physical', o.total_minor, 1, o.total_minor
from orders o join bv on bv.vendor_id = o.vendor_id;

insert into ledger_accounts(code, currency, kind, normal_side) values
  ('gateway_cash', 'UAH', 'asset', 'D'), ('payments_clearing', 'UAH', 'liability', 'C'),
  ('platform_commission', 'UAH', 'revenue', 'C'), ('referral_payable', 'UAH', 'liability', 'C')
  on conflict (code, currency) do nothing;
insert into ledger_accounts(code, currency, kind, normal_side, owner_type, owner_id)
  select 'vendor_payable:' || vendor_id, 'UAH', 'liability', 'C', 'vendor', vendor_id from bv
  on conflict (code, currency) do nothing;
create temporary table acct as select code, id from ledger_accounts where currency = 'UAH';
create unique index on acct (code);

-- Recipe 1 per vendor (a card payment for all its orders), recipe 2 per order.
insert into ledger_entries(idempotency_key, kind, description, reference)
  select 'payment:bench-' || g, 'payment', 'Bench card payments of vendor ' || g, 'bench-' || g
  from bv;
insert into ledger_postings(entry_id, account_id, side, amount_minor, currency)
  select e.id, a.id, s.side, t.total, 'UAH'
  from (select vendor_id, sum(total_minor) as total from orders group by vendor_id) t
  join bv on bv.vendor_id = t.vendor_id
  join ledger_entries e on e.idempotency_key = 'payment:bench-' || bv.g
  cross join (values ('D', 'gateway_cash'), ('C', 'payments_clearing')) s(side, code)
  join acct a on a.code = s.code;
insert into ledger_entries(idempotency_key, kind, description, reference)
  select 'sale:' || id, 'sale', 'Sale of order ' || id, 'bench' from orders;
insert into ledger_postings(entry_id, account_id, side, amount_minor, currency)
  select e.id, a.id, l.side, l.amount, 'UAH'
  from orders o
  join ledger_entries e on e.idempotency_key = 'sale:' || o.id
  cross join lateral (values
    ('D', 'payments_clearing', o.total_minor),
    ('C', 'platform_commission', o.commission_minor),
    ('C', 'referral_payable', o.referral_minor),
    ('C', 'vendor_payable:' || o.vendor_id, o.total_minor - o.commission_minor - o.referral_minor)
  ) l(side, code, amount)
  join acct a on a.code = l.code
  where l.amount > 0;
update ledger_accounts a set balance_minor = s.balance
  from (select p.account_id, sum(case when p.side = la.normal_side then p.amount_minor
                                      else -p.amount_minor end) as balance
        from ledger_postings p join ledger_accounts la on la.id = p.account_id
        group by p.account_id) s
  where s.account_id = a.id;
set session_replication_role = origin;
analyze;
"
log "seeded in $((SECONDS - s0)) s"
psql_ "select 'seeded: ' || (select count(*) from ring.orders) || ' orders, '
         || (select count(*) from ring.order_lines) || ' order lines, '
         || (select count(*) from ring.ledger_postings) || ' postings'"

GRANT="$(curl -s -H 'Content-Type: application/json' "$BASE/api/auth/token" \
  -d '{"grant_type":"password","email":"admin@ring.local","password":"ring-demo-2026"}')"
TOKEN="$(sed -nE 's/.*"access_token":"([^"]+)".*/\1/p' <<<"$GRANT")"
[ -n "$TOKEN" ] || { log "no token: $GRANT"; exit 1; }

# CPU time (utime + stime, in clock ticks) of the bench database's PostgreSQL backends and of the
# server's processes (the launcher's session): on a shared machine the run's wall time depends on
# the CPU it gets, its CPU time does not.
ticks() { for pid in "$@"; do awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null; done | awk '{s += $1} END {print s + 0}'; }
pg_ticks() { ticks $(pgrep -f "postgres: 15/main: $DB $DB" || true); }
ring_ticks() { ticks $(ps -o pid= -s "$SERVER" || true); }
PG0=$(pg_ticks); RING0=$(ring_ticks)
log "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
log "starting the settlement (chunk size $CHUNK)"
STARTED="$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  "$BASE/api/admin/settlements/run" -d "{\"chunkSize\":$CHUNK}")"
RUN="$(grep -oE '[{,]"id":[0-9]+' <<<"$STARTED" | grep -oE '[0-9]+$')"
[ -n "$RUN" ] || { log "not started: $STARTED"; exit 1; }
for _ in $(seq "${RUN_TIMEOUT:-900}"); do
  psql_ "select status from ring.batch_runs where id = $RUN" | grep -qE 'starting|running' || break
  sleep 1
done
log "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
HZ=$(getconf CLK_TCK)
log "CPU time during the run: PostgreSQL backends $(( ($(pg_ticks) - PG0) / HZ )) s, Ring's JVMs $(( ($(ring_ticks) - RING0) / HZ )) s"
psql_ "select 'run ' || id || ': ' || status || ', ' || items_done || '/' || items_total
         || ' orders settled, ' || matches || ' settlements closed, ' || notifications
         || ' payouts, ' || round(extract(epoch from ended_at - started_at)::numeric, 1) || ' s'
         || coalesce(', error: ' || error, '')
       from ring.batch_runs where id = $RUN"
grep -o 'slices to settle, read in [0-9]* ms' "$LOG" | tail -1 || true

log "checking to the cent"
psql_ "
set search_path = ring;
select 'settlement lines: ' || count(*) || ' (orders: ' || (select count(*) from orders) || ')'
  from settlement_lines;
select 'orders not settled: ' || count(*) from orders o where not exists (select 1 from settlement_lines l where l.order_id = o.id);
select 'orders with more than one line: ' || count(*)
  from (select order_id from settlement_lines group by 1 having count(*) > 1) d;
select 'vendors whose settlement net differs from their orders: ' || count(*)
  from (select vendor_id, sum(total_minor - commission_minor - referral_minor) as expected
        from orders group by vendor_id) e
  left join (select vendor_id, sum(net_minor) as net from settlements group by vendor_id) s
    on s.vendor_id = e.vendor_id
  where s.net is distinct from e.expected;
select 'payouts different from their settlement net: ' || count(*)
  from settlements s left join payouts p on p.settlement_id = s.id
  where p.amount_minor is distinct from s.net_minor;
select 'vendor_payable accounts not back to zero: ' || count(*)
  from ledger_accounts where code like 'vendor_payable:%' and balance_minor <> 0;
select 'paid out: ' || sum(amount_minor) || ' = vendor parts: '
       || (select sum(total_minor - commission_minor - referral_minor) from orders)
  from payouts;
"
c0=$(date +%s%N)
CHECK="$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/admin/ledger/check")"
log "ledger check in $(( ($(date +%s%N) - c0) / 1000000 )) ms: $CHECK"
grep -q '"sound":true' <<<"$CHECK" || { log "the ledger does not balance"; exit 1; }
psql_ "select 'cores: ' || $(nproc)"
