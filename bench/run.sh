#!/usr/bin/env bash
# The benchmark beside stock Keycloak (README "Benchmarks"): builds the provider jar, boots Keycloak with and without
# it, counts SQL statements per login, loads one server with stock and Kazoo logins and reads in alternating rounds,
# runs the HMAC check under JMH, and writes bench/RESULTS.md. About half an hour on 2 cores.
# Sizes: -Dbench.rounds=3 -Dbench.logins=160 -Dbench.concurrency=16 -Dbench.reads=800 -Dbench.accounts=10000
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prerequisites.sh
exec mvn -B --no-transfer-progress -Pbench -DskipTests verify "$@"
