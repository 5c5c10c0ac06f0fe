#!/usr/bin/env bash
# The benchmark beside stock Keycloak (README "Benchmarks"): builds the provider jar, boots Keycloak with and without
# it, counts SQL statements per login, loads one server with stock and Kazoo logins and reads in alternating rounds,
# runs the HMAC check under JMH, and writes bench/RESULTS.md. About an hour on 2 cores with the default sizes.
# Sizes: -Dbench.warmup=4 -Dbench.warmupMax=48 -Dbench.rounds=8 -Dbench.logins=160 -Dbench.concurrency=16 -Dbench.reads=800 -Dbench.accounts=100000
#        -Dbench.crowd=10000 -Dbench.attempts=1000000 -Dbench.configs=10000
# Phases: -Dbench.phases=P1,P2,P3,P4,P5 (any of them); a flight recording of P1 and P2: -Dbench.jfr=/tmp/p.jfr
# The lock is on in P1; -Dbench.lock=false runs P1 with it off, to tell its share from the rest, and
# -Dbench.lockScope=user with a bucket per user, so that no login waits for another; -Dbench.database=postgres
# -Dbench.phases=P1 runs P1 on the PostgreSQL at 127.0.0.1:5432, its CPU counted with Keycloak's.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prerequisites.sh
exec mvn -B --no-transfer-progress -Pbench -DskipTests verify "$@"
