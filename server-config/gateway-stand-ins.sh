#!/usr/bin/env bash
# Starts the local payment gateway stand-ins for a demo: a WayForPay (hosted payment page, CHECK_STATUS
# and REFUND API) and a Stripe (Checkout Sessions, hosted checkout page, refunds, signed webhooks).
# They sign like the real gateways and are the ones the integration tests use
# (ring-web/src/test/java/org/ringplatform/testing/gateway); JDK only, compiled on the fly.
# Usage: server-config/gateway-stand-ins.sh [wayforpay-port] [stripe-port] [ring-url]
#        (defaults 8091, 8092, http://localhost:8080). It prints the settings to start Ring with.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLASSES="$(mktemp -d /tmp/ring-stand-ins.XXXXXX)"
trap 'rm -rf "$CLASSES"' EXIT
javac -d "$CLASSES" "$ROOT"/ring-web/src/test/java/org/ringplatform/testing/gateway/*.java
java -cp "$CLASSES" org.ringplatform.testing.gateway.GatewayStandIns "$@"
