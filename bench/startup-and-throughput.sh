#!/usr/bin/env bash
# Measures Ring's platform foundation on this machine:
#   1. cold start of server-config/run.sh to ready (fresh data dir: embedded-PostgreSQL initdb,
#      Flyway migrations and demo data included) and a warm restart on the same data dir;
#   2. resident memory at idle (Payara Micro JVM, launcher JVM, PostgreSQL processes);
#   3. wrk throughput and latency of GET / (JSF home page) and GET /api/platform (JSON);
#   4. a clean stop (SIGINT to the launcher's process group), also on error or Ctrl-C.
# Results go to bench/results/<date>-startup.md (git-ignored) and to stdout.
#
# Usage: bench/startup-and-throughput.sh
# Settings (environment):
#   RING_HTTP_PORT (18080), RING_EMBEDDED_DB_PORT (15432): not 8080/54329, so we do not clash
#     with servers other developers run on this machine at the same time.
#   WRK_THREADS (2), WRK_CONNECTIONS (32), WRK_DURATION (20s), WRK_WARMUP (10s),
#   IDLE_WAIT (20 s before the idle RSS sample), WARM_RUNS (1), READY_TIMEOUT (300 s),
#   STOP_TIMEOUT (90 s), BENCH_REBUILD=1 (force mvn package first), BENCH_KEEP_DATA=1 (keep the
#   temporary data dir for inspection).
set -euo pipefail
# Numbers from EPOCHREALTIME, awk and printf must use "." as the decimal separator.
export LC_ALL=C

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${RING_HTTP_PORT:-18080}"
DB_PORT="${RING_EMBEDDED_DB_PORT:-15432}"
WRK_THREADS="${WRK_THREADS:-2}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-32}"
WRK_DURATION="${WRK_DURATION:-20s}"
WRK_WARMUP="${WRK_WARMUP:-10s}"
IDLE_WAIT="${IDLE_WAIT:-20}"
WARM_RUNS="${WARM_RUNS:-1}"
READY_TIMEOUT="${READY_TIMEOUT:-300}"
STOP_TIMEOUT="${STOP_TIMEOUT:-90}"
BASE="http://127.0.0.1:${PORT}"
[[ $WARM_RUNS =~ ^[1-9][0-9]*$ ]] || { echo "WARM_RUNS must be 1 or more" >&2; exit 2; }

RESULTS_DIR="$ROOT/bench/results"
STAMP="$(date +%F)"
RUN_ID="$(date +%F-%H%M%S)"
# One file per day; each run appends its own section, so repeated runs on a noisy machine can be
# compared. Server and wrk logs of a run are kept next to it as <RUN_ID>-startup-*.log.
RESULT="$RESULTS_DIR/${STAMP}-startup.md"

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------
# Pre-flight. Everything that could fail for a boring reason fails before the first timing.
# ---------------------------------------------------------------------------------------------
for tool in curl ps ss awk; do
  command -v "$tool" >/dev/null || die "'$tool' is required but not installed."
done

# wrk is not part of the JDK/Maven toolchain; install it from Debian when we may, else explain.
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "wrk is missing; installing it with apt-get (Debian package 'wrk')..."
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y wrk >/dev/null; }
  else
    die "wrk is missing. Install it first: sudo apt-get install -y wrk"
  fi
fi

# Never benchmark somebody else's server: refuse to start if our ports are already taken.
port_busy() { ss -Hltn "sport = :$1" | grep -q .; }
port_busy "$PORT" && die "port $PORT is in use (another server?); set RING_HTTP_PORT."
port_busy "$DB_PORT" && die "port $DB_PORT is in use; set RING_EMBEDDED_DB_PORT."

# Build outside the timing. run.sh would build the same artifacts itself, which would
# otherwise count as "startup".
BUILD_NOTE="already built; not rebuilt"
needs_build=false
for f in ring-web/target/ring.war server-config/target/ring-launcher.jar \
         server-config/target/runtime/payara-micro.jar server-config/target/runtime/postgresql.jar; do
  [ -f "$ROOT/$f" ] || needs_build=true
