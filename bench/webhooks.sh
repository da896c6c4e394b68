#!/usr/bin/env bash
# Webhook handling: how many verified gateway webhooks per second one Ring server applies, with no
# double effect.
#   1. starts the Debian PostgreSQL 15 cluster and a fresh database of our own;
#   2. starts Ring (server-config/run.sh) on it with both gateways configured (their API URLs are
#      never called: only webhooks arrive) and reconciliation off;
#   3. seeds PAYMENTS open wallet top-ups with SQL, half Stripe, half WayForPay;
#   4. bench/WebhookBench.java (JDK only) sends COPIES signed deliveries of each payment's "paid"
#      event (one confirms, the rest are duplicates), shuffled, over CONCURRENCY connections: a
#      warm-up on the first WARMUP payments, then the measured run on the rest, during which the CPU
#      time of the server (Payara JVM, our PostgreSQL backends) and of the client is measured, so
#      the cost per delivery can be told apart from what other work on a shared machine takes;
#   5. checks the books: every payment paid once (one payment and one top-up entry each), wallet
#      balances equal to what was paid, every delivery logged, the ledger balanced; stops Ring.
# Usage: bench/webhooks.sh      Settings: PAYMENTS (12000), WARMUP (2000), COPIES (3),
#   CONCURRENCY (16), RING_HTTP_PORT (18196), PGPORT (5432), READY_TIMEOUT (300),
#   RING_JAVA_OPTS (default here: -Xms512m -Xmx1g -XX:+UseSerialGC).
# Results: bench/results/<date>-webhooks.md (appended) and stdout.
set -euo pipefail
export LC_ALL=C
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PAYMENTS="${PAYMENTS:-12000}"
WARMUP="${WARMUP:-2000}"
COPIES="${COPIES:-3}"
CONCURRENCY="${CONCURRENCY:-16}"
PORT="${RING_HTTP_PORT:-18196}"
PGPORT="${PGPORT:-5432}"
DB="ring_webhook_bench"
BASE="http://127.0.0.1:${PORT}"
STAMP="$(date +%F-%H%M%S)"
mkdir -p "$ROOT/bench/results"
LOG="$ROOT/bench/results/${STAMP}-webhooks-server.log"
RESULT="$ROOT/bench/results/$(date +%F)-webhooks.md"
WORK="$(mktemp -d /tmp/ring-webhook-bench.XXXXXX)"
WHSEC="whsec_bench_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
WFP_MERCHANT="bench_merchant"
WFP_SECRET="bench-secret-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export RING_JAVA_OPTS="${RING_JAVA_OPTS:--Xms512m -Xmx1g -XX:+UseSerialGC}"
log() { printf '[webhook-bench %s] %s\n' "$(date +%T)" "$*" >&2; }
psql_() { su postgres -c "psql -p $PGPORT -v ON_ERROR_STOP=1 -qtAX -d $DB" <<<"$1"; }

for f in ring-web/target/ring.war server-config/target/ring-launcher.jar; do
  [ -f "$ROOT/$f" ] || { log "$f is missing; build first: mvn -B -DskipTests -pl ring-web,server-config -am package"; exit 1; }
done
ss -Hltn "sport = :$PORT" | grep -q . && { log "port $PORT is in use; set RING_HTTP_PORT"; exit 1; }
pg_ctlcluster 15 main start 2>/dev/null || true
su postgres -c "dropdb -p $PGPORT --if-exists $DB"
su postgres -c "psql -p $PGPORT -qtAX" <<<"drop role if exists $DB; create role $DB login password 'bench';" >/dev/null
su postgres -c "createdb -p $PGPORT -O $DB $DB"

