#!/usr/bin/env bash
# Checkout throughput and latency with concurrent buyers on a 10,000-product catalogue.
#
# Uses the Debian PostgreSQL 15 cluster (started if stopped) with a fresh database
# ring_checkout_bench, starts Ring on it with server-config/run.sh (port 18082, demo data on, since
# the buyers borrow the demo password), seeds the store with bench/sql/seed-catalogue.sql (100
# vendors, PRODUCTS products with deep stock, BUYERS buyers with funded credit wallets), then runs
# bench/CheckoutLoad.java: one thread per buyer, each adding 1-3 random products to its cart and
# checking out with credits (one order per vendor, stock reserved and sold, ledger postings), in a
# loop for DURATION seconds after WARMUP seconds. Afterwards it checks that stock = available +
# reserved everywhere, that nothing is left reserved, and that the ledger balances.
# Results: bench/results/<date>-checkout.md and stdout.
#
# Settings: PRODUCTS (10000), BUYERS (32), WARMUP (15), DURATION (60), RING_HTTP_PORT (18082),
#           PG_PORT (5432).
set -euo pipefail
export LC_ALL=C
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PRODUCTS="${PRODUCTS:-10000}"
BUYERS="${BUYERS:-32}"
WARMUP="${WARMUP:-15}"
DURATION="${DURATION:-60}"
PORT="${RING_HTTP_PORT:-18082}"
PG_PORT="${PG_PORT:-5432}"
DB=ring_checkout_bench
RESULTS="$ROOT/bench/results"; mkdir -p "$RESULTS"
RESULT="$RESULTS/$(date +%F)-checkout.md"
WORK="$(mktemp -d /tmp/ring-checkout.XXXXXX)"
log() { printf '[checkout %s] %s\n' "$(date +%T)" "$*" >&2; }

if curl -fs "http://127.0.0.1:$PORT/" >/dev/null 2>&1; then
  echo "Port $PORT is taken; set RING_HTTP_PORT." >&2; exit 2
fi
pg_ctlcluster 15 main start 2>/dev/null || true
for _ in $(seq 30); do su postgres -c "psql -p $PG_PORT -qAtc 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
su postgres -c "psql -p $PG_PORT -q" <<SQL
drop database if exists $DB;
do \$\$ begin if not exists (select from pg_roles where rolname = 'ring_bench') then
  create role ring_bench login password 'ring_bench'; end if; end \$\$;
create database $DB owner ring_bench;
SQL
export PGPASSWORD=ring_bench
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U ring_bench -d "$DB" -qAt)

SERVER_PID=""
stop() {
  if [ -n "$SERVER_PID" ]; then
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  cp "$WORK/server.log" "$RESULTS/$(date +%F-%H%M%S)-checkout-server.log" 2>/dev/null || true
  rm -rf "$WORK"
}
trap stop EXIT

log "starting Ring on :$PORT against $DB"
set -m
RING_HTTP_PORT="$PORT" RING_DATA_DIR="$WORK/data" RING_DEMO_ENABLED=true \
  RING_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" RING_DB_USER=ring_bench \
  RING_DB_PASSWORD=ring_bench "$ROOT/server-config/run.sh" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
set +m
for i in $(seq 300); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -50 "$WORK/server.log"; exit 1; }
  sleep 1
done
for i in $(seq 60); do
  [ "$("${PSQL[@]}" -c "select count(*) from ring.users where email = 'member@ring.local'")" = 1 ] && break
  sleep 1
done

log "seeding $PRODUCTS products and $BUYERS buyers"
"${PSQL[@]}" -v products="$PRODUCTS" -v buyers="$BUYERS" -f "$ROOT/bench/sql/seed-catalogue.sql"
"${PSQL[@]}" -c "select id from ring.store_products where slug like 'bench-p-%'" > "$WORK/products.txt"
"${PSQL[@]}" -c "select email from ring.users where email like 'bench-buyer-%@bench.ring' order by id" > "$WORK/buyers.txt"

log "$BUYERS buyers, ${WARMUP}s warm-up, ${DURATION}s measured"
load_start=$(cut -d' ' -f1 /proc/loadavg)
java "$ROOT/bench/CheckoutLoad.java" "http://127.0.0.1:$PORT" "$WORK/products.txt" \
  "$WORK/buyers.txt" ring-demo-2026 "$WARMUP" "$DURATION" | tee "$WORK/load.txt"
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

log "checking stock and ledger"
bad_levels=$("${PSQL[@]}" -c "select count(*) from ring.inventory_levels where stock <> available + reserved or available < 0 or reserved < 0")
held=$("${PSQL[@]}" -c "select count(*) from ring.stock_reservations where status = 'active' and holder like 'checkout_%'")
orders=$("${PSQL[@]}" -c "select count(*) from ring.orders")
checkouts=$("${PSQL[@]}" -c "select count(*) from ring.checkouts where status = 'paid'")
sold=$("${PSQL[@]}" -c "select coalesce(-sum(change), 0) from ring.stock_movements where kind = 'sale'")
unbalanced=$("${PSQL[@]}" -c "select count(*) from (select entry_id from ring.ledger_postings group by entry_id, currency having sum(case side when 'D' then amount_minor else -amount_minor end) <> 0) x")
drifting=$("${PSQL[@]}" -c "select count(*) from ring.ledger_balances a left join (select account_id, sum(amount_minor) filter (where side = 'D') d, sum(amount_minor) filter (where side = 'C') c from ring.ledger_postings group by account_id) s on s.account_id = a.id where a.balance_minor <> case a.normal_side when 'D' then coalesce(s.d, 0) - coalesce(s.c, 0) else coalesce(s.c, 0) - coalesce(s.d, 0) end")
{
  echo "## $(date '+%F %T') checkout, $PRODUCTS products, $BUYERS concurrent buyers, ${DURATION}s"
  echo
  echo "| | throughput / p50, p90 | p99 |"
  echo "|---|---|---|"
  cat "$WORK/load.txt"
  echo
  echo "After the run: $checkouts paid checkouts, $orders orders, $sold items sold;"
  echo "levels breaking stock = available + reserved: $bad_levels; checkout reservations left active: $held;"
  echo "unbalanced ledger entries: $unbalanced; accounts drifting from their postings: $drifting."
  echo "Load average: $load_start at the start, $load_end at the end; $(nproc) cores."
  echo
} | tee -a "$RESULT"
