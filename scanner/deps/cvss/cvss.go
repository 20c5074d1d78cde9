package cvss

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Version identifies the CVSS version of a vector.
type Version string

// Supported versions.
const (
	V2  Version = "2.0"
	V30 Version = "3.0"
	V31 Version = "3.1"
	V40 Version = "4.0"
)

// ErrInvalidVector is wrapped by every parse error.
var ErrInvalidVector = errors.New("invalid CVSS vector")

// Score parses vector and returns its version and base score (0.0–10.0).
// A v2 vector may come with or without the "(AV:...)" parentheses and an
// optional "CVSS:2.0/" prefix.
func Score(vector string) (Version, float64, error) {
	v := strings.TrimSpace(vector)
	switch {
	case strings.HasPrefix(v, "CVSS:3.1/"):
		s, err := score3(strings.TrimPrefix(v, "CVSS:3.1/"), true)
		return V31, s, err
	case strings.HasPrefix(v, "CVSS:3.0/"):
		s, err := score3(strings.TrimPrefix(v, "CVSS:3.0/"), false)
		return V30, s, err
	case strings.HasPrefix(v, "CVSS:4.0/"):
		s, err := score40(strings.TrimPrefix(v, "CVSS:4.0/"))
		return V40, s, err
	case strings.HasPrefix(v, "CVSS:2.0/"):
		s, err := score2(strings.TrimPrefix(v, "CVSS:2.0/"))
		return V2, s, err
	case strings.HasPrefix(v, "AV:") || strings.HasPrefix(v, "(AV:"):
		s, err := score2(strings.Trim(v, "()"))
		return V2, s, err
	}
	return "", 0, fmt.Errorf("%w: unknown version prefix in %q", ErrInvalidVector, vector)
}

// parseMetrics splits "K:V/K:V" into a map, rejecting duplicates, unknown
// keys and values not allowed for a key.
func parseMetrics(s string, allowed map[string]string) (map[string]string, error) {
	m := make(map[string]string, 16)
	for part := range strings.SplitSeq(s, "/") {
		k, val, ok := strings.Cut(part, ":")
		if !ok || k == "" || val == "" {
			return nil, fmt.Errorf("%w: malformed metric %q", ErrInvalidVector, part)
		}
		vals, known := allowed[k]
		if !known {
			return nil, fmt.Errorf("%w: unknown metric %q", ErrInvalidVector, k)
		}
		if !strings.Contains(","+vals+",", ","+val+",") {
			return nil, fmt.Errorf("%w: bad value %q for metric %s", ErrInvalidVector, val, k)
		}
		if _, dup := m[k]; dup {
			return nil, fmt.Errorf("%w: duplicate metric %s", ErrInvalidVector, k)
		}
		m[k] = val
	}
	return m, nil
}

func requireAll(m map[string]string, keys ...string) error {
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			return fmt.Errorf("%w: missing base metric %s", ErrInvalidVector, k)
		}
	}
	return nil
}

var allowed3 = map[string]string{
	"AV": "N,A,L,P", "AC": "L,H", "PR": "N,L,H", "UI": "N,R", "S": "U,C",
	"C": "H,L,N", "I": "H,L,N", "A": "H,L,N",
	// Temporal and environmental metrics are accepted but do not change
	// the base score.
	"E": "X,U,P,F,H", "RL": "X,O,T,W,U", "RC": "X,U,R,C",
	"CR": "X,L,M,H", "IR": "X,L,M,H", "AR": "X,L,M,H",
	"MAV": "X,N,A,L,P", "MAC": "X,L,H", "MPR": "X,N,L,H", "MUI": "X,N,R", "MS": "X,U,C",
	"MC": "X,H,L,N", "MI": "X,H,L,N", "MA": "X,H,L,N",
}

