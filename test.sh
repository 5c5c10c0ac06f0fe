#!/usr/bin/env bash
# Runs every test: the unit tests, then the integration tests against a real Keycloak 26.7.3 started from the
# keycloak-quarkus-dist artifact with the built provider jar and the demo realm (no Docker needed).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/prerequisites.sh
exec mvn -B --no-transfer-progress verify "$@"
