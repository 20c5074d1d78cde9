#!/usr/bin/env bash
# Benchmark tollgate's IaC scanner (and trivy config, when installed) on two
# generated trees in the same run:
#   large: 2,000 Terraform files in 100 root modules and 2,000 Kubernetes
#          manifests;
#   small: 1,200 small files, each its own unit: 400 one-resource Terraform
#          modules (AWS, GCP, Azure), 400 one-object Kubernetes manifests,
#          200 Dockerfiles, 100 GitHub workflows and 100 CloudFormation
#          templates, where start-up and per-file costs dominate.
#
#   scripts/bench-iac.sh [WORKDIR]      (default: a fresh temp dir)
#   GEN_ONLY=1 scripts/bench-iac.sh DIR (only write DIR/tree and DIR/small)
#
# Each tool runs as a pipeline would run it (tollgate scan --scanners iac,
# trivy config), RUNS times (default 3); the fastest wall time is kept with
# its CPU time (user+sys) and peak RSS from /usr/bin/time -v. On a shared
# machine compare the CPU times. trivy is used when found in PATH or at
# $TRIVY; build it with
#   GOEXPERIMENT=jsonv2 CGO_ENABLED=0 go install github.com/aquasecurity/trivy/cmd/trivy@v0.74.0
set -euo pipefail

cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
tree="$work/tree"
small="$work/small"
runs=${RUNS:-3}
tf_files=${TF_FILES:-2000}
k8s_files=${K8S_FILES:-2000}

gen_tree() {
	rm -rf "$tree"
	mkdir -p "$tree"
	# Terraform: 100 root modules of 20 files each, every file a few AWS
	# resources, some misconfigured. printf (a builtin) keeps this fast.
	local per_dir=20 i d restrict enc ape np
	for ((i = 0; i < tf_files; i++)); do
		d="$tree/terraform/stack$((i / per_dir))"
		if ((i % per_dir == 0)); then
			mkdir -p "$d"
			printf '%s\n' 'variable "env" {' '  type    = string' '  default = "dev"' '}' \
				'variable "cidr" {' '  type = string' '}' >"$d/variables.tf"
		fi
		restrict=true enc=true
		((i % 3 == 0)) && restrict=false
		((i % 2 == 1)) && enc=false
		printf '%s\n' \
			"resource \"aws_s3_bucket\" \"logs_$i\" {" \
			"  bucket = \"\${var.env}-logs-$i\"" \
			'}' '' \
			"resource \"aws_s3_bucket_public_access_block\" \"logs_$i\" {" \
			"  bucket                  = aws_s3_bucket.logs_$i.id" \
			'  block_public_acls       = true' \
			'  block_public_policy     = true' \
			'  ignore_public_acls      = true' \
			"  restrict_public_buckets = $restrict" \
			'}' '' \
			"resource \"aws_security_group\" \"web_$i\" {" \
			"  name        = \"web-$i\"" \
			'  description = "web"' \
			'  vpc_id      = "vpc-123456"' \
			'  ingress {' '    from_port   = 443' '    to_port     = 443' '    protocol    = "tcp"' '    cidr_blocks = ["0.0.0.0/0"]' '  }' \
			'  ingress {' '    from_port   = 22' '    to_port     = 22' '    protocol    = "tcp"' '    cidr_blocks = [var.cidr]' '  }' \
			'}' '' \
			"resource \"aws_db_instance\" \"db_$i\" {" \
			"  identifier          = \"db-$i\"" \
			'  engine              = "postgres"' \
			'  instance_class      = "db.t3.micro"' \
			'  allocated_storage   = 20' \
			"  storage_encrypted   = $enc" \
			'  publicly_accessible = false' \
			'  username            = "app"' \
			'  password            = var.cidr' \
			'}' >"$d/main$i.tf"
	done
	# Kubernetes: 2,000 manifests (Deployment + Service each).
	for ((i = 0; i < k8s_files; i++)); do
		d="$tree/k8s/app$((i / 100))"
		((i % 100 == 0)) && mkdir -p "$d"
		ape=false np=ClusterIP
		((i % 4 == 0)) && ape=true
		((i % 10 == 0)) && np=NodePort
		printf '%s\n' \
			'apiVersion: apps/v1' 'kind: Deployment' 'metadata:' "  name: app-$i" "  namespace: team-$((i % 7))" \
			'spec:' '  replicas: 2' '  selector:' "    matchLabels: {app: app-$i}" '  template:' '    metadata:' \
			"      labels: {app: app-$i}" '    spec:' '      containers:' '        - name: app' \
			"          image: registry.example.com/app:1.$i.0" '          ports: [{containerPort: 8080}]' \
			'          securityContext:' "            allowPrivilegeEscalation: $ape" '            runAsNonRoot: true' \
			'            readOnlyRootFilesystem: true' '            capabilities: {drop: [ALL]}' \
			'          resources:' '            requests: {cpu: 100m, memory: 128Mi}' '            limits: {cpu: 500m, memory: 256Mi}' \
			'---' 'apiVersion: v1' 'kind: Service' 'metadata:' "  name: app-$i" "  namespace: team-$((i % 7))" \
			'spec:' "  type: $np" "  selector: {app: app-$i}" '  ports: [{port: 80, targetPort: 8080}]' >"$d/app$i.yaml"
	done
}

