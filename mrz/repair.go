package mrz

import (
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mrzkit/mrzkit/field"
)

// confusions are the groups of characters OCR confuses.
var confusions = [...]string{"0ODQ", "1IL", "2Z", "5S", "6G", "8B", "4A", "7T"}

// toDigit maps a letter read where a digit must stand.
var toDigit = [256]byte{'O': '0', 'D': '0', 'Q': '0', 'I': '1', 'L': '1', 'Z': '2', 'S': '5', 'G': '6', 'B': '8', 'A': '4', 'T': '7'}

// toLetters maps a digit read where a letter must stand to the letters it
// may have been.
var toLetters = [256]string{'0': "ODQ", '1': "IL", '2': "Z", '4': "A", '5': "S", '6': "G", '7': "T", '8': "B"}

// confusable returns the characters c may have been read for.
func confusable(c byte) string {
	for _, g := range confusions {
		if i := strings.IndexByte(g, c); i >= 0 {
			return g[:i] + g[i+1:]
		}
	}
	return ""
}

// change is one repair of a character of the raw MRZ.
type change struct {
	off    int
	to     byte
	reason string
}

// repairer repairs one assembled MRZ.
type repairer struct {
	raw     []byte
	lay     *layout
	types   []ptype
	changes []change
	alts    [][]change
	// codeAmbiguous: a digit in the document code stands for one of
	// several letters the format allows.
	codeAmbiguous bool
}

func (r *repairer) set(off int, to byte, reason string) {
	r.raw[off] = to
	r.changes = append(r.changes, change{off, to, reason})
}

// typeRepair changes characters their position forbids: letters in digit
// positions, digits in letter positions, unknown country codes, K standing
// for a filler.
func (r *repairer) typeRepair() {
	for off, t := range r.types {
		c := r.raw[off]
		if c == '\n' {
			continue
		}
		switch t {
		case tDigit:
			if d := toDigit[c]; d != 0 {
				r.set(off, d, "digit expected")
			} else if c == 'K' {
				r.set(off, '<', "filler misread") // an unknown date part, or a '<' check digit
			}
		case tLetter:
			if sp := r.lay.f[fCode]; off < sp.end() && off >= int(sp.off) && toLetters[c] != "" {
				r.code(off)
			} else if ls := toLetters[c]; len(ls) == 1 {
				r.set(off, ls[0], "letter expected")
			} else if len(ls) > 1 {
				// Each letter is one way to repair this place.
				for i := 0; i < len(ls); i++ {
					r.alts = append(r.alts, []change{{off, ls[i], "letter expected"}})
				}
			}
		case tSex:
			if c == 'K' {
				r.set(off, '<', "filler misread")
			}
		case tFiller:
			if c != '<' {
				r.set(off, '<', "filler expected")
			}
		}
	}
	for _, id := range []fieldID{fIssuing, fNationality} {
		if sp := r.lay.f[id]; sp.n == 3 {
			r.country(int(sp.off))
		}
	}
	r.fillerK()
}

// code repairs a digit in the document code into the one letter that the
// format allows there, when there is one.
func (r *repairer) code(off int) {
	sp := r.lay.f[fCode]
	var ok []byte
	for _, l := range []byte(toLetters[r.raw[off]]) {
		c := [2]byte{r.raw[sp.off], r.raw[sp.off+1]}
		c[off-int(sp.off)] = l
		if codeAllowed(r.lay.format, c[0], c[1]) {
			ok = append(ok, l)
		}
	}
	switch {
	case len(ok) == 1:
		r.set(off, ok[0], "letter expected")
	case len(ok) > 1:
		// Each letter the format allows is one way to repair this place.
		for _, l := range ok {
			r.alts = append(r.alts, []change{{off, l, "letter expected"}})
		}
		r.codeAmbiguous = true
	}
}

