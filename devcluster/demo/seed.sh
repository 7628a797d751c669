#!/usr/bin/env bash
# Loads the demo data into the running local cluster: ArgoVue's roles, two team namespaces,
# WorkflowTemplates, service templates and a few workflows. Safe to run again.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
k() { "$here/../cluster.sh" kubectl "$@"; }
k apply --server-side -f "$here/../../deploy/rbac/argovue-roles.yaml" >/dev/null
k apply --server-side -f "$here/teams.yaml" >/dev/null
k apply --server-side -f "$here/templates.yaml" >/dev/null
for team in team-a team-b; do k apply --server-side -n "$team" -f "$here/services.yaml" >/dev/null; done
# Workflows are created once: an existing one is left as it is (its status is the controller's).
k create -f "$here/workflows.yaml" 2>&1 | grep -v AlreadyExists || true
echo "demo: namespaces team-a and team-b with workflow and service templates and sample workflows are loaded"
