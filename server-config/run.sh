#!/usr/bin/env bash
# Ring's run command. On a fresh clone it builds what is missing, then starts Payara Micro with
# ring.war on http://localhost:8080/ (RING_HTTP_PORT changes the port). Without RING_DB_URL it
# starts an embedded PostgreSQL whose files live under RING_DATA_DIR (default ./data).
# Ctrl-C stops the server and the database cleanly.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Demo defaults for a local run; set them in the environment to override.
export RING_DEMO_ENABLED="${RING_DEMO_ENABLED:-true}"
export RING_PLATFORM_NAME="${RING_PLATFORM_NAME:-Demo Ring}"

needs_build=false
for f in ring-web/target/ring.war server-config/target/ring-launcher.jar \
         server-config/target/runtime/payara-micro.jar server-config/target/runtime/postgresql.jar; do
  [ -f "$ROOT/$f" ] || needs_build=true
done
if [ "$needs_build" = true ]; then
  echo "Ring: building (first run only; later runs start at once)..."
  mvn -B -q -f "$ROOT/pom.xml" -DskipTests -Dspotless.check.skip=true \
      -pl ring-web,server-config -am package
fi

# The launcher only supervises: a small heap and the quick compiler keep it light.
exec java ${RING_LAUNCHER_OPTS:--Xmx48m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} -Dring.home="$ROOT" \
  -cp "$ROOT/server-config/target/ring-launcher.jar:$ROOT/server-config/target/lib/*" \
  org.ringplatform.launcher.RingLauncher
