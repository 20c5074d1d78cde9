package merge_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/merge"
	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/scanner"
)

func TestDefaultLabel(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{`{"root": "/builds/org/payments", "path_prefix": "services/api"}`, "services/api"},
		{`{"root": "/builds/org/payments/"}`, "payments"},
		{`{"root": "C:\\work\\billing"}`, "billing"},
		{`{"root": ""}`, "in"},
	} {
		r, err := merge.Parse("reports/in.json", strings.NewReader(`{"schema_version": "1", "findings": [], `+c.name[1:]), 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := merge.DefaultLabel(r); got != c.want {
			t.Errorf("%s: label %q, want %q", c.name, got, c.want)
		}
	}
}

func TestParseRefusesWhatItCannotRead(t *testing.T) {
	for name, c := range map[string]struct{ doc, want string }{
		"syntax":       {"{\n\"schema_version\": \"1\",\n\"findings\": [\n", "line 4"},
		"not a report": {`{"runs": []}`, "not a tollgate JSON report"},
		"future":       {`{"schema_version": "7", "findings": []}`, `schema_version "7"`},
		"merged":       {`{"schema_version": "1", "findings": [], "sources": [{"label": "a"}]}`, "itself a merged report"},
		"abs path":     {`{"schema_version": "1", "findings": [{"scanner": "iac", "rule_id": "X", "fingerprint": "f", "location": {"path": "/etc/x"}}]}`, "not relative"},
		"prefix":       {`{"schema_version": "1", "findings": [], "path_prefix": "../x"}`, "leave the repository root"},
		"too big":      {`{"schema_version": "1", "findings": [], "root": "` + strings.Repeat("x", 100) + `"}`, "larger than 64 bytes"},
	} {
		var limit int64 // default
		if name == "too big" {
			limit = 64
		}
		_, err := merge.Parse("r.json", strings.NewReader(c.doc), limit)
		if !errors.Is(err, merge.ErrCorrupt) || !strings.Contains(err.Error(), "r.json") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want ErrCorrupt naming r.json and %q", name, err, c.want)
		}
	}
}

// TestMergeVersionRule: only the major version counts; a dev build is its
// own major.
func TestMergeVersionRule(t *testing.T) {
	ctx := context.Background()
	gate, err := policy.New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rep := func(version string) *merge.Report {
		return &merge.Report{File: version + ".json", Root: "/r/" + version, ToolVersion: version, PolicyDigest: gate.Digest(),
			InputSchemaVersion: policy.SchemaVersion, Findings: []scanner.Finding{{Scanner: "iac", RuleID: "X", Fingerprint: "fp-" + version,
				Severity: scanner.SeverityLow, Location: scanner.Location{Path: "main.tf"}}}}
	}
	o := merge.Options{Gate: gate, Config: policy.DefaultConfig(), Now: time.Now(), ToolVersion: "v1.4.0"}
	out, err := merge.Merge(ctx, []merge.Input{{Report: rep("v1.2.3")}, {Report: rep("v1.9.0")}}, o)
	if err != nil || !out.Decision.Pass || len(out.Sources) != 2 || out.Result.Findings[0].Location.Path != "v1.2.3/main.tf" {
		t.Fatalf("same major: %v %+v", err, out)
	}
	var mixed *merge.MixedError
	for _, v := range []string{"v2.0.0", "dev", "v0.0.0-20260101000000-abcdef"} {
		if _, err := merge.Merge(ctx, []merge.Input{{Report: rep(v)}}, o); !errors.As(err, &mixed) || !strings.Contains(err.Error(), v) {
			t.Errorf("%s: %v, want a MixedError naming it", v, err)
		}
	}
	o.AllowMixed = true
	out, err = merge.Merge(ctx, []merge.Input{{Report: rep("v2.0.0")}}, o)
	if err != nil || len(out.Mixed) != 1 || len(out.Sources[0].Mismatches) != 1 {
		t.Errorf("allowed: %v %+v", err, out)
	}
}
