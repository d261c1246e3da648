#!/usr/bin/env bash
# The test command: installs what a fresh machine lacks, builds, and runs every test project. Each test process
# starts its own throwaway PostgreSQL cluster (tests/Inspection.Testing) and stops it at exit.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash deploy/local/prerequisites.sh --browser --pdf-tools --statistics --integrator-clients --metrics

results="$root/tests/TestResults"
rm -rf "$results"
dotnet build Inspection.sln -c Release -nologo -v quiet -clp:ErrorsOnly
status=0
dotnet test Inspection.sln -c Release --no-build -nologo --results-directory "$results" --logger "trx" \
  --logger "console;verbosity=minimal" || status=$?

# One closing line over all projects, from the TRX counters.
totals=$(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*' | awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); c[kv[1]] += kv[2] } }
  END { printf "%d %d %d", c["passed"], c["failed"], c["total"] - c["passed"] - c["failed"] }')
read -r passed failed skipped <<<"${totals:-0 0 0}"
echo
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
