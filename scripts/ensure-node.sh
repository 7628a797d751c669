#!/usr/bin/env bash
# Prints the directory of a Node.js >= 24 binary, installing one into the cache when the node on
# PATH is older. The machines ship Node 20; the registry package node-<os>-<arch>@24 carries the
# official binary (no install script, no download outside the npm registry).
set -euo pipefail
want=24
major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if command -v node >/dev/null && [ "$(major node)" -ge "$want" ]; then
  dirname "$(command -v node)"; exit 0
fi
case "$(uname -m)" in x86_64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) echo "unsupported arch $(uname -m)" >&2; exit 1 ;; esac
pkg="node-linux-$arch"
dir="${ARGOVUE_CACHE:-$HOME/.cache/argovue}/node$want"
bin="$dir/node_modules/$pkg/bin"
if [ ! -x "$bin/node" ] || [ "$(major "$bin/node")" -lt "$want" ]; then
  echo "Installing Node.js $want from the npm registry package $pkg into $dir ..." >&2
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error "$pkg@$want" >&2
fi
echo "$bin"
