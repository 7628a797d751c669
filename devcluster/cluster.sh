#!/usr/bin/env bash
# The local cluster: a real Kubernetes control plane, KWOK nodes and the Argo Workflows controller,
# as processes on 127.0.0.1.
#   cluster.sh up       build what is missing, start what is not running, wait until it is usable
#   cluster.sh down     stop every component (SIGTERM, then SIGKILL after 10 s)
#   cluster.sh stop COMPONENT...   stop these (as down does); `kill COMPONENT...` sends SIGKILL at once
#   cluster.sh start    start whatever is not running and wait until it is usable (up, for fault tests)
#   cluster.sh status   what runs, its PID and memory, where its log is
#   cluster.sh reset    down, then delete all state (etcd data, volumes, PKI)
#   cluster.sh env      print `export KUBECONFIG=...` for a shell
# Components: etcd kube-apiserver kube-controller-manager kube-scheduler kwok postgresql
# workflow-controller provisioner pod-runner oidc-provider. PostgreSQL holds Argo's workflow archive. The pod runner (root only) runs real processes for pods
# labelled argovue.dev/run-locally, each in a network namespace holding the pod's IP. State lives in $ARGOVUE_DEVCLUSTER_DIR (default: .devcluster/ in the
# repository); logs in its logs/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
# shellcheck source=versions.env
. "$here/versions.env"
cache=${ARGOVUE_CACHE:-$HOME/.cache/argovue}
state=${ARGOVUE_DEVCLUSTER_DIR:-$repo/.devcluster}
pki=$state/pki logs=$state/logs pids=$state/pids
k8sbin=$cache/bin/kubernetes-$KUBERNETES_VERSION-$RECIPE
etcd_port=${DEVCLUSTER_ETCD_PORT:-2379}
api_port=${DEVCLUSTER_API_PORT:-6443}
kwok_port=${DEVCLUSTER_KWOK_PORT:-10250}
oidc_port=${DEVCLUSTER_OIDC_PORT:-5556}
# Not PostgreSQL's 5432: installing Debian's package starts a cluster of its own there on many machines.
pg_port=${DEVCLUSTER_POSTGRES_PORT:-15432}
api=https://127.0.0.1:$api_port
admin_kubeconfig=$state/admin.kubeconfig
components=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok postgresql workflow-controller provisioner pod-runner oidc-provider)
# Network namespaces need root; without it there is no pod runner (pods of local templates stay simulated).
[ "$(id -u)" -eq 0 ] || components=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok postgresql workflow-controller provisioner oidc-provider)
# The KWOK kinds kwok reads from the apiserver rather than from its config file.
kwok_crds=Logs
# KWOK's pod IP range (its --cidr default, passed explicitly): the pod runner routes it on this machine.
pod_cidr=${DEVCLUSTER_POD_CIDR:-10.0.0.0/24}

