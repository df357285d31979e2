package mrz_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/mrz"
)

// goldenValid returns the valid golden MRZs.
func goldenValid(t testing.TB) []string {
	files, err := filepath.Glob("../testdata/mrz/*.mrz")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden MRZs: %v", err)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if d, err := mrz.Parse(string(b), ref2026); err == nil {
			out = append(out, d.String())
		}
	}
	sort.Strings(out)
	return out
}

// at names a position of an MRZ: line and column, 1-based.
type at struct{ line, col int }

// scoredLines turns an MRZ into scored lines: each position the MRZ's
// character with probability 1, but those given, which hold the choices
// given instead.
func scoredLines(text string, set map[at]mrz.Position) [][]mrz.Position {
	var out [][]mrz.Position
	for li, l := range strings.Split(text, "\n") {
		line := make([]mrz.Position, len(l))
		for ci := range l {
			if p, ok := set[at{li + 1, ci + 1}]; ok {
				line[ci] = p
			} else {
				line[ci] = mrz.Position{{Char: l[ci], P: 1}}
			}
		}
		out = append(out, line)
	}
	return out
}

// topText returns the most probable characters of scored lines: at each
// position the first choice, in order, whose probability is the highest.
func topText(lines [][]mrz.Position) string {
	var ls []string
	for _, l := range lines {
		b := make([]byte, len(l))
		for i, p := range l {
			best := -1.0
			for _, c := range p {
				if c.P > best {
					best, b[i] = c.P, c.Char
				}
			}
		}
		ls = append(ls, string(b))
	}
	return strings.Join(ls, "\n")
}

// refReading is a valid reading found by the brute-force reference.
type refReading struct {
	text string
	cost float64
}

// bruteForce is the slow reference: it tries every combination of the
// choices of the positions that have several, parses each, and returns the
// valid ones, cheapest first (the cost of a reading is minus the log of
// its probability relative to the most probable characters).
func bruteForce(lines [][]mrz.Position) []refReading {
	type pos struct {
		off     int
		choices mrz.Position
		pmax    float64
	}
	top := []byte(topText(lines))
	var open []pos
	off := 0
	base := 0.0
	for li, l := range lines {
		if li > 0 {
			off++
		}
		for _, p := range l {
			pmax := 0.0
			for _, c := range p {
				pmax = max(pmax, c.P)
			}
			if len(p) > 1 {
				open = append(open, pos{off, p, pmax})
			} else {
				base += 0
			}
			off++
		}
	}
	var out []refReading
	var rec func(i int, cost float64)
	rec = func(i int, cost float64) {
		if i == len(open) {
			if _, err := mrz.Parse(string(top), ref2026); err == nil {
				out = append(out, refReading{string(top), cost})
			}
			return
		}
		p := open[i]
		// A character listed twice counts with its higher probability.
		best := map[byte]float64{}
		var order []byte
		for _, c := range p.choices {
			if _, ok := best[c.Char]; !ok {
				order = append(order, c.Char)
			}
			best[c.Char] = max(best[c.Char], c.P)
		}
		for _, c := range order {
			if best[c] <= 0 {
				continue
			}
			top[p.off] = c
			rec(i+1, cost+math.Log(p.pmax)-math.Log(best[c]))
		}
	}
	rec(0, 0)
	sort.SliceStable(out, func(i, j int) bool { return out[i].cost < out[j].cost })
	return out
}

// defaultMargin is FindScored's default margin, ln 100.
var defaultMargin = math.Log(100)

// checkedOffsets returns the offsets of an MRZ (its lines joined by
// '\n') that a check digit covers or holds: the test's own description.
func checkedOffsets(text string) map[int]bool {
	d, _ := mrz.Parse(text, ref2026)
	out := map[int]bool{}
	if _, checks := layoutOf(d); checks != nil {
		for _, c := range checks {
			out[c.at] = true
			for _, o := range c.over {
				out[o] = true
			}
		}
		return out
	}
	switch d.Format() {
	case mrz.FrenchID, mrz.FrenchDrivingLicence:
		// The composite covers every character but itself.
		for o := range text {
			out[o] = text[o] != '\n'
		}
	}
	return out // CH-DL: no check digit
}

