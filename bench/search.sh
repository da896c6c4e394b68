#!/usr/bin/env bash
# Opportunity search with 100,000 listings: the REST API under wrk (32 connections) side by side
# with pgbench running the same SQL directly against the same database, in one run.
#
# Uses the Debian PostgreSQL 15 cluster (started if stopped) with a fresh database ring_bench,
# starts Ring on it with server-config/run.sh (port 18080, no demo data), seeds the listings with
# bench/sql/seed-opportunities.sql, then measures:
#   1. wrk -c32 on GET /api/opportunities?q=<two words> (guest, public listings, page of 20);
#   2. pgbench -c32 running the statement the API sends for that request (ranked page and total).
# Results: bench/results/<date>-search.md and stdout.
#
# Settings: COUNT (100000), CONNECTIONS (32), DURATION (30s), RING_HTTP_PORT (18080),
#           PG_CLUSTER (15/main), PG_PORT (5432).
set -euo pipefail
export LC_ALL=C
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COUNT="${COUNT:-100000}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-30s}"
PORT="${RING_HTTP_PORT:-18080}"
PG_PORT="${PG_PORT:-5432}"
PG_BIN=/usr/lib/postgresql/15/bin
RESULTS="$ROOT/bench/results"; mkdir -p "$RESULTS"
RESULT="$RESULTS/$(date +%F)-search.md"
WORK="$(mktemp -d /tmp/ring-search.XXXXXX)"
log() { printf '[search %s] %s\n' "$(date +%T)" "$*" >&2; }

command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
pg_ctlcluster 15 main start 2>/dev/null || true
for _ in $(seq 30); do su postgres -c "psql -p $PG_PORT -qAtc 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
su postgres -c "psql -p $PG_PORT -q" <<SQL
drop database if exists ring_bench;
do \$\$ begin if not exists (select from pg_roles where rolname = 'ring_bench') then
  create role ring_bench login password 'ring_bench'; end if; end \$\$;
create database ring_bench owner ring_bench;
SQL
export PGPASSWORD=ring_bench
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U ring_bench -d ring_bench -qAt)

SERVER_PID=""
stop() {
  if [ -n "$SERVER_PID" ]; then
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap stop EXIT

log "starting Ring on :$PORT against ring_bench"
set -m
RING_HTTP_PORT="$PORT" RING_DATA_DIR="$WORK/data" RING_DEMO_ENABLED=false \
  RING_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/ring_bench" RING_DB_USER=ring_bench \
  RING_DB_PASSWORD=ring_bench "$ROOT/server-config/run.sh" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
set +m
for i in $(seq 300); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -50 "$WORK/server.log"; exit 1; }
  sleep 1
done

log "seeding $COUNT listings"
"${PSQL[@]}" -v count="$COUNT" -f "$ROOT/bench/sql/seed-opportunities.sql"

# Two-word queries rotate over the same pairs in wrk and pgbench.
# SEARCH_PAIRS (comma-separated) replaces the default mix: four broad pairs (about 2,300 matches
# each in 100,000 listings) and four narrow ones (about 60 matches each).
if [ -n "${SEARCH_PAIRS:-}" ]; then
  IFS=',' read -r -a PAIRS <<<"$SEARCH_PAIRS"
else
  PAIRS=("java payments" "design branding" "farming logistics" "teaching mentoring"
         "java topic17" "design topic123" "finance topic250" "cloud topic42")
fi
SQL_ARRAY="array[$(printf "'%s'," "${PAIRS[@]}" | sed 's/,$//')]"
NPAIRS=${#PAIRS[@]}
cat > "$WORK/search.lua" <<LUA
local pairs = {$(printf '"%s",' "${PAIRS[@]}")}
local n = 0
request = function()
  n = n + 1
  local q = pairs[(n % #pairs) + 1]:gsub(" ", "+")
  return wrk.format("GET", "/api/opportunities?q=" .. q .. "&size=20")
end
LUA
# The SQL the API sends for a guest with q (SearchSql.pageSql, see docs/opportunities.md#search):
# visibility public, active, not blocked; one statement that ranks and counts the matches over a
# narrow subquery and joins the page's rows back. Ring's result cache answers repeated queries
# without SQL; set RING_OPPORTUNITIES_SEARCH_CACHE_SECONDS=0 to compare the SQL path alone.
cat > "$WORK/search.sql" <<'SQL'
\set p random(1, @@N@@)
select o.id, o.type, o.title, o.summary, o.description, o.category, o.tags, o.skills, o.location, o.latitude, o.longitude, o.remote, o.budget_min, o.budget_max, o.currency, o.expires_at, o.visibility, o.confidential, o.contact, o.entity_id, o.author_id, o.status, o.experience_level, o.applicant_count, o.moderation_note, o.content_version, o.created_at, o.updated_at, o.submitted_at, o.activated_at, o.closed_at, p.total from (select o.id, ts_rank(o.search, websearch_to_tsquery('simple', (@@PAIRS@@)[:p])) as k0, o.created_at as k1, o.id as k2, count(*) over () as total from ring.opportunities o where true and o.status = 'active' and o.visibility in ('public') and o.confidential = false and (o.entity_id is null or not exists (select 1 from ring.entities be where be.id = o.entity_id and be.moderation_status = 'blocked')) and o.search @@ websearch_to_tsquery('simple', (@@PAIRS@@)[:p]) order by k0 desc, k1 desc, k2 desc limit 20 offset 0) p join ring.opportunities o on o.id = p.id order by p.k0 desc, p.k1 desc, p.k2 desc;
SQL
sed -i "s/@@PAIRS@@/$SQL_ARRAY/g; s/@@N@@/$NPAIRS/" "$WORK/search.sql"

log "warming up"
wrk -t2 -c"$CONNECTIONS" -d10s -s "$WORK/search.lua" "http://127.0.0.1:$PORT" >/dev/null
log "wrk $CONNECTIONS connections, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/search.lua" "http://127.0.0.1:$PORT" | tee "$WORK/wrk.txt"
log "pgbench $CONNECTIONS clients, $DURATION"
"$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U ring_bench -n -c "$CONNECTIONS" -j 2 \
  -T "${DURATION%s}" -f "$WORK/search.sql" -r ring_bench | tee "$WORK/pgbench.txt"

api_rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
api_p50=$(awk '$1=="50.000%" || $1=="50%" {print $2}' "$WORK/wrk.txt" | sed -n 1p)
api_p99=$(awk '$1=="99.000%" || $1=="99%" {print $2}' "$WORK/wrk.txt" | sed -n 1p)
errors=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk.txt"); errors=${errors:-0}
pg_tps=$(awk '/^tps/ {print $3}' "$WORK/pgbench.txt" | sed -n 1p)
pg_lat=$(awk '/latency average/ {print $4}' "$WORK/pgbench.txt")
ratio=$(awk -v a="$api_rps" -v p="$pg_tps" 'BEGIN { if (p > 0) printf "%.2f", a / p; else print "n/a" }')
{
  echo "## $(date '+%F %T') search, $COUNT listings, $CONNECTIONS connections, $DURATION"
  echo
  echo "Queries: ${PAIRS[*]}"
  echo
  echo "| | throughput | p50 | p99 |"
  echo "|---|---|---|---|"
  echo "| REST GET /api/opportunities?q= (wrk) | $api_rps req/s | $api_p50 | $api_p99 |"
  echo "| same SQL via pgbench (ranked page with its total) | $pg_tps tx/s | avg ${pg_lat} ms | |"
  echo
  echo "API / pgbench throughput ratio: $ratio (target >= 0.5); non-2xx responses: $errors;"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} | tee -a "$RESULT"
