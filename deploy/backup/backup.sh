#!/usr/bin/env bash
# Backs up every database of deploy/services.json with pg_dump (custom format: compressed, restorable table by table)
# into a new dated folder, with a manifest of the PostgreSQL version, sizes and SHA-256 sums. Each dump is the whole
# database: the service's tables, its migration history and its audit schema (audit.events, the append-only trail).
#
# Usage: deploy/backup/backup.sh [--host 127.0.0.1] [--port <services.json postgresPort>] [--user postgres] [--out .data/backups]
# Prints the folder it wrote as its last line. A password, if the server asks for one, comes from PGPASSWORD or ~/.pgpass.
# PostgreSQL client binaries: PG_BIN, else the newest /usr/lib/postgresql/*/bin (as the test harness finds them);
# pg_dump must be at least the server's major version.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)

host=127.0.0.1
port=$(node -e "console.log(require('$root/deploy/services.json').postgresPort)")
user=postgres
out="$root/.data/backups"
while [ $# -gt 0 ]; do
  case "$1" in
    --host) host=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$pg_bin/pg_dump" ] || { echo "pg_dump not found in '$pg_bin': set PG_BIN" >&2; exit 1; }
mapfile -t databases < <(node -e "require('$root/deploy/services.json').apps.forEach(a => a.database && console.log(a.database))")

folder="$out/$(date -u +%Y-%m-%dT%H%M%SZ)"
[ -e "$folder" ] && { echo "$folder already exists" >&2; exit 1; }
mkdir -p "$folder"
# A half-written backup must not look like a backup: the manifest is written last, and a failure removes the folder.
trap 'rm -rf "$folder"' ERR

server=$("$pg_bin/psql" -h "$host" -p "$port" -U "$user" -d postgres -qAt -c "show server_version")
for db in "${databases[@]}"; do
  "$pg_bin/pg_dump" -h "$host" -p "$port" -U "$user" --format=custom --compress=6 --file="$folder/$db.dump" "$db"
  # Reading the table of contents back proves the archive is complete and readable.
  "$pg_bin/pg_restore" --list "$folder/$db.dump" >/dev/null
done

{
  echo "# Inspection backup: pg_dump --format=custom of every database of deploy/services.json"
  echo "taken_at=$(basename "$folder")"
  echo "server=$host:$port"
  echo "server_version=$server"
  echo "pg_dump=$("$pg_bin/pg_dump" --version)"
  for db in "${databases[@]}"; do
    echo "database=$db size=$(stat -c %s "$folder/$db.dump") sha256=$(sha256sum "$folder/$db.dump" | cut -d' ' -f1)"
  done
} >"$folder/manifest.txt"
trap - ERR
echo "Backed up ${#databases[@]} databases to"
echo "$folder"
