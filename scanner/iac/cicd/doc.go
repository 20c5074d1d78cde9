// Package cicd parses CI pipeline definitions into IaC documents: GitHub
// Actions workflows and composite actions (kind "github-actions") and
// GitLab CI files (kind "gitlab-ci"). The value is the YAML object as
// written, annotated with source ranges (see package yamldoc).
package cicd