kubectl() { "$k8sbin/kubectl" --kubeconfig "$admin_kubeconfig" "$@"; }
pid_of() { local f=$pids/$1.pid; [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && cat "$f"; }
running() { pid_of "$1" >/dev/null; }
fail() { # fail COMPONENT MESSAGE
  echo "devcluster: $1 failed: $2" >&2
  echo "devcluster: its log is $logs/$1.log; last lines:" >&2
  tail -n 15 "$logs/$1.log" 2>/dev/null | sed 's/^/    /' >&2
  exit 1
}

# A port taken by something else (another checkout's cluster, say) makes a component fail in a
# confusing way later; say so up front.
ensure_port_free() { # ensure_port_free COMPONENT PORT
  running "$1" && return
  if (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; then
    echo "devcluster: cannot start $1: port $2 on 127.0.0.1 is already in use by another process." >&2
    echo "devcluster: stop it (another checkout's cluster? run its devcluster/cluster.sh down), or set DEVCLUSTER_*_PORT." >&2
    exit 1
  fi
}

# KWOK, like a kubelet, follows each followed log with its own inotify instance (cri-client's ReadLogs).
# Linux allows 128 instances per user by default, shared by every process of that user on the machine
# (other clusters, editors); once they are taken, a followed log ends right after what is written so far
# (ReadLogs cannot make its fsnotify watcher; KWOK logs nothing) — the stream-cap test then saw freed
# slots: 150 of a cap of 100 let in, and 106 with the limit set to 40 above what was in use. Kubernetes nodes raise this limit (kind recommends 512); as root we raise it for
# the machine, never lower it; without root we only say so.
ensure_inotify_instances() {
  local want=1024 f=/proc/sys/fs/inotify/max_user_instances have
  have=$(cat "$f" 2>/dev/null) || return 0
  [ "$have" -ge "$want" ] && return 0
  if [ "$(id -u)" -eq 0 ] && echo "$want" >"$f" 2>/dev/null; then
    echo "devcluster: raised fs.inotify.max_user_instances from $have to $want (one per followed log)"
  else
    echo "devcluster: fs.inotify.max_user_instances is $have: followed logs past that many end early" \
      "(raise it: sysctl -w fs.inotify.max_user_instances=$want)" >&2
  fi
}

# start NAME COMMAND...: runs in its own session so `down` can stop it and its children by PID.
start() {
  local name=$1; shift
  if running "$name"; then return; fi
  setsid "$@" >>"$logs/$name.log" 2>&1 < /dev/null &
  echo $! >"$pids/$name.pid"
}

# wait_for NAME SECONDS CHECK...: polls CHECK until it succeeds; fails naming the component.
wait_for() {
  local name=$1 limit=$2; shift 2
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    running "$name" || fail "$name" "it exited during start-up"
    [ $SECONDS -lt $deadline ] || fail "$name" "not ready after ${limit}s"
    sleep 0.3
  done
}

# crds_established CRD...: until the apiserver serves them. `kubectl wait` fails at once, instead of
# waiting, while a new CRD's status.conditions is still null ("accessor error: <nil>"), seen in CI-like runs.
# KWOK's module source (its CRDs), from the module cache build.sh filled.
kwok_source() {
  GOFLAGS=-mod=mod GOMODCACHE=${GOMODCACHE:-$HOME/.cache/go-mod} go list -m -f '{{.Dir}}' "sigs.k8s.io/kwok@$KWOK_VERSION"
}

crds_established() {
  local deadline=$((SECONDS + 30))
  until kubectl wait --for condition=established --timeout 5s "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { kubectl wait --for condition=established --timeout 1s "$@"; exit 1; }
    sleep 0.5
  done
}

write_kubeconfig() { # write_kubeconfig FILE USER_NAME USER_FIELDS [NAMESPACE]
  cat >"$1" <<KC
apiVersion: v1
kind: Config
clusters:
- name: devcluster
  cluster: { server: "$api", certificate-authority: "$pki/ca.crt" }
users:
- name: $2
  user: { $3 }
contexts:
- name: devcluster
  context: { cluster: devcluster, user: $2${4:+, namespace: $4} }
current-context: devcluster
KC
}

cert_user() { echo "client-certificate: \"$pki/$1.crt\", client-key: \"$pki/$1.key\""; }

# A container named huge-line logs one 50 MB line, then a short one: the test that a log line cannot
# fill ArgoVue's memory (e2e/api/a-50-mb-log-line-is-cut-and-marked-never-held-whole.test.ts). Made
# here, not kept in git.
write_huge_line_log() {
  local file=$state/kwok-logs/huge-line.log
  [ -s "$file" ] && return
  {
    printf '2026-11-24T10:00:00.000000000Z stdout F '
    head -c $((50 * 1024 * 1024)) /dev/zero | tr '\0' 'x'
    printf '\n2026-11-24T10:00:01.000000000Z stdout F after the long line\n'
  } >"$file.tmp"
  mv "$file.tmp" "$file"
}

render_kwok_config() {
  mkdir -p "$state/kwok-logs"
  cp "$here"/kwok/logs/*.log "$state/kwok-logs/"
  write_huge_line_log
  {
    # kwok runs with the flags below; a line here so that changing them restarts a running kwok too.
    echo "# kwok flags: --enable-crds=$kwok_crds"
    cat "$here/kwok/stages.yaml"
    for c in main wait init huge-line; do
      cat <<KW
---
# Simulated container logs: \`kubectl logs\` and pods/log return these lines (CRI log format), for
# pods that have no KWOK Logs object of their own (the pod runner makes one for each pod it runs).
apiVersion: kwok.x-k8s.io/v1alpha1
kind: ClusterLogs
metadata:
  name: logs-$c
spec:
  selector: {}
  logs:
    - containers: [$c]
      logsFile: $state/kwok-logs/$c.log
      follow: false
KW
    done
  } >"$state/kwok.yaml"
}

# ArgoVue runs as its own service account (deploy/rbac/argovue-server.yaml), never as admin:
# .devcluster/argovue.kubeconfig carries a token of that account from the TokenRequest API — bound to
# the account and expiring (a week; every `up` writes a new one), not a long-lived Secret in the
# cluster that anyone who may read Secrets there could take.
write_argovue_kubeconfig() {
  kubectl apply --server-side -f "$repo/deploy/rbac/argovue-server.yaml" -f "$repo/deploy/rbac/argovue-roles.yaml" >/dev/null
  # A cluster made before this held such a Secret: it goes.
  kubectl -n argovue-system delete secret argovue-token --ignore-not-found >/dev/null
  local token=""
  for _ in $(seq 1 50); do
    token=$(kubectl -n argovue-system create token argovue --duration=168h 2>/dev/null) && [ -n "$token" ] && break
    sleep 0.2
  done
  [ -n "$token" ] || fail kube-apiserver "no token could be made for ArgoVue's service account"
  umask 077
  write_kubeconfig "$state/argovue.kubeconfig" argovue "token: \"$token\"" argovue-system
  umask 022
  [ -f "$state/argovue-session-key" ] || (umask 077 && openssl rand -base64 48 >"$state/argovue-session-key")
}

# Argo's workflow archive: Debian's PostgreSQL (scripts/ensure-postgresql.sh), data in $state/postgres,
# on 127.0.0.1:$pg_port only (no Unix socket). Three roles, each with a password made once in
# $state/postgres-secrets: postgres (superuser, for this script), argo (owns the database `argo`, where
# the controller creates its tables; its password goes to the controller as the Secret Argo's docs
# name) and argovue (ArgoVue's reads: SELECT only; a NOINHERIT member of argo, so ArgoVue's migration
# can SET ROLE argo to add its indexes to Argo's tables and nothing else runs with argo's rights).
pg_secrets=$state/postgres-secrets
# PostgreSQL refuses to run as root: as root, it runs as Debian's `postgres` user.
pg_as=()
[ "$(id -u)" -eq 0 ] && pg_as=(setpriv --reuid=postgres --regid=postgres --init-groups --)

start_postgresql() {
  running postgresql && return
  local pg_bin data=$state/postgres t0 pwfile
  pg_bin=$(bash "$repo/scripts/ensure-postgresql.sh")
  t0=$(date +%s%N)
  mkdir -p "$pg_secrets" && chmod 700 "$pg_secrets"
  for role in postgres argo argovue; do
    [ -s "$pg_secrets/$role" ] || (umask 077 && openssl rand -hex 24 >"$pg_secrets/$role")
  done
  if [ ! -s "$data/PG_VERSION" ]; then
    rm -rf "$data" && mkdir -p "$data" && chmod 700 "$data"
    pwfile=$(mktemp) && cp "$pg_secrets/postgres" "$pwfile"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$data" "$pwfile"
    if [ "$(id -u)" -eq 0 ] && ! "${pg_as[@]}" test -w "$data"; then
      rm -f "$pwfile"
      fail postgresql "the postgres user cannot reach $data: make the folders above it searchable (chmod o+x) or set ARGOVUE_DEVCLUSTER_DIR"
    fi
    # --no-sync and fsync=off below: a throw-away local cluster; a killed server loses nothing the
    # kernel holds, only a crashed machine would.
    if ! (cd / && "${pg_as[@]}" "$pg_bin/initdb" -D "$data" -U postgres --auth=scram-sha-256 \
      --pwfile="$pwfile" --encoding=UTF8 --locale=C.UTF-8 --no-sync) >>"$logs/postgresql.log" 2>&1; then
      rm -f "$pwfile"
      fail postgresql "initdb failed"
    fi
    rm -f "$pwfile"
  fi
  # The postgres user must reach its data through every folder above it (a checkout under a 0700
  # home or mktemp folder would not let it): said here, not as initdb's or postgres's own error.
  if [ "$(id -u)" -eq 0 ] && ! "${pg_as[@]}" test -w "$data"; then
    fail postgresql "the postgres user cannot reach $data: make the folders above it searchable (chmod o+x) or set ARGOVUE_DEVCLUSTER_DIR"
  fi
  ensure_port_free postgresql "$pg_port"
  start postgresql "${pg_as[@]}" "$pg_bin/postgres" -D "$data" -p "$pg_port" \
    -c listen_addresses=127.0.0.1 -c unix_socket_directories= \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off
  wait_for postgresql 60 "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" -d postgres
  # The roles and the database, made or brought up to date on every start (passwords included).
  PGPASSWORD=$(cat "$pg_secrets/postgres") "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres >>"$logs/postgresql.log" 2>&1 <<SQL || fail postgresql "could not create the archive's roles and database"
\set argo_password '$(cat "$pg_secrets/argo")'
\set argovue_password '$(cat "$pg_secrets/argovue")'
SELECT 'CREATE ROLE argo LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'argo') \gexec
ALTER ROLE argo LOGIN PASSWORD :'argo_password';
SELECT 'CREATE ROLE argovue LOGIN NOINHERIT' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'argovue') \gexec
ALTER ROLE argovue LOGIN NOINHERIT PASSWORD :'argovue_password';
GRANT argo TO argovue;
SELECT 'CREATE DATABASE argo OWNER argo' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'argo') \gexec
\connect argo
GRANT CONNECT ON DATABASE argo TO argovue;
GRANT USAGE ON SCHEMA public TO argovue;
ALTER DEFAULT PRIVILEGES FOR ROLE argo IN SCHEMA public GRANT SELECT ON TABLES TO argovue;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO argovue;
SQL
  echo "devcluster: postgresql ready in $((($(date +%s%N) - t0) / 1000000)) ms (127.0.0.1:$pg_port)"
}

up() {
  local t0=$SECONDS
  "$here/build.sh"
  mkdir -p "$state" "$logs" "$pids" "$state/volumes"
  "$here/pki.sh" "$pki"
  write_kubeconfig "$admin_kubeconfig" admin "$(cert_user admin)"
  write_kubeconfig "$state/kube-controller-manager.kubeconfig" kube-controller-manager "$(cert_user kube-controller-manager)"
  write_kubeconfig "$state/kube-scheduler.kubeconfig" kube-scheduler "$(cert_user kube-scheduler)"
  render_kwok_config
  ensure_inotify_instances
  # KWOK reads its config (stages, the logs it serves) once: one started from an older config is
  # restarted, so a cluster left running never lacks what the tests expect (the huge-line log).
  if running kwok && ! cmp -s "$state/kwok.yaml" "$state/kwok.started.yaml"; then
    echo "devcluster: restarting kwok: its config changed since it started"
    stop_component kwok TERM
  fi

  ensure_port_free etcd "$etcd_port"
  ensure_port_free kube-apiserver "$api_port"
  ensure_port_free kwok "$kwok_port"
  ensure_port_free oidc-provider "$oidc_port"
  start etcd "$cache/bin/etcd-$ETCD_VERSION/etcd" --name devcluster --data-dir "$state/etcd" \
    --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$((etcd_port + 1))" \
    --initial-advertise-peer-urls "http://127.0.0.1:$((etcd_port + 1))" \
    --initial-cluster "devcluster=http://127.0.0.1:$((etcd_port + 1))" \
    --quota-backend-bytes $((4 * 1024 * 1024 * 1024)) --log-level warn
  wait_for etcd 30 curl -fsS "http://127.0.0.1:$etcd_port/health"

  # --kubelet-preferred-address-types=InternalIP: otherwise the apiserver resolves the node's
  # hostname through DNS to reach KWOK for logs, which fails and sends queries off the machine.
  start kube-apiserver "$k8sbin/kube-apiserver" --etcd-servers "http://127.0.0.1:$etcd_port" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$api_port" \
    --tls-cert-file "$pki/apiserver.crt" --tls-private-key-file "$pki/apiserver.key" \
    --client-ca-file "$pki/ca.crt" --token-auth-file "$pki/tokens.csv" \
    --service-account-key-file "$pki/sa.pub" --service-account-signing-key-file "$pki/sa.key" \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --authorization-mode Node,RBAC --service-cluster-ip-range 10.96.0.0/16 \
    --kubelet-client-certificate "$pki/apiserver-kubelet-client.crt" \
    --kubelet-client-key "$pki/apiserver-kubelet-client.key" \
    --kubelet-certificate-authority "$pki/ca.crt" --kubelet-preferred-address-types InternalIP \
    --enable-priority-and-fairness=false --profiling=false
  # /readyz turns ok only after the RBAC bootstrap: controllers started earlier exit on "forbidden".
  wait_for kube-apiserver 90 curl -fsS --cacert "$pki/ca.crt" --cert "$pki/admin.crt" --key "$pki/admin.key" "$api/readyz"
  # KWOK's namespaced Logs CRD, watched by kwok (--enable-crds=Logs): the pod runner writes one per pod
  # it runs, naming the file its process writes, so pods/log returns what the process printed. A Logs
  # object for a pod wins over the ClusterLogs in kwok.yaml (which stay in the config file: only the
  # kinds named in --enable-crds must not be there too).
  kubectl apply --server-side --force-conflicts -f "$(kwok_source)/kustomize/crd/bases/kwok.x-k8s.io_logs.yaml" >/dev/null
  crds_established crd/logs.kwok.x-k8s.io

  start kube-controller-manager "$k8sbin/kube-controller-manager" \
    --kubeconfig "$state/kube-controller-manager.kubeconfig" \
    --authentication-kubeconfig "$state/kube-controller-manager.kubeconfig" \
    --authorization-kubeconfig "$state/kube-controller-manager.kubeconfig" \
    --service-account-private-key-file "$pki/sa.key" --root-ca-file "$pki/ca.crt" \
    --cluster-signing-cert-file "$pki/ca.crt" --cluster-signing-key-file "$pki/ca.key" \
    --use-service-account-credentials --bind-address 127.0.0.1 --secure-port 10257 --leader-elect=false
  start kube-scheduler "$k8sbin/kube-scheduler" --kubeconfig "$state/kube-scheduler.kubeconfig" \
    --authentication-kubeconfig "$state/kube-scheduler.kubeconfig" \
    --authorization-kubeconfig "$state/kube-scheduler.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port 10259 --leader-elect=false
  start kwok "$cache/bin/kwok-$KWOK_VERSION/kwok" --kubeconfig "$admin_kubeconfig" --config "$state/kwok.yaml" \
    --manage-all-nodes=false --manage-nodes-with-annotation-selector kwok.x-k8s.io/node=fake \
    --node-ip 127.0.0.1 --node-port "$kwok_port" --server-address "127.0.0.1:$kwok_port" --cidr "$pod_cidr" \
    --enable-crds "$kwok_crds" \
    --tls-cert-file "$pki/kwok-serving.crt" --tls-private-key-file "$pki/kwok-serving.key"
  cp "$state/kwok.yaml" "$state/kwok.started.yaml"
  start_postgresql
  wait_for kube-controller-manager 60 curl -fsSk https://127.0.0.1:10257/healthz
  wait_for kube-scheduler 60 curl -fsSk https://127.0.0.1:10259/healthz

  # Argo's CRDs (the minimal schemas that ship with the controller's module), namespace and config.
  local argo_src
  argo_src=$(GOFLAGS=-mod=mod GOMODCACHE=${GOMODCACHE:-$HOME/.cache/go-mod} go list -m -f '{{.Dir}}' "github.com/argoproj/argo-workflows/v4@$ARGO_VERSION")
  local crds=()
  while IFS= read -r f; do crds+=(-f "$f"); done < <(find "$argo_src/manifests/base/crds/minimal" -name '*.yaml' ! -name kustomization.yaml | sort)
  kubectl apply --server-side --force-conflicts "${crds[@]}" >/dev/null
  # The manifests, with the archive's port put into the controller's configuration.
  for f in "$here"/manifests/*.yaml; do echo '---'; sed "s/@DEVCLUSTER_POSTGRES_PORT@/$pg_port/g" "$f"; done |
    kubectl apply --server-side -f - >/dev/null
  # The controller reads the archive's user and password from this Secret (named in its configuration).
  kubectl -n argo create secret generic argo-postgres-config --from-literal=username=argo \
    --from-file=password="$pg_secrets/argo" --dry-run=client -o yaml | kubectl apply --server-side -f - >/dev/null
  crds_established crd/workflows.argoproj.io
  # ArgoVue's own CRDs (service templates and instances) and the admission policy beside them.
  kubectl apply --server-side --force-conflicts -f "$repo/deploy/crds" >/dev/null
  crds_established crd/servicetemplates.argovue.io crd/clusterservicetemplates.argovue.io \
    crd/serviceinstances.argovue.io

  # DEFAULT_REQUEUE_TIME (10s upstream) paces how soon the controller looks at a workflow again after
  # its pods change; KWOK pods finish in a second, so the default would make every step take 10 s.
  start workflow-controller env LEADER_ELECTION_DISABLE=true DEFAULT_REQUEUE_TIME=1s \
    "$cache/bin/argo-$ARGO_VERSION/workflow-controller" --kubeconfig "$admin_kubeconfig" \
    --namespace argo --executor-image "quay.io/argoproj/argoexec:$ARGO_VERSION" --loglevel warn
  start provisioner env KUBECONFIG="$admin_kubeconfig" ARGOVUE_VOLUMES_DIR="$state/volumes" \
    node "$here/provisioner/main.ts"
  if [ "$(id -u)" -eq 0 ]; then
    start pod-runner env KUBECONFIG="$admin_kubeconfig" ARGOVUE_DEVCLUSTER_DIR="$state" DEVCLUSTER_POD_CIDR="$pod_cidr" \
      node "$here/pod-runner/main.ts"
  else
    echo "devcluster: not root: the pod runner does not start (pods labelled argovue.dev/run-locally run no process)"
  fi

  # The demo OpenID provider ArgoVue logs in against (devcluster/oidc); the argovue client's
  # secret is made once and kept with the provider's signing keys in $state/oidc.
  mkdir -p "$state/oidc" && chmod 700 "$state/oidc"
  [ -s "$state/oidc/client-secret" ] || (umask 077 && openssl rand -hex 24 >"$state/oidc/client-secret")
  start oidc-provider env OIDC_PORT="$oidc_port" OIDC_CLIENT_SECRET="$(cat "$state/oidc/client-secret")" \
    OIDC_STATE_DIR="$state/oidc" node "$here/oidc/main.ts"
  wait_for oidc-provider 30 curl -fsS "http://127.0.0.1:$oidc_port/.well-known/openid-configuration"

  write_argovue_kubeconfig

  # Nodes are Ready once KWOK has initialized them.
  wait_for kwok 60 kubectl wait --for condition=Ready --timeout 2s node --all
  wait_for workflow-controller 30 true
  echo "devcluster: up in $((SECONDS - t0)) s — Kubernetes $KUBERNETES_VERSION, Argo $ARGO_VERSION, KWOK $KWOK_VERSION"
  echo "devcluster: export KUBECONFIG=$admin_kubeconfig"
}

stop_component() { # stop_component NAME TERM|KILL: the whole process group, by the PID we recorded
  local name=$1 signal=$2 pid
  pid=$(pid_of "$name") || { rm -f "$pids/$name.pid"; return 0; }
  # SIGTERM is PostgreSQL's smart shutdown, which waits for every client to leave; SIGINT is its fast
  # one (clients disconnected, data written out).
  [ "$name" = postgresql ] && [ "$signal" = TERM ] && signal=INT
  kill "-$signal" -- "-$pid" 2>/dev/null || kill "-$signal" "$pid" 2>/dev/null || true
  # Some components (the Argo controller among them) ignore SIGTERM once the apiserver is gone.
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; }
  rm -f "$pids/$name.pid"
  echo "devcluster: stopped $name"
}

# The pod runner deletes its pods' network namespaces when it stops; these are what a killed one left.
sweep_pod_networks() {
  [ "$(id -u)" -eq 0 ] || return 0
  local id name pid
  id=$(printf %s "$state" | sha256sum | cut -c1-8)
  for name in $(ip netns list 2>/dev/null | awk '{print $1}' | grep "^argovue-pod-$id-" || true); do
    for pid in $(ip netns pids "$name" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
    ip netns del "$name" 2>/dev/null || true
  done
  ip route del unreachable "$pod_cidr" 2>/dev/null || true
}

down() {
  local i
  for ((i = ${#components[@]} - 1; i >= 0; i--)); do stop_component "${components[i]}" TERM; done
  sweep_pod_networks
}

# stop_named TERM|KILL NAME...: a fault for tests (the named components only; `start` brings them back).
stop_named() {
  local signal=$1 name; shift
  [ $# -gt 0 ] || { echo "devcluster: name the components to stop: ${components[*]}" >&2; exit 2; }
  for name in "$@"; do
    [[ " ${components[*]} " == *" $name "* ]] || { echo "devcluster: no component $name (${components[*]})" >&2; exit 2; }
  done
  for name in "$@"; do stop_component "$name" "$signal"; done
}

status() {
  local name pid rss total=0 down_count=0
  printf '%-24s %-8s %-9s %s\n' COMPONENT PID RSS LOG
  for name in "${components[@]}"; do
    if pid=$(pid_of "$name"); then
      # Sum the RSS of the component's whole process group (env/node wrappers included).
      rss=$(ps -o rss= -g "$pid" 2>/dev/null | awk '{s+=$1} END {print s+0}')
      total=$((total + rss))
      printf '%-24s %-8s %-9s %s\n' "$name" "$pid" "$((rss / 1024)) MB" "$logs/$name.log"
    else
      down_count=$((down_count + 1))
      printf '%-24s %-8s %-9s %s\n' "$name" "-" "stopped" "$logs/$name.log"
    fi
  done
  echo "total RSS: $((total / 1024)) MB"
  [ "$down_count" -eq 0 ]
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  stop) shift; stop_named TERM "$@" ;;
  kill) shift; stop_named KILL "$@" ;;
  start) up ;;
  status) status ;;
  reset) down; rm -rf "$state"; echo "devcluster: state deleted" ;;
  env) echo "export KUBECONFIG=$admin_kubeconfig" ;;
  kubectl) shift; kubectl "$@" ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