# gen_small writes the many-small-files tree: every file is a unit of its
# own, about half of them misconfigured.
gen_small() {
	rm -rf "$small"
	local i d
	for ((i = 0; i < 400; i++)); do
		d="$small/terraform/m$i"
		mkdir -p "$d"
		case $((i % 8)) in
		0) printf '%s\n' "resource \"aws_s3_bucket\" \"b$i\" {" "  bucket = \"logs-$i\"" '}' ;;
		1) printf '%s\n' "resource \"aws_security_group\" \"sg$i\" {" "  name = \"web-$i\"" '  ingress {' '    from_port   = 22' '    to_port     = 22' '    protocol    = "tcp"' '    cidr_blocks = ["0.0.0.0/0"]' '  }' '}' ;;
		2) printf '%s\n' "resource \"aws_db_instance\" \"db$i\" {" '  engine              = "postgres"' '  instance_class      = "db.t3.micro"' '  storage_encrypted   = false' '  publicly_accessible = true' '}' ;;
		3) printf '%s\n' "resource \"aws_kms_key\" \"k$i\" {" '  description         = "app"' '  enable_key_rotation = true' '}' ;;
		4) printf '%s\n' "resource \"aws_iam_policy\" \"p$i\" {" "  name   = \"p$i\"" '  policy = jsonencode({' '    Version   = "2012-10-17"' '    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]' '  })' '}' ;;
		5) printf '%s\n' "resource \"google_compute_firewall\" \"fw$i\" {" "  name    = \"fw-$i\"" '  network = "default"' '  allow {' '    protocol = "tcp"' '    ports    = ["3389"]' '  }' '  source_ranges = ["0.0.0.0/0"]' '}' ;;
		6) printf '%s\n' "resource \"azurerm_storage_account\" \"sa$i\" {" "  name                     = \"sa$i\"" '  resource_group_name      = "rg"' '  location                 = "westeurope"' '  account_tier             = "Standard"' '  account_replication_type = "LRS"' '  min_tls_version          = "TLS1_0"' '}' ;;
		7) printf '%s\n' "resource \"aws_instance\" \"vm$i\" {" '  ami           = "ami-12345678"' '  instance_type = "t3.micro"' '  metadata_options {' '    http_tokens = "required"' '  }' '}' ;;
		esac >"$d/main.tf"
	done
	mkdir -p "$small/k8s"
	for ((i = 0; i < 400; i++)); do
		case $((i % 4)) in
		0) printf '%s\n' 'apiVersion: v1' 'kind: Pod' 'metadata:' "  name: p$i" '  namespace: apps' 'spec:' '  containers:' '    - name: c' '      image: nginx:1.25' '      securityContext:' '        privileged: true' ;;
		1) printf '%s\n' 'apiVersion: apps/v1' 'kind: Deployment' 'metadata:' "  name: d$i" '  namespace: apps' 'spec:' '  template:' '    spec:' '      containers:' '        - name: c' "          image: registry.example.com/app:1.$i" '          securityContext:' '            runAsNonRoot: true' '            readOnlyRootFilesystem: true' '            allowPrivilegeEscalation: false' '            capabilities: {drop: [ALL]}' '          resources:' '            limits: {cpu: 500m, memory: 256Mi}' '            requests: {cpu: 100m, memory: 128Mi}' ;;
		2) printf '%s\n' 'apiVersion: v1' 'kind: Service' 'metadata:' "  name: s$i" '  namespace: apps' 'spec:' '  type: NodePort' '  ports: [{port: 80}]' ;;
		3) printf '%s\n' 'apiVersion: rbac.authorization.k8s.io/v1' 'kind: Role' 'metadata:' "  name: r$i" '  namespace: apps' 'rules:' '  - apiGroups: ["*"]' '    resources: ["*"]' '    verbs: ["*"]' ;;
		esac >"$small/k8s/m$i.yaml"
	done
	for ((i = 0; i < 200; i++)); do
		d="$small/docker/d$i"
		mkdir -p "$d"
		if ((i % 2)); then
			printf '%s\n' 'FROM alpine:latest' 'RUN apk add curl && curl -k https://example.com/install.sh | sh' >"$d/Dockerfile"
		else
			printf '%s\n' 'FROM alpine:3.20' 'RUN apk add --no-cache curl=8.9.1-r0' 'USER 10001' 'HEALTHCHECK CMD ["true"]' >"$d/Dockerfile"
		fi
	done
	for ((i = 0; i < 100; i++)); do
		d="$small/repos/r$i/.github/workflows"
		mkdir -p "$d"
		printf '%s\n' 'name: ci' 'on: [push, pull_request]' 'permissions: write-all' 'jobs:' '  build:' '    runs-on: ubuntu-latest' '    steps:' '      - uses: actions/checkout@v4' '      - run: echo "${{ github.event.pull_request.title }}"' >"$d/ci.yml"
	done
	mkdir -p "$small/cfn"
	for ((i = 0; i < 100; i++)); do
		printf '%s\n' 'AWSTemplateFormatVersion: "2010-09-09"' 'Resources:' '  Bucket:' '    Type: AWS::S3::Bucket' '    Properties:' "      BucketName: logs-$i" >"$small/cfn/t$i.yaml"
	done
}