log "starting Ring on $BASE (log: $LOG)"
RING_DB_URL="jdbc:postgresql://127.0.0.1:${PGPORT}/${DB}" RING_DB_USER=$DB RING_DB_PASSWORD=bench \
  RING_HTTP_PORT="$PORT" RING_DEMO_ENABLED=false RING_DATA_DIR="$WORK/data" \
  RING_MATCHER_SCHEDULE=off RING_EXPIRY_SCHEDULE=off RING_PAYMENTS_RECONCILE_SCHEDULE=off \
  RING_PAYMENTS_STRIPE_API_URL=http://127.0.0.1:9 RING_PAYMENTS_STRIPE_SECRET_KEY=sk_bench \
  RING_PAYMENTS_STRIPE_WEBHOOK_SECRET="$WHSEC" \
  RING_PAYMENTS_WAYFORPAY_MERCHANT_ACCOUNT="$WFP_MERCHANT" RING_PAYMENTS_WAYFORPAY_SECRET_KEY="$WFP_SECRET" \
  RING_PAYMENTS_WAYFORPAY_PAY_URL=http://127.0.0.1:9/pay RING_PAYMENTS_WAYFORPAY_API_URL=http://127.0.0.1:9/api \
  setsid "$ROOT/server-config/run.sh" >"$LOG" 2>&1 &
SERVER=$!
stop_server() {
  kill -INT -- -"$SERVER" 2>/dev/null || { rm -rf "$WORK"; return 0; }
  for _ in $(seq 60); do kill -0 "$SERVER" 2>/dev/null || break; sleep 1; done
  kill -TERM -- -"$SERVER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap stop_server EXIT
for _ in $(seq "${READY_TIMEOUT:-300}"); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/health/ready" >/dev/null || { log "server not ready"; tail -50 "$LOG"; exit 1; }

log "seeding $PAYMENTS open top-ups"
USERS=$(( PAYMENTS / 10 > 0 ? PAYMENTS / 10 : 1 ))
psql_ "
set search_path = ring;
insert into users(email, role, display_name, email_verified)
select 'wh-bench-' || g || '@bench.ring', 'subscriber', 'Bench ' || g, true
from generate_series(1, $USERS) g;
insert into payment_transactions(reference, purpose, subject_id, processor, rail, user_id,
                                 amount_minor, currency, status)
select 'wallettopup_' || u.id || '_' || (1700000000000 + g), 'wallet_topup', u.id,
       case when g % 2 = 0 then 'stripe' else 'wayforpay' end, 'card', u.id,
       100 + (g * 7919) % 50000, 'UAH', 'redirected'
from generate_series(1, $PAYMENTS) g
join users u on u.email = 'wh-bench-' || (1 + g % $USERS) || '@bench.ring';
analyze;
"
psql_ "select reference || ',' || processor || ',' || amount_minor from ring.payment_transactions order by id" \
  >"$WORK/refs.csv"
head -n "$WARMUP" "$WORK/refs.csv" >"$WORK/warm.csv"
tail -n +"$((WARMUP + 1))" "$WORK/refs.csv" >"$WORK/measured.csv"

# CPU time (ms) used so far by the Payara Micro JVM and by the PostgreSQL backends of our database:
# on a shared machine the wall-clock rate depends on the others, the CPU cost per delivery does not.
PAYARA="$(ps -o pid=,args= --ppid "$SERVER" | awk '/payara-micro\.jar/ { print $1; exit }')"
TICK="$(getconf CLK_TCK)"
cpu_ms() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat") ))
  done
  echo $(( total * 1000 / TICK ))
}
javac -d "$WORK/classes" "$ROOT/bench/WebhookBench.java"
bench() {
  java -Xmx512m -cp "$WORK/classes" WebhookBench "$BASE" "$1" "$2" "$COPIES" "$CONCURRENCY" \
    "$WHSEC" "$WFP_MERCHANT" "$WFP_SECRET"
}
log "warming up on $WARMUP payments"
bench "$WORK/warm.csv" warmup | tee "$WORK/client.out"
LOAD0="$(cut -d' ' -f1-3 /proc/loadavg)"
log "measuring on $((PAYMENTS - WARMUP)) payments (load average before: $LOAD0)"
backends() { ps -eo pid=,args= | awk -v db="$DB" '$0 ~ "postgres: .*: " db " " { print $1 }'; }
APP0="$(cpu_ms $PAYARA)"; DB0="$(cpu_ms $(backends))"
bench "$WORK/measured.csv" measured | tee -a "$WORK/client.out"
APP1="$(cpu_ms $PAYARA)"; DB1="$(cpu_ms $(backends))"
LOAD1="$(cut -d' ' -f1-3 /proc/loadavg)"
MEASURED="$(grep 'RESULT phase=measured' "$WORK/client.out")"
N="$(sed -nE 's/.* deliveries=([0-9]+) .*/\1/p' <<<"$MEASURED")"
CLIENT_CPU="$(sed -nE 's/.* client_cpu_ms=([0-9]+).*/\1/p' <<<"$MEASURED")"
APP_CPU=$(( APP1 - APP0 )); DB_CPU=$(( DB1 - DB0 ))
SERVER_CPU=$(( APP_CPU + DB_CPU ))
COST="$(awk -v s="$SERVER_CPU" -v c="$CLIENT_CPU" -v n="$N" 'BEGIN { printf "%.2f", (s + c) / n }')"
SERVER_COST="$(awk -v s="$SERVER_CPU" -v n="$N" 'BEGIN { printf "%.2f", s / n }')"
CAPACITY="$(awk -v cost="$COST" -v cores="$(nproc)" 'BEGIN { printf "%.0f", cores * 1000 / cost }')"

