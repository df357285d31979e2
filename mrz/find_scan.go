package mrz

import "math"

// Scanning a text: every family of formats is tried from every line that
// looks like a line of an MRZ, and every complete assembly is repaired,
// within the work bound.

// finder holds the state of one call of Find.
type finder struct {
	text     string
	opts     findOptions
	cfg      decodeConfig
	lines    []cline
	starts   []int // byte offset of each line
	mrzLines int   // lines that look like MRZ lines
	found    []Candidate

	work, budget int
	limited      bool
	limitLine    int

	// Buffers reused across the text.
	charBuf  []cchar
	rds      []reading
	asm      assembly
	raw      []byte
	src      []cchar
	lats     [3]lattice
	latPtrs  []*lattice
	cellBufs [3][]cell
	search   search
}

func newFinder(text string, opts []Option) *finder {
	f := &finder{text: text, opts: readFindOptions(opts)}
	f.cfg = decodeConfig{margin: f.opts.margin, maxCheck: textMaxCheck, maxType: math.Inf(1), ref: f.opts.ref}
	return f
}

// scan tries every family at every MRZ-like line.
func (f *finder) scan() {
	f.budget = findWorkBase + findWorkPerLine*f.mrzLines
	for i := range f.lines {
		if !f.lines[i].mrzLike {
			continue
		}
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
	n := 0
	a := &f.asm
	a.fam, a.pieces, a.edits = &families[fi], a.pieces[:0], a.edits[:0]
	stopped := false
	a.yield = func(pieces []piece, last int) bool {
		if f.work >= f.budget || n == maxFits {
			stopped = true
			return false
		}
		n++
		if c, ok := f.repair(fi, pieces, i, last); ok {
			f.found = append(f.found, c)
		}
		return true
	}
	f.fit(a, 0, i, nil, -1)
	if stopped && !f.limited {
		f.limited, f.limitLine = true, f.lines[i].num
	}
	return f.work < f.budget
}
