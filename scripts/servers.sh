# Throwaway servers on free loopback ports, shared by the Test command and the local cluster.
# Source it, set "servers" to a directory the postgres user can enter, then call start_redis
# and start_postgres, which set redis_url and postgres_url; stop_servers stops them again.

ensure_debian_package() {
  local command=$1 package=$2
  command -v "$command" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: $command is missing; install the Debian package $package (as root: apt-get install $package)" >&2
    return 1
  fi
  echo "Installing $package..." >&2
  if [ -z "${APT_UPDATED:-}" ]; then
    apt-get update -qq >/dev/null && APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
}

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# A throwaway Redis on a free loopback port, without persistence. With redis_password set,
# clients must give it: it goes into a config file only the owner reads (not onto the command
# line, where any local user could see it) and into redis_url as password=.
start_redis() {
  local port config="$servers/redis.conf"
  port=$(free_port)
  (umask 077 && : >"$config")
  [ -z "${redis_password:-}" ] || echo "requirepass $redis_password" >>"$config"
  redis-server "$config" --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --dir "$servers" --pidfile "$servers/redis.pid" --logfile "$servers/redis.log" || return 1
  for _ in $(seq 50); do
    if [ "$(env ${redis_password:+REDISCLI_AUTH="$redis_password"} redis-cli -p "$port" ping 2>/dev/null)" = PONG ]; then
      redis_url="127.0.0.1:$port${redis_password:+,password=$redis_password}"
      return 0
    fi
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
# With postgres_durable=1 it keeps a real server's defaults (fsync, synchronous_commit and full
# page writes on), for measuring writes that are acknowledged only once they are on disk.
start_postgres() {
  local port bin data durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${postgres_durable:-0}" = 1 ] && durability="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
  port=$(free_port)
  bin=$(postgres_bin)
  data="$servers/postgres"
  mkdir -p "$data"
  [ "$(id -u)" -eq 0 ] && chown postgres "$data"
  as_database_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null || return 1
  as_database_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -o \
    "-p $port -k $data -c listen_addresses=127.0.0.1 $durability -c max_connections=300" \
    start >/dev/null || { cat "$data/server.log" >&2; return 1; }
  postgres_url="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

stop_servers() {
  [ -n "${servers:-}" ] || return 0
  [ -f "$servers/redis.pid" ] && kill "$(cat "$servers/redis.pid")" 2>/dev/null
  [ -d "$servers/postgres" ] && as_database_owner "$(postgres_bin)/pg_ctl" -D "$servers/postgres" -m immediate stop >/dev/null 2>&1
  rm -rf "$servers"
}

