package merge_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/tollgate-dev/tollgate/merge"
)

// FuzzParse: whatever a report file holds, Parse returns a report or an
// ErrCorrupt naming the file, never a panic; every finding it accepts has
// an identity and a path inside the root.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"schema_version": "1", "findings": []}`))
	f.Add([]byte(`{"schema_version": "1", "root": "/r", "path_prefix": "svc/a", "policy": {"digest": "sha256:00", "input_schema_version": "1"},
	  "findings": [{"scanner": "secrets", "rule_id": "aws-access-key-id", "severity": "HIGH", "fingerprint": "ab:2",
	  "location": {"path": "svc/a/.env", "start_line": 3}, "gate": {"new": true}}], "errors": [{"scanner": "deps", "message": "x"}]}`))
	f.Add([]byte(`{"schema_version": "1", "findings": [{"scanner": "iac", "rule_id": "X", "fingerprint": "f", "location": {"path": "../x"}}]}`))
	f.Add([]byte(`{"runs": []}`))
	f.Add([]byte("{\n\"schema_version\": \"1\",\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := merge.Parse("fuzz.json", bytes.NewReader(b), 1<<20)
		if err != nil {
			if !errors.Is(err, merge.ErrCorrupt) || !bytes.Contains([]byte(err.Error()), []byte("fuzz.json")) {
				t.Fatalf("error %v: not ErrCorrupt naming the file", err)
			}
			return
		}
		for _, fd := range r.Findings {
			if fd.Fingerprint == "" || fd.RuleID == "" || fd.Scanner == "" {
				t.Fatalf("accepted a finding without identity: %+v", fd)
			}
		}
	})
}
