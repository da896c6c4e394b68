#!/usr/bin/env bash
# The cost of a password sign-in: the PBKDF2 hash alone (600,000 iterations, one core), then the
# token endpoint end to end against a running server (start one with server-config/run.sh first):
# sequential sign-ins (latency) and wrk with concurrent sign-ins (throughput, what an attacker or
# a login storm can get out of the server). Targets only the given URL, which must be local.
#
#   bench/login-cost.sh [URL]          default URL: http://localhost:8080
#   LOGIN_EMAIL / LOGIN_PASSWORD       default: the demo member account
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
URL="${1:-http://localhost:8080}"
EMAIL="${LOGIN_EMAIL:-member@ring.local}"
PASSWORD="${LOGIN_PASSWORD:-ring-demo-2026}"
case "$URL" in
  http://localhost*|http://127.*) ;;
  *) echo "Refusing to load a non-local server: $URL" >&2; exit 2 ;;
esac

echo "## Password hash alone"
java "$ROOT/bench/Pbkdf2Cost.java" 600000 20

echo
echo "## POST /api/auth/token, sequential (20 sign-ins)"
BODY="{\"grant_type\":\"password\",\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}"
times=()
for _ in $(seq 1 20); do
  out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' \
    -d "$BODY" "$URL/api/auth/token")
  [ "${out%% *}" = 200 ] || { echo "sign-in failed: $out (is the server up, the account right?)" >&2; exit 1; }
  times+=("${out#* }")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 * 1000; s += $1 * 1000 }
  END { printf "mean %.0f ms, median %.0f ms, min %.0f ms, max %.0f ms\n", s / NR, a[int((NR + 1) / 2)], a[1], a[NR] }'

if command -v wrk >/dev/null 2>&1; then
  LUA="$(mktemp /tmp/ring-login.XXXXXX.lua)"
  trap 'rm -f "$LUA"' EXIT
  cat > "$LUA" <<LUAEOF
wrk.method = "POST"
wrk.body = '$BODY'
wrk.headers["Content-Type"] = "application/json"
LUAEOF
  for c in 2 8; do
    echo
    echo "## POST /api/auth/token, wrk -t2 -c$c -d15s"
    wrk -t2 -c"$c" -d15s --latency -s "$LUA" "$URL/api/auth/token" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"
  done
else
  echo "(wrk not installed: apt-get install -y wrk for the concurrent part)"
fi