// ambiguousRef applies the rule of FindScored to the reference's valid
// readings: a reading within the margin of the best makes it ambiguous
// when it differs from it where a check digit reaches, or ties with it;
// where no check digit reaches, the better score wins.
func ambiguousRef(ref []refReading, margin float64) (bool, int) {
	if len(ref) < 2 {
		return false, 0
	}
	checked := checkedOffsets(ref[0].text)
	for i, r := range ref[1:] {
		d := r.cost - ref[0].cost
		if d < 1e-9 {
			return true, i + 1
		}
		same := true
		for o := range r.text {
			same = same && (checked[o] || r.text[o] == ref[0].text[o])
		}
		if d < margin && same {
			return true, i + 1
		}
	}
	return false, 0
}

// agree checks that FindScored's result is the reference's: the best
// valid reading when it is alone within the margin, an ambiguous
// candidate listing both when not, and no valid candidate when there is
// no valid reading.
func agree(t *testing.T, name string, lines [][]mrz.Position, margin float64, opts ...mrz.Option) {
	t.Helper()
	ref := bruteForce(lines)
	cs, err := mrz.FindScored(lines, append([]mrz.Option{ref2026}, opts...)...)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	amb, other := ambiguousRef(ref, margin)
	switch {
	case len(ref) == 0:
		if len(cs) > 0 && cs[0].IsValid() {
			t.Fatalf("%s: valid candidate where no reading is valid:\n%s", name, cs[0].Document)
		}
	case !amb:
		if len(cs) == 0 || !cs[0].IsValid() || cs[0].Document.String() != ref[0].text {
			got := ""
			if len(cs) > 0 {
				got = cs[0].Document.String()
			}
			t.Fatalf("%s: want valid\n%s (%.3f)\ngot %d candidates %v\n%s\nreference %+v", name, ref[0].text, ref[0].cost, len(cs), firstErr(cs), got, ref)
		}
	default:
		if len(cs) == 0 || cs[0].IsValid() || !errors.Is(cs[0].Err, mrz.ErrAmbiguous) {
			t.Fatalf("%s: want ambiguous between\n%s (%.3f)\n%s (%.3f)\ngot %d candidates %v", name,
				ref[0].text, ref[0].cost, ref[other].text, ref[other].cost, len(cs), firstErr(cs))
		}
		// Both readings are among the alternatives.
		top := topText(lines)
		for _, r := range []refReading{ref[0], ref[other]} {
			if !offered(top, cs[0], r.text) {
				t.Fatalf("%s: %s is not among the alternatives %+v", name, r.text, cs[0].Alternatives)
			}
		}
	}
	for _, c := range cs {
		// The corrections replay on the most probable characters.
		got, err := mrz.ApplyCorrections(topText(lines), c.Corrections)
		if err != nil || got != c.Document.String() {
			t.Fatalf("%s: corrections %+v replay to\n%s\nnot\n%s (%v)", name, c.Corrections, got, c.Document, err)
		}
	}
}

func must(b bool, _ int) bool { return b }

func firstErr(cs []mrz.Candidate) error {
	if len(cs) == 0 {
		return nil
	}
	return cs[0].Err
}

