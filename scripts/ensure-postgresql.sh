#!/usr/bin/env bash
# The local cluster's workflow archive is Debian's PostgreSQL (devcluster/cluster.sh runs it as a
# component, its data under .devcluster/postgres). Debian's package, as for chromium and Jupyter: its
# server binaries live in /usr/lib/postgresql/<major>/bin, not on PATH. Installs it when missing and
# prints that bin folder.
set -euo pipefail
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin=$(pg_bin)
if [ -z "$bin" ] || [ ! -x "$bin/postgres" ] || [ ! -x "$bin/initdb" ]; then
  echo "Installing Debian's postgresql for the local workflow archive ..." >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  bin=$(pg_bin)
  [ -n "$bin" ] && [ -x "$bin/postgres" ] || { echo "postgresql installed, but no server binaries found" >&2; exit 1; }
fi
echo "$bin"