gen_tree
gen_small
for t in "$tree" "$small"; do
	echo "tree: $t ($(find "$t" -type f | wc -l) files, $(du -sh "$t" | cut -f1))"
done

if [ -n "${GEN_ONLY:-}" ]; then
	exit 0 # GEN_ONLY=1: only write the trees (for profiling)
fi
go build -o "$work/" ./cmd/tollgate ./cmd/tollgate-render # charts render in the companion

# measure NAME CMD...: the fastest of $runs runs; prints and records
# "wall cpu rss" in $work/NAME.best.
measure() {
	local name=$1 r wall cpu rss best=""
	shift
	for ((r = 0; r < runs; r++)); do
		# exit 1 is a failed gate, which both tools report on these trees
		/usr/bin/time -v "$@" >"$work/$name.out" 2>"$work/$name.time" || true
		if ! grep -q 'Exit status: [01]$' "$work/$name.time"; then
			echo "$name failed:"
			tail -20 "$work/$name.time"
			return 1
		fi
		wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$work/$name.time")
		cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$work/$name.time")
		rss=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$work/$name.time")
		if [ -z "$best" ] || awk -v a="$wall" -v b="${best%% *}" 'BEGIN {exit !(a < b)}'; then
			best="$wall $cpu $rss"
		fi
	done
	echo "$best" >"$work/$name.best"
	read -r wall cpu rss <<<"$best"
	printf '%-16s wall %7.2f s  cpu %7.2f s  peak RSS %6d MB\n' "$name" "$wall" "$cpu" "$rss"
}

trivy=${TRIVY:-$(command -v trivy || true)}
if [ -z "$trivy" ] && [ -x "$(go env GOPATH)/bin/trivy" ]; then
	trivy="$(go env GOPATH)/bin/trivy"
fi
for which in large small; do
	t=$tree
	[ "$which" = small ] && t=$small
	measure "tollgate-$which" "$work/tollgate" scan --scanners iac --offline -f json -o "$work/tollgate-$which.json" "$t"
	if [ -n "$trivy" ]; then
		measure "trivy-$which" "$trivy" config --skip-check-update --skip-version-check --disable-telemetry \
			--cache-dir "$work/trivy-cache" -f json -o "$work/trivy-$which.json" "$t"
		read -r tw tc _ <"$work/tollgate-$which.best"
		read -r vw vc _ <"$work/trivy-$which.best"
		awk -v tw="$tw" -v tc="$tc" -v vw="$vw" -v vc="$vc" -v n="$which" \
			'BEGIN {printf "%-16s tollgate is %.1fx faster in wall time, %.1fx in CPU time\n", n, vw / tw, vc / tc}'
	fi
done
[ -n "$trivy" ] || echo "trivy not found: skipped (see the header of this script)"

# Start-up: one small file, the fixed cost of a pipeline step.
mkdir -p "$work/one"
printf '%s\n' 'FROM alpine:3.20' 'USER 10001' >"$work/one/Dockerfile"
measure "tollgate-startup" "$work/tollgate" scan --scanners iac --offline -f json -o /dev/null "$work/one"
