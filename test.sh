#!/usr/bin/env bash
# Runs every test: the unit tests, then the integration tests against a real Keycloak 26.7.3 started from the
# keycloak-quarkus-dist artifact with the built provider jar and the demo realm (no Docker needed): on the
# embedded H2, and again on PostgreSQL when one answers on 127.0.0.1:5432; then, without arguments, a smoke subset
# on Keycloak 26.5.6 with the same jar.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/prerequisites.sh
profiles=()
# With PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres), the integration tests run a second time on it.
if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  echo "PostgreSQL answers on 127.0.0.1:5432: the integration tests also run against it (profile postgres)."
  profiles=(-Ppostgres)
fi
mvn -B --no-transfer-progress verify "${profiles[@]}" "$@"
# The same jar on the oldest supported Keycloak, a smoke subset (scripts/version-matrix.sh runs every test there).
if [ $# -eq 0 ]; then
  bash scripts/version-matrix.sh 26.5.6 -- \
    -Dit.test=ProviderJarIT,ServerInfoIT,TokenGateIT,HmacSecondFactorIT,LoginLockIT,UserAuthIT,DemoAppIT
fi
