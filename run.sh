#!/usr/bin/env bash
# Builds the provider jar and starts a real Keycloak 26.7.3 with it and the demo realm imported (embedded H2 kept
# in dist/target/demo), then prints the admin console URL and the demo logins. Stop with Ctrl-C.
# Ports: KAZOO_HTTP_PORT (8080) and KAZOO_MANAGEMENT_PORT (9000); admin password: KAZOO_ADMIN_PASSWORD (admin).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/prerequisites.sh
echo "Building the provider jar and preparing Keycloak (the first run downloads the 180 MB distribution) ..."
exec mvn -B --no-transfer-progress -Pdemo -DskipTests verify "$@"
