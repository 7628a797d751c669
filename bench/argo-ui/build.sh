#!/usr/bin/env bash
# Builds the real Argo UI and an `argo` binary that embeds it, for the browser benchmark against the
# Argo UI (bench/workflow-graph.ts). Never part of `make test`. Cached by version:
#   ~/.cache/argovue/bin/argo-ui-<ARGO_VERSION>-<recipe>/argo
# A second run finds it and prints its path at once; the first takes ~5-10 minutes on 2 cores
# (npm install of the UI's dependencies, webpack, then the Go build). Prints the binary's path last.
#
# Where the argo-ui library comes from: the UI's package.json names it by a git URL
# (git+https://github.com/argoproj/argo-ui.git#<commit>) that npm's git step cannot always reach.
# ARGO_UI_REPO names a git directory (a clone, bare or not) holding that commit; without it the
# script uses ~/.cache/argovue/argo-ui.git, cloning it from GitHub the first time (see README.md).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=../../devcluster/versions.env
. "$root/devcluster/versions.env"
# Bump when this recipe changes, so a cached binary is rebuilt.
UI_RECIPE=r1
cache=${ARGOVUE_CACHE:-$HOME/.cache/argovue}
out_dir="$cache/bin/argo-ui-$ARGO_VERSION-$UI_RECIPE"
out="$out_dir/argo"
if [ -x "$out" ]; then
  echo "$out"
  exit 0
fi
export GOFLAGS=-mod=mod GOTOOLCHAIN=local
export GOMODCACHE=${GOMODCACHE:-$HOME/.cache/go-mod}
PATH=$(bash "$root/scripts/ensure-node.sh"):$PATH
log="$cache/build-logs/argo-ui.log"
mkdir -p "$cache/build-logs" "$out_dir"
work="$cache/build/argo-ui-$ARGO_VERSION"
t0=$SECONDS
echo "Building the Argo UI $ARGO_VERSION and an argo binary embedding it (log: $log) ..." >&2
exec 3>&2 4>&1 >"$log" 2>&1
fail() {
  echo "argo-ui build FAILED: $1; last lines of $log:" >&3
  tail -n 25 "$log" >&3
  exit 1
}
trap 'fail "a step exited with an error"' ERR

# 1. A writable copy of the Argo module (the module zip lacks ui/dist/app; webpack copies the swagger
#    file from ../api, so api/ must stay beside ui/ — the whole module copy gives that).
go mod download "github.com/argoproj/argo-workflows/v4@$ARGO_VERSION"
module=$(go list -m -f '{{.Dir}}' "github.com/argoproj/argo-workflows/v4@$ARGO_VERSION")
rm -rf "$work"
mkdir -p "$work"
cp -r "$module/." "$work/argo-workflows/"
chmod -R u+w "$work/argo-workflows"
ui="$work/argo-workflows/ui"

# 2. argo-ui at the commit the UI pins, exported from a git directory.
commit=$(sed -n 's/.*"argo-ui": *"git+https:\/\/github.com\/argoproj\/argo-ui.git#\([0-9a-f]\{40\}\)".*/\1/p' "$ui/package.json")
[ -n "$commit" ] || fail "no pinned argo-ui commit found in ui/package.json"
repo=${ARGO_UI_REPO:-$cache/argo-ui.git}
# A clone with a work tree keeps its objects in .git.
[ -d "$repo/.git" ] && repo="$repo/.git"
if [ -z "${ARGO_UI_REPO:-}" ] && [ ! -d "$repo" ]; then
  git clone --bare https://github.com/argoproj/argo-ui.git "$repo" ||
    fail "could not clone argoproj/argo-ui: set ARGO_UI_REPO to a clone of it (see README.md)"
fi
git --git-dir="$repo" cat-file -e "$commit^{commit}" 2>/dev/null ||
  fail "$repo does not hold argo-ui $commit: fetch it there, or set ARGO_UI_REPO to a clone that does"

mkdir -p "$work/argo-ui"
git --git-dir="$repo" archive "$commit" | tar -x -C "$work/argo-ui"

# 3. The UI's dependencies from the npm registry. Surprises, each seen:
#  - the git dependency becomes a file: path; --install-links copies it as a package (a symlink
#    would make webpack resolve argo-ui's own imports from its folder, where nothing is installed);
#  - the peer ranges do not agree (argo-ui wants react 16, the UI uses react 18): --legacy-peer-deps;
#  - npm ignores the UI's yarn.lock (and yarn is not installed), so versions float within the ranges
#    of package.json: 1,410 packages, webpack 5.94.0 on 2026-11-25;
#  - the first trial build needed ajv@8 added explicitly for the build tools; we
#    kept that step (5 s) rather than rebuild without it to find out whether it still is.
sed -i "s|\"git+https://github.com/argoproj/argo-ui.git#$commit\"|\"file:../../argo-ui\"|" "$ui/package.json"
(cd "$ui" && npm install --install-links --legacy-peer-deps --no-audit --no-fund --loglevel=error)
(cd "$ui" && npm install --install-links --legacy-peer-deps --no-audit --no-fund --loglevel=error ajv@8)

# 4. webpack, as the UI's own `build` script does (production, into ui/dist/app).
(cd "$ui" && rm -rf dist && NODE_ENV=production VERSION="$ARGO_VERSION" npx webpack --mode production)
[ -f "$ui/dist/app/index.html" ] || fail "webpack wrote no dist/app/index.html"

# 5. The CLI (with `argo server`) embedding ui/dist/app.
(cd "$work/argo-workflows" && go build -trimpath -ldflags="-s -w" -o "$out.tmp" ./cmd/argo)
mv "$out.tmp" "$out"
trap - ERR
rm -rf "$work"
echo "  argo with the Argo UI: built in $((SECONDS - t0)) s" >&3
echo "$out" >&4