done
if [ "$needs_build" = true ] || [ "${BENCH_REBUILD:-0}" = 1 ]; then
  log "building ring-web and server-config (not timed as startup)..."
  b0=$SECONDS
  mvn -B -q -f "$ROOT/pom.xml" -DskipTests -Dspotless.check.skip=true \
      -pl ring-web,server-config -am package
  BUILD_NOTE="built by this script in $((SECONDS - b0)) s (not part of the startup times)"
fi

mkdir -p "$RESULTS_DIR"
WORK="$(mktemp -d /tmp/ring-bench.XXXXXX)"
DATA="$WORK/data"   # fresh RING_DATA_DIR: the first start runs initdb, migrations and demo data
LAUNCHER_PID=""
PAYARA_PID=""
PG_PID=""

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
now_us() { local t=$EPOCHREALTIME; echo "${t/[.,]/}"; }              # wall clock, microseconds
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e6 }'; }
# CPU seconds (user+sys) a process has used; with "children", also its reaped children
# (for the launcher: initdb and pg_ctl). CPU time depends far less on how busy the machine is
# than wall-clock time, so it helps to compare runs on a shared box.
CLK_TCK=$(getconf CLK_TCK)
cpu_s() {
  local f="/proc/$1/stat"
  [ -r "$f" ] || { echo 0; return; }
  sed 's/^.*) //' "$f" | awk -v hz="$CLK_TCK" -v c="${2:-}" \
    '{ t = $12 + $13; if (c == "children") t += $14 + $15; printf "%.2f", t / hz }'
}
kb_to_mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

