package cvss_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/scanner/deps/cvss"

	gocvss20 "github.com/pandatix/go-cvss/20"
	gocvss30 "github.com/pandatix/go-cvss/30"
	gocvss31 "github.com/pandatix/go-cvss/31"
	gocvss40 "github.com/pandatix/go-cvss/40"
)

// The expected scores below are the worked examples published with the
// specifications (v3.1 "Examples" document, v3.0 examples, v2 guide
// section 3.3, and the v4.0 examples / reference calculator).
func TestScoreSpecExamples(t *testing.T) {
	tests := []struct {
		name   string
		vector string
		ver    cvss.Version
		want   float64
	}{
		// CVSS v3.1 specification examples.
		{"v31 phpMyAdmin XSS CVE-2013-1937", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", cvss.V31, 6.1},
		{"v31 MySQL CVE-2013-0375", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", cvss.V31, 6.4},
		{"v31 SSLv3 POODLE CVE-2014-3566", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", cvss.V31, 3.1},
		{"v31 VMware guest CVE-2012-1516", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", cvss.V31, 9.9},
		{"v31 Tomcat CVE-2009-0783", "CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L", cvss.V31, 4.2},
		{"v31 Cisco IOS CVE-2012-0384", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", cvss.V31, 8.8},
		{"v31 Apple iWork CVE-2015-1098", "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", cvss.V31, 7.8},
		{"v31 Heartbleed CVE-2014-0160", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", cvss.V31, 7.5},
		{"v31 Shellshock CVE-2014-6271", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", cvss.V31, 9.8},
		{"v31 DNS Kaminsky CVE-2008-1447", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N", cvss.V31, 6.8},
		{"v31 Sophos CVE-2014-2005", "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", cvss.V31, 6.8},
		{"v31 Joomla CVE-2010-0467", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N", cvss.V31, 5.8},
		{"v31 scope changed all high", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", cvss.V31, 10.0},
		{"v31 no impact", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", cvss.V31, 0.0},
		{"v31 temporal metrics ignored", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:U", cvss.V31, 9.8},
		// CVSS v3.0 (same equations, ceil-based Roundup).
		{"v30 Shellshock", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", cvss.V30, 9.8},
		{"v30 phpMyAdmin", "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", cvss.V30, 6.1},
		// CVSS v2 guide examples.
		{"v2 CVE-2002-0392", "AV:N/AC:L/Au:N/C:N/I:N/A:C", cvss.V2, 7.8},
		{"v2 CVE-2003-0818", "AV:N/AC:L/Au:N/C:C/I:C/A:C", cvss.V2, 10.0},
		{"v2 CVE-2003-0062", "AV:L/AC:H/Au:N/C:C/I:C/A:C", cvss.V2, 6.2},
		{"v2 parenthesised", "(AV:N/AC:L/Au:N/C:P/I:P/A:P)", cvss.V2, 7.5},
		// CVSS v4.0 examples.
		{"v40 network all high", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", cvss.V40, 9.3},
		{"v40 max", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", cvss.V40, 10.0},
		{"v40 local privesc", "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", cvss.V40, 8.5},
		{"v40 reflected XSS", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N", cvss.V40, 5.1},
		{"v40 no impact", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", cvss.V40, 0.0},
		{"v40 threat unreported", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", cvss.V40, 8.1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ver, got, err := cvss.Score(tt.vector)
			if err != nil {
				t.Fatalf("Score(%q): %v", tt.vector, err)
			}
			if ver != tt.ver || got != tt.want {
				t.Errorf("Score(%q) = %s %.1f, want %s %.1f", tt.vector, ver, got, tt.ver, tt.want)
			}
		})
	}
}

func TestScoreInvalid(t *testing.T) {
	for _, v := range []string{
		"",
		"CVSS:3.1/AV:N",
		"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Z",
		"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:H",
		"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/XX:H",
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H",
		"CVSS:9.9/AV:N",
		"AV:N/AC:L",
	} {
		if _, _, err := cvss.Score(v); !errors.Is(err, cvss.ErrInvalidVector) {
			t.Errorf("Score(%q) err = %v, want ErrInvalidVector", v, err)
		}
	}
}

// TestScoreV3Exhaustive compares every v3.0 and v3.1 base vector with an
// independent implementation.
func TestScoreV3Exhaustive(t *testing.T) {
	n := 0
	for _, av := range []string{"N", "A", "L", "P"} {
		for _, ac := range []string{"L", "H"} {
			for _, pr := range []string{"N", "L", "H"} {
				for _, ui := range []string{"N", "R"} {
					for _, s := range []string{"U", "C"} {
						for _, c := range []string{"H", "L", "N"} {
							for _, i := range []string{"H", "L", "N"} {
								for _, a := range []string{"H", "L", "N"} {
									base := "AV:" + av + "/AC:" + ac + "/PR:" + pr + "/UI:" + ui + "/S:" + s + "/C:" + c + "/I:" + i + "/A:" + a
									for _, pfx := range []string{"CVSS:3.1/", "CVSS:3.0/"} {
										_, got, err := cvss.Score(pfx + base)
										if err != nil {
											t.Fatal(err)
										}
										var want float64
										if pfx == "CVSS:3.1/" {
											ref, err := gocvss31.ParseVector(pfx + base)
											if err != nil {
												t.Fatal(err)
											}
											want = ref.BaseScore()
										} else {
											ref, err := gocvss30.ParseVector(pfx + base)
											if err != nil {
												t.Fatal(err)
											}
											want = ref.BaseScore()
										}
										if got != want {
											t.Errorf("%s%s = %.1f, reference %.1f", pfx, base, got, want)
										}
										n++
									}
								}
							}
						}
					}
				}
			}
		}
	}
	if n != 2*2592 {
		t.Fatalf("checked %d vectors", n)
	}
}

func TestScoreV2Exhaustive(t *testing.T) {
	for _, av := range []string{"L", "A", "N"} {
		for _, ac := range []string{"H", "M", "L"} {
			for _, au := range []string{"M", "S", "N"} {
				for _, c := range []string{"N", "P", "C"} {
					for _, i := range []string{"N", "P", "C"} {
						for _, a := range []string{"N", "P", "C"} {
							v := "AV:" + av + "/AC:" + ac + "/Au:" + au + "/C:" + c + "/I:" + i + "/A:" + a
							_, got, err := cvss.Score(v)
							if err != nil {
								t.Fatal(err)
							}
							ref, err := gocvss20.ParseVector(v)
							if err != nil {
								t.Fatal(err)
							}
							if want := ref.BaseScore(); got != want {
								t.Errorf("%s = %.1f, reference %.1f", v, got, want)
							}
						}
					}
				}
			}
		}
	}
}

// TestScoreV40 compares every v4.0 base vector, plus random vectors with
// threat and environmental metrics, with an independent implementation
// of the reference calculator.
func TestScoreV40(t *testing.T) {
	vals := [][2]string{
		{"AV", "N,A,L,P"}, {"AC", "L,H"}, {"AT", "N,P"}, {"PR", "N,L,H"}, {"UI", "N,P,A"},
		{"VC", "H,L,N"}, {"VI", "H,L,N"}, {"VA", "H,L,N"}, {"SC", "H,L,N"}, {"SI", "H,L,N"}, {"SA", "H,L,N"},
	}
	extra := [][2]string{
		{"E", "X,A,P,U"}, {"CR", "X,H,M,L"}, {"IR", "X,H,M,L"}, {"AR", "X,H,M,L"},
		{"MAV", "X,N,A,L,P"}, {"MAC", "X,L,H"}, {"MAT", "X,N,P"}, {"MPR", "X,N,L,H"}, {"MUI", "X,N,P,A"},
		{"MVC", "X,H,L,N"}, {"MVI", "X,H,L,N"}, {"MVA", "X,H,L,N"}, {"MSC", "X,H,L,N"}, {"MSI", "X,S,H,L,N"}, {"MSA", "X,S,H,L,N"},
	}
	boundary := 0
	defer func() { t.Logf("%d vectors on a rounding boundary", boundary) }()
	check := func(v string) {
		t.Helper()
		_, got, err := cvss.Score(v)
		if err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		ref, err := gocvss40.ParseVector(v)
		if err != nil {
			t.Fatalf("reference %s: %v", v, err)
		}
		want := ref.Score()
		if got == want {
			return
		}
		// The reference implementation predates the calculator's
		// epsilon rounding fix; accept a difference only when the
		// unrounded score sits on a .x5 boundary.
		raw, _ := cvss.RawScore40(strings.TrimPrefix(v, "CVSS:4.0/"))
		frac := raw*10 - math.Floor(raw*10)
		if math.Abs(got-want) < 0.1001 && math.Abs(frac-0.5) < 1e-6 {
			boundary++
			return
		}
		t.Errorf("%s = %.1f, reference %.1f (raw %.6f)", v, got, want, raw)
	}
	var rec func(i int, parts []string)
	rec = func(i int, parts []string) {
		if i == len(vals) {
			check("CVSS:4.0/" + strings.Join(parts, "/"))
			return
		}
		for v := range strings.SplitSeq(vals[i][1], ",") {
			rec(i+1, append(parts, vals[i][0]+":"+v))
		}
	}
	rec(0, nil)

	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(s string) string {
		opts := strings.Split(s, ",")
		return opts[rng.IntN(len(opts))]
	}
	for range 20000 {
		var parts []string
		for _, kv := range vals {
			parts = append(parts, kv[0]+":"+pick(kv[1]))
		}
		for _, kv := range extra {
			if v := pick(kv[1]); v != "X" || rng.IntN(2) == 0 {
				parts = append(parts, kv[0]+":"+v)
			}
		}
		if noImpact(parts) {
			// The reference library tests the base impacts only for the
			// "no impact" shortcut; the calculator (and we) use the
			// effective, possibly modified, values. Checked below.
			continue
		}
		check("CVSS:4.0/" + strings.Join(parts, "/"))
	}
	// Modified impacts of None everywhere score 0.0 even when the base
	// impacts are High, and vice versa.
	for v, want := range map[string]float64{
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/MVC:N/MVI:N/MVA:N/MSC:N/MSI:N/MSA:N": 0,
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/MVC:H/MVI:H/MVA:H":                   9.3,
	} {
		if _, got, err := cvss.Score(v); err != nil || got != want {
			t.Errorf("%s = %.1f, %v; want %.1f", v, got, err, want)
		}
	}
}

// noImpact reports whether the base or the effective impact metrics of a
// vector are all None.
func noImpact(parts []string) bool {
	m := map[string]string{}
	for _, p := range parts {
		k, v, _ := strings.Cut(p, ":")
		m[k] = v
	}
	base, eff := true, true
	for _, k := range []string{"VC", "VI", "VA", "SC", "SI", "SA"} {
		if m[k] != "N" {
			base = false
		}
		e := m[k]
		if mv, ok := m["M"+k]; ok && mv != "X" {
			e = mv
		}
		if e != "N" {
			eff = false
		}
	}
	return base || eff
}

func TestRating(t *testing.T) {
	tests := []struct {
		score float64
		want  string
	}{{0, "NONE"}, {0.1, "LOW"}, {3.9, "LOW"}, {4.0, "MEDIUM"}, {6.9, "MEDIUM"}, {7.0, "HIGH"}, {8.9, "HIGH"}, {9.0, "CRITICAL"}, {10, "CRITICAL"}}
	for _, tt := range tests {
		if got := cvss.Rating(tt.score); got != tt.want {
			t.Errorf("Rating(%v) = %s, want %s", tt.score, got, tt.want)
		}
	}
}
