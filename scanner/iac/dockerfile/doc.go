// Package dockerfile parses Dockerfiles (and Containerfiles) with
// buildkit's parser into one IaC document split into build stages, so that
// checks can tell the final (shipped) stage from builder stages.
package dockerfile
