package mrz

import (
	"errors"
	"math"
	"strconv"
)

// Choice is one character a position of an MRZ may hold, with its probability.
type Choice struct {
	Char byte    // 'A'-'Z', '0'-'9' or '<'
	P    float64 // probability in [0, 1]
}

// Position is what a reader saw at one position of an MRZ line: the
// characters it may be, in any order (those absent have probability 0; a
// character listed twice counts with its higher probability).
type Position []Choice

// ErrProbability is the Kind of the *SyntaxError FindScored returns for a
// probability that is NaN or outside [0, 1], or a position where no
// character has a probability above 0.
var ErrProbability = errors.New("invalid probability")

// The bounds of FindScored, as costs: minus the natural log of a
// probability relative to the most probable character of its position.
const (
	// scoredMaxType is the most the position types may cost: the most
	// probable characters of an MRZ at least e^-23 (10^-10) as probable
	// as those of the reading the types allow. Lines costing more are not
	// an MRZ.
	scoredMaxType = 23.025850929940457
	// scoredMaxCheck is the most the check digits may cost above that:
	// a valid reading at least 10^-8 as probable as the reading the
	// types alone give.
	scoredMaxCheck = 18.420680743952367
	// scoredCells is how many characters of a position the decoder
	// considers, the most probable first.
	scoredCells = 6
)

// FindScored reads an MRZ from scored lines (lines[i][j] is line i+1,
// column j+1), as an image reader gives them: the best-scoring reading that
// satisfies every check digit and position type of the format, or, where two
// readings satisfy them with close scores, an invalid candidate that is
// ambiguous (errors.Is(c.Err, ErrAmbiguous)), listing them in Alternatives.
// Candidates are ranked best first, like Find's; Corrections give each
// position where the reading is not the most probable character (Line,
// Column in the MRZ; From the most probable character, To the chosen one).
//
// The format comes from the number and lengths of the lines and from the
// document code the reading holds: 2 lines of 44 are a TD3 or an MRV-A, 2
// of 36 a TD2, an MRV-B or an FR-CNI, 3 of 30 a TD1, 9, 30 and 30 a CH-DL,
// 1 of 30 an FR-DL. Scores are probabilities; a reading's score is the
// product of its characters' probabilities. The reading returned is the
// best of all that parse valid, found by an exact search over the six most
// probable characters of each position (a dynamic programme over the check
// digits' running sums that keeps the best paths of each state; see
// docs/find.md for its bounds). It is returned valid only when it is at
// least e^m times as probable as every other valid reading that differs
// from it where a check digit reaches (m is the margin, ln 100 by default;
// see WithAmbiguityMargin). Where no check digit reaches (names, country
// codes, the document code, sex), the best-scoring characters are taken,
// and only exact ties are ambiguous; a correction there is not Verified. A
// valid reading less than 10^-8 as probable as the best reading the
// position types allow is not believed, and lines whose most probable
// characters are less than 10^-10 as probable as those the types allow are
// not an MRZ: no candidate.
//
// The result is nil, with a nil error, when the lines are not an MRZ.
// Malformed input is a *SyntaxError: no line, more than three, lengths
// no format has (ErrLineCount, ErrLineLength), a character outside A-Z,
// 0-9 and '<' (ErrInvalidCharacter), a probability that is NaN or outside
// [0, 1], or a position with none above 0 (ErrProbability). Options are
// those of Find (the reference date, the margin). The work is bounded by
// the size of the input plus a constant.
func FindScored(lines [][]Position, opts ...Option) ([]Candidate, error) {
	return findScored(lines, opts, false)
}

// findScored is FindScored; plain turns the search's shortcuts off, for
// the tests that check them.
func findScored(lines [][]Position, opts []Option, plain bool) ([]Candidate, error) {
	lens, err := scoredShape(lines)
	if err != nil {
		return nil, err
	}
	store, refs, top, err := scoredCellsOf(lines)
	if err != nil {
		return nil, err
	}
	o := readFindOptions(opts)
	cfg := decodeConfig{margin: o.margin, maxCheck: scoredMaxCheck, maxType: scoredMaxType, ref: o.ref}
	lays := layoutsFor(lens)
	lats := make([]*lattice, len(lays))
	for i, l := range lays {
		lats[i] = &lattice{lay: l, store: store, refs: refs, top: top, plain: plain}
	}
	s := search{plain: plain}
	d, ok := decide(lats, &cfg, &s)
	if !ok {
		return nil, nil
	}
	c := Candidate{Document: d.doc, Err: d.err(), StartLine: 1, EndLine: len(lines)}
	for off := range d.base {
		if d.base[off] != top[off] {
			c.Corrections = append(c.Corrections, mrzCorrection(d.lat, d.base, off))
		}
	}
	for _, alt := range d.alts {
		raw := append([]byte(nil), d.base...)
		for _, p := range alt {
			raw[p.off] = p.to
		}
		var cs []Correction
		for _, p := range alt {
			cs = append(cs, mrzCorrection(d.lat, raw, p.off))
		}
		c.Alternatives = append(c.Alternatives, cs)
	}
	c.Document.corr = c.Corrections
	c.Document.unverified = unverifiedFields(d.lat, d.base)
	c.Score = scoredScore(d)
	return []Candidate{c}, nil
}

