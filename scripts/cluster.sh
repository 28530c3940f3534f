#!/usr/bin/env bash
# A local cluster on loopback: PostgreSQL, Redis, two headless silos and two web nodes, the
# silos talking mutual TLS with certificates of a throwaway authority, Redis behind a password.
#   bash scripts/cluster.sh start   builds, starts it all, and prints the web nodes and the admin login
#   bash scripts/cluster.sh stop    stops it all and forgets its data and certificates
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/servers.sh
. scripts/servers.sh

state=.cluster
silo_ports=(11211 11212)
web_ports=(5101 5102)
nodes=(silo-0 silo-1 web-0 web-1)
tls="$state/tls"

# A certificate authority for this cluster alone and a certificate per node, each good for
# both ends of a connection. The authority's key is deleted once they are issued, so nothing
# else can ever join.
make_certificates() {
  local node
  (umask 077 && mkdir -p "$tls")
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 \
    -subj "/CN=Hub local cluster authority" -keyout "$tls/authority.key" -out "$tls/authority.pem" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
    "extendedKeyUsage=serverAuth,clientAuth" "subjectAltName=IP:127.0.0.1" >"$tls/node.ext"
  for node in "${nodes[@]}"; do
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$node" \
      -keyout "$tls/$node.key" -out "$tls/$node.csr" 2>/dev/null
    openssl x509 -req -in "$tls/$node.csr" -CA "$tls/authority.pem" -CAkey "$tls/authority.key" \
      -set_serial "0x$(openssl rand -hex 16)" -days 30 -extfile "$tls/node.ext" -out "$tls/$node.pem" 2>/dev/null
    rm "$tls/$node.csr"
  done
  rm "$tls/authority.key" "$tls/node.ext"
}

# Runs one node in the background with its own certificate; $1 names it, the rest is its command.
run_node() {
  local node=$1
  shift
  Hub__Tls__CertificatePath="$tls/$node.pem" Hub__Tls__KeyPath="$tls/$node.key" Hub__Tls__AuthorityPath="$tls/authority.pem" \
    nohup "$@" >"$state/$node.log" 2>&1 &
  echo $! >"$state/$node.pid"
}

start_cluster() {
  if [ -d "$state" ]; then
    echo "a local cluster is running already: bash scripts/cluster.sh stop" >&2
    exit 1
  fi
  ensure_debian_package redis-server redis-server
  ensure_debian_package openssl openssl
  [ -n "$(postgres_bin)" ] || ensure_debian_package pg_ctlcluster postgresql
  dotnet build silo -c Release --nologo -v quiet -clp:ErrorsOnly
  dotnet build web -c Release --nologo -v quiet -clp:ErrorsOnly

  mkdir -p "$state"
  servers=$(mktemp -d)
  chmod 755 "$servers"
  echo "$servers" > "$state/servers"
  make_certificates
  redis_password=$(openssl rand -hex 24)
  start_redis
  start_postgres

  local password
  password=$(head -c 12 /dev/urandom | base64 | tr -d '/+=')
  export ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Postgres="$postgres_url" ConnectionStrings__Redis="$redis_url" \
    Hub__ClusterId=local Hub__Auth__SigningKey="$(head -c 32 /dev/urandom | base64)" \
    Hub__Admin__Username=admin Hub__Admin__Password="$password"

  for i in 0 1; do
    Hub__SiloPort=${silo_ports[$i]} run_node "silo-$i" dotnet silo/bin/Release/net10.0/Hub.Silo.dll
  done
  for i in 0 1; do
    Hub__SiloPort=$((11221 + i)) run_node "web-$i" \
      dotnet web/bin/Release/net10.0/Hub.Web.dll --contentRoot "$PWD/web" --urls "http://127.0.0.1:${web_ports[$i]}"
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
  echo "cluster certificates: $tls/; logs: $state/; stop with: bash scripts/cluster.sh stop"
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