// offered reports whether choosing some alternatives of c turns the text
// into want: those whose every correction agrees with want, the largest
// first, one per place.
func offered(text string, c mrz.Candidate, want string) bool {
	base, err := mrz.ApplyCorrections(text, c.Corrections)
	if err != nil || len(base) != len(want) {
		return false
	}
	lines := strings.Split(want, "\n")
	agrees := func(alt []mrz.Correction) bool {
		for _, k := range alt {
			if k.Line > len(lines) || k.Column > len(lines[k.Line-1]) || lines[k.Line-1][k.Column-1:k.Column] != k.To {
				return false
			}
		}
		return true
	}
	idx := make([]int, len(c.Alternatives))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return len(c.Alternatives[idx[a]]) > len(c.Alternatives[idx[b]]) })
	var chosen []int
	taken := map[at]bool{}
	for _, i := range idx {
		alt := c.Alternatives[i]
		free := agrees(alt)
		for _, k := range alt {
			free = free && !taken[at{k.Line, k.Column}]
		}
		if !free {
			continue
		}
		for _, k := range alt {
			taken[at{k.Line, k.Column}] = true
		}
		chosen = append(chosen, i)
	}
	cs, err := c.Choose(chosen...)
	if err != nil {
		return false
	}
	got, err := mrz.ApplyCorrections(text, cs)
	return err == nil && got == want
}

func TestFindScoredGolden(t *testing.T) {
	for _, g := range goldenValid(t) {
		cs, err := mrz.FindScored(scoredLines(g, nil), ref2026)
		if err != nil || len(cs) != 1 || !cs[0].IsValid() || cs[0].Document.String() != g || len(cs[0].Corrections) != 0 ||
			cs[0].Score != 1 {
			t.Errorf("%s: %v %d candidates %v", g, err, len(cs), firstErr(cs))
		}
		// Every character a little uncertain, each other character less
		// than 1/100 as probable (outside the margin): the same reading.
		set := map[at]mrz.Position{}
		for li, l := range strings.Split(g, "\n") {
			for ci := range l {
				other := byte('<')
				if l[ci] == '<' {
					other = 'K'
				}
				set[at{li + 1, ci + 1}] = mrz.Position{{Char: other, P: 0.005}, {Char: l[ci], P: 0.995}}
			}
		}
		cs, err = mrz.FindScored(scoredLines(g, set), ref2026)
		if err != nil || len(cs) != 1 || !cs[0].IsValid() || cs[0].Document.String() != g {
			t.Errorf("%s uncertain: %v %d candidates %v", g, err, len(cs), firstErr(cs))
		}
	}
}

func TestFindScoredConfusions(t *testing.T) {
	p := func(cs ...any) mrz.Position {
		var out mrz.Position
		for i := 0; i < len(cs); i += 2 {
			out = append(out, mrz.Choice{Char: cs[i].(string)[0], P: cs[i+1].(float64)})
		}
		return out
	}
	tests := []struct {
		name  string
		mrz   string
		set   map[at]mrz.Position
		want  string // the valid reading, "" for ambiguous
		fixes []mrz.Correction
	}{{
		// The truth is second best, and the document number's check digit
		// decides.
		name: "check digit decides", mrz: td3,
		set:  map[at]mrz.Position{{2, 6}: p("O", 0.6, "0", 0.4)},
		want: td3, fixes: []mrz.Correction{{Line: 2, Column: 6, From: "O", To: "0", Reason: mrz.ReasonCheckDigit}},
	}, {
		// O read in a date: the type wants a digit; the check confirms.
		name: "date digit", mrz: td3,
		set:  map[at]mrz.Position{{2, 16}: p("O", 0.9, "0", 0.1)},
		want: td3, fixes: []mrz.Correction{{Line: 2, Column: 16, From: "O", To: "0", Reason: mrz.ReasonDigitExpected}},
	}, {
		// A digit read in a name, where no check digit reaches: the best
		// scoring letter, unverified, when it is more than 100 times as
		// probable as the next.
		name: "digit in a name", mrz: td3,
		set:  map[at]mrz.Position{{1, 8}: p("1", 0.6, "I", 0.399, "L", 0.001)},
		want: td3, fixes: []mrz.Correction{{Line: 1, Column: 8, From: "1", To: "I", Reason: mrz.ReasonLetterExpected | mrz.ReasonUnverified}},
	}, {
		// Two letters of a name close, where no check digit reaches: the
		// better score.
		name: "name letters", mrz: td3,
		set:  map[at]mrz.Position{{1, 8}: p("1", 0.5, "I", 0.3, "L", 0.2)},
		want: td3,
	}, {
		// Two letters of a name tied: do not guess.
		name: "name tie", mrz: td3,
		set: map[at]mrz.Position{{1, 8}: p("1", 0.5, "I", 0.25, "L", 0.25)},
	}, {
		// A reading that is clearly the best in the name, another letter
		// less than 1/100 as probable.
		name: "name letter", mrz: td3,
		set:  map[at]mrz.Position{{1, 8}: p("K", 0.005, "I", 0.995)},
		want: td3,
	}, {
		// Two places of the document number each satisfy its check digit
		// (and the composite, which weighs them alike), with close scores:
		// do not guess.
		name: "two places", mrz: td3,
		// B for 8 at column 2 adds (11-8)*3 = 9 to the weighted sums; 4
		// for 3 at column 9 adds (4-3)*1 = 1, which makes up for it.
		set: map[at]mrz.Position{
			{2, 2}: p("B", 0.55, "8", 0.45),
			{2, 9}: p("3", 0.55, "4", 0.45),
		},
	}}
	for _, tt := range tests {
		lines := scoredLines(tt.mrz, tt.set)
		// The reference agrees with the case: it has teeth.
		ref := bruteForce(lines)
		if amb, _ := ambiguousRef(ref, defaultMargin); amb != (tt.want == "") || len(ref) == 0 {
			t.Fatalf("%s: the reference finds %d readings, ambiguous %v", tt.name, len(ref), amb)
		}
		agree(t, tt.name, lines, defaultMargin)
		cs, _ := mrz.FindScored(lines, ref2026)
		if tt.want != "" && (len(cs) == 0 || cs[0].Document.String() != tt.want) {
			t.Errorf("%s: not %s", tt.name, tt.want)
		}
		if tt.fixes != nil && len(cs) > 0 && !equalCorrections(cs[0].Corrections, tt.fixes) {
			t.Errorf("%s: corrections %+v, want %+v", tt.name, cs[0].Corrections, tt.fixes)
		}
	}
}

