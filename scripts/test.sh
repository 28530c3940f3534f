#!/usr/bin/env bash
# Runs every test of the solution and ends with the line "N passed, M failed", summed over
# all test projects. Installs what the tests need when it is missing, and starts a throwaway
# Redis and PostgreSQL for them.
set -uo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/servers.sh
. scripts/servers.sh

summary() {
  echo "$1 passed, $2 failed"
}

ensure_debian_package npm npm || { summary 0 1; exit 1; }
ensure_debian_package chromium chromium || { summary 0 1; exit 1; }
ensure_debian_package redis-server redis-server || { summary 0 1; exit 1; }
[ -n "$(postgres_bin)" ] || ensure_debian_package pg_ctlcluster postgresql || { summary 0 1; exit 1; }

if ! dotnet build Hub.sln --nologo -v quiet -clp:ErrorsOnly; then
  echo "error: the build failed" >&2
  summary 0 1
  exit 1
fi

results=$(mktemp -d)
trap 'stop_servers; rm -rf "$results"' EXIT
servers=$(mktemp -d)
chmod 755 "$servers"
start_redis || { summary 0 1; exit 1; }
start_postgres || { echo "error: PostgreSQL did not start" >&2; summary 0 1; exit 1; }
export HUB_TEST_REDIS="$redis_url" HUB_TEST_POSTGRES="$postgres_url"
# One test project at a time (-m:1): on two cores the browser tests beside the cluster tests
# starve the node processes those tests start and kill.
dotnet test Hub.sln --no-build --nologo -m:1 --logger "trx;LogFilePrefix=hub" --results-directory "$results"
status=$?

passed=0
failed=0
for report in "$results"/*.trx; do
  [ -e "$report" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$report")
  passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
  failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test host that crashed leaves no failed count behind, but the run did fail.
  failed=1
fi
summary "$passed" "$failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