# A pid counts as running unless it is gone or a zombie (bash may not have reaped it yet).
alive() {
  local s
  s=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ $s != Z* ]]
}
rss_kb() { ps -o rss= -p "$1" 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'; }
# PSS counts shared pages once; PostgreSQL's shared buffers appear in every backend's RSS.
pss_kb() { awk '/^Pss:/ { print $2; f = 1 } END { if (!f) print 0 }' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }

# The postmaster daemonizes (parent 1, own session), so it is not in the launcher's process
# group; we find it through its pid file in our own data dir, never by name.
find_postmaster() {
  local f="$DATA/postgres/postmaster.pid"
  [ -f "$f" ] && head -n1 "$f" || true
}
postgres_pids() {
  [ -n "$PG_PID" ] || return 0
  echo "$PG_PID"
  ps -o pid= --ppid "$PG_PID" 2>/dev/null || true
}
find_payara() {
  ps -o pid=,args= --ppid "$LAUNCHER_PID" 2>/dev/null | awk '/payara-micro\.jar/ { print $1; exit }'
}

# Starts run.sh as a job in its own process group (job control on: pgid == its pid), so the
# stop below reaches the launcher JVM and Payara Micro with one signal, like Ctrl-C in a
# terminal. Job control matters twice: without it bash starts background commands with SIGINT
# *ignored*, the JVMs keep it ignored, and the SIGINT stop would silently do nothing.
# Sets READY_S (launch -> first 200 on /health/ready) and DB_S (launch -> "starting Payara").
start_server() {
  local label=$1 logf="$WORK/$1.log" t0 t1 tdb="" code deadline
  CUR_LOG=$logf
  log "$label start: launching server-config/run.sh (data dir $DATA)..."
  t0=$(now_us)
  set -m
  RING_DATA_DIR="$DATA" RING_HTTP_PORT="$PORT" RING_EMBEDDED_DB_PORT="$DB_PORT" \
    "$ROOT/server-config/run.sh" >"$logf" 2>&1 </dev/null &
  LAUNCHER_PID=$!
  set +m
  deadline=$((SECONDS + READY_TIMEOUT))
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/health/ready" || true)
    if [ "$code" = 200 ]; then t1=$(now_us); break; fi
    if [ -z "$tdb" ] && grep -qs 'Ring: starting Payara Micro' "$logf"; then tdb=$(now_us); fi
    alive "$LAUNCHER_PID" || { tail -n 40 "$logf" >&2; die "$label start: run.sh exited before ready."; }
    [ $SECONDS -lt $deadline ] || { tail -n 40 "$logf" >&2; die "$label start: not ready after ${READY_TIMEOUT} s."; }
    sleep 0.2
  done
  READY_S=$(secs "$t0" "$t1")
  DB_S=$([ -n "$tdb" ] && secs "$t0" "$tdb" || echo "n/a")
  [ "$(ps -o pgid= -p "$LAUNCHER_PID" | tr -d ' ')" = "$LAUNCHER_PID" ] \
    || log "WARNING: the launcher does not lead its own process group; the SIGINT stop may miss it"
  # SigIgn bit 2 (mask 0x2) set means SIGINT is ignored and Ctrl-C/SIGINT cannot stop it.
  (( (0x$(awk '/^SigIgn:/ { print $2 }' "/proc/$LAUNCHER_PID/status") & 2) == 0 )) \
    || log "WARNING: the launcher ignores SIGINT; the stop will need the SIGTERM fallback"
  PAYARA_PID=$(find_payara)
  PG_PID=$(find_postmaster)
  local p pg_cpu=0
  for p in $(postgres_pids); do pg_cpu=$(awk -v a="$pg_cpu" -v b="$(cpu_s "$p")" 'BEGIN { print a + b }'); done
  CPU_PAYARA=$(awk -v a="$(cpu_s "$PAYARA_PID")" 'BEGIN { printf "%.1f", a }')
  CPU_LAUNCHER=$(awk -v a="$(cpu_s "$LAUNCHER_PID" children)" 'BEGIN { printf "%.1f", a }')
  CPU_PG=$(awk -v a="$pg_cpu" 'BEGIN { printf "%.1f", a }')
  CPU_TOTAL=$(awk -v a="$CPU_PAYARA" -v b="$CPU_LAUNCHER" -v c="$CPU_PG" 'BEGIN { printf "%.1f", a + b + c }')
  # The launcher's own banner times Payara Micro alone (it polls every 0.5 s).
  BANNER_S=$(sed -n 's/.*Ring is ready (\([0-9.]*\) s).*/\1/p' "$logf" | head -n1)
  [ -n "$BANNER_S" ] || { sleep 1; BANNER_S=$(sed -n 's/.*Ring is ready (\([0-9.]*\) s).*/\1/p' "$logf" | head -n1); }
  SEVERE=$(grep -c 'SEVERE' "$logf" || true)
  LOAD_AT_READY=$(cut -d' ' -f1 /proc/loadavg)
  log "$label start: ready in ${READY_S} s (database phase ${DB_S} s, Payara per banner ${BANNER_S:-?} s, CPU used ${CPU_TOTAL} s of which Payara ${CPU_PAYARA} s, SEVERE log lines: $SEVERE)"
}

# SIGINT to the whole process group, wait for the launcher, then check that Payara and every
# PostgreSQL process of our data dir are gone; force only our own leftovers, by pid.
STOP_S="n/a"; STOP_CLEAN="n/a"; RT_LEFT=0; CUR_LOG=""
stop_server() {
  local pid=$LAUNCHER_PID t0 t1 left="" p rc=0 pgs
  [ -n "$pid" ] || return 0
  # Note what belongs to us before signalling (stop may be reached before start_server did).
  [ -n "$PAYARA_PID" ] || PAYARA_PID=$(find_payara)
  [ -n "$PG_PID" ] || PG_PID=$(find_postmaster)
  pgs=$(postgres_pids)
  LAUNCHER_PID=""
  t0=$(now_us)
  if alive "$pid"; then
    log "stopping: SIGINT to process group $pid..."
    kill -INT -- "-$pid" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT))
    while alive "$pid" && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
  fi
  t1=$(now_us)
  # Only reap a launcher that has exited; 'wait' on a live one would block forever.
  alive "$pid" || wait "$pid" 2>/dev/null || rc=$?
  for p in "$pid" ${PAYARA_PID:-} $pgs; do
    alive "$p" && left+=" $p"
  done
  # Anything else still in the launcher's process group would be ours too.
  for p in $(ps -eo pid=,pgid= | awk -v g="$pid" '$2 == g { print $1 }'); do
    alive "$p" && [[ " $left " != *" $p "* ]] && left+=" $p"
  done
  STOP_S=$(secs "$t0" "$t1")
  # Payara Micro unpacks itself into /tmp/payaramicro-rt*tmp and normally deletes it on exit;
  # we saw it left behind now and then, so remove this run's copy (named in our own log).
  local rt
  rt=$(sed -n 's/.*Runtime directory is located at \(\/tmp\/payaramicro-rt[0-9]*tmp\).*/\1/p' "${CUR_LOG:-/dev/null}" | head -n1)
  if [ -n "$rt" ] && [ -d "$rt" ] && [ -z "$left" ]; then
    log "note: Payara Micro left its runtime dir $rt behind; removing it."
    rm -rf "$rt"
    RT_LEFT=$((RT_LEFT + 1))
  fi
  if [ -z "$left" ]; then
    STOP_CLEAN="yes"
    log "stopped cleanly in ${STOP_S} s (launcher exit code $rc); no Payara/PostgreSQL process left."
  else
    STOP_CLEAN="no (forced:$left)"
    log "WARNING: processes left after stop:$left; sending SIGTERM, then SIGKILL."
    kill -TERM $left 2>/dev/null || true
    sleep 5
    for p in $left; do alive "$p" && kill -KILL "$p" 2>/dev/null || true; done
  fi
  PAYARA_PID=""; PG_PID=""
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_server || true
  # A postmaster can outlive a crashed launcher; its pid file tells us which one is ours.
  local pm
  pm=$(find_postmaster)
  if [ -n "$pm" ] && alive "$pm" && ps -o args= -p "$pm" | grep -qF -- "$DATA/postgres"; then
    log "stopping leftover PostgreSQL $pm"; kill -INT "$pm" 2>/dev/null || true; sleep 3
  fi
  local f
  for f in "$WORK"/*.log; do
    [ -f "$f" ] && cp "$f" "$RESULTS_DIR/${RUN_ID}-startup-$(basename "$f")"
  done
  if [ "${BENCH_KEEP_DATA:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Converts a wrk time ("812.00us", "4.21ms", "1.02s", "1.5m") to milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : (u == "h") ? 3600000 : 1
    printf "%.2f", n * f }'
}

# One endpoint: a warm-up run (JIT, Faces view cache, connection pool), then the measured run.
WRK_ROWS=""
bench_endpoint() {
  local path=$1 url="$BASE$1" info out rps p50 p99 total errs non2xx
  info=$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{content_type}' --max-time 10 "$url" || true)
  log "GET $path -> $info; warm-up ${WRK_WARMUP}..."
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_WARMUP" "$url" >/dev/null
  log "GET $path measured run ${WRK_DURATION}..."
  out=$(wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency "$url")
  printf '%s\n' "$out" >"$WORK/wrk-$(echo "$path" | tr -c 'a-z0-9\n' '_').log"
  printf '%s\n' "$out" >&2
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  total=$(awk '/requests in/ { print $1 }' <<<"$out")
  errs=$(awk '/Socket errors:/ { sub(/.*errors: /, ""); print }' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx/ { print $NF }' <<<"$out")
  WRK_ROWS+="| \`GET $path\` | ${info%% *} | ${rps} | ${p50} | ${p99} | ${total} | ${non2xx:-0} | ${errs:-none} |"$'\n'
}

# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# Other JVMs/PostgreSQL servers on the box compete for the same 2 cores; record how many.
OTHER_JVMS=$(ps -eo comm= | grep -c '^java$' || true)
OTHER_PG=$(ps -eo args= | grep -c '^[^ ]*/bin/postgres ' || true)
log "machine: $(nproc) cores, load $LOAD_BEFORE, $OTHER_JVMS other JVM(s), $OTHER_PG other postmaster(s) running"