// country repairs a country code that is not known into the known code
// reachable with the fewest confusions, when there is one.
func (r *repairer) country(off int) {
	a, b, c := r.raw[off], r.raw[off+1], r.raw[off+2]
	if _, ok := field.CountryFromMRZ(a, b, c); ok {
		return
	}
	opts := func(x byte) string {
		s := string(x) + confusable(x)
		if x == 'K' {
			s += "<"
		}
		return s
	}
	best, bestN, count := [3]byte{}, 4, 0
	for _, x := range []byte(opts(a)) {
		for _, y := range []byte(opts(b)) {
			for _, z := range []byte(opts(c)) {
				if isDigit(x) || isDigit(y) || isDigit(z) {
					continue
				}
				if _, ok := field.CountryFromMRZ(x, y, z); !ok {
					continue
				}
				n := btoi(x != a) + btoi(y != b) + btoi(z != c)
				switch {
				case n < bestN:
					best, bestN, count = [3]byte{x, y, z}, n, 1
				case n == bestN:
					count++
				}
			}
		}
	}
	if count != 1 {
		return
	}
	for i, x := range best {
		if r.raw[off+i] != x {
			r.set(off+i, x, "country code")
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// fillerK reads a K as a filler where only fillers can stand: in the padding
// of a name (after "<<<") and in the trailing fillers of optional data and
// numbers (a K between fillers after the last other character).
func (r *repairer) fillerK() {
	for _, id := range []fieldID{fName, fSurname, fGiven} {
		sp := r.lay.f[id]
		if sp.n == 0 {
			continue
		}
		s := r.raw[sp.off:sp.end()]
		if i := strings.Index(string(s), "<<<"); i >= 0 {
			for j := i + 3; j < len(s); j++ {
				if s[j] == 'K' {
					r.set(int(sp.off)+j, '<', "filler in padding")
				}
			}
		}
	}
	for _, id := range []fieldID{fOptional, fOptional2, fNumber} {
		sp := r.lay.f[id]
		if sp.n == 0 {
			continue
		}
		s := r.raw[sp.off:sp.end()]
		last := -1
		for j, c := range s {
			if c != '<' && c != 'K' {
				last = j
			}
		}
		for j := last + 1; j < len(s); j++ {
			if s[j] == 'K' && j > 0 && s[j-1] == '<' {
				r.set(int(sp.off)+j, '<', "filler in padding")
			}
		}
	}
}

// checkState is one check digit during the search.
type checkState struct {
	pos    int
	weight []int8 // per raw offset: the weight index (0, 1, 2), or -1
	need   int    // the correction of the weighted sum that makes it hold
}

var weightVals = [3]int{7, 3, 1}

// checkRepair searches the fewest confusions in fields that may hold both
// letters and digits that make every failing check digit hold. A unique
// answer is applied; several are recorded as alternatives.
func (r *repairer) checkRepair() {
	var checks []checkState
	failing := false
	for _, c := range r.lay.checks {
		cd := r.raw[c.pos]
		if !isDigit(cd) {
			continue // '<' check digits have their own rules
		}
		st := checkState{pos: int(c.pos), weight: make([]int8, len(r.raw))}
		for i := range st.weight {
			st.weight[i] = -1
		}
		sum, k := 0, 0
		for _, sg := range c.segs {
			for o := int(sg.off); o < sg.end(); o++ {
				st.weight[o] = int8(k % 3)
				sum += int(charValue[r.raw[o]]) * weightVals[k%3]
				k++
			}
		}
		st.need = ((int(cd-'0')-sum)%10 + 10) % 10
		failing = failing || st.need != 0
		checks = append(checks, st)
	}
	if !failing {
		return
	}
	type cand struct {
		ch    change
		delta []int
	}
	var cands []cand
	for off, t := range r.types {
		covered := false
		for _, c := range checks {
			if c.weight[off] >= 0 && c.need != 0 {
				covered = true
			}
		}
		if !covered || (t != tAny && t != tLetter) {
			continue
		}
		cur := r.raw[off]
		for _, a := range []byte(confusable(cur)) {
			if t == tLetter && isDigit(a) {
				continue
			}
			d := make([]int, len(checks))
			zero := true
			for ci, c := range checks {
				if w := c.weight[off]; w >= 0 {
					d[ci] = ((int(charValue[a])-int(charValue[cur]))*weightVals[w]%10 + 10) % 10
					zero = zero && d[ci] == 0
				}
			}
			if !zero {
				cands = append(cands, cand{change{off, a, "check digit"}, d})
			}
		}
	}
	fits := func(ds ...[]int) bool {
		for ci, c := range checks {
			s := 0
			for _, d := range ds {
				s += d[ci]
			}
			if s%10 != c.need {
				return false
			}
		}
		return true
	}
	var sols [][]change
	for _, c := range cands {
		if fits(c.delta) {
			sols = append(sols, []change{c.ch})
		}
	}
	if len(sols) == 0 && len(cands) <= 96 {
		for i := 0; i < len(cands); i++ {
			for j := i + 1; j < len(cands); j++ {
				if cands[i].ch.off != cands[j].ch.off && fits(cands[i].delta, cands[j].delta) {
					sols = append(sols, []change{cands[i].ch, cands[j].ch})
				}
			}
		}
	}
	switch {
	case len(sols) == 1:
		for _, ch := range sols[0] {
			r.set(ch.off, ch.to, ch.reason)
			// The check digit decided a place the type left open (a
			// digit in a name the composite covers, as in FR-CNI).
			r.alts = slices.DeleteFunc(r.alts, func(alt []change) bool {
				return slices.ContainsFunc(alt, func(a change) bool { return a.off == ch.off })
			})
		}
	case len(sols) > 1:
		r.alts = append(r.alts, sols...)
	}
}

// repair turns assembled pieces into a candidate.
func (f *finder) repair(pieces []piece, first, last int) (Candidate, bool) {
	f.work++
	var raw []byte
	var src []cchar
	lens := make([]int, len(pieces))
	for i, p := range pieces {
		if i > 0 {
			raw = append(raw, '\n')
			src = append(src, cchar{})
		}
		for _, c := range p.chars {
			raw = append(raw, c.c)
			src = append(src, c)
		}
		lens[i] = len(p.chars)
	}
	lay, err := detect(string(raw), lens)
	if err != nil {
		return Candidate{}, false
	}
	if lay.format == FrenchDrivingLicence && raw[0] != 'D' {
		return Candidate{}, false
	}
	r := repairer{raw: raw, lay: lay, types: positionTypes(lay, len(raw))}
	r.typeRepair()
	r.checkRepair()

	var ref []Option
	for _, o := range f.opts {
		if o.ref.IsFull() {
			ref = append(ref, Option{ref: o.ref})
		}
	}
	d, perr := Parse(string(r.raw), ref...)
	var se *SyntaxError
	if errors.As(perr, &se) {
		return Candidate{}, false
	}
	// Plausibility: a document code the format allows, and at least one
	// check digit that is a digit and holds, where there are any, but for
	// the French layouts, which their fixed start tells apart.
	total, passed, digitPassed := 0, 0, false
	for _, c := range lay.checks {
		switch d.Check(c.id) {
		case CheckPassed:
			total++
			passed++
			digitPassed = digitPassed || isDigit(r.raw[c.pos])
		case CheckFailed:
			total++
		}
	}
	code := lay.f[fCode]
	fixedStart := (lay.format == FrenchDrivingLicence && string(r.raw[:5]) == "D1FRA") ||
		(lay.format == FrenchID && string(r.raw[:5]) == "IDFRA")
	if (total > 0 && !digitPassed && !fixedStart) || !(r.codeAmbiguous || codeAllowed(lay.format, r.raw[code.off], r.raw[code.off+1])) {
		return Candidate{}, false
	}
	// Corrections: the line-level edits, then each changed character.
	var edits []edit
	for _, p := range pieces {
		edits = append(edits, p.edits...)
	}
	// Each character Find changed is a correction of its own, and so is
	// each place of an alternative, so that alternatives replace
	// corrections one for one.
	pinned := map[int]bool{}
	for _, alt := range r.alts {
		for _, ch := range alt {
			pinned[int(src[ch.off].start)] = true
		}
	}
	base := append(edits[:len(edits):len(edits)], f.charEdits(src, r.raw, r.changes)...)
	cand := Candidate{Document: d, Err: perr, StartLine: f.lines[first].num, EndLine: f.lines[last].num}
	cand.Corrections = f.corrections(base, pinned)
	for _, alt := range r.alts {
		// An alternative's corrections replace those at its places.
		var es []edit
		for _, ch := range alt {
			c := src[ch.off]
			if c.start == c.end {
				continue
			}
			reason := ch.reason
			if cr := cleanReasons[c.reason]; cr != "" {
				reason = cr + "; " + reason
			}
			es = append(es, edit{int(c.start), int(c.end), string(ch.to), reason})
		}
		cand.Alternatives = append(cand.Alternatives, f.corrections(es, pinned))
	}
	if len(r.alts) > 0 {
		offs := make([][]int, len(r.alts))
		for i, alt := range r.alts {
			for _, ch := range alt {
				offs[i] = append(offs[i], ch.off)
			}
		}
		cand.Err = ambiguityError(lay, perr, offs)
	}
	d.corr = cand.Corrections
	cand.Document = d
	// Safe normalizations cost little; repairs of characters more.
	n := 0.0
	for _, k := range cand.Corrections {
		if k.Reason.IsRepair() {
			n++
		} else {
			n += 0.25
		}
	}
	if cand.IsValid() {
		cand.Score = max(0.5, 1-0.02*n)
	} else if total > 0 {
		cand.Score = max(0.01, 0.45*float64(passed)/float64(total)-0.01*n)
	} else {
		cand.Score = max(0.01, 0.1-0.01*n)
	}
	return cand, true
}

// repairReasons are the reasons of corrections that change one MRZ
// character into another; the others are safe normalizations.
var repairReasons = [...]string{"check digit", "digit expected", "letter expected", "country code",
	"filler misread", "filler expected", "filler in padding"}

// isRepair reports whether a correction's reason names a repair.
func isRepair(reason string) bool {
	for _, r := range repairReasons {
		if strings.Contains(reason, r) {
			return true
		}
	}
	return false
}

// charEdits returns an edit for each character of src that raw, the
// repaired MRZ, holds differently, with the reasons: its normalization, then
// the changes made at its offset.
func (f *finder) charEdits(src []cchar, raw []byte, changes []change) []edit {
	var edits []edit
	for off, c := range src {
		if c.start == c.end {
			continue // inserted filler: part of its padding edit
		}
		from := f.text[c.start:c.end]
		if len(from) == 1 && from[0] == raw[off] {
			continue
		}
		reason := cleanReasons[c.reason]
		for _, ch := range changes {
			if ch.off == off && ch.to == raw[off] {
				if reason != "" {
					reason += "; "
				}
				reason += ch.reason
			}
		}
		edits = append(edits, edit{int(c.start), int(c.end), string(raw[off]), reason})
	}
	return edits
}

// diffCorrections returns the corrections of full that base does not hold,
// and, for a place where base has a correction full has not, one that
// leaves the place as it was read.
func diffCorrections(full, base []Correction) []Correction {
	var out []Correction
	for _, c := range full {
		if !slices.Contains(base, c) {
			out = append(out, c)
		}
	}
	for _, b := range base {
		if !slices.ContainsFunc(full, func(c Correction) bool { return c.place() == b.place() }) {
			out = append(out, Correction{Line: b.Line, Column: b.Column, From: b.From, To: b.From, Reason: ReasonAsRead})
		}
	}
	sortCorrections(out)
	return out
}

// corrections converts input edits to corrections, in input order. A run
// of letters in the wrong case is one correction, but for the pinned
// places (input offsets), which stay corrections of their own.
func (f *finder) corrections(es []edit, pinned map[int]bool) []Correction {
	sort.Slice(es, func(i, j int) bool {
		if es[i].start != es[j].start {
			return es[i].start < es[j].start
		}
		return es[i].end < es[j].end
	})
	// A run of letters in the wrong case is one correction.
	merged := es[:0:0]
	for _, e := range es {
		if n := len(merged); n > 0 && e.reason == "case" && merged[n-1].reason == "case" && !pinned[e.start] && !pinned[merged[n-1].end-1] {
			prev := &merged[n-1]
			gap := f.text[prev.end:e.start]
			crosses := false
			for o := range pinned {
				crosses = crosses || (o >= prev.end && o < e.start)
			}
			if !crosses && !strings.ContainsAny(gap, "\n abcdefghijklmnopqrstuvwxyz") && len(gap) <= 4*maxLineRunes {
				prev.to += gap + e.to
				prev.end = e.end
				continue
			}
		}
		merged = append(merged, e)
	}
	es = merged
	out := make([]Correction, 0, len(es))
	starts := f.starts()
	for _, e := range es {
		line := sort.Search(len(starts), func(i int) bool { return starts[i] > e.start })
		col := utf8.RuneCountInString(f.text[starts[line-1]:e.start]) + 1
		var r Reason
		_ = r.UnmarshalText([]byte(e.reason))
		out = append(out, Correction{Line: line, Column: col, From: f.text[e.start:e.end], To: e.to, Reason: r})
	}
	return out
}

func (f *finder) starts() []int {
	if f.lineStart == nil {
		f.lineStart = lineStarts(f.text)
	}
	return f.lineStart
}

// rank orders the candidates, best first, and drops those that overlap a
// better one.
func (f *finder) rank() []Candidate {
	c := f.found
	sort.SliceStable(c, func(i, j int) bool {
		if c[i].Score != c[j].Score {
			return c[i].Score > c[j].Score
		}
		return c[i].StartLine < c[j].StartLine
	})
	var out []Candidate
	for i, x := range c {
		overlap := false
		for _, y := range out {
			if x.StartLine <= y.EndLine && y.StartLine <= x.EndLine {
				overlap = true
				break
			}
		}
		if overlap {
			continue
		}
		// Another valid reading of the same lines that gives another
		// document: do not guess between them.
		if x.IsValid() {
			a := x.Document.String()
			var readings [][]int // where each reading first differs from x's
			for j, y := range c {
				if b := y.Document.String(); j != i && y.IsValid() && y.StartLine == x.StartLine && y.EndLine == x.EndLine && b != a {
					x.Alternatives = append(x.Alternatives, diffCorrections(y.Corrections, x.Corrections))
					first := 0
					for first < len(a) && first < len(b) && a[first] == b[first] {
						first++
					}
					readings = append(readings, []int{first})
				}
			}
			if len(readings) > 0 {
				// x's own reading is one of the alternatives the error counts.
				x.Err = ambiguityError(x.Document.lay, nil, append(readings, readings[0]))
				x.Score = min(x.Score, 0.4)
			}
		}
		out = append(out, x)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// ambiguityError is the error of a candidate Find could not repair because
// several repairs fit: the checks the unrepaired MRZ fails, and one
// CheckError of kind ErrAmbiguous per field where the alternatives (each the
// offsets in the MRZ it changes) differ, at the first such place.
func ambiguityError(lay *layout, perr error, alts [][]int) error {
	var v ValidationError
	var prev ValidationError
	if errors.As(perr, &prev) {
		v = append(v, prev...)
	}
	type site struct{ first, n int }
	sites := map[string]*site{}
	var order []string
	for _, alt := range alts {
		counted := map[string]bool{}
		for _, off := range alt {
			name := lay.fieldAt(off)
			s := sites[name]
			if s == nil {
				s = &site{first: off}
				sites[name] = s
				order = append(order, name)
			}
			s.first = min(s.first, off)
			if !counted[name] {
				counted[name] = true
				s.n++
			}
		}
	}
	for _, name := range order {
		s := sites[name]
		line, col := lay.position(s.first)
		v = append(v, &CheckError{Field: name, Line: line, Column: col, Kind: ErrAmbiguous,
			Detail: strconv.Itoa(s.n) + " alternatives"})
	}
	sort.SliceStable(v, func(i, j int) bool {
		if v[i].Line != v[j].Line {
			return v[i].Line < v[j].Line
		}
		return v[i].Column < v[j].Column
	})
	return v
}
