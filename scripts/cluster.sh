#!/usr/bin/env bash
# Starts the pack on a two-node Keycloak cluster, as the cluster tests do: two copies of Keycloak 26.7.3 with the
# provider jar and the demo realm, sharing one fresh database on the PostgreSQL at 127.0.0.1:5432 (trust auth, user
# postgres) and finding each other through it (Keycloak's jdbc-ping). Prints both nodes' URLs. Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prerequisites.sh
if ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  echo "No PostgreSQL answers on 127.0.0.1:5432: the cluster shares its database there. Start one and try again." >&2
  exit 1
fi
echo "Building the provider jar and preparing two Keycloak nodes (each boots in about a minute the first time) ..."
exec mvn -B --no-transfer-progress -Ppostgres,cluster -DskipTests verify "$@"
