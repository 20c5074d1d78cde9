package main

import (
	"fmt"
	"strings"
)

// terraform writes a few AWS resources; about half are misconfigured the
// way real code is (public buckets, open ingress, unencrypted storage).
func (g *gen) terraform(i int) []byte {
	var b strings.Builder
	if i == 0 {
		b.WriteString("variable \"env\" {\n  type    = string\n  default = \"dev\"\n}\n\n")
	}
	for j := range 4 + g.rng.IntN(8) {
		n := fmt.Sprintf("%s_%d_%d", g.word(), i, j)
		bad := g.rng.IntN(2) == 0
		switch g.rng.IntN(4) {
		case 0:
			fmt.Fprintf(&b, "resource \"aws_s3_bucket\" %q {\n  bucket = \"${var.env}-%s\"\n}\n\n", n, strings.ReplaceAll(n, "_", "-"))
			fmt.Fprintf(&b, "resource \"aws_s3_bucket_public_access_block\" %q {\n  bucket                  = aws_s3_bucket.%s.id\n  block_public_acls       = true\n  block_public_policy     = %t\n  ignore_public_acls      = true\n  restrict_public_buckets = %t\n}\n\n", n, n, !bad, !bad)
		case 1:
			cidr := "10.0.0.0/8"
			if bad {
				cidr = "0.0.0.0/0"
			}
			fmt.Fprintf(&b, "resource \"aws_security_group\" %q {\n  name        = %q\n  description = \"managed\"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [%q]\n  }\n}\n\n", n, n, cidr)
		case 2:
			fmt.Fprintf(&b, "resource \"aws_db_instance\" %q {\n  identifier          = %q\n  engine              = \"postgres\"\n  instance_class      = \"db.t3.micro\"\n  allocated_storage   = 20\n  storage_encrypted   = %t\n  publicly_accessible = %t\n  username            = \"app\"\n}\n\n", n, strings.ReplaceAll(n, "_", "-"), !bad, bad)
		default:
			fmt.Fprintf(&b, "resource \"aws_ebs_volume\" %q {\n  availability_zone = \"eu-west-1a\"\n  size              = %d\n  encrypted         = %t\n}\n\n", n, 10+g.rng.IntN(500), !bad)
		}
	}
	return []byte(b.String())
}

func (g *gen) kubernetes(i int) []byte {
	name := fmt.Sprintf("%s-%d", g.word(), i)
	priv := g.rng.IntN(3) == 0
	limits := "\n          resources:\n            limits:\n              cpu: 500m\n              memory: 256Mi"
	if g.rng.IntN(2) == 0 {
		limits = ""
	}
	return []byte(fmt.Sprintf(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: %[1]s
  labels:
    app: %[1]s
spec:
  replicas: %[2]d
  selector:
    matchLabels:
      app: %[1]s
  template:
    metadata:
      labels:
        app: %[1]s
    spec:
      containers:
        - name: %[1]s
          image: registry.example/%[3]s:%[4]d.%[5]d
          ports:
            - containerPort: 8080
          securityContext:
            privileged: %[6]t
            allowPrivilegeEscalation: %[6]t%[7]s
---
apiVersion: v1
kind: Service
metadata:
  name: %[1]s
spec:
  selector:
    app: %[1]s
  ports:
    - port: 80
      targetPort: 8080
`, name, 1+g.rng.IntN(5), g.word(), g.rng.IntN(5), g.rng.IntN(20), priv, limits))
}

func (g *gen) dockerfile() []byte {
	user := "USER app\n"
	if g.rng.IntN(2) == 0 {
		user = ""
	}
	base := []string{"node:20-alpine", "python:3.12-slim", "golang:1.22", "ubuntu:latest", "debian"}[g.rng.IntN(5)]
	return []byte(fmt.Sprintf("FROM %s\nWORKDIR /app\nCOPY . .\nRUN apt-get update && apt-get install -y curl\nRUN curl -fsSL https://get.example/install.sh | sh\nENV %s_MODE=production\nEXPOSE 8080\n%sCMD [\"./%s\"]\n",
		base, strings.ToUpper(g.word()), user, g.word()))
}

func (g *gen) workflow() []byte {
	trigger := "push"
	if g.rng.IntN(3) == 0 {
		trigger = "pull_request_target"
	}
	return []byte(fmt.Sprintf(`name: ci
on: [%s]
permissions: write-all
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - uses: actions/setup-go@v5
      - name: test
        run: |
          echo "title: ${{ github.event.pull_request.title }}"
          go test ./...
      - uses: some-org/%s-action@main
`, trigger, g.word()))
}

func (g *gen) gitlabCI() []byte {
	return []byte(fmt.Sprintf(`stages: [build, test]
build:
  stage: build
  image: docker:latest
  services: [docker:dind]
  script:
    - docker build -t %s .
    - curl -s https://get.example/%s.sh | bash
test:
  stage: test
  script: [make test]
`, g.word(), g.word()))
}

func (g *gen) envFile() []byte {
	var b strings.Builder
	for range 5 + g.rng.IntN(10) {
		fmt.Fprintf(&b, "%s_%s=%s\n", strings.ToUpper(g.word()), strings.ToUpper(g.word()), g.word())
	}
	k, v := g.secret()
	fmt.Fprintf(&b, "%s=%s\n", strings.ToUpper(k), v)
	return []byte(b.String())
}
