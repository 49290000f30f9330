#!/bin/sh
# Entry point of every Samen image: runs the image's app ($APP) with node as the only process,
# so that SIGTERM reaches it (graceful shutdown, docs/operations.md).
#   samen [start]        serve (the gateway on PORT; a bouwsteen on NATS, health on HEALTH_PORT)
#   samen migrate        a bouwsteen's pending migrations, once, then exit (compose one-shot / k8s Job)
#   samen provision [b…] database, roles and schemas (needs DATABASE_ADMIN_URL)
#   samen healthcheck    exit 0 when the app is ready (Docker HEALTHCHECK)
set -eu
cd /app
command=${1:-start}
if [ "$#" -gt 0 ]; then shift; fi

case "$APP" in
  gateway) main=dist/gateway/src/main.js; probe_port=${PORT:-3000} ;;
  *) main=dist/services/$APP/src/main.js; probe_port=${HEALTH_PORT:-8081} ;;
esac

case "$command" in
  start) exec node "$main" "$@" ;;
  migrate)
    [ "$APP" != gateway ] || { echo "samen: the gateway has no database to migrate" >&2; exit 64; }
    exec node "$main" migrate ;;
  provision) exec node dist/libs/platform/src/database/cli.js provision "$@" ;;
  rotate-signing-key)
    [ "$APP" = identity ] || { echo "samen: only identity has signing keys" >&2; exit 64; }
    exec node "$main" rotate-signing-key ;;
  healthcheck)
    exec node -e "fetch('http://127.0.0.1:$probe_port/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" ;;
  *) echo "samen: unknown command '$command' (start | migrate | provision | healthcheck | rotate-signing-key)" >&2; exit 64 ;;
esac
