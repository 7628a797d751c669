#!/usr/bin/env bash
# Builds the local cluster's binaries from their official Go modules into a cache keyed by version:
#   ~/.cache/argovue/bin/<version-key>/<name>
# A second run finds them and returns at once. Prints one line per component with its build time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=versions.env
. "$here/versions.env"
cache=${ARGOVUE_CACHE:-$HOME/.cache/argovue}
export GOFLAGS=-mod=mod GOTOOLCHAIN=local
export GOMODCACHE=${GOMODCACHE:-$HOME/.cache/go-mod}
ldflags="-s -w"
logdir="$cache/build-logs"; mkdir -p "$logdir"
# Two checkouts on one machine share the cache: one builds, the other waits and then finds the binaries.
exec 9>"$cache/build.lock"
flock 9

# The tool modules' go.sum are generated here, not committed: `go mod tidy` against the proxy
# is the lock, pinned by exact versions in go.mod.
step() { # step NAME DEST -- command...
  local name=$1 dest=$2; shift 3
  if [ -x "$dest" ]; then echo "  $name: cached ($dest)"; return; fi
  local t0=$SECONDS
  echo "  $name: building (log: $logdir/$name.log) ..."
  if ! "$@" >"$logdir/$name.log" 2>&1; then
    echo "  $name: BUILD FAILED, last lines of $logdir/$name.log:" >&2
    tail -n 20 "$logdir/$name.log" >&2
    exit 1
  fi
  echo "  $name: built in $((SECONDS - t0)) s"
}

build_k8s() {
  local out=$1 cmd=$2 work minor
  minor=${KUBERNETES_VERSION#v1.}; minor=${minor%%.*}
  # The version that /version and `kubectl version` report; a module build does not stamp it itself.
  local stamp="-X k8s.io/component-base/version.gitVersion=$KUBERNETES_VERSION
    -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor
    -X k8s.io/component-base/version.gitTreeState=clean
    -X k8s.io/client-go/pkg/version.gitVersion=$KUBERNETES_VERSION
    -X k8s.io/client-go/pkg/version.gitMajor=1 -X k8s.io/client-go/pkg/version.gitMinor=$minor"
  work=$(mktemp -d); cp "$here/go/k8s/go.mod" "$here/go/k8s/tools.go" "$work/"
  (cd "$work" && go mod tidy && go build -trimpath -ldflags="$ldflags $(echo $stamp)" -o "$out.tmp" "k8s.io/kubernetes/cmd/$cmd") && mv "$out.tmp" "$out"
  rm -rf "$work"
}
build_etcd() {
  local out=$1 work
  work=$(mktemp -d); cp "$here/go/etcd/go.mod" "$here/go/etcd/main.go" "$work/"
  (cd "$work" && go mod tidy && go build -trimpath -ldflags="$ldflags" -o "$out.tmp" .) && mv "$out.tmp" "$out"
  rm -rf "$work"
}
go_install() { # go_install OUT PKG@VERSION
  local out=$1 pkg=$2 gobin
  gobin=$(mktemp -d)
  GOBIN=$gobin go install -trimpath -ldflags="$ldflags" "$pkg" && mv "$gobin/$(basename "${pkg%@*}")" "$out"
  rm -rf "$gobin"
}
# The argo CLI embeds ui/dist/app, which the module zip lacks: build it from a writable copy of the
# module with a placeholder page (we use the CLI, never its UI).
build_argo_cli() {
  local out=$1 src
  go mod download "github.com/argoproj/argo-workflows/v4@$ARGO_VERSION"
  src=$(mktemp -d)
  cp -r "$(go list -m -f '{{.Dir}}' "github.com/argoproj/argo-workflows/v4@$ARGO_VERSION")/." "$src/"
  chmod -R u+w "$src"; mkdir -p "$src/ui/dist/app"
  echo '<!doctype html><title>argo</title>' >"$src/ui/dist/app/index.html"
  (cd "$src" && go build -trimpath -ldflags="$ldflags" -o "$out.tmp" ./cmd/argo) && mv "$out.tmp" "$out"
  rm -rf "$src"
}

k8s="$cache/bin/kubernetes-$KUBERNETES_VERSION-$RECIPE"; etcd="$cache/bin/etcd-$ETCD_VERSION"
kwok="$cache/bin/kwok-$KWOK_VERSION"; argo="$cache/bin/argo-$ARGO_VERSION"
mkdir -p "$k8s" "$etcd" "$kwok" "$argo"
echo "Building the local cluster (first time about 10 minutes on 2 cores; cached after):"
step etcd "$etcd/etcd" -- build_etcd "$etcd/etcd"
step kube-apiserver "$k8s/kube-apiserver" -- build_k8s "$k8s/kube-apiserver" kube-apiserver
step kube-controller-manager "$k8s/kube-controller-manager" -- build_k8s "$k8s/kube-controller-manager" kube-controller-manager
step kube-scheduler "$k8s/kube-scheduler" -- build_k8s "$k8s/kube-scheduler" kube-scheduler
step kubectl "$k8s/kubectl" -- build_k8s "$k8s/kubectl" kubectl
step kwok "$kwok/kwok" -- go_install "$kwok/kwok" "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION"
step workflow-controller "$argo/workflow-controller" -- go_install "$argo/workflow-controller" "github.com/argoproj/argo-workflows/v4/cmd/workflow-controller@$ARGO_VERSION"
step argo "$argo/argo" -- build_argo_cli "$argo/argo"
