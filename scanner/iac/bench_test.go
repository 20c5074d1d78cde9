package iac

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
	"github.com/tollgate-dev/tollgate/scanner/iac/kubernetes"
)

const benchManifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: team
spec:
  template:
    spec:
      containers:
        - name: app
          image: registry.example.com/app:1.0.0
          securityContext:
            allowPrivilegeEscalation: true
            runAsNonRoot: true
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: 500m, memory: 256Mi}
---
apiVersion: v1
kind: Service
metadata: {name: app, namespace: team}
spec: {type: ClusterIP}
`

// BenchmarkEvalKubernetes measures parsing and evaluating all Kubernetes
// checks on a Deployment and a Service.
func BenchmarkEvalKubernetes(b *testing.B) {
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		docs, err := kubernetes.Parse(ctx, "m.yaml", []byte(benchManifest))
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			if _, err := s.engine.eval(ctx, Document(d)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkEvalTerraformSmallModule measures evaluating the cloud checks
// on a one-bucket module, the unit of a tree of many small modules.
func BenchmarkEvalTerraformSmallModule(b *testing.B) {
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	src := "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n  acl    = \"private\"\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		docs, err := parseTerraformModule(ctx, os.DirFS(dir), ".", nil, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			if _, err := s.engine.eval(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// smallTree writes a tree of n small files, each a unit of its own, in
// the mix of scripts/bench-iac.sh's small tree: one-resource terraform
// modules (AWS, GCP, Azure), one-object Kubernetes manifests, Dockerfiles,
// GitHub workflows and CloudFormation templates.
func smallTree(tb testing.TB, n int) string {
	tb.Helper()
	root := tb.TempDir()
	tf := []string{
		"resource \"aws_s3_bucket\" \"b%d\" {\n  bucket = \"logs-%d\"\n}\n",
		"resource \"aws_security_group\" \"sg%d\" {\n  name = \"web-%d\"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n",
		"resource \"aws_db_instance\" \"db%d\" {\n  engine            = \"postgres\"\n  identifier        = \"db-%d\"\n  storage_encrypted = false\n  publicly_accessible = true\n}\n",
		"resource \"aws_kms_key\" \"k%d\" {\n  description         = \"app-%d\"\n  enable_key_rotation = true\n}\n",
		"resource \"aws_iam_policy\" \"p%d\" {\n  name   = \"p%d\"\n  policy = jsonencode({\n    Version   = \"2012-10-17\"\n    Statement = [{ Effect = \"Allow\", Action = \"*\", Resource = \"*\" }]\n  })\n}\n",
		"resource \"google_compute_firewall\" \"fw%d\" {\n  name    = \"fw-%d\"\n  network = \"default\"\n  allow {\n    protocol = \"tcp\"\n    ports    = [\"3389\"]\n  }\n  source_ranges = [\"0.0.0.0/0\"]\n}\n",
		"resource \"azurerm_storage_account\" \"sa%d\" {\n  name                     = \"sa%d\"\n  resource_group_name      = \"rg\"\n  location                 = \"westeurope\"\n  account_tier             = \"Standard\"\n  account_replication_type = \"LRS\"\n  min_tls_version          = \"TLS1_0\"\n}\n",
		"resource \"aws_instance\" \"vm%d\" {\n  ami           = \"ami-%d\"\n  instance_type = \"t3.micro\"\n  metadata_options {\n    http_tokens = \"required\"\n  }\n}\n",
	}
	k8s := []string{
		"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p%d\n  namespace: apps\nspec:\n  containers:\n    - name: c\n      image: nginx:1.%d\n      securityContext:\n        privileged: true\n",
		"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d%d\n  namespace: apps\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: registry.example.com/app:1.%d\n          securityContext:\n            runAsNonRoot: true\n            readOnlyRootFilesystem: true\n            allowPrivilegeEscalation: false\n            capabilities: {drop: [ALL]}\n          resources:\n            limits: {cpu: 500m, memory: 256Mi}\n            requests: {cpu: 100m, memory: 128Mi}\n",
		"apiVersion: v1\nkind: Service\nmetadata:\n  name: s%d\n  namespace: apps\nspec:\n  type: NodePort\n  ports: [{port: 8%d}]\n",
		"apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: r%d\n  namespace: apps-%d\nrules:\n  - apiGroups: [\"*\"]\n    resources: [\"*\"]\n    verbs: [\"*\"]\n",
	}
	write := func(rel, content string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	for i := 0; i < n; i++ {
		switch j := i / 12; i % 12 {
		case 0, 1, 2, 3:
			write(fmt.Sprintf("terraform/m%d/main.tf", i), fmt.Sprintf(tf[(i+j)%len(tf)], i, i))
		case 4, 5, 6, 7:
			write(fmt.Sprintf("k8s/m%d.yaml", i), fmt.Sprintf(k8s[(i+j)%len(k8s)], i, i))
		case 8, 9:
			if i%2 == 0 {
				write(fmt.Sprintf("docker/d%d/Dockerfile", i), "FROM alpine:latest\nRUN apk add curl && curl -k https://example.com/install.sh | sh\n")
			} else {
				write(fmt.Sprintf("docker/d%d/Dockerfile", i), "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\nUSER 10001\nHEALTHCHECK CMD [\"true\"]\n")
			}
		case 10:
			write(fmt.Sprintf("repos/r%d/.github/workflows/ci.yml", i), "name: ci\non: [push, pull_request]\npermissions: write-all\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo \"${{ github.event.pull_request.title }}\"\n")
		case 11:
			write(fmt.Sprintf("cfn/t%d.yaml", i), fmt.Sprintf("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: logs-%d\n", i))
		}
	}
	return root
}

// BenchmarkScanSmallFiles measures a whole scan of 240 small files, each a
// unit of its own, with a fresh scanner each time: loading and compiling
// the checks, parsing, evaluating. It is the per-file cost of a tree of
// many small files (scripts/bench-iac.sh has the same mix at 1,200).
func BenchmarkScanSmallFiles(b *testing.B) {
	root := smallTree(b, 240)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		s, err := New(Options{})
		if err != nil {
			b.Fatal(err)
		}
		res, err := scanner.Run(ctx, root, []scanner.Scanner{s})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Findings) == 0 {
			b.Fatal("no findings")
		}
	}
}

// BenchmarkScanSmallFilesWarm is BenchmarkScanSmallFiles with one scanner
// for every iteration, its checks compiled by the first: the per-file
// cost alone.
func BenchmarkScanSmallFilesWarm(b *testing.B) {
	root := smallTree(b, 240)
	ctx := context.Background()
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := scanner.Run(ctx, root, []scanner.Scanner{s}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scanner.Run(ctx, root, []scanner.Scanner{s}); err != nil {
			b.Fatal(err)
		}
	}
}
