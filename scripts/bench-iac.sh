#!/usr/bin/env bash
# Benchmark tollgate's IaC scanner (and trivy config, when installed) on a
# generated tree of 2,000 Terraform files and 2,000 Kubernetes manifests.
#
#   scripts/bench-iac.sh [WORKDIR]      (default: a fresh temp dir)
#
# Reports wall time and peak RSS from /usr/bin/time -v. trivy is used when
# found in PATH or at $TRIVY; build it with
#   GOEXPERIMENT=jsonv2 CGO_ENABLED=0 go install github.com/aquasecurity/trivy/cmd/trivy@v0.74.0
set -euo pipefail

cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
tree="$work/tree"
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

gen_tree
echo "tree: $tree ($(find "$tree" -type f | wc -l) files, $(du -sh "$tree" | cut -f1))"

go build -o "$work/bench-iac" ./scripts/bench-iac

measure() { # name, command...
	local name=$1
	shift
	/usr/bin/time -v "$@" >"$work/$name.out" 2>"$work/$name.time" || {
		echo "$name failed:"
		tail -20 "$work/$name.time"
		return 1
	}
	local wall rss
	wall=$(grep 'Elapsed (wall clock)' "$work/$name.time" | awk '{print $NF}')
	rss=$(grep 'Maximum resident set size' "$work/$name.time" | awk '{print $NF}')
	printf '%-8s wall %-10s peak RSS %6d MB\n' "$name" "$wall" "$((rss / 1024))"
}

measure tollgate "$work/bench-iac" "$tree"
grep -E '"(findings|files|scan_seconds|checks)"' "$work/tollgate.out" | tr -d ' ,'

trivy=${TRIVY:-$(command -v trivy || true)}
if [ -z "$trivy" ] && [ -x "$(go env GOPATH)/bin/trivy" ]; then
	trivy="$(go env GOPATH)/bin/trivy"
fi
if [ -n "$trivy" ]; then
	measure trivy "$trivy" config --skip-check-update --skip-version-check --disable-telemetry \
		--cache-dir "$work/trivy-cache" -f json -o "$work/trivy.json" "$tree"
else
	echo "trivy not found: skipped (see the header of this script)"
fi