# 1a. Cold start: empty data dir.
start_server cold
COLD_READY=$READY_S; COLD_DB=$DB_S; COLD_BANNER=${BANNER_S:-n/a}; COLD_SEVERE=$SEVERE
COLD_LOAD=$LOAD_AT_READY; COLD_CPU="$CPU_TOTAL ($CPU_PAYARA / $CPU_LAUNCHER / $CPU_PG)"
# Evidence that the cold start really ran the migrations and loaded the demo data.
cold_evidence() { grep -Eo "$1" "$WORK/$2.log" | head -n1 || true; }
COLD_MIGR=$(cold_evidence 'Database schema at version [^ ]+ \([0-9]+ migrations applied now\)' cold)
COLD_DEMO=$(cold_evidence 'Loaded the [^:]* dataset: [0-9]+ accounts' cold)

# 2. Idle memory ~IDLE_WAIT s after ready, before any load.
log "idle for ${IDLE_WAIT} s before sampling RSS..."
sleep "$IDLE_WAIT"
sample_memory() {
  local pg_rss=0 pg_pss=0 n=0 p
  for p in $(postgres_pids); do
    pg_rss=$((pg_rss + $(rss_kb "$p"))); pg_pss=$((pg_pss + $(pss_kb "$p"))); n=$((n + 1))
  done
  M_PAYARA=$(rss_kb "${PAYARA_PID:?Payara pid not found}")
  M_LAUNCHER=$(rss_kb "$LAUNCHER_PID")
  M_PG=$pg_rss; M_PG_PSS=$pg_pss; M_PG_N=$n
  M_TOTAL=$((M_PAYARA + M_LAUNCHER + M_PG))
}
sample_memory
IDLE_PAYARA=$M_PAYARA; IDLE_LAUNCHER=$M_LAUNCHER; IDLE_PG=$M_PG; IDLE_PG_PSS=$M_PG_PSS
IDLE_PG_N=$M_PG_N; IDLE_TOTAL=$M_TOTAL
log "idle RSS: Payara $(kb_to_mb "$IDLE_PAYARA") MB, launcher $(kb_to_mb "$IDLE_LAUNCHER") MB, PostgreSQL $(kb_to_mb "$IDLE_PG") MB in $IDLE_PG_N processes"