func equalCorrections(a, b []mrz.Correction) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// randomScored turns a golden MRZ into scored lines where a few positions
// hold two or three characters, the truth among them, with probabilities
// between 0.1 and 1: small enough for the reference to try them all.
func randomScored(r *rand.Rand, g string, positions int) [][]mrz.Position {
	set := map[at]mrz.Position{}
	lines := strings.Split(g, "\n")
	const chars = "<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for i := 0; i < positions; i++ {
		li := r.IntN(len(lines))
		ci := r.IntN(len(lines[li]))
		truth := lines[li][ci]
		p := mrz.Position{{Char: truth, P: 0.1 + 0.9*r.Float64()}}
		if r.IntN(8) == 0 {
			p = nil // the truth is not among the choices
		}
		for j := 0; j < 1+r.IntN(2); j++ {
			c := chars[r.IntN(len(chars))]
			if q := partners(truth); q != "" && r.IntN(2) == 0 {
				c = q[r.IntN(len(q))] // an OCR confusion
			}
			p = append(p, mrz.Choice{Char: c, P: 0.1 + 0.9*r.Float64()})
		}
		r.Shuffle(len(p), func(a, b int) { p[a], p[b] = p[b], p[a] })
		set[at{li + 1, ci + 1}] = p
	}
	return scoredLines(g, set)
}

// TestFindScoredReference checks FindScored against the brute-force
// reference on golden MRZs with random uncertain positions.
func TestFindScoredReference(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 11))
	n := 40
	if testing.Short() {
		n = 8
	}
	kinds := map[string]int{}
	for _, g := range goldenValid(t) {
		for i := 0; i < n; i++ {
			lines := randomScored(r, g, 1+r.IntN(5))
			ref := bruteForce(lines)
			switch {
			case len(ref) == 0:
				kinds["none valid"]++
			case !must(ambiguousRef(ref, defaultMargin)):
				kinds["valid"]++
			default:
				kinds["ambiguous"]++
			}
			agree(t, g, lines, defaultMargin)
		}
	}
	t.Logf("%v", kinds)
	for _, k := range []string{"none valid", "valid", "ambiguous"} {
		if kinds[k] == 0 {
			t.Errorf("no case is %s: the test does not cover it", k)
		}
	}
}

