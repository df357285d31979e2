package mrz

import (
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Repairing an assembled MRZ: its characters, as read, become a lattice of
// confusion priors (see textPriors) for each layout its lines may have,
// the decoder reads it as it reads an image reader's scores, and what the
// decoder changed becomes corrections of the input text.

// familyLayouts are the layouts each family's lines may have.
var familyLayouts = func() (out [][]*layout) {
	for _, fam := range families {
		out = append(out, layoutsFor(fam.lens))
	}
	return out
}()

// familyRaw is the length of an MRZ of each family, its line breaks
// included.
var familyRaw = func() (out []int) {
	for _, fam := range families {
		n := len(fam.lens) - 1
		for _, l := range fam.lens {
			n += l
		}
		out = append(out, n)
	}
	return out
}()

// repair turns assembled pieces of family fi into a candidate.
func (f *finder) repair(fi int, pieces []piece, first, last int) (Candidate, bool) {
	f.work++
	if need := familyRaw[fi]; cap(f.raw) < need {
		f.raw, f.src = make([]byte, 0, need), make([]cchar, 0, need)
	}
	src := f.src[:0]
	for i, p := range pieces {
		if i > 0 {
			src = append(src, cchar{c: '\n'})
		}
		src = append(src, p.chars...)
	}
	raw := f.raw[:len(src)]
	for i, c := range src {
		raw[i] = c.c
	}
	f.raw, f.src = raw, src
	lays := f.layBuf[:0]
	for _, l := range familyLayouts[fi] {
		if codeReachable(l, f.raw) {
			lays = append(lays, l)
		}
	}
	if len(lays) == 0 {
		return Candidate{}, false // no document code the format allows
	}
	f.latPtrs = f.latPtrs[:0]
	for i, l := range lays {
		lat := &f.lats[i]
		lat.lay, lat.top, lat.text, lat.strict, lat.plain = l, f.raw, true, f.opts.strictNames, f.plain
		f.latPtrs = append(f.latPtrs, lat)
	}
	d, ok := decide(f.latPtrs, &f.cfg, &f.search)
	if !ok {
		return Candidate{}, false
	}
	return f.candidate(d, pieces, first, last), true
}

// candidate turns a decision into a candidate: its corrections of the
// input, its alternatives, its error and its score.
func (f *finder) candidate(d decision, pieces []piece, first, last int) Candidate {
	n := 8
	for _, p := range pieces {
		n += len(p.edits)
	}
	edits := make([]edit, 0, n)
	for _, p := range pieces {
		edits = append(edits, p.edits...)
	}
	// Each character Find changed is a correction of its own, and so is
	// each place of an alternative, so that alternatives replace
	// corrections one for one.
	var pinned map[int]bool
	if len(d.alts) > 0 {
		pinned = map[int]bool{}
		for _, alt := range d.alts {
			for _, p := range alt {
				pinned[int(f.src[p.off].start)] = true
			}
		}
	}
	edits, unverified := f.charEdits(edits, d.lat, d.base)
	c := Candidate{Document: d.doc, Err: d.err(), StartLine: int(f.lines[first].num), EndLine: int(f.lines[last].num)}
	c.Corrections = f.corrections(edits, pinned)
	for _, alt := range d.alts {
		raw := append([]byte(nil), d.base...)
		for _, p := range alt {
			raw[p.off] = p.to
		}
		var es []edit
		for _, p := range alt {
			if s := f.src[p.off]; s.size != 0 {
				es = append(es, edit{int(s.start), int(s.end()), string(p.to), s.reason() | explain(d.lat, raw, p.off)})
			}
		}
		c.Alternatives = append(c.Alternatives, f.corrections(es, pinned))
	}
	c.Document.corr = c.Corrections
	c.Document.unverified = unverified
	c.Score = textScore(c, d)
	return c
}

// textScore ranks a candidate of Find: safe normalizations cost little,
// repairs of characters more.
func textScore(c Candidate, d decision) float64 {
	n := 0.0
	for _, k := range c.Corrections {
		if k.Reason.IsRepair() {
			n++
		} else {
			n += 0.25
		}
	}
	switch {
	case c.IsValid():
		return max(0.5, 1-0.02*n)
	case d.total > 0:
		return max(0.01, 0.45*float64(d.passed)/float64(d.total)-0.01*n)
	}
	return max(0.01, 0.1-0.01*n)
}

// charEdits appends an edit for each character of the assembly that raw,
// the MRZ read, holds differently from the input, with its reasons: its
// normalization, then its repair. It also returns unverifiedFields(lat,
// raw), from the same explanations.
func (f *finder) charEdits(edits []edit, lat *lattice, raw []byte) ([]edit, uint32) {
	var unverified uint32
	for off, c := range f.src {
		var why Reason
		if raw[off] != lat.top[off] && raw[off] != '\n' {
			why = explain(lat, raw, off)
			if why&ReasonUnverified != 0 {
				if id, ok := lat.lay.fieldIDAt(off); ok {
					unverified |= 1 << id
				}
			}
		}
		if c.size == 0 {
			continue // an inserted filler: part of its padding edit
		}
		from := f.text[c.start:c.end()]
		if len(from) == 1 && from[0] == raw[off] {
			continue
		}
		edits = append(edits, edit{int(c.start), int(c.end()), string(raw[off]), c.reason() | why})
	}
	return edits, unverified
}

// diffCorrections returns the corrections of full that base does not hold,
// and, for a place where base has a correction full has not, one that
// leaves the place as it was read.
func diffCorrections(full, base []Correction) []Correction {
	var out []Correction
	for _, c := range full {
		if !containsCorrection(base, c) {
			out = append(out, c)
		}
	}
	for _, b := range base {
		found := false
		for _, c := range full {
			found = found || c.place() == b.place()
		}
		if !found {
			out = append(out, Correction{Line: b.Line, Column: b.Column, From: b.From, To: b.From, Reason: ReasonAsRead})
		}
	}
	sortCorrections(out)
	return out
}

func containsCorrection(cs []Correction, c Correction) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// corrections converts input edits to corrections, in input order. A run
// of letters in the wrong case is one correction, but for the pinned
// places (input offsets), which stay corrections of their own.
func (f *finder) corrections(es []edit, pinned map[int]bool) []Correction {
	slices.SortFunc(es, func(a, b edit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.end - b.end
	})
	merged := es[:0] // in place: it never gets ahead of es
	for _, e := range es {
		if n := len(merged); n > 0 && e.reason == ReasonCase && merged[n-1].reason == ReasonCase && f.joinable(&merged[n-1], e, pinned) {
			prev := &merged[n-1]
			prev.to += f.text[prev.end:e.start] + e.to
			prev.end = e.end
			continue
		}
		merged = append(merged, e)
	}
	out := make([]Correction, 0, len(merged))
	for _, e := range merged {
		line, col := f.lineCol(e.start)
		out = append(out, Correction{Line: line, Column: col, From: f.text[e.start:e.end], To: e.to, Reason: e.reason})
	}
	return out
}

// lineCol returns the line and column (1-based, in characters) of byte
// off of the text: from the start of the last MRZ-like line at or before
// it, counting the line breaks (LF, CRLF or CR alone) on the way.
func (f *finder) lineCol(off int) (int, int) {
	i := sort.Search(len(f.lines), func(i int) bool { return int(f.lines[i].ls) > off })
	line, start := 1, 0
	if i > 0 {
		line, start = int(f.lines[i-1].num), int(f.lines[i-1].ls)
	}
	for j := start; j < off; j++ {
		switch f.text[j] {
		case '\n':
			line, start = line+1, j+1
		case '\r':
			if j+1 < len(f.text) && f.text[j+1] == '\n' {
				j++
			}
			line, start = line+1, j+1
		}
	}
	return line, utf8.RuneCountInString(f.text[start:off]) + 1
}

// joinable reports whether the case correction e may join prev: on one
// line, nothing but upper-case MRZ characters between, and no pinned place
// at either or between.
func (f *finder) joinable(prev *edit, e edit, pinned map[int]bool) bool {
	if pinned[e.start] || pinned[prev.end-1] {
		return false
	}
	for o := range pinned {
		if o >= prev.end && o < e.start {
			return false
		}
	}
	gap := f.text[prev.end:e.start]
	return !strings.ContainsAny(gap, "\r\n abcdefghijklmnopqrstuvwxyz") && len(gap) <= 4*maxLineRunes
}

// setName sets a field's name, whatever string type the field has.
func setName[T ~string](p *T, name string) { *p = T(name) }

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
		e := &CheckError{Line: line, Column: col, Kind: ErrAmbiguous, Detail: strconv.Itoa(s.n) + " alternatives"}
		setName(&e.Field, name)
		v = append(v, e)
	}
	sort.SliceStable(v, func(i, j int) bool {
		if v[i].Line != v[j].Line {
			return v[i].Line < v[j].Line
		}
		return v[i].Column < v[j].Column
	})
	return v
}
