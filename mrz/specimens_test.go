package mrz_test

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/mrz"
)

// sharedDir is where CI puts the shared test material, beside the clone.
const sharedDir = "../../shared"

type specimen struct {
	header string
	lines  []string
	checks string // the CHECK DIGITS line
}

func readSpecimens(t *testing.T) []specimen {
	t.Helper()
	f, err := os.Open(sharedDir + "/mrz-specimens.txt")
	if err != nil {
		t.Skipf("shared specimens not available (%v): run from a checkout with ../shared beside it", err)
	}
	defer f.Close()
	var out []specimen
	var cur *specimen
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "# ["):
			out = append(out, specimen{header: l})
			cur = &out[len(out)-1]
		case cur == nil || l == "" || strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "CHECK DIGITS:"):
			cur.checks = l
		default:
			cur.lines = append(cur.lines, l)
		}
	}
	if len(out) == 0 {
		t.Fatal("no specimens read")
	}
	return out
}

var digitsRe = regexp.MustCompile(`(document number(?: \(long\))?|birth date|expiry date|personal number|composite) ([0-9<])(?:≠[0-9])?`)

// TestSpecimens checks every specimen of ../shared/mrz-specimens.txt: whole
// MRZs parse with the outcome the file states, and the check digits the file
// lists are the ones CheckDigit computes.
func TestSpecimens(t *testing.T) {
	for _, s := range readSpecimens(t) {
		t.Run(strings.Fields(s.header)[1]+"_"+s.lines[0][:min(12, len(s.lines[0]))], func(t *testing.T) {
			allVerify := strings.Contains(s.checks, ": ALL VERIFY")
			listed := map[string]string{}
			for _, m := range digitsRe.FindAllStringSubmatch(s.checks, -1) {
				listed[strings.TrimSuffix(m[1], " (long)")] = m[2]
			}
			whole := len(s.lines) == 3 || (len(s.lines) == 2 && len(s.lines[0]) == len(s.lines[1]) && !strings.Contains(s.header, "only)"))
			if !whole {
				checkLowerLines(t, s.lines, listed)
				return
			}
			d, err := mrz.Parse(strings.Join(s.lines, "\n"), ref2026)
			if strings.Contains(s.header, "FRENCH CNI") && d.Format() != mrz.FrenchID {
				t.Errorf("format %v, want FR-CNI", d.Format())
			}
			if allVerify && err != nil {
				t.Fatalf("specimen says all check digits verify, Parse: %v", err)
			}
			if !allVerify && strings.Contains(s.checks, "non-ICAO variant") {
				if err != nil || !d.FillerVariant() {
					t.Fatalf("want the filler variant accepted and flagged: %v (variant %v)", err, d.FillerVariant())
				}
			}
			for name, c := range map[string]mrz.Check{"document number": mrz.CheckDocumentNumber, "birth date": mrz.CheckBirthDate,
				"expiry date": mrz.CheckExpiryDate, "personal number": mrz.CheckOptionalData, "composite": mrz.CheckComposite} {
				if _, ok := listed[name]; ok && allVerify && d.Check(c) != mrz.CheckPassed {
					t.Errorf("%s: %v", name, d.Check(c))
				}
			}
			if d.String() != strings.Join(s.lines, "\n") {
				t.Error("lines not given back exactly")
			}
		})
	}
}

// checkLowerLines recomputes the listed check digits of a specimen given as
// lower lines only (ICAO 9303-3 Appendix A worked examples).
func checkLowerLines(t *testing.T, lines []string, listed map[string]string) {
	type pos struct {
		name     string
		at       int
		segments [][2]int
	}
	var l string
	var ps []pos
	switch {
	case len(lines) == 1 && len(lines[0]) == 44:
		l = lines[0]
		ps = []pos{{"document number", 9, [][2]int{{0, 9}}}, {"birth date", 19, [][2]int{{13, 19}}}, {"expiry date", 27, [][2]int{{21, 27}}},
			{"personal number", 42, [][2]int{{28, 42}}}, {"composite", 43, [][2]int{{0, 10}, {13, 20}, {21, 43}}}}
	case len(lines) == 1 && len(lines[0]) == 36:
		l = lines[0]
		ps = []pos{{"document number", 9, [][2]int{{0, 9}}}, {"birth date", 19, [][2]int{{13, 19}}}, {"expiry date", 27, [][2]int{{21, 27}}},
			{"composite", 35, [][2]int{{0, 10}, {13, 20}, {21, 35}}}}
	case len(lines) == 2 && len(lines[0]) == 30:
		l = lines[0] + lines[1] // line 2 starts at 30
		ps = []pos{{"document number", 14, [][2]int{{5, 14}}}, {"birth date", 36, [][2]int{{30, 36}}}, {"expiry date", 44, [][2]int{{38, 44}}},
			{"composite", 59, [][2]int{{5, 30}, {30, 37}, {38, 45}, {48, 59}}}}
	default:
		t.Fatalf("unknown partial specimen shape %d lines", len(lines))
	}
	for _, p := range ps {
		want, ok := listed[p.name]
		if !ok {
			t.Errorf("specimen lists no %s", p.name)
			continue
		}
		var in string
		for _, sg := range p.segments {
			in += l[sg[0]:sg[1]]
		}
		got := mrz.MustCheckDigit(in)
		if string(got) != want || string(l[p.at]) != want {
			t.Errorf("%s: computed %c, printed %c, listed %s", p.name, got, l[p.at], want)
		}
	}
}