// TestFindScoredMargin checks the margin: two valid readings 4 times as
// probable one as the other are ambiguous by default (odds of 100 to 1
// wanted), and not with a margin of ln 2.
func TestFindScoredMargin(t *testing.T) {
	// B for 8 in the document number, the truth at 0.2: 4 times less
	// probable; or 4 for 3 further on, which satisfies the check digits
	// too: 19 times less probable.
	lines := scoredLines(td3, map[at]mrz.Position{
		{2, 2}: {{Char: 'B', P: 0.8}, {Char: '8', P: 0.2}},
		{2, 9}: {{Char: '3', P: 0.95}, {Char: '4', P: 0.05}},
	})
	agree(t, "default", lines, defaultMargin)
	for _, m := range []float64{math.Log(2), 0, -1, math.NaN()} {
		margin := m
		if m < 0 || math.IsNaN(m) {
			margin = defaultMargin // ignored
		}
		agree(t, "margin", lines, margin, mrz.WithAmbiguityMargin(m))
	}
	ref := bruteForce(lines)
	if len(ref) < 2 || ref[1].cost-ref[0].cost >= defaultMargin || ref[1].cost-ref[0].cost < math.Log(2) {
		t.Fatalf("the case does not test the margin: %+v", ref)
	}
}

// readAllScored scores every position of text as a reader that is fairly sure
// would: the character read at 0.9, its OCR confusions at 0.04, every
// other character at 0.0001.
func readAllScored(text string) [][]mrz.Position {
	const chars = "<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	var lines [][]mrz.Position
	for _, l := range strings.Split(text, "\n") {
		var line []mrz.Position
		for i := 0; i < len(l); i++ {
			var p mrz.Position
			for j := 0; j < len(chars); j++ {
				c, q := chars[j], 0.0001
				switch {
				case c == l[i]:
					q = 0.9
				case strings.IndexByte(partners(l[i]), c) >= 0:
					q = 0.04
				}
				p = append(p, mrz.Choice{Char: c, P: q})
			}
			line = append(line, p)
		}
		lines = append(lines, line)
	}
	return lines
}

// TestFindScoredNotMRZ: lines of other text, read with the confusions an
// image reader makes, give no candidate; MRZs read the same way are found.
func TestFindScoredNotMRZ(t *testing.T) {
	texts := []string{
		"REPUBLIC<OF<UTOPIA<<PASSPORT<<PASSEPORT<<<<<\nDATE<OF<BIRTH<<12<AUG<74<<<PLACE<OF<BIRTH<<<",
		"THE<QUICK<BROWN<FOX<JUMPS<OVER<THE<LAZY<DOG<\nPACK<MY<BOX<WITH<FIVE<DOZEN<LIQUOR<JUGS<<<<<",
		"SURNAME<NOM<<GIVEN<NAMES<PRENO\nNATIONALITY<UTOPIAN<<<<<<<<<<<\nAUTHORITY<MINISTRY<OF<INTERIOR",
		"<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
		"P<UTO<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\nTHIS<IS<NOT<A<MACHINE<READABLE<ZONE<AT<ALL<<",
	}
	for _, text := range texts {
		cs, err := mrz.FindScored(readAllScored(text), ref2026)
		if err != nil || len(cs) != 0 {
			t.Errorf("%q: %v, %d candidates %v", text, err, len(cs), firstErr(cs))
		}
	}
	for _, g := range goldenValid(t) {
		cs, err := mrz.FindScored(readAllScored(g), ref2026)
		if err != nil || len(cs) != 1 || cs[0].Document.String() != g {
			t.Errorf("%s: %v %d", g, err, len(cs))
		}
	}
}

