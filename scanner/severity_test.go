package scanner_test

import (
	"encoding/json"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner"
)

func TestParseSeverity(t *testing.T) {
	tests := []struct {
		in      string
		want    scanner.Severity
		wantErr bool
	}{
		{"critical", scanner.SeverityCritical, false},
		{"HIGH", scanner.SeverityHigh, false},
		{" Medium ", scanner.SeverityMedium, false},
		{"moderate", scanner.SeverityMedium, false},
		{"low", scanner.SeverityLow, false},
		{"info", scanner.SeverityInfo, false},
		{"unknown", scanner.SeverityUnknown, false},
		{"severe", scanner.SeverityUnknown, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := scanner.ParseSeverity(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSeverityOrderAndJSON(t *testing.T) {
	order := []scanner.Severity{scanner.SeverityUnknown, scanner.SeverityInfo, scanner.SeverityLow,
		scanner.SeverityMedium, scanner.SeverityHigh, scanner.SeverityCritical}
	for i := 1; i < len(order); i++ {
		if !(order[i-1] < order[i]) {
			t.Errorf("%v should rank below %v", order[i-1], order[i])
		}
	}
	b, err := json.Marshal(map[string]scanner.Severity{"s": scanner.SeverityHigh})
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"s":"HIGH"}` {
		t.Errorf("json = %s", b)
	}
	var back map[string]scanner.Severity
	if err := json.Unmarshal(b, &back); err != nil || back["s"] != scanner.SeverityHigh {
		t.Errorf("round trip: %v %v", back, err)
	}
	if err := json.Unmarshal([]byte(`"bogus"`), new(scanner.Severity)); err == nil {
		t.Error("bogus severity accepted")
	}
}

func TestSeverityFromScore(t *testing.T) {
	for score, want := range map[float64]scanner.Severity{
		0: scanner.SeverityInfo, 0.1: scanner.SeverityLow, 3.9: scanner.SeverityLow, 4.0: scanner.SeverityMedium,
		6.9: scanner.SeverityMedium, 7.0: scanner.SeverityHigh, 8.9: scanner.SeverityHigh, 9.0: scanner.SeverityCritical, 10: scanner.SeverityCritical,
	} {
		if got := scanner.SeverityFromScore(score); got != want {
			t.Errorf("SeverityFromScore(%v) = %v, want %v", score, got, want)
		}
	}
}

func TestFingerprint(t *testing.T) {
	base := scanner.Fingerprint("rule-a", "src/app.go", "ev")
	if base != scanner.Fingerprint("rule-a", "./src/app.go", "ev") {
		t.Error("./ prefix changed the fingerprint")
	}
	if base != scanner.Fingerprint("rule-a", `src\app.go`, "ev") {
		t.Error("backslash separators changed the fingerprint")
	}
	for name, other := range map[string]string{
		"rule":     scanner.Fingerprint("rule-b", "src/app.go", "ev"),
		"path":     scanner.Fingerprint("rule-a", "src/other.go", "ev"),
		"evidence": scanner.Fingerprint("rule-a", "src/app.go", "ev2"),
	} {
		if other == base {
			t.Errorf("different %s gave the same fingerprint", name)
		}
	}
}
