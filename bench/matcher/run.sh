#!/usr/bin/env bash
# Matcher benchmark: 1,000 pending listings against 100,000 member profiles.
#   1. starts the Debian PostgreSQL 15 cluster (pg_ctlcluster 15 main start) and a fresh database;
#   2. starts Ring (server-config/run.sh) on it with the schedules off (demo mode, for the demo
#      admin's API token);
#   3. seeds the profiles and listings with SQL (generate_series over a realistic skill
#      vocabulary, interests, coordinates across Ukraine and Europe, experience levels);
#   4. starts one matcher run through the admin API and waits for it;
#   5. reports the run's time from the ledger (batch_runs) and what it stored; stops the server.
# Usage: bench/matcher/run.sh        Settings: MEMBERS (100000), LISTINGS (1000), CHUNK (50),
#   STATUS (pending; active also sends the match notices),
#   RING_HTTP_PORT (18095), PGPORT (5432), READY_TIMEOUT (300).
set -euo pipefail
export LC_ALL=C
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MEMBERS="${MEMBERS:-100000}"
LISTINGS="${LISTINGS:-1000}"
CHUNK="${CHUNK:-50}"
STATUS="${STATUS:-pending}"
PORT="${RING_HTTP_PORT:-18095}"
PGPORT="${PGPORT:-5432}"
DB="ring_matcher_bench"
BASE="http://127.0.0.1:${PORT}"
LOG="$ROOT/bench/results/$(date +%F-%H%M%S)-matcher-server.log"
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
  RING_DATA_DIR="$(mktemp -d)" setsid "$ROOT/server-config/run.sh" >"$LOG" 2>&1 &
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

log "seeding $MEMBERS members and $LISTINGS pending listings"
s0=$SECONDS
psql_ "
set search_path = ring;
create temporary table vocab as
  select array['java','kotlin','spring','jakarta-ee','sql','postgresql','python','django','react',
    'typescript','go','rust','kubernetes','docker','aws','terraform','figma','ux','copywriting','seo',
    'marketing','sales','accounting','excel','data-analysis','machine-learning','pytorch','android',
    'ios','swift','flutter','php','laravel','c++','embedded','electronics','cad','logistics',
    'project-management','scrum','translation','ukrainian','english','german','legal','hr',
    'recruiting','photography','video-editing','3d']::text[] as skills,
  array['technology','business','education','healthcare','finance','module_development',
    'localization','payment_integration','ai_customization','documentation_training','remote',
    'startups','open-source','fintech','edtech','green-energy','logistics','design']::text[] as tags;
insert into users(email, role, display_name, email_verified, skills, interests, tags, latitude,
                  longitude, experience_level)
select 'bench-' || g || '@bench.ring', case when g % 10 = 0 then 'confidential' else 'member' end,
       'Member ' || g, true,
       array[v.skills[1 + (g * 7) % 50], v.skills[1 + (g * 13) % 50], v.skills[1 + (g * 31) % 50],
             v.skills[1 + (g * 17) % 50]],
       array[v.tags[1 + g % 18], v.tags[1 + (g * 5) % 18]],
       array[v.tags[1 + (g * 11) % 18]],
       case when g % 5 = 0 then null else 44.5 + (g % 1000) / 100.0 end,
       case when g % 5 = 0 then null else 22.0 + (g % 1700) / 100.0 end,
       (array['junior','mid','senior','lead'])[1 + g % 4]
from generate_series(1, $MEMBERS) g, vocab v;
insert into users(email, role, display_name, email_verified) values ('author@bench.ring', 'member', 'Author', true);
insert into opportunities(type, title, summary, category, tags, skills, latitude, longitude, remote,
                          visibility, confidential, author_id, status, experience_level)
select 'request', 'Listing ' || g, 'Benchmark listing', v.tags[1 + g % 10],
       array[v.tags[1 + (g * 3) % 18]],
       array[v.skills[1 + (g * 7) % 50], v.skills[1 + (g * 13) % 50], v.skills[1 + (g * 3) % 50]],
       case when g % 4 = 0 then null else 50.45 end, case when g % 4 = 0 then null else 30.52 end,
       g % 4 = 0, case when g % 3 = 0 then 'member' else 'public' end, g % 20 = 0,
       (select id from users where email = 'author@bench.ring'), '$STATUS',
       (array['junior','mid','senior','lead'])[1 + g % 4]
from generate_series(1, $LISTINGS) g, vocab v;
analyze users; analyze opportunities;
"
log "seeded in $((SECONDS - s0)) s"

# The demo admin drives the API (demo mode also provides the token signing keys).
GRANT="$(curl -s -H 'Content-Type: application/json' "$BASE/api/auth/token" \
  -d '{"grant_type":"password","email":"admin@ring.local","password":"ring-demo-2026"}')"
TOKEN="$(sed -nE 's/.*"access_token":"([^"]+)".*/\1/p' <<<"$GRANT")"
[ -n "$TOKEN" ] || { log "no token: $GRANT"; exit 1; }

log "starting the matcher (chunk size $CHUNK)"
STARTED="$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  "$BASE/api/admin/matcher/runs" -d "{\"job\":\"matcher\",\"chunkSize\":$CHUNK}")"
RUN="$(grep -oE '[{,]"id":[0-9]+' <<<"$STARTED" | grep -oE '[0-9]+$')"
[ -n "$RUN" ] || { log "not started: $STARTED"; exit 1; }
while psql_ "select status from ring.batch_runs where id = $RUN" | grep -qE 'starting|running'; do
  sleep 1
done
psql_ "select 'run ' || id || ': ' || status || ', ' || items_done || '/' || items_total
         || ' listings, ' || matches || ' matches, ' || notifications || ' notices (0: pending), '
         || round(extract(epoch from ended_at - started_at)::numeric, 1) || ' s'
       from ring.batch_runs where id = $RUN"
grep -o 'member profiles loaded in [0-9]* ms' "$LOG" | tail -1 || true
psql_ "select 'listings auto-approval decisions: ' || count(*) from ring.opportunity_events where action = 'auto_approval'"
psql_ "select 'cores: ' || $(nproc)"