func TestFindScoredBadInput(t *testing.T) {
	good := scoredLines(td3, nil)
	with := func(p mrz.Position) [][]mrz.Position {
		l := scoredLines(td3, map[at]mrz.Position{{2, 5}: p})
		return l
	}
	long := make([]mrz.Position, 45)
	for i := range long {
		long[i] = mrz.Position{{Char: '<', P: 1}}
	}
	huge := make(mrz.Position, 100000)
	for i := range huge {
		huge[i] = mrz.Choice{Char: '<', P: 0.5}
	}
	tests := []struct {
		name  string
		lines [][]mrz.Position
		kind  error
	}{
		{"no line", nil, mrz.ErrLineCount},
		{"four lines", append(append([][]mrz.Position(nil), good...), good...), mrz.ErrLineCount},
		{"45 columns", [][]mrz.Position{long, long}, mrz.ErrLineLength},
		{"empty lines", [][]mrz.Position{{}, {}}, mrz.ErrLineLength},
		{"NaN", with(mrz.Position{{Char: '9', P: math.NaN()}}), mrz.ErrProbability},
		{"negative", with(mrz.Position{{Char: '9', P: -0.5}}), mrz.ErrProbability},
		{"above 1", with(mrz.Position{{Char: '9', P: 1.5}}), mrz.ErrProbability},
		{"infinite", with(mrz.Position{{Char: '9', P: math.Inf(1)}}), mrz.ErrProbability},
		{"nothing", with(mrz.Position{{Char: '9', P: 0}}), mrz.ErrProbability},
		{"no choice", with(mrz.Position{}), mrz.ErrProbability},
		{"lower case", with(mrz.Position{{Char: 'a', P: 1}}), mrz.ErrInvalidCharacter},
		{"zero byte", with(mrz.Position{{Char: 0, P: 1}}), mrz.ErrInvalidCharacter},
	}
	for _, tt := range tests {
		cs, err := mrz.FindScored(tt.lines, ref2026)
		var se *mrz.SyntaxError
		if cs != nil || !errors.As(err, &se) || !errors.Is(err, tt.kind) {
			t.Errorf("%s: %v %d", tt.name, err, len(cs))
		}
	}
	// A huge position: read, bounded.
	cs, err := mrz.FindScored(with(huge), ref2026)
	if err != nil || len(cs) != 1 || cs[0].IsValid() {
		t.Errorf("huge position: %v %d", err, len(cs))
	}
	// The error names the line and column, never the character.
	_, err = mrz.FindScored(with(mrz.Position{{Char: 'q', P: 1}}), ref2026)
	if msg := err.Error(); !strings.Contains(msg, "line 2, column 5") || strings.Contains(msg, "q") {
		t.Errorf("message: %s", msg)
	}
}

// fuzzScored builds scored lines from a golden MRZ and bytes: each five
// bytes make one uncertain position (where, two characters and their
// probabilities; the truth is kept at 0.5 unless the first byte is odd),
// five at most.
func fuzzScored(g string, data []byte) [][]mrz.Position {
	const chars = "<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	lines := strings.Split(g, "\n")
	set := map[at]mrz.Position{}
	for i := 0; i+5 <= len(data) && i < 25; i += 5 {
		b := data[i : i+5]
		li := int(b[0]) % len(lines)
		ci := int(b[0]/4) % len(lines[li])
		var p mrz.Position
		if b[0]&1 == 0 {
			p = append(p, mrz.Choice{Char: lines[li][ci], P: 0.5})
		}
		p = append(p, mrz.Choice{Char: chars[int(b[1])%len(chars)], P: 0.1 + 0.9*float64(b[2])/255},
			mrz.Choice{Char: chars[int(b[3])%len(chars)], P: 0.1 + 0.9*float64(b[4])/255})
		set[at{li + 1, ci + 1}] = p
	}
	return scoredLines(g, set)
}

