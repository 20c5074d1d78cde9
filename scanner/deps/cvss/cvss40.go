package cvss

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

var allowed40 = map[string]string{
	// Base.
	"AV": "N,A,L,P", "AC": "L,H", "AT": "N,P", "PR": "N,L,H", "UI": "N,P,A",
	"VC": "H,L,N", "VI": "H,L,N", "VA": "H,L,N", "SC": "H,L,N", "SI": "H,L,N", "SA": "H,L,N",
	// Threat.
	"E": "X,A,P,U",
	// Environmental.
	"CR": "X,H,M,L", "IR": "X,H,M,L", "AR": "X,H,M,L",
	"MAV": "X,N,A,L,P", "MAC": "X,L,H", "MAT": "X,N,P", "MPR": "X,N,L,H", "MUI": "X,N,P,A",
	"MVC": "X,H,L,N", "MVI": "X,H,L,N", "MVA": "X,H,L,N", "MSC": "X,H,L,N",
	"MSI": "X,S,H,L,N", "MSA": "X,S,H,L,N",
	// Supplemental metrics do not affect the score.
	"S": "X,N,P", "AU": "X,N,Y", "R": "X,A,U,I", "V": "X,D,C", "RE": "X,L,M,H", "U": "X,Clear,Green,Amber,Red",
}

// metrics40 holds a parsed v4.0 vector and answers with effective values:
// a modified metric overrides its base metric, and the unset threat and
// requirement metrics take their worst-case defaults (E:A, CR/IR/AR:H).
type metrics40 map[string]string

func (m metrics40) get(k string) string {
	if mv, ok := m["M"+k]; ok && mv != "X" {
		return mv
	}
	v, ok := m[k]
	switch k {
	case "E":
		if !ok || v == "X" {
			return "A"
		}
	case "CR", "IR", "AR":
		if !ok || v == "X" {
			return "H"
		}
	}
	return v
}

// macroVector computes EQ1..EQ6 (specification section 8.2, tables 24-30).
func (m metrics40) macroVector() [6]int {
	var eq [6]int
	av, pr, ui := m.get("AV"), m.get("PR"), m.get("UI")
	switch {
	case av == "N" && pr == "N" && ui == "N":
		eq[0] = 0
	case (av == "N" || pr == "N" || ui == "N") && av != "P":
		eq[0] = 1
	default:
		eq[0] = 2
	}
	if m.get("AC") == "L" && m.get("AT") == "N" {
		eq[1] = 0
	} else {
		eq[1] = 1
	}
	vc, vi, va := m.get("VC"), m.get("VI"), m.get("VA")
	switch {
	case vc == "H" && vi == "H":
		eq[2] = 0
	case vc == "H" || vi == "H" || va == "H":
		eq[2] = 1
	default:
		eq[2] = 2
	}
	switch {
	case m.get("SI") == "S" || m.get("SA") == "S":
		eq[3] = 0
	case m.get("SC") == "H" || m.get("SI") == "H" || m.get("SA") == "H":
		eq[3] = 1
	default:
		eq[3] = 2
	}
	switch m.get("E") {
	case "A":
		eq[4] = 0
	case "P":
		eq[4] = 1
	default:
		eq[4] = 2
	}
	if (m.get("CR") == "H" && vc == "H") || (m.get("IR") == "H" && vi == "H") || (m.get("AR") == "H" && va == "H") {
		eq[5] = 0
	} else {
		eq[5] = 1
	}
	return eq
}

func lookup40(eq [6]int) (float64, bool) {
	var b strings.Builder
	for _, e := range eq {
		b.WriteString(strconv.Itoa(e))
	}
	s, ok := macroScores[b.String()]
	return s, ok
}

// severity levels used for the distance to the highest-severity vector of
// a MacroVector; smaller is more severe (section 8.2).
var levels40 = map[string]map[string]float64{
	"AV": {"N": 0.0, "A": 0.1, "L": 0.2, "P": 0.3},
	"PR": {"N": 0.0, "L": 0.1, "H": 0.2},
	"UI": {"N": 0.0, "P": 0.1, "A": 0.2},
	"AC": {"L": 0.0, "H": 0.1},
	"AT": {"N": 0.0, "P": 0.1},
	"VC": {"H": 0.0, "L": 0.1, "N": 0.2},
	"VI": {"H": 0.0, "L": 0.1, "N": 0.2},
	"VA": {"H": 0.0, "L": 0.1, "N": 0.2},
	"SC": {"H": 0.1, "L": 0.2, "N": 0.3},
	"SI": {"S": 0.0, "H": 0.1, "L": 0.2, "N": 0.3},
	"SA": {"S": 0.0, "H": 0.1, "L": 0.2, "N": 0.3},
	"CR": {"H": 0.0, "M": 0.1, "L": 0.2},
	"IR": {"H": 0.0, "M": 0.1, "L": 0.2},
	"AR": {"H": 0.0, "M": 0.1, "L": 0.2},
	"E":  {"U": 0.2, "P": 0.1, "A": 0.0},
}

