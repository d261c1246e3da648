#!/usr/bin/env bash
# Restores a folder written by backup.sh into a PostgreSQL cluster: checks every dump against the manifest's SHA-256,
# creates each database and loads it with pg_restore in one transaction (all or nothing per database). The services
# then start on it as on any database: their migrations find themselves already applied.
#
# Usage: deploy/backup/restore.sh <backup-folder> [--host 127.0.0.1] [--port <services.json postgresPort>] [--user postgres] [--replace]
# Refuses a database that already exists, unless --replace (which drops it first: stop the services before).
# Objects are owned by --user (pg_restore --no-owner), the role the services connect as.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)

folder=${1:?usage: restore.sh <backup-folder> [--host H] [--port P] [--user U] [--replace]}
shift
host=127.0.0.1
port=$(node -e "console.log(require('$root/deploy/services.json').postgresPort)")
user=postgres
replace=false
while [ $# -gt 0 ]; do
  case "$1" in
    --host) host=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    --replace) replace=true; shift ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$pg_bin/pg_restore" ] || { echo "pg_restore not found in '$pg_bin': set PG_BIN" >&2; exit 1; }
[ -f "$folder/manifest.txt" ] || { echo "$folder has no manifest.txt: not a complete backup" >&2; exit 1; }
psql_admin() { "$pg_bin/psql" -h "$host" -p "$port" -U "$user" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# Check every dump before touching the cluster.
mapfile -t entries < <(grep '^database=' "$folder/manifest.txt")
[ "${#entries[@]}" -gt 0 ] || { echo "the manifest lists no database" >&2; exit 1; }
for entry in "${entries[@]}"; do
  db=$(sed -E 's/^database=([^ ]+).*/\1/' <<<"$entry")
  sum=$(sed -E 's/.*sha256=([0-9a-f]+).*/\1/' <<<"$entry")
  [ "$(sha256sum "$folder/$db.dump" | cut -d' ' -f1)" = "$sum" ] || { echo "$db.dump does not match its SHA-256 in the manifest" >&2; exit 1; }
done

for entry in "${entries[@]}"; do
  db=$(sed -E 's/^database=([^ ]+).*/\1/' <<<"$entry")
  if [ "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" = "1" ]; then
    if [ "$replace" != true ]; then echo "database $db already exists (use --replace to drop it first)" >&2; exit 1; fi
    psql_admin -c "drop database \"$db\" with (force)"
  fi
  psql_admin -c "create database \"$db\" template template0 encoding 'UTF8'"
  "$pg_bin/pg_restore" -h "$host" -p "$port" -U "$user" --dbname="$db" --no-owner --exit-on-error --single-transaction "$folder/$db.dump"
  echo "restored $db"
done
