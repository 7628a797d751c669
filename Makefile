# ArgoVue: `make demo` runs it on a local cluster, `make test` runs every test. See README.md.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Node.js 24 for everything: the one on PATH if new enough, else one installed into ~/.cache/argovue.
NODE_BIN := $(shell bash scripts/ensure-node.sh)
export PATH := $(NODE_BIN):$(PATH)
DEVCLUSTER := devcluster/cluster.sh
KUBECONFIG_DEVCLUSTER := $(CURDIR)/.devcluster/admin.kubeconfig

.PHONY: help setup build lint unit seed integration e2e bench test demo cluster-up cluster-down cluster-status cluster-reset

help:
	@echo "make demo      set everything up, start the local cluster and ArgoVue, print the URL"
	@echo "make test      set everything up and run every test (lint, unit, integration, browser)"
	@echo "make lint | unit | integration | e2e | build | bench"
	@echo "make cluster-up | cluster-down | cluster-status | cluster-reset"

node_modules/.installed: package.json package-lock.json */package.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup: node_modules/.installed

build: setup
	npm run build --silent

lint: setup
	npx tsc -b
	npx eslint .
	npx prettier --check . --log-level warn

unit: setup
	npm run test:unit

cluster-up: setup
	$(DEVCLUSTER) up

cluster-down:
	$(DEVCLUSTER) down

cluster-status:
	$(DEVCLUSTER) status

cluster-reset:
	$(DEVCLUSTER) reset

# The demo data (teams, templates, workflows) is also what the API and browser tests expect.
seed: cluster-up
	devcluster/demo/seed.sh

# The notebook pods of the local cluster run Debian's Jupyter (devcluster/pod-runner).
integration: seed
	bash scripts/ensure-jupyter.sh
	KUBECONFIG=$(KUBECONFIG_DEVCLUSTER) npm run test:integration

e2e: build seed
	bash scripts/ensure-chromium.sh
	KUBECONFIG=$(KUBECONFIG_DEVCLUSTER) npm run test:e2e

# Benchmarks print figures against the local cluster; they are not part of `make test`.
bench: build seed
	KUBECONFIG=$(KUBECONFIG_DEVCLUSTER) node bench/authz-cache.ts
	node bench/sealed-cookies.ts
	KUBECONFIG=$(KUBECONFIG_DEVCLUSTER) node bench/workflow-list.ts
	KUBECONFIG=$(KUBECONFIG_DEVCLUSTER) node bench/startup-at-scale.ts
	KUBECONFIG=$(KUBECONFIG_DEVCLUSTER) node bench/startup-breakdown.ts
	KUBECONFIG=$(KUBECONFIG_DEVCLUSTER) node bench/workflow-watchers.ts
	KUBECONFIG=$(KUBECONFIG_DEVCLUSTER) node bench/stream-isolation.ts
	KUBECONFIG=$(KUBECONFIG_DEVCLUSTER) node bench/proxy.ts
	bash scripts/ensure-chromium.sh
	KUBECONFIG=$(KUBECONFIG_DEVCLUSTER) node bench/log-view.ts
	KUBECONFIG=$(KUBECONFIG_DEVCLUSTER) node bench/workflow-logs-view.ts
	# Against the real Argo UI: the first of these builds it (bench/argo-ui/build.sh, ~5-11 min, then cached).
	KUBECONFIG=$(KUBECONFIG_DEVCLUSTER) node bench/workflow-running-deltas.ts
	KUBECONFIG=$(KUBECONFIG_DEVCLUSTER) node bench/workflow-graph.ts

test: lint unit integration e2e
	@echo "make test: all suites passed"

# A KUBECONFIG in the environment points ArgoVue at that cluster instead of the local one.
demo: build
	@if [ -z "$${KUBECONFIG:-}" ]; then $(DEVCLUSTER) up && devcluster/demo/seed.sh; \
	  else export ARGOVUE_DEMO_EXTERNAL=true; fi; \
	  ARGOVUE_PORT=$${ARGOVUE_PORT:-8080} node devcluster/demo/start-argovue.ts
