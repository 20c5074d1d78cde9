package policy

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

// Baseline is the set of fingerprints of an earlier scan. A nil Baseline
// means "no baseline": every finding is new.
type Baseline map[string]bool

// Has reports whether fp was in the baseline.
func (b Baseline) Has(fp string) bool { return b != nil && b[fp] }

// SARIFFingerprintKey is the partialFingerprints key tollgate writes and
// reads back from SARIF baselines.
const SARIFFingerprintKey = "tollgate/v1"

// ErrInvalidBaseline marks a baseline file that is neither tollgate JSON
// nor SARIF from tollgate.
var ErrInvalidBaseline = errors.New("invalid baseline")

// LoadBaseline reads fingerprints from tollgate's JSON report or from a
// SARIF file tollgate wrote. Suppressed findings count too: they were
// known on the baseline branch.
func LoadBaseline(file string) (Baseline, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	var doc struct {
		Findings []struct {
			Fingerprint string `json:"fingerprint"`
		} `json:"findings"`
		Runs []struct {
			Results []struct {
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrInvalidBaseline, file, err)
	}
	out := Baseline{}
	switch {
	case doc.Runs != nil:
		for _, r := range doc.Runs {
			for _, res := range r.Results {
				if fp := res.PartialFingerprints[SARIFFingerprintKey]; fp != "" {
					out[fp] = true
				}
			}
		}
	case doc.Findings != nil:
		for _, f := range doc.Findings {
			if f.Fingerprint != "" {
				out[f.Fingerprint] = true
			}
		}
	default:
		return nil, fmt.Errorf("%w: %s: neither a tollgate JSON report (findings) nor SARIF (runs)", ErrInvalidBaseline, file)
	}
	return out, nil
}