CHECK="$(psql_ "
select 'paid=' || count(*) filter (where status = 'paid') || ' open=' || count(*) filter (where status <> 'paid')
from ring.payment_transactions;
select 'payment_entries=' || count(*) || ' distinct=' || count(distinct reference)
from ring.ledger_entries where kind = 'payment';
select 'topup_entries=' || count(*) || ' distinct=' || count(distinct reference)
from ring.ledger_entries where kind = 'topup';
select 'wallets_total=' || coalesce(sum(balance_minor), 0) from ring.ledger_accounts where code like 'wallet:%';
select 'paid_total=' || coalesce(sum(amount_minor), 0) from ring.payment_transactions where status = 'paid';
select 'log_rows=' || count(*) || ' accepted=' || count(*) filter (where outcome = 'accepted')
       || ' duplicate=' || count(*) filter (where outcome in ('duplicate', 'ignored'))
       || ' other=' || count(*) filter (where outcome not in ('accepted', 'duplicate', 'ignored'))
from ring.webhook_log;
select 'unbalanced_entries=' || count(*) from (select entry_id from ring.ledger_postings
  group by entry_id, currency having sum(case side when 'D' then amount_minor else -amount_minor end) <> 0) x;
")"
echo "$CHECK"
{
  echo
  echo "## Run $STAMP"
  echo
  echo "- Machine: $(nproc) cores, $(free -h | awk '/Mem:/ {print $2}') RAM; load average before $LOAD0, after $LOAD1"
  echo "- Settings: PAYMENTS=$PAYMENTS WARMUP=$WARMUP COPIES=$COPIES CONCURRENCY=$CONCURRENCY, RING_JAVA_OPTS=$RING_JAVA_OPTS"
  echo "- Client: $(grep RESULT "$WORK/client.out" | tr '\n' ';')"
  echo "- CPU during the measured phase: server ${SERVER_CPU} ms (Payara JVM ${APP_CPU}, our PostgreSQL backends ${DB_CPU}), client ${CLIENT_CPU} ms; ${SERVER_COST} ms server CPU per delivery, ${COST} ms all in; CPU-bound capacity of $(nproc) idle cores, client included: about ${CAPACITY} deliveries/s"
  echo "- Books: $(tr '\n' ' ' <<<"$CHECK")"
} | tee -a "$RESULT"
log "results appended to $RESULT"
