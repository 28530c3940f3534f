#!/usr/bin/env bash
# A local cluster on loopback: PostgreSQL, Redis, two headless silos and two web nodes.
#   bash scripts/cluster.sh start   builds, starts it all, and prints the web nodes and the admin login
#   bash scripts/cluster.sh stop    stops it all and forgets its data
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/servers.sh
. scripts/servers.sh

state=.cluster
silo_ports=(11211 11212)
web_ports=(5101 5102)

start_cluster() {
  if [ -d "$state" ]; then
    echo "a local cluster is running already: bash scripts/cluster.sh stop" >&2
    exit 1
  fi
  ensure_debian_package redis-server redis-server
  [ -n "$(postgres_bin)" ] || ensure_debian_package pg_ctlcluster postgresql
  dotnet build silo -c Release --nologo -v quiet -clp:ErrorsOnly
  dotnet build web -c Release --nologo -v quiet -clp:ErrorsOnly

  mkdir -p "$state"
  servers=$(mktemp -d)
  chmod 755 "$servers"
  echo "$servers" > "$state/servers"
  start_redis
  start_postgres

  local password
  password=$(head -c 12 /dev/urandom | base64 | tr -d '/+=')
  export ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Postgres="$postgres_url" ConnectionStrings__Redis="$redis_url" \
    Hub__ClusterId=local Hub__Auth__SigningKey="$(head -c 32 /dev/urandom | base64)" \
    Hub__Admin__Username=admin Hub__Admin__Password="$password"

  for i in 0 1; do
    Hub__SiloPort=${silo_ports[$i]} Hub__GatewayPort=$((30100 + i)) \
      nohup dotnet silo/bin/Release/net10.0/Hub.Silo.dll >"$state/silo-$i.log" 2>&1 &
    echo $! >"$state/silo-$i.pid"
  done
  for i in 0 1; do
    Hub__SiloPort=$((11221 + i)) Hub__GatewayPort=$((30110 + i)) \
      nohup dotnet web/bin/Release/net10.0/Hub.Web.dll --contentRoot "$PWD/web" --urls "http://127.0.0.1:${web_ports[$i]}" \
      >"$state/web-$i.log" 2>&1 &
    echo $! >"$state/web-$i.pid"
  done
  for i in 0 1; do
    for _ in $(seq 120); do
      grep -q "Hub is running at" "$state/web-$i.log" && break
      sleep 0.5
    done
    grep -q "Hub is running at" "$state/web-$i.log" || { echo "web node $i did not start; see $state/web-$i.log" >&2; exit 1; }
  done

  echo "Local cluster running: web nodes http://127.0.0.1:${web_ports[0]} and http://127.0.0.1:${web_ports[1]}"
  echo "admin login: admin / $password"
  echo "PostgreSQL: $postgres_url"
  echo "Redis: $redis_url"
  echo "logs: $state/; stop with: bash scripts/cluster.sh stop"
}

stop_cluster() {
  [ -d "$state" ] || { echo "no local cluster is running"; return 0; }
  for pid_file in "$state"/*.pid; do
    [ -e "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null || true
  done
  for pid_file in "$state"/*.pid; do
    [ -e "$pid_file" ] || continue
    while kill -0 "$(cat "$pid_file")" 2>/dev/null; do sleep 0.2; done
  done
  servers=$(cat "$state/servers")
  stop_servers
  rm -rf "$state"
  echo "Local cluster stopped."
}

case "${1:-}" in
  start) start_cluster ;;
  stop) stop_cluster ;;
  *) echo "usage: bash scripts/cluster.sh start|stop" >&2; exit 2 ;;
esac
