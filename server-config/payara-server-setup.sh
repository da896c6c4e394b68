#!/usr/bin/env bash
# Prepares a Payara Server 6 domain for Ring and, optionally, deploys ring.ear on it.
#
#   RING_DB_URL=jdbc:postgresql://db:5432/ring RING_DB_USER=ring RING_DB_PASSWORD=secret \
#     server-config/payara-server-setup.sh --payara-home /opt/payara6 [--domain domain1] \
#       [--domain-dir DIR] [--portbase 28000] [--jdbc-driver postgresql.jar] [ring.ear]
#
# Every option has an environment variable of the same meaning:
#   PAYARA_HOME       the unpacked Payara Server, holding bin/asadmin (required)
#   RING_DOMAIN       domain name (default domain1)
#   RING_DOMAIN_DIR   directory holding the domain (default $PAYARA_HOME/glassfish/domains)
#   RING_PORTBASE     port base for a domain this script creates: admin base+48, HTTP base+80,
#                     HTTPS base+81, ...; an existing domain keeps its ports
#   RING_JDBC_DRIVER  PostgreSQL JDBC driver jar (default server-config/target/runtime/postgresql.jar)
#   RING_DB_URL (required), RING_DB_USER (default postgres), RING_DB_PASSWORD (default empty)
#   RING_POST_BOOT_TEMPLATE  (default server-config/src/main/payara/post-boot-commands.asadmin)
#   RING_APP_NAME     name the EAR is deployed under (default ring)
# asadmin's own variables also apply, e.g. AS_ADMIN_USER and AS_ADMIN_PASSWORDFILE for a domain
# with an admin password.
#
# What it does, in order; each step is safe to repeat, so running the script twice is fine:
#  1. creates the domain if it does not exist (with --portbase when given) and starts it if it is
#     not running. A domain started here inherits this environment, so Ring settings such as
#     RING_PLATFORM_NAME reach the application through MicroProfile Config.
#  2. keeps the server local: no Hazelcast data grid, no phone-home (the network may be closed).
#  3. puts exactly one PostgreSQL driver into the domain's lib/ (the EAR carries none; two copies
#     would shadow each other).
#  4. applies the same post-boot commands Payara Micro runs (one datasource jdbc/ring for JPA,
#     Flyway and the batch job repository), tolerating "already exists"; the pool of an existing
#     domain is brought up to date with the configured URL, user and password.
#  5. restarts the domain when the batch runtime datasource, the pool or the driver changed:
#     Payara Server reads the batch runtime configuration (and the driver jar) only at start.
#  6. deploys the EAR given as the argument (its application.xml puts the web module at /).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { printf 'ring-setup: %s\n' "$*"; }
die() { printf 'ring-setup: error: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

PAYARA_HOME="${PAYARA_HOME:-}"
DOMAIN="${RING_DOMAIN:-domain1}"
DOMAIN_DIR="${RING_DOMAIN_DIR:-}"
PORTBASE="${RING_PORTBASE:-}"
JDBC_DRIVER="${RING_JDBC_DRIVER:-$SCRIPT_DIR/target/runtime/postgresql.jar}"
TEMPLATE="${RING_POST_BOOT_TEMPLATE:-$SCRIPT_DIR/src/main/payara/post-boot-commands.asadmin}"
APP_NAME="${RING_APP_NAME:-ring}"
EAR=""

while [ $# -gt 0 ]; do
  case "$1" in
    --payara-home) PAYARA_HOME="${2:?--payara-home needs a value}"; shift 2 ;;
    --domain) DOMAIN="${2:?--domain needs a value}"; shift 2 ;;
    --domain-dir) DOMAIN_DIR="${2:?--domain-dir needs a value}"; shift 2 ;;
    --portbase) PORTBASE="${2:?--portbase needs a value}"; shift 2 ;;
    --jdbc-driver) JDBC_DRIVER="${2:?--jdbc-driver needs a value}"; shift 2 ;;
    -h|--help) usage 0 ;;
    -*) printf 'ring-setup: unknown option %s\n' "$1" >&2; usage 2 ;;
    *) [ -z "$EAR" ] || die "only one EAR can be deployed"; EAR="$1"; shift ;;
  esac
