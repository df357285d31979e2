package mrz

import "math"

// Scanning a text: every family of formats is tried from every line that
// looks like a line of an MRZ, and every complete assembly is repaired,
// within the work bound.

// finder holds the state of one call of Find.
type finder struct {
	text   string
	opts   findOptions
	cfg    decodeConfig
	lines  []cline // the lines that look like MRZ lines
	nlines int     // all the lines of the text
	found  []Candidate

	work, budget int
	limited      bool
	limitLine    int
	// plain: no shortcut, the reference the tests compare Find with.
	plain bool

	// Buffers reused across the text.
	charBuf []cchar
	gapBuf  []gap
	spaced  []cchar // readings of lines with spaces as fillers (a stack)
	rds     []reading
	asm     assembly
	raw     []byte
	src     []cchar
	lats    [3]lattice
	latPtrs []*lattice
	layBuf  [3]*layout
	search  search

	// Their first room, allocated with the finder.
	refArr    [1]Option
	rdsArr    [4]reading
	piecesArr [4]piece
	editsArr  [12]edit
	latArr    [3]*lattice
	runsArr   [3]layoutRun
}

func newFinder(text string, opts []Option) *finder {
	f := &finder{text: text, opts: readFindOptions(opts)}
	f.refArr[0] = f.opts.ref[0]
	f.cfg = decodeConfig{margin: f.opts.margin, maxCheck: textMaxCheck, maxType: math.Inf(1), ref: f.refArr[:]}
	f.rds = f.rdsArr[:0]
	f.asm.pieces, f.asm.edits = f.piecesArr[:0], f.editsArr[:0]
	f.latPtrs = f.latArr[:0]
	f.search.runs = f.runsArr[:0]
	return f
}

// scan tries every family at every MRZ-like line.
func (f *finder) scan() {
	f.budget = findWorkBase + findWorkPerLine*len(f.lines)
	for i := range f.lines {
		for fi := range families {
			if !f.scanFamily(fi, i) {
				return
			}
		}
	}
}

// scanFamily repairs the assemblies of family fi from line i. It reports
// false when the work bound is reached.
func (f *finder) scanFamily(fi, i int) bool {
	if !f.mayStart(&families[fi], i) {
		return true
	}
	a := &f.asm
	a.fi, a.first, a.fam, a.n, a.stopped = fi, i, &families[fi], 0, false
	a.pieces, a.edits = a.pieces[:0], a.edits[:0]
	f.fit(a, 0, i, nil, -1)
	if a.stopped && !f.limited {
		f.limited, f.limitLine = true, int(f.lines[i].num)
	}
	return f.work < f.budget
}

// complete repairs a complete assembly ending at line last, and reports
// whether to go on.
func (f *finder) complete(a *assembly, last int) bool {
	if f.work >= f.budget || a.n == maxFits {
		a.stopped = true
		return false
	}
	a.n++
	if c, ok := f.repair(a.fi, a.pieces, a.first, last); ok {
		f.found = append(f.found, c)
	}
	return true
}
