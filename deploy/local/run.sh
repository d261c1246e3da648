#!/usr/bin/env bash
# The run command: the whole system on this machine. Installs what is missing, starts a PostgreSQL cluster kept
# under .data/ (reused on the next run), builds, starts the four services and the admin on 127.0.0.1 (migrations
# run at each service's start), loads the demo data, prints the addresses, and stops everything on Ctrl-C.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

bash deploy/local/prerequisites.sh --browser   # the admin prints the report PDF with chromium

# deploy/services.json is the one source of truth for ports, app ids and databases.
topology() { node -e "const t=require('$root/deploy/services.json'); $1"; }
pg_port=$(topology 'console.log(t.postgresPort)')
# The connection budget (README, Reliability): every app's pool and direct connections fit in max_connections.
pg_max_connections=$(topology 'console.log(t.postgres.maxConnections)')
mapfile -t apps < <(topology 't.apps.forEach(a=>console.log([a.appId,a.project,a.grpcPort??"-",a.httpPort,a.database].join(" ")))')

data="$root/.data"
logs="$data/logs"
mkdir -p "$logs"
pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
pg_data="$data/postgres"

# Token keys (every gRPC call is authenticated): made once, kept with the data. Locally one directory serves all apps.
keys="$data/keys"
# The admin's data-protection key (protecting its key ring in its database) joined the directory later: add it when missing.
{ ls "$keys"/*.key.pem >/dev/null 2>&1 && ls "$keys"/data-protection.*.key >/dev/null 2>&1; } || bash deploy/keys/generate.sh "$keys" >/dev/null

# PostgreSQL refuses to run as root: run it as the postgres user then.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ ! -s "$pg_data/PG_VERSION" ]; then
  echo "Creating the local PostgreSQL cluster in $pg_data"
  mkdir -p "$pg_data"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pg_data"
  as_pg "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres -E UTF8 --locale=C >"$logs/initdb.log"
fi
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$pg_data"
if ! as_pg "$pg_bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pg_data -c max_connections=$pg_max_connections" start >/dev/null
fi
psql_cmd() { as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
for app in "${apps[@]}"; do
  read -r _ _ _ _ db <<<"$app"
  [ "$(psql_cmd -d postgres -c "select 1 from pg_database where datname='$db'")" = "1" ] || psql_cmd -d postgres -c "create database $db" >/dev/null
done

echo "Building the apps (Release)..."
: >"$logs/build.log"
for app in "${apps[@]}"; do
  read -r _ project _ _ _ <<<"$app"
  dotnet build "$root/$project" -c Release -v quiet -nologo -clp:ErrorsOnly >>"$logs/build.log" 2>&1 \
    || { cat "$logs/build.log"; exit 1; }
done

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true
  echo "Stopped. Data kept in $data."
}
trap stop_all INT TERM EXIT

service_env=()
for app in "${apps[@]}"; do
  read -r id _ grpc _ _ <<<"$app"
  [ "$grpc" != "-" ] && service_env+=("Services__${id}__GrpcUrl=http://127.0.0.1:$grpc")
done

ready() { curl -fsS "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1; }
# In the order of deploy/services.json, each once the one before is ready: recommendation tracking owns the
# inspections the others check, so it loads its demo data (before it reports ready) ahead of them.
# DemoData__Load=true makes each app load its part of the reference inspections (DomainData, services/BuildingBlocks/Inspection.Domain/DomainData; idempotent).
echo "Starting the services..."
for app in "${apps[@]}"; do
  read -r id project _ http db <<<"$app"
  name=$(basename "$project")
  dll="$root/$project/bin/Release/net10.0/$name.dll"
  [ -f "$dll" ] || { echo "  $id: not built ($dll missing)"; exit 1; }
  env "${service_env[@]}" \
    "ConnectionStrings__Default=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$db" \
    "OTEL_SERVICE_NAME=${OTEL_SERVICE_NAME:-$id}" \
    "Auth__KeysDirectory=$keys" \
    DemoData__Load=true \
    ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}" \
    dotnet "$dll" --contentRoot "$root/$project" >"$logs/$id.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 240); do ready "$http" && break; sleep 0.5; done
  ready "$http" || { echo "  $id did not become ready; see $logs/$id.log"; tail -n 20 "$logs/$id.log"; exit 1; }
  echo "  $id ready"
done

echo
echo "Inspection is running."
for app in "${apps[@]}"; do
  read -r id _ grpc http _ <<<"$app"
  if [ "$grpc" != "-" ]; then printf '  %-26s gRPC http://127.0.0.1:%s   (probes http://127.0.0.1:%s/health/ready)\n' "$id" "$grpc" "$http"
  else printf '  %-26s http://127.0.0.1:%s/\n' "$id" "$http"; fi
done
grep -h "initial administrator" "$logs/admin.log" 2>/dev/null || true
echo "Logs: $logs.   Ctrl-C stops everything."
wait -n "${pids[@]}" || true
echo "A process ended; see $logs."