done

[ -n "$PAYARA_HOME" ] || die "set PAYARA_HOME (or --payara-home) to the unpacked Payara Server"
[ -x "$PAYARA_HOME/bin/asadmin" ] || die "$PAYARA_HOME/bin/asadmin not found"
[ -n "${RING_DB_URL:-}" ] || die "set RING_DB_URL, e.g. jdbc:postgresql://localhost:5432/ring"
RING_DB_USER="${RING_DB_USER:-postgres}"
RING_DB_PASSWORD="${RING_DB_PASSWORD:-}"
[ -f "$JDBC_DRIVER" ] || die "JDBC driver $JDBC_DRIVER not found (build server-config or set RING_JDBC_DRIVER)"
[ -f "$TEMPLATE" ] || die "post-boot command template $TEMPLATE not found"
[ -z "$EAR" ] || [ -f "$EAR" ] || die "EAR $EAR not found"
[ -z "$PORTBASE" ] || [[ "$PORTBASE" =~ ^[0-9]+$ ]] || die "--portbase must be a number"
DOMAIN_DIR="${DOMAIN_DIR:-$PAYARA_HOME/glassfish/domains}"
DOMAIN_XML="$DOMAIN_DIR/$DOMAIN/config/domain.xml"
EAR="${EAR:+$(cd "$(dirname "$EAR")" && pwd)/$(basename "$EAR")}"

# asadmin for commands that run without a server (domain lifecycle) and for remote commands,
# which must name the domain's admin port: other Payara servers may be running on this machine.
# stdin is closed so asadmin can never eat the template this script is reading.
asadmin_local() { "$PAYARA_HOME/bin/asadmin" --interactive=false "$@" </dev/null; }
asadmin() { "$PAYARA_HOME/bin/asadmin" --interactive=false --port "$ADMIN_PORT" "$@" </dev/null; }

# The port of a network listener in the running configuration (server-config comes first in
# domain.xml; default-config's ports are ${...} placeholders and do not match).
listener_port() {
  grep -o "<network-listener[^>]*name=\"$1\"[^>]*>" "$DOMAIN_XML" \
    | grep -o 'port="[0-9][0-9]*"' | head -n 1 | tr -dc '0-9'
}

# The same escaping as PostBootCommands.escape: in an asadmin --property list ':' separates
# properties and '=' names from values, so both (and the escape '\' itself) get a backslash.
# Whitespace and double quotes cannot be expressed there at all; an empty value is written "".
escape() {
  local value="$1" bad='[[:space:]"]'
  if [ -z "$value" ]; then
    printf '""'
    return
  fi
  if [[ "$value" =~ $bad ]]; then
    die "database settings must not contain spaces or quotes in the post-boot commands"
  fi
  value="${value//\\/\\\\}"
  value="${value//:/\\:}"
  value="${value//=/\\=}"
  printf '%s' "$value"
}

