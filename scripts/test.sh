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

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# A throwaway Redis on a free loopback port, without persistence, for the cross-node tests.
start_redis() {
  local port
  port=$(free_port)
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --dir "$servers" --pidfile "$servers/redis.pid" --logfile "$servers/redis.log" || return 1
  for _ in $(seq 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && { export HUB_TEST_REDIS="127.0.0.1:$port"; return 0; }
    sleep 0.1
  done
  echo "error: redis-server did not start; its log:" >&2
  cat "$servers/redis.log" >&2
  return 1
}

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# initdb refuses to run as root, so as root the database runs as the postgres user.
as_database_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

# A throwaway PostgreSQL on a free loopback port; fsync off, since nothing here must outlive the run.
start_postgres() {
  local port bin data
  port=$(free_port)
  bin=$(postgres_bin)
  data="$servers/postgres"
  mkdir -p "$data"
  [ "$(id -u)" -eq 0 ] && chown postgres "$data"
  as_database_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null || return 1
  as_database_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -o \
    "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$data/server.log" >&2; return 1; }
  export HUB_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

stop_servers() {
  [ -n "${servers:-}" ] || return 0
  [ -f "$servers/redis.pid" ] && kill "$(cat "$servers/redis.pid")" 2>/dev/null
  [ -d "$servers/postgres" ] && as_database_owner "$(postgres_bin)/pg_ctl" -D "$servers/postgres" -m immediate stop >/dev/null 2>&1
  rm -rf "$servers"
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
