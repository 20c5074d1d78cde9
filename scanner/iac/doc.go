// Package iac is tollgate's infrastructure-as-code and CI pipeline
// misconfiguration scanner.
//
// Parsers turn Terraform modules and plans, CloudFormation templates,
// Kubernetes manifests, Dockerfiles, GitHub Actions workflows and GitLab CI
// files into documents: JSON-like values annotated with source ranges
// (__loc, __keys). Checks are Rego modules with METADATA annotations,
// embedded from package checks or loaded from users' directories. All
// checks of a document kind are compiled once and evaluated with a single
// prepared query per document, and their results become scanner.Findings
// that point at the offending line and carry the resource address.
// docs/iac.md documents the document shapes and how to write checks.
package iac
