#!/usr/bin/env bash
# Installs what the run and test commands need on a fresh Debian machine that has the .NET SDK.
# Idempotent and silent when everything is already there. Runs as root, or through sudo otherwise.
#
# Usage: deploy/local/prerequisites.sh [--browser] [--pdf-tools] [--statistics] [--integrator-clients] [--metrics] [--dry-run]
#   (always)      PostgreSQL server binaries (/usr/lib/postgresql/*/bin) and the `postgres` OS user,
#                 as which the test harness and the local cluster run PostgreSQL when started as root;
#                 PgBouncer (/usr/sbin/pgbouncer), the pooler of the Kubernetes deployment, for the reliability tests
#   --browser     Chromium (/usr/bin/chromium): the admin prints the report PDF with it, and the browser tests drive it
#   --pdf-tools   poppler-utils (pdftotext, pdfinfo), with which the tests read the report PDF as a reader would
#   --statistics  R with the survey package (Rscript), the statistical peer the statistics tests compare with
#   --integrator-clients  Debian's python3-grpcio (1.51) and python3-protobuf, protoc (3.21) with the well-known types
#                 (libprotobuf-dev: google/protobuf/timestamp.proto) and its gRPC plugins: the Python client the tests
#                 read statuses with, and the stubs the integrator examples (protos/examples) are built from
#   --metrics     Prometheus and promtool (Debian's prometheus), for the alert rule tests and the metrics proof
#   --dry-run     print what would be installed, change nothing
set -euo pipefail

want_browser=0
want_statistics=0
want_pdf_tools=0
want_integrator_clients=0
want_metrics=0
dry_run=0

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --browser) want_browser=1 ;;
    --statistics) want_statistics=1 ;;
    --integrator-clients) want_integrator_clients=1 ;;
    --metrics) want_metrics=1 ;;
    --pdf-tools) want_pdf_tools=1 ;;
    --dry-run) dry_run=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "prerequisites: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "prerequisites: need root (or sudo) to run: $*" >&2
    exit 1
  fi
}

# --- what is missing -------------------------------------------------------------------------------
packages=()

have_postgres_binaries() {
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ]; then return 0; fi
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

have_postgres_binaries || packages+=(postgresql)
# PgBouncer, the pooler Kubernetes puts in front of PostgreSQL: the reliability tests run a service through it.
[ -x /usr/sbin/pgbouncer ] || command -v pgbouncer >/dev/null 2>&1 || packages+=(pgbouncer)
if [ "$want_browser" -eq 1 ] && [ ! -x /usr/bin/chromium ]; then packages+=(chromium); fi
if [ "$want_pdf_tools" -eq 1 ] && ! command -v pdftotext >/dev/null 2>&1; then packages+=(poppler-utils); fi
if [ "$want_statistics" -eq 1 ]; then
  command -v Rscript >/dev/null 2>&1 || packages+=(r-base-core)
  [ -d /usr/lib/R/site-library/survey ] || packages+=(r-cran-survey)
fi

if [ "$want_integrator_clients" -eq 1 ]; then
  # Debian's own python3 (/usr/bin/python3) sees Debian's modules; another python3 on the PATH may not.
  /usr/bin/python3 -c 'import grpc, google.protobuf' >/dev/null 2>&1 || packages+=(python3-grpcio python3-protobuf)
  command -v protoc >/dev/null 2>&1 || packages+=(protobuf-compiler)
  command -v grpc_python_plugin >/dev/null 2>&1 || packages+=(protobuf-compiler-grpc)
  # protoc finds the well-known types the contracts import (timestamp.proto) in /usr/include, from libprotobuf-dev,
  # which protobuf-compiler only recommends.
  [ -f /usr/include/google/protobuf/timestamp.proto ] || packages+=(libprotobuf-dev)
fi

if [ "$want_metrics" -eq 1 ] && { [ ! -x /usr/bin/prometheus ] || [ ! -x /usr/bin/promtool ]; }; then packages+=(prometheus); fi

need_user=0
id -u postgres >/dev/null 2>&1 || need_user=1

if [ ${#packages[@]} -eq 0 ] && [ "$need_user" -eq 0 ]; then
  exit 0
fi

if [ "$dry_run" -eq 1 ]; then
  [ ${#packages[@]} -gt 0 ] && echo "would install: ${packages[*]}"
  [ "$need_user" -eq 1 ] && echo "would create the postgres OS user"
  exit 0
fi

# --- install ---------------------------------------------------------------------------------------
if [ ${#packages[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "prerequisites: apt-get not found; install ${packages[*]} by hand (Debian/Ubuntu expected)" >&2
    exit 1
  fi
  echo "prerequisites: installing ${packages[*]}"
  # The project runs its own clusters (test harness, local data folder); Debian's default cluster on port
  # 5432 would only compete with them, so do not create it when this machine has no cluster config yet.
  if [[ " ${packages[*]} " == *" postgresql "* ]] && [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    as_root mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | as_root tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confold "${packages[@]}" >/dev/null
fi

# The Debian package creates the user; a PG_BIN build from elsewhere may not have.
if ! id -u postgres >/dev/null 2>&1; then
  echo "prerequisites: creating the postgres OS user"
  as_root useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home --shell /bin/bash postgres
fi
