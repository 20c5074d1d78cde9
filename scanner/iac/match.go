package iac

import (
	"bytes"
	"path"
	"strings"
)

// fileClass is what a path looks like before its content is read.
type fileClass int

const (
	classNone fileClass = iota
	classTerraform
	classTFVars
	classJSON // terraform plan or CloudFormation, decided by content
	classYAML // kubernetes or CloudFormation, decided by content
	classTemplate
	classDockerfile
	classGitHubWorkflow
	classGitHubAction
	classGitLabCI
	classBicep // scanned through the compiled .json beside it
)

// jsonNotIaC are common JSON files that are never IaC; skipping them by
// name avoids reading them.
var jsonNotIaC = map[string]bool{
	"package.json": true, "package-lock.json": true, "tsconfig.json": true, "composer.json": true,
	"composer.lock": true, "bower.json": true, "jsconfig.json": true, "npm-shrinkwrap.json": true,
	"renovate.json": true, ".eslintrc.json": true, "deno.json": true, "manifest.json": true,
	"launch.json": true, "settings.json": true, "extensions.json": true, "tasks.json": true,
	"Pipfile.lock": true, "project.assets.json": true, "packages.lock.json": true,
}

func classify(p string) fileClass {
	base := path.Base(p)
	lower := strings.ToLower(base)
	switch {
	case strings.HasSuffix(lower, ".tf") || strings.HasSuffix(lower, ".tf.json"):
		return classTerraform
	case strings.HasSuffix(lower, ".tfvars") || strings.HasSuffix(lower, ".tfvars.json"):
		return classTFVars
	case lower == "dockerfile" || lower == "containerfile" || strings.HasSuffix(lower, ".dockerfile") ||
		strings.HasPrefix(lower, "dockerfile.") || strings.HasPrefix(lower, "containerfile.") ||
		strings.HasSuffix(lower, ".containerfile"):
		if strings.HasSuffix(lower, ".dockerignore") || strings.HasSuffix(lower, ".md") {
			return classNone
		}
		return classDockerfile
	}
	if base == "Kustomization" {
		return classYAML // a kustomization file without extension
	}
	ext := path.Ext(lower)
	isYAML := ext == ".yml" || ext == ".yaml"
	switch {
	// .gitlab-ci.yml, and included pipeline files named *.gitlab-ci.yml.
	case isYAML && (strings.HasSuffix(lower, ".gitlab-ci.yml") || strings.HasSuffix(lower, ".gitlab-ci.yaml")):
		return classGitLabCI
	case isYAML && inGitHubWorkflows(p):
		return classGitHubWorkflow
	case isYAML && (lower == "action.yml" || lower == "action.yaml"):
		return classGitHubAction
	case isYAML:
		return classYAML
	case ext == ".json":
		if jsonNotIaC[base] {
			return classNone
		}
		return classJSON
	case ext == ".template":
		return classTemplate
	case ext == ".bicep":
		return classBicep
	}
	return classNone
}

func inGitHubWorkflows(p string) bool {
	dir := path.Dir(p)
	return dir == ".github/workflows" || strings.HasSuffix(dir, "/.github/workflows")
}

// Content sniffing: cheap byte searches before any parsing.
var (
	cfnMarker     = []byte("AWSTemplateFormatVersion")
	cfnType       = []byte("AWS::")
	resourcesKey  = []byte("Resources")
	k8sAPIVersion = []byte("apiVersion")
	k8sKind       = []byte("kind")
	helmMarker    = []byte("{{")
)

func looksCloudFormation(src []byte) bool {
	return bytes.Contains(src, cfnMarker) || (bytes.Contains(src, resourcesKey) && bytes.Contains(src, cfnType))
}

func looksKubernetes(src []byte) bool {
	return bytes.Contains(src, k8sAPIVersion) && bytes.Contains(src, k8sKind)
}

// looksHelmTemplate reports a Go-templated manifest: it is not YAML until
// rendered, and tollgate does not render Helm charts (see docs/iac.md).
func looksHelmTemplate(p string, src []byte) bool {
	return bytes.Contains(src, helmMarker) && (strings.HasPrefix(p, "templates/") || strings.Contains(p, "/templates/"))
}
