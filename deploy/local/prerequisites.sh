#!/usr/bin/env bash
# Installs what the run and test commands need on a fresh Debian machine that has the .NET SDK.
# Idempotent and silent when everything is already there. Runs as root, or through sudo otherwise.
#
# Usage: deploy/local/prerequisites.sh [--browser] [--pdf-tools] [--statistics] [--dry-run]
#   (always)      PostgreSQL server binaries (/usr/lib/postgresql/*/bin) and the `postgres` OS user,
#                 as which the test harness and the local cluster run PostgreSQL when started as root
#   --browser     Chromium (/usr/bin/chromium): the admin prints the report PDF with it, and the browser tests drive it
#   --pdf-tools   poppler-utils (pdftotext, pdfinfo), with which the tests read the report PDF as a reader would
#   --statistics  R with the survey package (Rscript), the statistical peer the statistics tests compare with
#   --dry-run     print what would be installed, change nothing
set -euo pipefail

want_browser=0
want_statistics=0
want_pdf_tools=0
dry_run=0

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --browser) want_browser=1 ;;
    --statistics) want_statistics=1 ;;
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
if [ "$want_browser" -eq 1 ] && [ ! -x /usr/bin/chromium ]; then packages+=(chromium); fi
if [ "$want_pdf_tools" -eq 1 ] && ! command -v pdftotext >/dev/null 2>&1; then packages+=(poppler-utils); fi
if [ "$want_statistics" -eq 1 ]; then
  command -v Rscript >/dev/null 2>&1 || packages+=(r-base-core)
  [ -d /usr/lib/R/site-library/survey ] || packages+=(r-cran-survey)
fi

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