# 3. Throughput and latency.
bench_endpoint /
bench_endpoint /api/platform
sample_memory
LOAD_PAYARA=$M_PAYARA; LOAD_TOTAL=$M_TOTAL; LOAD_PG=$M_PG; LOAD_PG_N=$M_PG_N
LOAD_DURING=$(cut -d' ' -f1-3 /proc/loadavg)

# 4. Stop, then warm restart(s) on the same data dir, and stop again.
stop_server
FIRST_STOP_S=$STOP_S; FIRST_STOP_CLEAN=$STOP_CLEAN
WARM_MIGR=""; WARM_LIST=""; WARM_DB_LIST=""; WARM_LOAD_LIST=""; WARM_CPU_LIST=""; WARM_BANNER_LIST=""; WARM_STOP_CLEAN=""
for i in $(seq 1 "$WARM_RUNS"); do
  start_server "warm$i"
  WARM_LIST+="${WARM_LIST:+, }$READY_S"; WARM_DB_LIST+="${WARM_DB_LIST:+, }$DB_S"
  WARM_BANNER_LIST+="${WARM_BANNER_LIST:+, }${BANNER_S:-n/a}"
  WARM_LOAD_LIST+="${WARM_LOAD_LIST:+, }$LOAD_AT_READY"
  WARM_CPU_LIST+="${WARM_CPU_LIST:+, }$CPU_TOTAL ($CPU_PAYARA / $CPU_LAUNCHER / $CPU_PG)"
  [ "$i" = 1 ] && WARM_MIGR=$(cold_evidence 'Database schema at version [^ ]+ \([0-9]+ migrations applied now\)' warm1)
  stop_server
  WARM_STOP_CLEAN+="${WARM_STOP_CLEAN:+, }$STOP_CLEAN"
done

# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
WRK_TABLE=${WRK_ROWS%$'\n'}
meets() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 < t + 0) ? "yes" : "**no**" }'; }
JAVA_VER=$(java -version 2>&1 | head -n1)
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
MEM=$(free -h | awk '/^Mem:/ { print $2 " total, " $7 " available" }')

REPORT="$WORK/report.md"
cat >"$REPORT" <<EOF
### Startup, memory and HTTP, $(date '+%F %H:%M %Z')

