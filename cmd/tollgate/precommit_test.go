package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestPreCommitHookThroughGit installs the hook of .pre-commit-hooks.yaml
// (its entry and args, with the tollgate built here) into a new git
// repository and commits: a staged secret blocks the commit, a clean one
// passes, and a secret only in the working tree (not staged) does not
// block — the hook judges what the commit records.
func TestPreCommitHookThroughGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not found")
	}
	raw, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID    string   `yaml:"id"`
		Entry string   `yaml:"entry"`
		Args  []string `yaml:"args"`
	}
	if err := yaml.Unmarshal(raw, &hooks); err != nil || len(hooks) == 0 || hooks[0].ID != "tollgate-secrets" {
		t.Fatalf("hooks %+v, err %v", hooks, err)
	}
	bin := filepath.Join(t.TempDir(), "tollgate")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	entry := strings.Fields(hooks[0].Entry)
	if entry[0] != "tollgate" {
		t.Fatalf("entry %q does not start with tollgate", hooks[0].Entry)
	}
	hook := "#!/bin/sh\nexec " + bin + " " + strings.Join(append(entry[1:], hooks[0].Args...), " ") + "\n"

	repo := t.TempDir()
	git := func(args ...string) (string, error) {
		cmd := exec.Command("git", append([]string{"-C", repo}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.invalid",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.invalid", "GIT_CONFIG_GLOBAL=/dev/null")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(repo, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := git("init", "-q", "-b", "main"); err != nil {
		t.Fatalf("git init: %v %s", err, out)
	}
	if err := os.WriteFile(filepath.Join(repo, ".git", "hooks", "pre-commit"), []byte(hook), 0o755); err != nil {
		t.Fatal(err)
	}
	const token = "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" // the demo tree's fake token

	write("README.md", "hello\n")
	git("add", "README.md")
	if out, err := git("commit", "-q", "-m", "clean"); err != nil {
		t.Fatalf("clean commit blocked: %v\n%s", err, out)
	}

	write("app.env", "GITHUB_TOKEN="+token+"\n")
	git("add", "app.env")
	out, err := git("commit", "-q", "-m", "adds a token")
	if err == nil {
		t.Fatalf("commit with a staged secret went through:\n%s", out)
	}
	if !strings.Contains(out, "github-pat-classic") || strings.Contains(out, token) {
		t.Errorf("hook output should name the rule and never the token:\n%s", out)
	}
	if log, _ := git("log", "--oneline"); strings.Count(log, "\n") != 1 {
		t.Errorf("history changed:\n%s", log)
	}

	// Unstage the secret, stage a clean change, leave the secret in the
	// working tree: the commit records no secret, so it passes.
	git("reset", "-q", "app.env")
	write("README.md", "hello again\n")
	git("add", "README.md")
	if out, err := git("commit", "-q", "-m", "clean again"); err != nil {
		t.Errorf("commit blocked by an unstaged file:\n%s", out)
	}
}