// scoredShape checks the number and lengths of the lines before anything
// else is read, and returns the lengths.
func scoredShape(lines [][]Position) ([]int, error) {
	if len(lines) == 0 || len(lines) > maxLines {
		return nil, &SyntaxError{Kind: ErrLineCount, Detail: "want 1, 2 or 3 lines, got " + strconv.Itoa(len(lines))}
	}
	lens := make([]int, len(lines))
	for i, l := range lines {
		lens[i] = len(l)
	}
	if len(layoutsFor(lens)) == 0 {
		return nil, &SyntaxError{Kind: ErrLineLength, Detail: "no format has lines of these lengths"}
	}
	return lens, nil
}

// mrzChars are the characters of an MRZ.
const mrzChars = "<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// charIndex maps an MRZ character to its index in mrzChars, others to -1.
var charIndex = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(mrzChars); i++ {
		t[mrzChars[i]] = int8(i)
	}
	return t
}()

// scoredCellsOf turns the scored lines into the decoder's cells: for each
// offset of the MRZ (its lines joined by '\n'), the most probable
// characters with their costs, and the most probable of all.
func scoredCellsOf(lines [][]Position) ([]cell, []cellRef, []byte, error) {
	n := len(lines) - 1
	for _, l := range lines {
		n += len(l)
	}
	refs := make([]cellRef, n)
	top := make([]byte, n)
	store := make([]cell, 0, n*scoredCells)
	off := 0
	for li, l := range lines {
		if li > 0 {
			top[off] = '\n'
			off++
		}
		for col, pos := range l {
			var p [len(mrzChars)]float64
			best := -1
			for _, ch := range pos {
				i := charIndex[ch.Char]
				if i < 0 {
					return nil, nil, nil, &SyntaxError{Line: li + 1, Column: col + 1, Kind: ErrInvalidCharacter, Detail: describeChar(ch.Char)}
				}
				if math.IsNaN(ch.P) || ch.P < 0 || ch.P > 1 {
					return nil, nil, nil, &SyntaxError{Line: li + 1, Column: col + 1, Kind: ErrProbability, Detail: "want a probability in [0, 1]"}
				}
				p[i] = max(p[i], ch.P)
				if ch.P > 0 && (best < 0 || p[i] > p[best]) {
					best = int(i)
				}
			}
			if best < 0 {
				return nil, nil, nil, &SyntaxError{Line: li + 1, Column: col + 1, Kind: ErrProbability, Detail: "no character has a probability above 0"}
			}
			top[off] = mrzChars[best]
			start := len(store)
			store = appendCells(store, &p, p[best])
			refs[off] = cellRef{uint16(start), uint8(len(store) - start)}
			off++
		}
	}
	return store, refs, top, nil
}

// appendCells appends the most probable characters of p (at most
// scoredCells, none costing more than scoredMaxType), cheapest first.
func appendCells(store []cell, p *[len(mrzChars)]float64, pmax float64) []cell {
	start := len(store)
	lmax := math.Log(pmax)
	for i, q := range p {
		if q <= 0 {
			continue
		}
		cost := lmax - math.Log(q)
		if cost > scoredMaxType {
			continue
		}
		x := cell{mrzChars[i], cost}
		cs := store[start:]
		if len(cs) == scoredCells {
			if cost >= cs[len(cs)-1].cost {
				continue
			}
			store = store[:len(store)-1]
		}
		store = append(store, x)
		for j := len(store) - 1; j > start && store[j].cost < store[j-1].cost; j-- {
			store[j], store[j-1] = store[j-1], store[j]
		}
	}
	return store
}

// mrzCorrection is the correction at offset off of raw, in MRZ lines.
func mrzCorrection(lat *lattice, raw []byte, off int) Correction {
	line, col := lat.lay.position(off)
	return Correction{Line: line, Column: col, From: string(lat.top[off]), To: string(raw[off]), Reason: explain(lat, raw, off)}
}

// err is the error of the candidate a decision makes.
func (d *decision) err() error {
	switch {
	case d.valid:
		return nil
	case d.ambiguous:
		offs := make([][]int, len(d.alts))
		for i, alt := range d.alts {
			for _, p := range alt {
				offs[i] = append(offs[i], p.off)
			}
		}
		return ambiguityError(d.doc.lay, d.perr, offs)
	case d.perr == nil:
		// The reading parses valid, but the decoder could not confirm it
		// (see decide): never report it valid.
		return unconfirmed(d.doc.lay)
	}
	return d.perr
}

// unconfirmed is the error of a reading that parses valid but that the
// decoder could not tell from other readings it did not keep.
func unconfirmed(l *layout) error {
	line, col := 1, 1
	name := "document_code"
	if len(l.checks) > 0 {
		c := l.checks[len(l.checks)-1]
		line, col = l.position(int(c.pos))
		name = c.id.String()
	}
	e := &CheckError{Line: line, Column: col, Kind: ErrAmbiguous, Detail: "other readings not ruled out"}
	setName(&e.Field, name)
	return ValidationError{e}
}

// scoredScore ranks a candidate of FindScored: from 1 for a valid MRZ
// whose most probable characters are the reading down to 0.5 for a valid
// one far from them; at most 0.45 for an invalid one, by the share of its
// check digits that hold; at most 0.4 for an ambiguous one.
func scoredScore(d decision) float64 {
	switch {
	case d.valid:
		return 0.5 + 0.5*math.Exp(-d.cost)
	case d.total > 0:
		s := max(0.01, 0.45*float64(d.passed)/float64(d.total))
		if d.ambiguous {
			s = min(s, 0.4)
		}
		return s
	}
	return 0.1
}
