#!/usr/bin/env bash
# Tunnel fan-out: starts Ring (server-config/run.sh, fresh data dir, demo data), opens N WebSocket
# subscribers of the "entities" discovery channel (bench/TunnelFanout.java, JDK only), creates
# public entities through the API one at a time and measures the delivery latency to every
# subscriber (p50/p99 from the create request to the event), plus the Payara Micro JVM's resident
# memory before and after the sockets were opened (per connection). Stops the server at the end.
#
# Usage: bench/tunnel-fanout.sh [connections] [rounds]        (defaults 10000 and 5)
# Settings (environment): RING_HTTP_PORT (18081), RING_EMBEDDED_DB_PORT (15433), READY_TIMEOUT (300),
#   RING_JAVA_OPTS for the server (default here: -Xms512m -Xmx1g -XX:+UseSerialGC).
set -euo pipefail
export LC_ALL=C

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-10000}"
ROUNDS="${2:-5}"
PORT="${RING_HTTP_PORT:-18081}"
DB_PORT="${RING_EMBEDDED_DB_PORT:-15433}"
READY_TIMEOUT="${READY_TIMEOUT:-300}"
BASE="http://127.0.0.1:${PORT}"
export RING_JAVA_OPTS="${RING_JAVA_OPTS:--Xms512m -Xmx1g -XX:+UseSerialGC}"

log() { printf '[tunnel-bench %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Each side holds one descriptor per connection (plus the server's own); raise the soft limit.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" -gt $((N + 1000)) ] || die "ulimit -n is $(ulimit -n); need more than $((N + 1000))."

for f in ring-web/target/ring.war server-config/target/ring-launcher.jar; do
  [ -f "$ROOT/$f" ] || die "$f is missing; build first: mvn -B -DskipTests -pl ring-web,server-config -am package"
done
ss -Hltn "sport = :$PORT" | grep -q . && die "port $PORT is in use; set RING_HTTP_PORT."

RESULTS="$ROOT/bench/results"; mkdir -p "$RESULTS"
RESULT="$RESULTS/$(date +%F-%H%M%S)-tunnel-fanout.md"
WORK="$(mktemp -d /tmp/ring-tunnel-bench.XXXXXX)"
LAUNCHER=""
CLIENT=""

stop() {
  [ -n "$CLIENT" ] && kill "$CLIENT" 2>/dev/null || true
  if [ -n "$LAUNCHER" ] && kill -0 "$LAUNCHER" 2>/dev/null; then
    log "stopping the server (SIGINT to process group $LAUNCHER)..."
    kill -INT -- "-$LAUNCHER" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$LAUNCHER" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -rf "$WORK"
}
trap stop EXIT INT TERM

log "starting Ring on port $PORT (data dir $WORK/data)..."
set -m
RING_DATA_DIR="$WORK/data" RING_HTTP_PORT="$PORT" RING_EMBEDDED_DB_PORT="$DB_PORT" \
  "$ROOT/server-config/run.sh" >"$WORK/server.log" 2>&1 </dev/null &
LAUNCHER=$!
set +m
deadline=$((SECONDS + READY_TIMEOUT))
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/health/ready" || true)" = 200 ]; do
  kill -0 "$LAUNCHER" 2>/dev/null || { tail -40 "$WORK/server.log" >&2; die "the server exited"; }
  [ $SECONDS -lt $deadline ] || die "not ready after $READY_TIMEOUT s"
  sleep 0.5
done
PAYARA=$(ps -o pid=,args= --ppid "$LAUNCHER" | awk '/payara-micro\.jar/ { print $1; exit }')
[ -n "$PAYARA" ] || die "Payara Micro process not found"
sleep 10
rss() { ps -o rss= -p "$PAYARA" | awk '{ print $1 }'; }
RSS0=$(rss)
log "ready; Payara Micro RSS before the sockets: $((RSS0 / 1024)) MB"

javac -d "$WORK/classes" "$ROOT/bench/TunnelFanout.java"
java -Xmx2g -Dsettle.ms=15000 -cp "$WORK/classes" TunnelFanout "$BASE" "$N" "$ROUNDS" \
  admin@ring.local "${RING_DEMO_PASSWORD:-ring-demo-2026}" >"$WORK/client.log" 2>&1 &
CLIENT=$!
until grep -q '^READY' "$WORK/client.log"; do
  kill -0 "$CLIENT" 2>/dev/null || { cat "$WORK/client.log" >&2; die "the client exited"; }
  sleep 1
done
sleep 10
RSS1=$(rss)
CONNECTED=$(sed -n 's/^READY //p' "$WORK/client.log")
wait "$CLIENT" || true
CLIENT=""
cat "$WORK/client.log"
PER_CONN=$(awk -v a="$RSS0" -v b="$RSS1" -v n="$CONNECTED" 'BEGIN { printf "%.1f", (b - a) / (n > 0 ? n : 1) }')
{
  echo "## Tunnel fan-out $(date '+%F %T')"
  echo
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); server $RING_JAVA_OPTS"
  echo "- connections requested $N, subscribed $CONNECTED; rounds $ROUNDS"
  echo "- Payara Micro RSS: $((RSS0 / 1024)) MB before, $((RSS1 / 1024)) MB with the sockets open: ${PER_CONN} KB per connection"
  echo
  echo '```'
  cat "$WORK/client.log"
  echo '```'
} | tee "$RESULT"
log "written to $RESULT"
