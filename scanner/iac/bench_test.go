package iac

import (
	"context"
	"os"
	"path/filepath"
	"testing"

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