// score3 implements the CVSS v3.0/v3.1 base score equations
// (v3.1 specification section 7.1, v3.0 section 8.1).
func score3(vec string, v31 bool) (float64, error) {
	m, err := parseMetrics(vec, allowed3)
	if err != nil {
		return 0, err
	}
	if err := requireAll(m, "AV", "AC", "PR", "UI", "S", "C", "I", "A"); err != nil {
		return 0, err
	}
	changed := m["S"] == "C"
	av := map[string]float64{"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2}[m["AV"]]
	ac := map[string]float64{"L": 0.77, "H": 0.44}[m["AC"]]
	var pr float64
	switch m["PR"] {
	case "N":
		pr = 0.85
	case "L":
		pr = 0.62
		if changed {
			pr = 0.68
		}
	case "H":
		pr = 0.27
		if changed {
			pr = 0.5
		}
	}
	ui := map[string]float64{"N": 0.85, "R": 0.62}[m["UI"]]
	cia := map[string]float64{"H": 0.56, "L": 0.22, "N": 0}
	iss := 1 - (1-cia[m["C"]])*(1-cia[m["I"]])*(1-cia[m["A"]])
	var impact float64
	if changed {
		impact = 7.52*(iss-0.029) - 3.25*math.Pow(iss-0.02, 15)
	} else {
		impact = 6.42 * iss
	}
	expl := 8.22 * av * ac * pr * ui
	if impact <= 0 {
		return 0, nil
	}
	roundup := roundup30
	if v31 {
		roundup = roundup31
	}
	if changed {
		return roundup(math.Min(1.08*(impact+expl), 10)), nil
	}
	return roundup(math.Min(impact+expl, 10)), nil
}

// roundup30 is v3.0's Roundup: the smallest one-decimal number >= x.
func roundup30(x float64) float64 { return math.Ceil(x*10) / 10 }

// roundup31 is v3.1's Roundup (Appendix A), defined on integers so that
// values such as 4.000000000000001 do not round up to 4.1.
func roundup31(x float64) float64 {
	i := int64(math.Round(x * 100000))
	if i%10000 == 0 {
		return float64(i) / 100000
	}
	return float64(i/10000+1) / 10
}

var allowed2 = map[string]string{
	"AV": "L,A,N", "AC": "H,M,L", "Au": "M,S,N", "C": "N,P,C", "I": "N,P,C", "A": "N,P,C",
	"E": "U,POC,F,H,ND", "RL": "OF,TF,W,U,ND", "RC": "UC,UR,C,ND",
	"CDP": "N,L,LM,MH,H,ND", "TD": "N,L,M,H,ND", "CR": "L,M,H,ND", "IR": "L,M,H,ND", "AR": "L,M,H,ND",
}

// score2 implements the CVSS v2.0 base equation (v2 guide section 3.2.1).
func score2(vec string) (float64, error) {
	m, err := parseMetrics(vec, allowed2)
	if err != nil {
		return 0, err
	}
	if err := requireAll(m, "AV", "AC", "Au", "C", "I", "A"); err != nil {
		return 0, err
	}
	av := map[string]float64{"L": 0.395, "A": 0.646, "N": 1.0}[m["AV"]]
	ac := map[string]float64{"H": 0.35, "M": 0.61, "L": 0.71}[m["AC"]]
	au := map[string]float64{"M": 0.45, "S": 0.56, "N": 0.704}[m["Au"]]
	cia := map[string]float64{"N": 0, "P": 0.275, "C": 0.660}
	impact := 10.41 * (1 - (1-cia[m["C"]])*(1-cia[m["I"]])*(1-cia[m["A"]]))
	expl := 20 * av * ac * au
	f := 0.0
	if impact != 0 {
		f = 1.176
	}
	return round1(((0.6 * impact) + (0.4 * expl) - 1.5) * f), nil
}

// round1 rounds half away from zero to one decimal, with a small epsilon
// so binary representation error does not flip x.x5 downwards.
func round1(x float64) float64 {
	return math.Round(x*10+1e-9) / 10
}