// Highest-severity vectors per EQ level (section 8.2, tables 24-30).
var (
	maxEQ1 = [][]string{
		{"AV:N/PR:N/UI:N"},
		{"AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"},
		{"AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"},
	}
	maxEQ2 = [][]string{
		{"AC:L/AT:N"},
		{"AC:H/AT:N", "AC:L/AT:P"},
	}
	// maxEQ3EQ6 is indexed by EQ3 then EQ6.
	maxEQ3EQ6 = [][][]string{
		{
			{"VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"},
			{"VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"},
		},
		{
			{"VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"},
			{"VC:L/VI:H/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"},
		},
		{
			nil,
			{"VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"},
		},
	}
	maxEQ4 = [][]string{{"SC:H/SI:S/SA:S"}, {"SC:H/SI:H/SA:H"}, {"SC:L/SI:L/SA:L"}}
	maxEQ5 = [][]string{{"E:A"}, {"E:P"}, {"E:U"}}
	// maxSeverity is the depth of each EQ level, in 0.1 steps (table 31).
	maxSevEQ1    = []float64{1, 4, 5}
	maxSevEQ2    = []float64{1, 2}
	maxSevEQ3EQ6 = [][]float64{{7, 6}, {8, 8}, {0, 10}}
	maxSevEQ4    = []float64{6, 5, 4}
)

// score40 implements the CVSS v4.0 scoring algorithm. Like the
// reference calculator, it rounds half up after adding 1e-6, so a value
// that is 8.55 on paper but 8.549999… in binary floating point becomes
// 8.6 (an earlier calculator release rounded such values down).
func score40(vec string) (float64, error) {
	raw, err := rawScore40(vec)
	if err != nil {
		return 0, err
	}
	return math.Round((raw+1e-6)*10) / 10, nil
}

// rawScore40 is score40 before rounding.
func rawScore40(vec string) (float64, error) {
	raw, err := parseMetrics(vec, allowed40)
	if err != nil {
		return 0, err
	}
	if err := requireAll(raw, "AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"); err != nil {
		return 0, err
	}
	m := metrics40(raw)
	allNone := true
	for _, k := range []string{"VC", "VI", "VA", "SC", "SI", "SA"} {
		if m.get(k) != "N" {
			allNone = false
		}
	}
	if allNone {
		return 0, nil
	}
	eq := m.macroVector()
	value, ok := lookup40(eq)
	if !ok {
		return 0, fmt.Errorf("%w: no MacroVector for %v", ErrInvalidVector, eq)
	}

	lower := func(i int) float64 {
		n := eq
		n[i]++
		if s, ok := lookup40(n); ok {
			return s
		}
		return math.NaN()
	}
	nextEQ1, nextEQ2, nextEQ4, nextEQ5 := lower(0), lower(1), lower(3), lower(4)
	var nextEQ3EQ6 float64
	e3, e6 := eq[2], eq[5]
	switch {
	case (e3 == 0 || e3 == 1) && e6 == 1:
		nextEQ3EQ6 = lower(2)
	case e3 == 1 && e6 == 0:
		nextEQ3EQ6 = lower(5)
	case e3 == 0 && e6 == 0:
		left, right := lower(5), lower(2)
		// The reference calculator keeps the left one only when it is
		// strictly greater (a NaN comparison picks the right one).
		if left > right {
			nextEQ3EQ6 = left
		} else {
			nextEQ3EQ6 = right
		}
	default:
		nextEQ3EQ6 = math.NaN()
	}

	// Find the first highest-severity vector of this MacroVector that the
	// vector does not exceed, then measure the distance to it.
	// When none qualifies (possible with environmental metrics), the
	// reference calculator ends up using the last candidate; so do we.
	var dist map[string]float64
	found := false
	for _, a := range maxEQ1[eq[0]] {
		for _, b := range maxEQ2[eq[1]] {
			for _, c := range maxEQ3EQ6[e3][e6] {
				for _, d := range maxEQ4[eq[3]] {
					for _, e := range maxEQ5[eq[4]] {
						if !found {
							dist, found = distances(m, a+"/"+b+"/"+c+"/"+d+"/"+e)
						}
					}
				}
			}
		}
	}
	if dist == nil {
		return 0, fmt.Errorf("%w: no highest-severity vector for %v", ErrInvalidVector, eq)
	}
	const step = 0.1
	curEQ1 := dist["AV"] + dist["PR"] + dist["UI"]
	curEQ2 := dist["AC"] + dist["AT"]
	curEQ3EQ6 := dist["VC"] + dist["VI"] + dist["VA"] + dist["CR"] + dist["IR"] + dist["AR"]
	curEQ4 := dist["SC"] + dist["SI"] + dist["SA"]

	var sum float64
	var n int
	add := func(next, cur, maxSev float64) {
		if math.IsNaN(next) {
			return
		}
		n++
		if maxSev == 0 {
			return
		}
		sum += (value - next) * (cur / (maxSev * step))
	}
	add(nextEQ1, curEQ1, maxSevEQ1[eq[0]])
	add(nextEQ2, curEQ2, maxSevEQ2[eq[1]])
	add(nextEQ3EQ6, curEQ3EQ6, maxSevEQ3EQ6[e3][e6])
	add(nextEQ4, curEQ4, maxSevEQ4[eq[3]])
	// EQ5 has no internal depth: it counts towards the mean with zero.
	add(nextEQ5, 0, 0)
	if n > 0 {
		value -= sum / float64(n)
	}
	return math.Max(0, math.Min(10, value)), nil
}

// distances returns, per metric, how far the vector's effective value is
// below maxVec's, and whether no metric is more severe than maxVec.
func distances(m metrics40, maxVec string) (map[string]float64, bool) {
	d := make(map[string]float64, 15)
	ok := true
	for part := range strings.SplitSeq(maxVec, "/") {
		k, mv, _ := strings.Cut(part, ":")
		lv := levels40[k]
		x := lv[m.get(k)] - lv[mv]
		if x < 0 {
			ok = false
		}
		d[k] = x
	}
	return d, ok
}