Machine: $(nproc) cores ($CPU), memory $MEM; $JAVA_VER; $(wrk -v 2>&1 | head -n1 | awk '{ print $1, $2 }').
Shared machine: load average before the run $LOAD_BEFORE, at the end of the wrk runs $LOAD_DURING;
$OTHER_JVMS other JVM(s) and $OTHER_PG other PostgreSQL server(s) were running. wrk runs on the
same 2 cores as the server. Treat the numbers as relative.
Build: $BUILD_NOTE. Ports: HTTP $PORT, embedded PostgreSQL $DB_PORT.

| Startup (launch of run.sh -> first 200 on /health/ready, polled every 0.2 s) | seconds | target < 30 s | load avg (1 min) at ready |
|---|---|---|---|
| Cold (fresh data dir: initdb, migrations, demo data) | $COLD_READY | $(meets "$COLD_READY" 30) | $COLD_LOAD |
| &nbsp;&nbsp;of which until the launcher starts Payara (JVM + PostgreSQL + create db) | $COLD_DB | | |
| &nbsp;&nbsp;Payara Micro alone, per the launcher's banner (0.5 s polling) | $COLD_BANNER | | |
| Warm restart (same data dir) | $WARM_LIST | $(meets "$(tr ',' '\n' <<<"$WARM_LIST" | sort -n | tail -n1)" 30) | $WARM_LOAD_LIST |
| &nbsp;&nbsp;of which until the launcher starts Payara | $WARM_DB_LIST | | |
| &nbsp;&nbsp;Payara Micro alone, per the banner | $WARM_BANNER_LIST | | |
| Stop after the load test (SIGINT -> launcher exited) | $FIRST_STOP_S | | |

CPU time used until ready (user+sys, seconds; total = Payara / launcher incl. initdb and pg_ctl /
PostgreSQL): cold $COLD_CPU; warm $WARM_CPU_LIST. CPU time depends far less on the machine's
load than wall-clock time; on an otherwise idle 2-core machine the start cannot take less than
half of it.

Clean stop (no Payara/PostgreSQL process left): after cold run $FIRST_STOP_CLEAN; after warm run(s) $WARM_STOP_CLEAN.
Payara Micro runtime dirs (/tmp/payaramicro-rt*) left behind and removed by the script: $RT_LEFT of $((WARM_RUNS + 1)) stops.
SEVERE lines in the cold-start log: $COLD_SEVERE. Cold-start log: "${COLD_MIGR:-no migration line}"; "${COLD_DEMO:-no demo-data line}".
Warm-start log: "${WARM_MIGR:-no migration line}".

| Resident memory (\`ps -o rss\`) | idle, ${IDLE_WAIT} s after ready | after the wrk runs |
|---|---|---|
| Payara Micro JVM (${RING_JAVA_OPTS:-launcher default -Xms256m -Xmx768m -XX:+UseSerialGC}) | $(kb_to_mb "$IDLE_PAYARA") MB | $(kb_to_mb "$LOAD_PAYARA") MB |
| Launcher JVM (run.sh) | $(kb_to_mb "$IDLE_LAUNCHER") MB | $(kb_to_mb "$M_LAUNCHER") MB |
| PostgreSQL, sum of RSS | $(kb_to_mb "$IDLE_PG") MB ($IDLE_PG_N processes; PSS $(kb_to_mb "$IDLE_PG_PSS") MB) | $(kb_to_mb "$LOAD_PG") MB ($LOAD_PG_N processes) |
| **Total** (target < 1 GB = 1024 MB) | **$(kb_to_mb "$IDLE_TOTAL") MB** ($(meets "$(kb_to_mb "$IDLE_TOTAL")" 1024)) | **$(kb_to_mb "$LOAD_TOTAL") MB** ($(meets "$(kb_to_mb "$LOAD_TOTAL")" 1024)) |

wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION --latency, after a $WRK_WARMUP warm-up run per endpoint:

| Endpoint | status | req/s | p50 ms | p99 ms | requests | non-2xx/3xx | socket errors |
|---|---|---|---|---|---|---|---|
${WRK_TABLE}
EOF

{ [ -s "$RESULT" ] && echo; cat "$REPORT"; } >>"$RESULT"
log "results appended to $RESULT (logs: $RESULTS_DIR/${RUN_ID}-startup-*.log)"
echo
cat "$REPORT"