// rawScored builds arbitrary scored lines from bytes: any number of lines
// and columns, any character, any probability (NaN and infinities too).
func rawScored(data []byte) [][]mrz.Position {
	lens := []int{0, 9, 30, 36, 44, 45}
	next := func() byte {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return b
	}
	n := int(next()) % 5
	lines := make([][]mrz.Position, n)
	for i := range lines {
		lines[i] = make([]mrz.Position, lens[int(next())%len(lens)])
		for j := range lines[i] {
			for k := 0; k < int(next())%4; k++ {
				c := next()
				var p float64
				switch q := next(); {
				case q == 255:
					var bits uint64
					for m := 0; m < 8; m++ {
						bits = bits<<8 | uint64(next())
					}
					p = math.Float64frombits(bits)
				default:
					p = float64(q) / 254
				}
				lines[i][j] = append(lines[i][j], mrz.Choice{Char: c, P: p})
			}
		}
	}
	return lines
}

// FuzzFindScored checks FindScored against the brute-force reference on
// golden MRZs with uncertain positions, and, on arbitrary scored lines,
// that it never panics, that its corrections replay on the most probable
// characters and that a valid candidate parses valid.
func FuzzFindScored(f *testing.F) {
	goldens := goldenValid(f)
	f.Add([]byte{3, 20, 'O', 200, '0', 100})
	f.Add([]byte{12, 9, 'B', 120, '8', 130, 77, 'I', 40, '1', 200})
	f.Add([]byte{0x80, 2, 4, 1, 'P', 254, 2, '<', 255, 0x7f, 0xf8, 0, 0, 0, 0, 0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		if data[0]&0x80 == 0 {
			agree(t, goldens[int(data[0])%len(goldens)], fuzzScored(goldens[int(data[0])%len(goldens)], data[1:]), defaultMargin)
			return
		}
		lines := rawScored(data[1:])
		cs, err := mrz.FindScored(lines, ref2026)
		if err != nil {
			var se *mrz.SyntaxError
			if cs != nil || !errors.As(err, &se) {
				t.Fatalf("error %v with %d candidates", err, len(cs))
			}
			return
		}
		for _, c := range cs {
			got, err := mrz.ApplyCorrections(topText(lines), c.Corrections)
			if err != nil || got != c.Document.String() {
				t.Fatalf("corrections do not replay: %v", err)
			}
			if c.IsValid() {
				if _, err := mrz.Parse(c.Document.String(), ref2026); err != nil {
					t.Fatalf("valid candidate does not parse: %v", err)
				}
			}
		}
	})
}

// benchScored is a TD3 read with two uncertain positions per field: at
// one the truth is second best (0.4 against 0.6 for an OCR confusion), at
// the other the truth is most probable but a confusion has a little
// probability.
func benchScored() [][]mrz.Position {
	lines := strings.Split(td3, "\n")
	set := map[at]mrz.Position{}
	uncertain := func(line, col int, truth float64) {
		c := lines[line-1][col-1]
		other := partners(c)
		switch {
		case c == '<':
			other = "K"
		case other == "":
			other = "E" // no OCR confusion: another letter
			if c == 'E' {
				other = "F"
			}
		}
		set[at{line, col}] = mrz.Position{{Char: other[0], P: 1 - truth}, {Char: c, P: truth}, {Char: 'X', P: 0.0001}}
	}
	// Per field: code, issuing state, name, number, nationality, birth,
	// expiry, personal number, and a check digit.
	for _, p := range [][2]int{{1, 2}, {1, 4}, {1, 8}, {2, 2}, {2, 11}, {2, 15}, {2, 23}, {2, 33}, {2, 44}} {
		uncertain(p[0], p[1], 0.4)
	}
	for _, p := range [][2]int{{1, 1}, {1, 5}, {1, 21}, {2, 6}, {2, 13}, {2, 17}, {2, 26}, {2, 35}, {2, 20}} {
		uncertain(p[0], p[1], 0.998)
	}
	return scoredLines(td3, set)
}

func BenchmarkFindScored(b *testing.B) {
	lines := benchScored()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		cs, _ := mrz.FindScored(lines, ref2026)
		if len(cs) != 1 || !cs[0].IsValid() {
			b.Fatal("not read")
		}
	}
}
