#!/usr/bin/env bash
# Runs the integration tests with the same provider jar on each Keycloak version given (default: the supported
# ones, 26.5.6 and 26.7.3), on the embedded H2, and prints one line per version. Extra Maven arguments go after
# `--`, e.g. `scripts/version-matrix.sh 26.5.6 -- -Dit.test=HmacSecondFactorIT`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prerequisites.sh
versions=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do versions+=("$1"); shift; done
[ $# -gt 0 ] && shift
[ ${#versions[@]} -eq 0 ] && versions=(26.5.6 26.7.3)
results=()
for version in "${versions[@]}"; do
  echo "=== Keycloak $version: integration tests with the same provider jar ==="
  log="dist/target/version-matrix-$version.log"
  mkdir -p dist/target
  if mvn -B --no-transfer-progress verify -Dkeycloak.dist.version="$version" -Dtest=none \
      -Dsurefire.failIfNoSpecifiedTests=false "$@" 2>&1 | tee "$log" | grep -E '^\[(INFO|WARNING|ERROR)\] (Tests run|Running|BUILD)'; then
    results+=("Keycloak $version: passed")
  else
    results+=("Keycloak $version: FAILED (log: $log)")
  fi
done
printf '%s\n' "${results[@]}"
! printf '%s\n' "${results[@]}" | grep -q FAILED
