#!/usr/bin/env bash
# Installs Debian's PostgreSQL when absent and starts a dedicated cluster for the profile store's
# tests: localhost:54329, role "mip" with password "mip", database "mip". Idempotent: a cluster that
# is already there is reused and started if it is down. The tests read MIP_TEST_PG_URL and default
# to jdbc:postgresql://127.0.0.1:54329/mip?user=mip&password=mip; they skip with a message when no
# server answers.
set -euo pipefail
port="${MIP_PG_PORT:-54329}"
cluster="mip"

if ! command -v pg_createcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  if [ "$(id -u)" != "0" ]; then
    echo "postgres: not installed and not root; PostgreSQL store tests will be skipped" >&2
    exit 0
  fi
  echo "postgres: installing Debian's postgresql"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "${version} ${cluster}"; then
  if [ "$(id -u)" != "0" ]; then
    echo "postgres: cluster ${cluster} absent and not root; tests will be skipped" >&2
    exit 0
  fi
  echo "postgres: creating cluster ${version}/${cluster} on port ${port}"
  pg_createcluster --port "${port}" "${version}" "${cluster}" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
  echo "listen_addresses = '127.0.0.1'" >> "/etc/postgresql/${version}/${cluster}/postgresql.conf"
fi

if ! pg_lsclusters -h | awk -v v="${version}" -v c="${cluster}" '$1==v && $2==c {print $4}' | grep -qx online; then
  pg_ctlcluster "${version}" "${cluster}" start
fi

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "${port}" && break
  sleep 1
done

psql_admin() { su postgres -c "psql -q -p ${port} -v ON_ERROR_STOP=1 $*"; }
if ! su postgres -c "psql -p ${port} -tAc \"SELECT 1 FROM pg_roles WHERE rolname='mip'\"" | grep -qx 1; then
  psql_admin "-c \"CREATE ROLE mip LOGIN PASSWORD 'mip'\""
fi
if ! su postgres -c "psql -p ${port} -tAc \"SELECT 1 FROM pg_database WHERE datname='mip'\"" | grep -qx 1; then
  psql_admin "-c \"CREATE DATABASE mip OWNER mip\""
fi
echo "postgres: ready at jdbc:postgresql://127.0.0.1:${port}/mip?user=mip&password=mip"
