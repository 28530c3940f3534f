#!/usr/bin/env bash
# Runs every test of the solution and ends with the line "N passed, M failed",
# summed over all test projects. Installs what the browser tests need when it is missing.
set -uo pipefail
cd "$(dirname "$0")/.."

ensure_debian_package() {
  local command=$1 package=$2
  command -v "$command" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: $command is missing; install the Debian package $package (as root: apt-get install $package)" >&2
    return 1
  fi
  echo "Installing $package..."
  if [ -z "${APT_UPDATED:-}" ]; then
    apt-get update -qq >/dev/null && APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
}

summary() {
  echo "$1 passed, $2 failed"
}

ensure_debian_package npm npm || { summary 0 1; exit 1; }
ensure_debian_package chromium chromium || { summary 0 1; exit 1; }

if ! dotnet build Hub.sln --nologo -v quiet -clp:ErrorsOnly; then
  echo "error: the build failed" >&2
  summary 0 1
  exit 1
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
dotnet test Hub.sln --no-build --nologo --logger "trx;LogFilePrefix=hub" --results-directory "$results"
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
