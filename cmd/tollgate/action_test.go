package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// actionStep is the gate step of action.yml: its env (with ${{ inputs.x }}
// references) and its run script.
type actionStep struct {
	ID  string            `yaml:"id"`
	Env map[string]string `yaml:"env"`
	Run string            `yaml:"run"`
}

func loadGateStep(t *testing.T) (actionStep, map[string]string) {
	t.Helper()
	raw, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Inputs map[string]struct {
			Default string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Using string       `yaml:"using"`
			Steps []actionStep `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(raw, &action); err != nil {
		t.Fatal(err)
	}
	defaults := map[string]string{}
	for k, v := range action.Inputs {
		defaults[k] = v.Default
	}
	for _, s := range action.Runs.Steps {
		if s.ID == "gate" {
			return s, defaults
		}
	}
	t.Fatal("action.yml has no step with id gate")
	return actionStep{}, nil
}

var inputRef = regexp.MustCompile(`\$\{\{\s*inputs\.([a-z-]+)\s*\}\}`)

// TestActionGateStep runs the action's gate step as the runner would — its
// env with the inputs substituted, its run script with bash — in a git
// repository with a fake GitHub environment: pull-request mode fails only
// on what the PR adds, passes a clean PR on a dirty base, and a push gates
// the whole tree. Outputs and the step summary are checked.
func TestActionGateStep(t *testing.T) {
	for _, tool := range []string{"git", "bash"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found", tool)
		}
	}
	step, defaults := loadGateStep(t)
	binDir := t.TempDir()
	if out, err := exec.Command("go", "build", "-o", filepath.Join(binDir, "tollgate"), ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	actionPath, _ := filepath.Abs("../..")

	origin := filepath.Join(t.TempDir(), "origin.git")
	work := t.TempDir()
	gitEnv := append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.invalid",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.invalid", "GIT_CONFIG_GLOBAL=/dev/null")
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", work}, args...)...)
		cmd.Env = gitEnv
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(work, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := exec.Command("git", "init", "-q", "--bare", "-b", "main", origin).CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	git("init", "-q", "-b", "main")
	git("remote", "add", "origin", origin)
	// The base branch already holds a (fake) AWS key: old news for a PR.
	write("settings.env", "AWS_ACCESS_KEY_ID=AKIAT3STF4KEDEM2KEY7\n")
	git("add", ".")
	git("commit", "-q", "-m", "base")
	git("push", "-q", "origin", "main")

	gate := func(event string, inputs map[string]string) (int, map[string]string, string) {
		t.Helper()
		runner := t.TempDir()
		env := append(gitEnv, "PATH="+binDir+string(os.PathListSeparator)+os.Getenv("PATH"),
			"GITHUB_ACTION_PATH="+actionPath, "GITHUB_EVENT_NAME="+event, "GITHUB_BASE_REF=main",
			"GITHUB_OUTPUT="+filepath.Join(runner, "output"), "GITHUB_STEP_SUMMARY="+filepath.Join(runner, "summary"),
			"RUNNER_TEMP="+runner)
		for k, v := range step.Env {
			v = inputRef.ReplaceAllStringFunc(v, func(ref string) string {
				name := inputRef.FindStringSubmatch(ref)[1]
				if in, ok := inputs[name]; ok {
					return in
				}
				return defaults[name]
			})
			env = append(env, k+"="+v)
		}
		cmd := exec.Command("bash", "-c", step.Run)
		cmd.Dir, cmd.Env = work, env
		out, _ := cmd.CombinedOutput()
		outputs := map[string]string{}
		raw, _ := os.ReadFile(filepath.Join(runner, "output"))
		for _, l := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
			if k, v, ok := strings.Cut(l, "="); ok {
				outputs[k] = v
			}
		}
		summary, _ := os.ReadFile(filepath.Join(runner, "summary"))
		if strings.Contains(string(out)+string(summary), "AKIAT3STF4KEDEM2KEY7") {
			t.Error("a secret reached the log or the step summary")
		}
		return cmd.ProcessState.ExitCode(), outputs, string(summary)
	}

	// A PR adding a GitHub token fails on it, and only on it.
	git("checkout", "-q", "-b", "leaky")
	write("ci.env", "GITHUB_TOKEN=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\n")
	git("add", ".")
	git("commit", "-q", "-m", "adds a token")
	code, out, summary := gate("pull_request", map[string]string{"scanners": "secrets"})
	if code != 1 || out["verdict"] != "failed" || out["findings"] != "1" || out["sarif-file"] != "tollgate.sarif" {
		t.Errorf("leaky PR: exit %d, outputs %v", code, out)
	}
	if !strings.Contains(summary, "github-pat-classic") || strings.Contains(summary, "aws-access-key-id") {
		t.Errorf("leaky PR summary should name the new token only:\n%s", summary)
	}
	if _, err := os.Stat(filepath.Join(work, "tollgate.sarif")); err != nil {
		t.Errorf("no SARIF for the upload step: %v", err)
	}

	// A clean PR on the dirty base passes: the base's key is baseline.
	git("checkout", "-q", "main")
	git("checkout", "-q", "-b", "clean")
	write("README.md", "docs\n")
	git("add", ".")
	git("commit", "-q", "-m", "docs")
	if code, out, _ := gate("pull_request", map[string]string{"scanners": "secrets"}); code != 0 || out["verdict"] != "passed" {
		t.Errorf("clean PR: exit %d, outputs %v", code, out)
	}

	// A push gates the whole tree, base key included.
	if code, out, summary := gate("push", map[string]string{"scanners": "secrets"}); code != 1 || out["verdict"] != "failed" || !strings.Contains(summary, "aws-access-key-id") {
		t.Errorf("push: exit %d, outputs %v\n%s", code, out, summary)
	}
}

// TestActionAndExamplePassOurChecks: tollgate's own GitHub Actions checks
// find nothing in action.yml or in the example workflow (scanned where
// GitHub would read it, .github/workflows/).
func TestActionAndExamplePassOurChecks(t *testing.T) {
	dir := t.TempDir()
	for src, dst := range map[string]string{"../../action.yml": "action.yml", "../../docs/github/tollgate.yml": ".github/workflows/tollgate.yml"} {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, dst)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, dst), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, ids := scanJSON(t, dir, "--scanners", "iac,secrets", "--fail-on", "low"); code != 0 || len(ids) != 0 {
		t.Errorf("exit %d, findings %v", code, ids)
	}
}