# Splits an escaped property list (URL=jdbc\:...:user=x) into "name<TAB>value" lines with the
# escapes undone; "" stands for an empty value.
split_properties() {
  local list="$1" c current="" name="" have_name=false escaped=false i
  emit() {
    [ "$current" != '""' ] || current=""
    [ -z "$name" ] || printf '%s\t%s\n' "$name" "$current"
    name=""; current=""; have_name=false
  }
  for ((i = 0; i < ${#list}; i++)); do
    c="${list:i:1}"
    if [ "$escaped" = true ]; then
      current+="$c"; escaped=false
    elif [ "$c" = "\\" ]; then
      escaped=true
    elif [ "$c" = '=' ] && [ "$have_name" = false ]; then
      name="$current"; current=""; have_name=true
    elif [ "$c" = ':' ]; then
      emit
    else
      current+="$c"
    fi
  done
  emit
}

# True when the existing pool's properties differ from the escaped list (the configuration).
pool_differs() {
  local pool="$1" properties="$2" name value current prefix
  prefix="resources.jdbc-connection-pool.$pool.property"
  while IFS=$'\t' read -r name value; do
    current="$(asadmin get "$prefix.$name" 2>/dev/null | sed -n "s|^$prefix\.$name=||p" || true)"
    [ "$current" = "$value" ] || return 0
  done < <(split_properties "$properties")
  return 1
}

# Runs one command line of the template; "already exists" is the expected answer on a domain
# configured before. Sets CONFIG_CHANGED when an existing pool had to be updated.
apply_command() {
  local line="$1" out arg prev="" properties="" target=""
  local -a args
  # No globbing: a password may contain '*'. Values never contain whitespace (escape refuses it),
  # so splitting on blanks yields exactly the asadmin arguments, backslashes intact.
  set -f
  read -r -a args <<<"$line"
  set +f
  log "asadmin ${args[0]}"
  if out="$(asadmin "${args[@]}" 2>&1)"; then
    return
  fi
  if ! grep -qi 'already exists' <<<"$out"; then
    printf '%s\n' "$out" >&2
    die "asadmin ${args[0]} failed"
  fi
  if [ "${args[0]}" = create-jdbc-connection-pool ]; then
    for arg in "${args[@]}"; do
      case "$arg" in
        --property=*) properties="${arg#--property=}" ;;
        *) [ "$prev" != --property ] || properties="$arg" ;;
      esac
      prev="$arg"
    done
    target="${args[${#args[@]}-1]}"
    if [ -n "$properties" ] && pool_differs "$target" "$properties"; then
      # An existing pool keeps its old settings on "already exists". Replace it rather than
      # `set` single properties: `set` cannot store an empty value (it removes the property, and
      # a pool without a password property fails with "No password credential found").
      # --cascade drops its JDBC resources too; the template's next lines create them again.
      log "  the existing pool $target has other database settings; recreating it"
      asadmin delete-jdbc-connection-pool --cascade=true "$target" >/dev/null
      asadmin "${args[@]}" >/dev/null || die "asadmin ${args[0]} failed"
      CONFIG_CHANGED=true
      return
    fi
  fi
  log "  already exists; kept"
}

# Escaped once, up front, so unusable settings stop the script before it touches the domain.
url_escaped="$(escape "$RING_DB_URL")"
user_escaped="$(escape "$RING_DB_USER")"
password_escaped="$(escape "$RING_DB_PASSWORD")"

# --- 1. the domain exists and runs ---------------------------------------------------------
if [ ! -f "$DOMAIN_XML" ]; then
  log "creating domain $DOMAIN in $DOMAIN_DIR${PORTBASE:+ with port base $PORTBASE}"
  mkdir -p "$DOMAIN_DIR"
  # --nopassword: the admin listener answers local asadmin without a password; set one with
  # change-admin-password (and AS_ADMIN_PASSWORDFILE for this script) before exposing the domain.
  asadmin_local create-domain --domaindir "$DOMAIN_DIR" --nopassword=true \
    ${PORTBASE:+--portbase "$PORTBASE"} "$DOMAIN" >/dev/null
elif [ -n "$PORTBASE" ] && [ "$(listener_port admin-listener)" != "$((PORTBASE + 48))" ]; then
  log "warning: domain $DOMAIN exists; it keeps its admin port $(listener_port admin-listener)"
fi
ADMIN_PORT="$(listener_port admin-listener)"
HTTP_PORT="$(listener_port http-listener-1)"
[ -n "$ADMIN_PORT" ] || die "cannot read the admin port from $DOMAIN_XML"

if asadmin_local list-domains --domaindir "$DOMAIN_DIR" 2>/dev/null | grep -q "^$DOMAIN running"; then
  log "domain $DOMAIN is running (admin port $ADMIN_PORT)"
else
  log "starting domain $DOMAIN (admin port $ADMIN_PORT)"
  asadmin_local start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >/dev/null
fi

# --- 2. keep the server local ----------------------------------------------------------------
# Both take effect at once and persist in domain.xml.
log "disabling Hazelcast and phone-home"
asadmin set-hazelcast-configuration --enabled=false >/dev/null
asadmin disable-phone-home >/dev/null

# --- 3. exactly one PostgreSQL driver ---------------------------------------------------------
RESTART_REASONS=()
LIB_DIR="$DOMAIN_DIR/$DOMAIN/lib"
shopt -s nullglob
installed=("$LIB_DIR"/postgresql*.jar)
others=("$PAYARA_HOME"/glassfish/lib/postgresql*.jar "$LIB_DIR"/ext/postgresql*.jar
        "$LIB_DIR"/applibs/postgresql*.jar)
shopt -u nullglob
if [ ${#others[@]} -gt 0 ]; then
  log "warning: another PostgreSQL driver is on the server's class path: ${others[*]}"
fi
if [ ${#installed[@]} -eq 1 ] && [ "$(basename "${installed[0]}")" = "$(basename "$JDBC_DRIVER")" ] \
    && cmp -s "${installed[0]}" "$JDBC_DRIVER"; then
  log "JDBC driver $(basename "$JDBC_DRIVER") already installed"
else
  for jar in "${installed[@]}"; do
    log "removing the old JDBC driver $(basename "$jar")"
    asadmin remove-library --type common "$(basename "$jar")" >/dev/null
  done
  log "adding the JDBC driver $(basename "$JDBC_DRIVER") to $LIB_DIR"
  asadmin add-library --type common "$JDBC_DRIVER" >/dev/null
  # The common class loader reads lib/ only at start.
  RESTART_REASONS+=("JDBC driver added")
fi

# --- 4. the post-boot commands: datasource and batch runtime -------------------------------
batch_before="$(asadmin list-batch-runtime-configuration 2>&1 || true)"
CONFIG_CHANGED=false
while IFS= read -r line || [ -n "$line" ]; do
  line="${line#"${line%%[![:space:]]*}"}"
  case "$line" in '' | '#'*) continue ;; esac
  # Quoted replacements are literal, even with bash 5.2's patsub_replacement ('&' = the match).
  line="${line//"@@RING_DB_URL@@"/"$url_escaped"}"
  line="${line//"@@RING_DB_USER@@"/"$user_escaped"}"
  line="${line//"@@RING_DB_PASSWORD@@"/"$password_escaped"}"
  apply_command "$line"
done <"$TEMPLATE"
[ "$CONFIG_CHANGED" = false ] || RESTART_REASONS+=("connection pool changed")
batch_after="$(asadmin list-batch-runtime-configuration 2>&1 || true)"
if [ "$batch_before" != "$batch_after" ]; then
  # Payara Server applies set-batch-runtime-configuration only to a freshly started runtime
  # (and does not flag the domain as needing a restart), so restart when it changed.
  RESTART_REASONS+=("batch runtime datasource changed")
fi

# --- 5. restart when needed ---------------------------------------------------------------------
if asadmin _get-restart-required 2>/dev/null | grep -qx true; then
  RESTART_REASONS+=("the server asks for it")
fi
if [ ${#RESTART_REASONS[@]} -gt 0 ]; then
  reasons="$(printf '%s, ' "${RESTART_REASONS[@]}")"
  log "restarting domain $DOMAIN (${reasons%, })"
  asadmin_local restart-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >/dev/null
else
  log "no restart needed"
fi

# --- 6. deploy ------------------------------------------------------------------------------------
if [ -n "$EAR" ]; then
  log "deploying $EAR as $APP_NAME"
  # --force redeploys over an earlier version; the context root comes from application.xml.
  asadmin deploy --force=true --name "$APP_NAME" "$EAR" >/dev/null
fi

log "done: domain $DOMAIN, admin http://localhost:$ADMIN_PORT/, application http://localhost:${HTTP_PORT:-?}/"
