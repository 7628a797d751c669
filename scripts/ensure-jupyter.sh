#!/usr/bin/env bash
# The demo's notebook template runs a real Jupyter Notebook server with a Python kernel for its pods
# (devcluster/pod-runner). Debian's packages, as chromium for the browser tests: PyPI is not reachable
# here, and Debian's build is what the tests pin. Installs them when missing.
set -euo pipefail
# Debian's python3 (the kernel's), not whatever python3 comes first on PATH (pyenv's here).
if command -v jupyter-notebook >/dev/null && /usr/bin/python3 -c 'import ipykernel' 2>/dev/null; then exit 0; fi
echo "Installing Debian's jupyter-notebook and python3-ipykernel for the notebook service ..." >&2
sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
$sudo apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  jupyter-notebook python3-ipykernel >/dev/null
jupyter-notebook --version >&2
