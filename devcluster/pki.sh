#!/usr/bin/env bash
# Generates the local cluster's PKI once into $1 (idempotent): a CA, serving certs for the apiserver
# and KWOK's kubelet endpoint, client certs per component, the service-account key pair, and static
# bearer tokens for test identities.
set -euo pipefail
dir=$1
mkdir -p "$dir"; cd "$dir"
[ -f done ] && exit 0
days=3650
openssl genrsa -out ca.key 2048 2>/dev/null
openssl req -x509 -new -key ca.key -days $days -subj "/CN=argovue-devcluster-ca" -out ca.crt 2>/dev/null

# sign NAME SUBJECT [SUBJECT_ALT_NAMES]
sign() {
  local name=$1 subj=$2 san=${3:-}
  openssl genrsa -out "$name.key" 2048 2>/dev/null
  openssl req -new -key "$name.key" -subj "$subj" -out "$name.csr" 2>/dev/null
  local ext="basicConstraints=CA:FALSE
keyUsage=digitalSignature,keyEncipherment
extendedKeyUsage=${san:+serverAuth,}clientAuth"
  [ -n "$san" ] && ext="$ext
subjectAltName=$san"
  openssl x509 -req -in "$name.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days $days \
    -extfile <(echo "$ext") -out "$name.crt" 2>/dev/null
  rm "$name.csr"
}
sign apiserver "/CN=kube-apiserver" "IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
sign kwok-serving "/CN=kwok" "IP:127.0.0.1,DNS:localhost"
sign admin "/O=system:masters/CN=devcluster-admin"
sign apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client"
sign kube-controller-manager "/CN=system:kube-controller-manager"
sign kube-scheduler "/CN=system:kube-scheduler"
openssl genrsa -out sa.key 2048 2>/dev/null
openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null

# Static tokens: identities with chosen groups, for tests that must prove what RBAC allows a group.
# Format: token,user,uid,"group1,group2"
tok() { openssl rand -hex 24; }
{
  echo "$(tok),devcluster:test-user-a,test-user-a,\"devcluster:test-group-a\""
  echo "$(tok),devcluster:test-user-b,test-user-b,\"devcluster:test-group-b\""
} > tokens.csv
chmod 600 ./*.key tokens.csv
touch done
