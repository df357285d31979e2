package mrz

import (
	"errors"
	"math"
)

// Deciding the reading. The search gives the cheapest readings that
// satisfy every type and check digit; each is then parsed, which checks
// what the search does not follow exactly (30 February, centuries, a Dutch
// BSN). Among those that parse valid, the best is returned when no other
// is within the margin of it (its odds against every other are at least
// e^margin); otherwise the candidate is ambiguous and lists them. When the
// search cannot tell (more readings it did not keep could lie within the
// margin), it searches again with more paths per state, and, failing that,
// does not claim a valid reading.

// The decoder's bounds and defaults.
const (
	// kFirst and kMax are the paths kept per state: first, and when the
	// first search cannot decide.
	kFirst = 4
	kMax   = 64
	// defaultMargin is the log-odds by which the best valid reading must
	// beat every other: ln 100, odds of 100 to 1.
	defaultMargin = 4.605170185988092
)

// decodeConfig says how the decoder decides.
type decodeConfig struct {
	margin float64
	// maxCheck is the most the check digits may cost above the reading
	// the types alone give; maxType the most that reading may cost above
	// the most probable characters (the plausibility of an MRZ at all).
	maxCheck, maxType float64
	ref               []Option
}

// lattice is what the decoder reads for one layout: for each offset of
// the MRZ (its lines joined by '\n'), the characters it may hold with their
// costs, cheapest first, and the most probable one.
type lattice struct {
	lay *layout
	// The cells of offset o are store[refs[o].at:][:refs[o].n] (cellsAt).
	store []cell
	refs  []cellRef
	top   []byte // the most probable character at each offset; '\n' at breaks
	// text: the cells are Find's confusion priors for the characters read
	// (top), computed when asked for (see textCells), in scratch.
	text, strict bool
	// plain: no shortcut, the reference the tests compare the decoder with.
	plain   bool
	scratch [maxTextCells]cell
}

// cellRef locates the cells of one offset in a lattice's store.
type cellRef struct {
	at uint16
	n  uint8
}

// cellsAt returns the cells of offset o, cheapest first.
func (l *lattice) cellsAt(o int) []cell {
	if l.text {
		return textCells(l, o)
	}
	r := l.refs[o]
	if r.at == onlyTop {
		c := l.top[o]
		return onlyCell[c : int(c)+1]
	}
	return l.store[r.at : int(r.at)+int(r.n)]
}

// onlyTop is the cellRef.at of an offset whose only cell is its most
// probable character at no cost, which takes no room in the store.
const onlyTop = 0xffff

// onlyCell holds the cell of each character at no cost.
var onlyCell = func() (t [256]cell) {
	for c := range t {
		t[c] = cell{c: byte(c)}
	}
	return t
}()

// pick sets one offset of the MRZ to a character.
type pick struct {
	off int
	to  byte
}

// decision is what the decoder makes of one group of lines.
type decision struct {
	lat  *lattice
	base []byte // the reading given
	doc  Document
	perr error // Parse's error for base
	// valid: base is the best valid reading and alone within the margin.
	// ambiguous: several readings are; alts lists them, base holding the
	// most probable characters where they differ.
	valid, ambiguous bool
	alts             [][]pick
	cost             float64 // of base, above the most probable characters
	passed, total    int     // check digits of base that hold, and all
}

// candReading is a valid reading found by the search.
type candReading struct {
	lat  *lattice
	raw  []byte
	cost float64
	doc  Document
}

// layoutRun is the search of one layout.
type layoutRun struct {
	lat        *lattice
	units      []unit
	cutLo      []uint8 // the combinations of each unit the search reads
	cutHi      []uint8 // (see cutUnchecked)
	relaxed    []byte  // the cheapest reading that satisfies the types
	relaxCost  float64 // its cost
	searchable bool    // every unit may hold something
	plausible  bool    // the types cost at most maxType
}

// decide reads one group of lines, given a lattice per layout the lines
// may have. It reports false when none looks like an MRZ.
//
// First the best valid reading of each layout: the first of the search's
// cheapest readings that parses valid (when none of them does and the
// search kept as many as it could, it searches again with more paths per
// state; failing that, no reading is claimed valid). Then, the readings
// within the margin of the best that agree with it where no check digit
// reaches: a search with those places fixed.
func decide(lats []*lattice, cfg *decodeConfig, s *search) (decision, bool) {
	s.combosBuf, s.unitArena, s.byteArena = s.combosBuf[:0], s.unitArena[:0], s.byteArena[:0]
	if cap(s.combosBuf) == 0 {
		n := 2 * len(lats) * len(lats[0].top)
		if lats[0].text {
			// Text: most characters have one prior; append grows the
			// room for the others.
			n = len(lats) * len(lats[0].top) * 5 / 4
		}
		s.combosBuf = make([]combo, 0, n)
	}
	runs := s.runs[:0]
	for _, lat := range lats {
		runs = append(runs, prepare(lat, cfg, s, len(lats)))
	}
	s.runs = runs
	if len(runs) == 1 && !s.plain {
		if d, ok := asRead(s, &runs[0], cfg); ok {
			return d, true
		}
	}
	var firstsArr [3]candReading
	firsts := firstsArr[:0]
	sure := true
	var fs [3]found
	for i := range runs {
		r := &runs[i]
		if !r.searchable || !r.plausible {
			continue
		}
		fs[i] = r.bestValid(s, cfg)
		if fs[i].nearDone {
			// Keep it from the next layout's search, which reuses the room.
			fs[i].near = append(s.nearKept[i][:0:len(s.nearKept[i])], fs[i].near...)
		}
		sure = sure && fs[i].sure
		if fs[i].ok {
			firsts = append(firsts, fs[i].best)
		}
	}
	if len(firsts) == 0 {
		return fromRelaxed(s, runs, cfg)
	}
	sortReadings(firsts)
	best := firsts[0]
	var run *layoutRun
	var f *found
	for i := range runs {
		if runs[i].lat == best.lat {
			run, f = &runs[i], &fs[i]
		}
	}
	near, sureNear := f.near, f.nearDone
	if !f.nearDone {
		near, sureNear = run.near(s, cfg, best)
	}
	for _, v := range firsts[1:] {
		if v.cost-best.cost < tie { // another layout, as probable
			near = append(near, v.raw)
		}
	}
	d := fromNear(s, best, near, run, cfg)
	// Readings the search did not keep may be better, or lie within the
	// margin: never claim this one valid (its error says so).
	d.valid = d.valid && sure && sureNear
	return d, true
}

// asRead decides, without the search, a layout whose most probable
// characters are a valid MRZ that every other reading the types allow is
// more than the margin behind (no unit has another combination within
// it): the search would find that reading first, alone within the margin,
// and sure of it. It reports false where that does not hold, and the
// search decides.
func asRead(s *search, r *layoutRun, cfg *decodeConfig) (decision, bool) {
	if !r.searchable || !r.plausible || r.relaxCost != 0 || string(r.relaxed) != string(r.lat.top) {
		return decision{}, false
	}
	for i := range r.units {
		u := &r.units[i]
		if u.nc > 1 {
			if cs := u.combosOf(s.combosBuf); cs[1].cost-cs[0].cost <= cfg.margin+1e-9 {
				return decision{}, false
			}
		}
	}
	if !planOf(r.lat.lay).holds(r.lat.top) {
		return decision{}, false
	}
	doc, err := Parse(string(r.lat.top), cfg.ref...)
	if err != nil || doc.Format() != r.lat.lay.format {
		return decision{}, false
	}
	best := candReading{r.lat, []byte(doc.String()), 0, doc}
	return fromNear(s, best, append(s.nearArr[:0], best.raw), r, cfg), true
}

// found is what the search of one layout found: its cheapest valid
// reading, and, when the same search saw every reading within the margin
// of it, those that agree with it where no check digit reaches.
type found struct {
	best     candReading
	ok, sure bool // a valid reading; no cheaper one is unseen
	near     [][]byte
	nearDone bool
}

// bestValid returns the cheapest reading of the layout that parses valid.
// It searches under growing bounds (the reading the types give, plus 0,
// 2, 4, 8... times the margin, up to maxCheck, plus the margin): most MRZs
// are read under the first ones, where few paths survive, and the search
// that finds the best reading usually sees those within the margin of it
// too.
func (r *layoutRun) bestValid(s *search, cfg *decodeConfig) found {
	step := 2 * max(cfg.margin, 0.5)
	e := 0.0
	if !r.cheapReading(s, cfg) {
		e = step // no reading within the margin of the types' one holds
	}
	for ; ; e = max(step, 2*e) {
		e = min(e, cfg.maxCheck)
		f := r.bestWithin(s, cfg, r.relaxCost+e+cfg.margin+1e-9)
		if f.ok || !f.sure || e >= cfg.maxCheck {
			return f
		}
	}
}

// cheapReading reports whether a reading within the margin of the one the
// types give may satisfy the check digits: that one does, or a unit a
// check digit reaches has another combination within the margin (those no
// check digit reaches change no check).
func (r *layoutRun) cheapReading(s *search, cfg *decodeConfig) bool {
	if planOf(r.lat.lay).holds(r.relaxed) {
		return true
	}
	checked := layoutPlans[r.lat.lay.format].checked
	for i := range r.units {
		u := &r.units[i]
		if r.cutHi[i] <= 1 || !(checked[u.off] || checked[int(u.off)+int(u.n)-1]) {
			continue
		}
		if cs := u.combosOf(s.combosBuf); cs[1].cost-cs[0].cost <= cfg.margin+1e-9 {
			return true
		}
	}
	return false
}

// bestWithin returns the cheapest reading costing at most bound that
// parses valid and is plausible, and whether the search is sure there is
// none cheaper (when found) or none at all under the bound (when not).
func (r *layoutRun) bestWithin(s *search, cfg *decodeConfig, bound float64) found {
	plausible := r.relaxCost + cfg.maxCheck + 1e-9
	for k := kFirst; k <= kMax; k *= kMax / kFirst {
		s.reset(planOf(r.lat.lay), r.units, r.cutLo, r.cutHi, k, bound, r.lat.lay.format, r.relaxed)
		paths := s.run()
		for i, p := range paths {
			if p.cost > plausible {
				break
			}
			if v, ok := r.parsed(s, p, cfg, nil); ok {
				f := found{best: v, ok: true, sure: !s.inexact}
				f.near, f.nearDone = r.nearIn(s, cfg, v, paths, i, bound)
				return f
			}
		}
		if len(paths) < k && !s.inexact {
			return found{sure: true} // no valid reading under the bound
		}
	}
	return found{}
}

// nearIn returns the valid readings within the margin of best among the
// paths after the i-th, which agree with it where no check digit reaches,
// when the search saw all of them.
func (r *layoutRun) nearIn(s *search, cfg *decodeConfig, best candReading, paths []path, i int, bound float64) ([][]byte, bool) {
	limit := best.cost + cfg.margin
	if limit > bound || s.inexact || (len(paths) == s.k && paths[s.k-1].cost < limit) {
		return nil, false
	}
	checked := layoutPlans[r.lat.lay.format].checked
	near := append(s.nearArr[:0], best.raw)
	for _, p := range paths[i+1:] {
		if p.cost >= limit {
			break
		}
		if v, ok := r.parsed(s, p, cfg, best.raw); ok && sameWhereUnchecked(v.raw, best.raw, checked) {
			near = append(near, v.raw)
		}
	}
	return near, true
}

// sameWhereUnchecked reports whether a and b agree where no check digit
// reaches.
func sameWhereUnchecked(a, b []byte, checked []bool) bool {
	for o := range a {
		if !checked[o] && a[o] != b[o] {
			return false
		}
	}
	return true
}

// parsed returns the reading of a path when it parses valid as the
// layout's format.
func (r *layoutRun) parsed(s *search, p path, cfg *decodeConfig, skip []byte) (candReading, bool) {
	s.scratch = append(s.scratch[:0], r.lat.top...)
	s.reading(p.node, s.scratch)
	if skip != nil && string(s.scratch) == string(skip) {
		return candReading{}, false
	}
	d, err := Parse(string(s.scratch), cfg.ref...)
	if err != nil || d.Format() != r.lat.lay.format {
		return candReading{}, false
	}
	return candReading{r.lat, []byte(d.String()), p.cost, d}, true
}

// near returns the valid readings within the margin of best that agree
// with it where no check digit reaches, best first, and whether the search
// is sure it saw them all.
func (r *layoutRun) near(s *search, cfg *decodeConfig, best candReading) ([][]byte, bool) {
	checked := layoutPlans[r.lat.lay.format].checked
	s.pinLo = append(s.pinLo[:0], r.cutLo...)
	s.pinHi = append(s.pinHi[:0], r.cutHi...)
	for i := range r.units {
		u := &r.units[i]
		if checked[u.off] || checked[int(u.off)+int(u.n)-1] {
			continue
		}
		for j := 0; j < int(r.cutHi[i]); j++ {
			if string(s.combosBuf[int(u.cs)+j].chars[:u.n]) == string(best.raw[u.off:int(u.off)+int(u.n)]) {
				s.pinLo[i], s.pinHi[i] = uint8(j), uint8(j+1)
				break
			}
		}
	}
	limit := best.cost + cfg.margin
	for k := kFirst; k <= kMax; k *= kMax / kFirst {
		s.reset(planOf(r.lat.lay), r.units, s.pinLo, s.pinHi, k, limit, r.lat.lay.format, nil)
		paths := s.run()
		near := append(s.nearArr[:0], best.raw)
		for _, p := range paths {
			if p.cost >= limit {
				break
			}
			if v, ok := r.parsed(s, p, cfg, best.raw); ok {
				near = append(near, v.raw)
			}
		}
		if !s.inexact && (len(paths) < k || paths[k-1].cost >= limit) {
			return near, true
		}
		if k == kMax {
			return near, false
		}
	}
	return [][]byte{best.raw}, false
}

// prepare fills the units of a lattice and finds its relaxed reading.
func prepare(lat *lattice, cfg *decodeConfig, s *search, layouts int) layoutRun {
	r := layoutRun{lat: lat, searchable: true}
	us := unitsOf(lat.lay)
	if cap(s.unitArena)-len(s.unitArena) < len(us) {
		s.unitArena = make([]unit, 0, max(layouts*len(us), 2*cap(s.unitArena)))
	}
	n := len(s.unitArena)
	s.unitArena = append(s.unitArena, us...)
	r.units = s.unitArena[n:len(s.unitArena):len(s.unitArena)]
	if cap(s.byteArena)-len(s.byteArena) < len(lat.top) {
		s.byteArena = make([]byte, 0, max((layouts+1)*len(lat.top)+2*layouts*len(us), 2*cap(s.byteArena)))
	}
	n = len(s.byteArena)
	s.byteArena = append(s.byteArena, lat.top...)
	r.relaxed = s.byteArena[n:len(s.byteArena):len(s.byteArena)]
	buf := s.combosBuf // (a local: no write barrier a unit)
	var lp *layoutPlan
	if lat.text && !s.plain {
		lp = layoutPlans[lat.lay.format]
	}
	for i := range r.units {
		u := &r.units[i]
		if lp != nil && u.n == 1 && u.kind == uPos {
			if x := lat.top[u.off]; onlyRead(lp, int(u.off), x) {
				// The character read alone (see textCells): the unit
				// holds it or nothing.
				u.cs, u.nc = uint16(len(buf)), 0
				if !allowTable[u.typ][x] {
					r.searchable = false
					continue
				}
				buf = append(buf, combo{chars: [3]byte{x}})
				u.nc = 1
				continue // relaxed holds x already, at no cost
			} else if x != 'K' && charIndex[x] >= 0 {
				// What fill makes of textCells, made once (textCombos).
				ref := textCombos.at[u.typ][btoi(lp.names[u.off])][btoi(lat.strict)][charIndex[x]]
				cs := textCombos.all[ref.at : int(ref.at)+int(ref.n)]
				u.cs, u.nc = uint16(len(buf)), uint8(len(cs))
				if len(cs) == 0 {
					r.searchable = false
					continue
				}
				buf = append(buf, cs...)
				r.relaxCost += cs[0].cost
				r.relaxed[u.off] = cs[0].chars[0]
				continue
			}
		}
		var ok bool
		buf, ok = u.fill(lat, math.Inf(1), buf)
		if !ok {
			r.searchable = false
			continue
		}
		x := &buf[u.cs]
		r.relaxCost += x.cost
		copy(r.relaxed[u.off:int(u.off)+int(u.n)], x.chars[:u.n])
	}
	s.combosBuf = buf
	r.plausible = r.relaxCost <= cfg.maxType && r.codeAllowed()
	if r.searchable && r.plausible {
		r.cutLo, r.cutHi = cutUnchecked(s, lat.lay, r.units)
	}
	return r
}

// textCombos holds what unit.fill makes of the priors of text Find
// (textCells) for a position of one place that reads a character other
// than K: by the position's type, whether it is in a name, whether names
// are strict, and the character's index in mrzChars, the combinations
// all[at:at+n]: one block, which the collector need not scan.
var textCombos = func() (t struct {
	at  [tFiller + 1][2][2][len(mrzChars)]cellRef
	all []combo
}) {
	for typ := range t.at {
		for name := range t.at[typ] {
			for strict := range t.at[typ][name] {
				for i := 0; i < len(mrzChars); i++ {
					x := mrzChars[i]
					if x == 'K' {
						continue
					}
					cells := []cell{{x, 0}}
					cells = appendConfusions(cells, x, name == 1, strict == 1)
					if ptype(typ) == tFiller && x != '<' {
						cells = append(cells, cell{'<', costConfusion})
					}
					var cs []combo
					for _, c := range cells {
						if allowTable[typ][c.c] {
							cs = append(cs, combo{cost: c.cost, chars: [3]byte{c.c}})
						}
					}
					sortCombos(cs)
					t.at[typ][name][strict][i] = cellRef{uint16(len(t.all)), uint8(len(cs))}
					t.all = append(t.all, cs...)
				}
			}
		}
	}
	return t
}()

// cutUnchecked returns the units the search reads: those no check digit
// reaches keep only their cheapest combinations, where the unit's own
// rules are all Parse asks of it (a known country code, a document code the
// format allows, letters in a name, a sex, a filler; not the dates of a
// Swiss driving licence, which Parse checks more closely than the units).
// No check digit sees them: the cheapest valid reading takes their
// cheapest combinations, and readings tied there are unitTies'.
func cutUnchecked(s *search, l *layout, units []unit) (lo, hi []uint8) {
	if cap(s.byteArena)-len(s.byteArena) < 2*len(units) {
		s.byteArena = make([]byte, 0, max(4*len(units), 2*cap(s.byteArena)))
	}
	n := len(s.byteArena)
	s.byteArena = append(s.byteArena, make([]byte, 2*len(units))...)
	lo = s.byteArena[n : n+len(units) : n+len(units)]
	hi = s.byteArena[n+len(units) : n+2*len(units) : n+2*len(units)]
	checked := layoutPlans[l.format].checked
	for i := range units {
		u := &units[i]
		hi[i] = u.nc
		if u.nc <= 1 || checked[u.off] || checked[int(u.off)+int(u.n)-1] || !exactUnit(l, u) {
			continue
		}
		cs := u.combosOf(s.combosBuf)
		j := 1
		for j < len(cs) && cs[j].cost-cs[0].cost < tie {
			j++
		}
		hi[i] = uint8(j)
	}
	return lo, hi
}

// codeAllowed reports whether the layout's document code may be read.
func (r *layoutRun) codeAllowed() bool {
	for i := range r.units {
		if r.units[i].kind == uCode {
			return r.units[i].nc > 0
		}
	}
	return true
}

func sortReadings(v []candReading) {
	// Insertion sort: stable, and the lists are short.
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && v[j].cost < v[j-1].cost; j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
}

// fromNear decides from the valid readings within the margin of the best
// that agree with it where no check digit reaches (near, the best first):
// where none reaches (names, country codes), the best-scoring characters
// are taken, and only exact ties are ambiguous, as no check digit can
// confirm them and the scores (or the priors of Find) are all the evidence
// there is.
func fromNear(s *search, best candReading, near [][]byte, run *layoutRun, cfg *decodeConfig) decision {
	d := decision{lat: best.lat, base: best.raw, doc: best.doc, cost: best.cost}
	base := best.raw
	var alts [][]pick
	if len(near) > 1 {
		base, alts = factor(near, best.lat.top)
	}
	base = append([]byte(nil), base...)
	alts = append(alts, unitTies(s, run, base, cfg, best.raw)...)
	if len(alts) == 0 {
		d.valid = true
		d.passed, d.total = countChecks(best.doc)
		return d
	}
	d.ambiguous, d.base, d.alts = true, base, alts
	d.doc, d.perr = parseAny(d.base, cfg)
	d.cost = costOf(best.lat, d.base)
	d.passed, d.total = countChecks(d.doc)
	return d
}

// exactUnit reports whether what unit u allows is what Parse allows there.
func exactUnit(l *layout, u *unit) bool {
	if l.format == SwissDrivingLicence {
		return false // a language, digits, CHE or LIE: more than the units say
	}
	switch u.kind {
	case uCountry, uCode:
		return true
	case uPos:
		return u.typ == tLetter || u.typ == tSex || u.typ == tFiller || u.typ == tAny
	}
	return false
}

// tie is the margin where no check digit reaches: only exact ties (to
// rounding) are ambiguous there.
const tie = 1e-9

// unitTies returns the alternatives of the units of r where several
// combinations are within their margin of the cheapest (cfg.margin where a
// check digit reaches, a tie elsewhere), and sets those units of base to
// their most probable characters. Given the best valid reading, it looks
// at the units no check digit reaches only, and counts a combination only
// when the reading stays valid with it.
func unitTies(s *search, r *layoutRun, base []byte, cfg *decodeConfig, valid []byte) [][]pick {
	var alts [][]pick
	checked := layoutPlans[r.lat.lay.format].checked
	for i := range r.units {
		u := &r.units[i]
		if u.nc < 2 {
			continue
		}
		margin := tie
		if checked[u.off] || checked[int(u.off)+int(u.n)-1] {
			if valid != nil {
				continue
			}
			margin = cfg.margin
		}
		combos := u.combosOf(s.combosBuf)
		if len(combos) < 2 || combos[1].cost-combos[0].cost >= margin {
			continue
		}
		var tied []combo
		for _, x := range combos {
			if x.cost-combos[0].cost >= margin {
				break
			}
			if valid == nil || stillValid(r, valid, u, &x, cfg) {
				tied = append(tied, x)
			}
		}
		if len(tied) < 2 {
			continue
		}
		top := r.lat.top[u.off : int(u.off)+int(u.n)]
		copy(base[u.off:], top)
		for _, x := range tied {
			var alt []pick
			for j := 0; j < int(u.n); j++ {
				if x.chars[j] != top[j] {
					alt = append(alt, pick{int(u.off) + j, x.chars[j]})
				}
			}
			if alt != nil {
				alts = append(alts, alt)
			}
		}
	}
	return alts
}

// stillValid reports whether the valid reading stays valid with unit u
// holding x.
func stillValid(r *layoutRun, valid []byte, u *unit, x *combo, cfg *decodeConfig) bool {
	if string(valid[u.off:int(u.off)+int(u.n)]) == string(x.chars[:u.n]) {
		return true
	}
	raw := append([]byte(nil), valid...)
	copy(raw[u.off:], x.chars[:u.n])
	d, err := Parse(string(raw), cfg.ref...)
	return err == nil && d.Format() == r.lat.lay.format
}

// fromRelaxed gives the reading the types alone make, when no valid
// reading is plausible: that of the cheapest plausible layout. Units where
// several combinations are within the margin keep their most probable
// characters and list the others as alternatives.
func fromRelaxed(s *search, runs []layoutRun, cfg *decodeConfig) (decision, bool) {
	var best *layoutRun
	for i := range runs {
		r := &runs[i]
		if r.plausible && (best == nil || r.relaxCost < best.relaxCost) {
			best = r
		}
	}
	if best == nil {
		return decision{}, false
	}
	d := decision{lat: best.lat, base: best.relaxed}
	d.alts = unitTies(s, best, d.base, cfg, nil)
	d.ambiguous = len(d.alts) > 0
	d.doc, d.perr = parseAny(d.base, cfg)
	if d.doc.lay == nil {
		return decision{}, false
	}
	d.cost = costOf(best.lat, d.base)
	d.passed, d.total = countChecks(d.doc)
	// Plausibility: at least one check digit that is a digit and holds,
	// where there are any, but for the French layouts, which their fixed
	// start tells apart.
	if d.total > 0 && !digitCheckHolds(d.doc) && !fixedStart(d.base, d.doc.Format()) {
		return decision{}, false
	}
	return d, true
}

// parseAny parses a reading that may not be valid.
func parseAny(raw []byte, cfg *decodeConfig) (Document, error) {
	d, err := Parse(string(raw), cfg.ref...)
	var se *SyntaxError
	if errors.As(err, &se) {
		return Document{}, err
	}
	return d, err
}

// costOf returns the cost of a reading: the sum of its characters' costs.
func costOf(lat *lattice, raw []byte) float64 {
	total := 0.0
	for o, c := range raw {
		if c == '\n' {
			continue
		}
		cost := math.Inf(1)
		for _, x := range lat.cellsAt(o) {
			if x.c == c {
				cost = x.cost
				break
			}
		}
		total += cost
	}
	return total
}

// countChecks counts the check digits of d that hold, and all it has.
func countChecks(d Document) (passed, total int) {
	if d.lay == nil {
		return 0, 0
	}
	for _, c := range d.lay.checks {
		switch d.Check(c.id) {
		case CheckPassed:
			total++
			passed++
		case CheckFailed:
			total++
		}
	}
	return passed, total
}

// digitCheckHolds reports whether a check digit of d that is a digit
// holds.
func digitCheckHolds(d Document) bool {
	for _, c := range d.lay.checks {
		if d.Check(c.id) == CheckPassed && isDigit(d.raw[c.pos]) {
			return true
		}
	}
	return false
}

// fixedStart reports whether raw starts as the French layouts always do.
func fixedStart(raw []byte, f Format) bool {
	return len(raw) >= 5 && ((f == FrenchDrivingLicence && string(raw[:5]) == "D1FRA") ||
		(f == FrenchID && string(raw[:5]) == "IDFRA"))
}

// factor splits the readings within the margin into places: sets of
// offsets that vary together (a check digit's alternatives) apart from
// those that vary alone (a name's). It returns the base reading, holding
// the most probable characters at every place, and for each place each way
// the readings fill it, but the base's own.
func factor(near [][]byte, top []byte) ([]byte, [][]pick) {
	first := near[0]
	var diff []int
	for o := range first {
		for _, r := range near[1:] {
			if r[o] != first[o] {
				diff = append(diff, o)
				break
			}
		}
	}
	base := append([]byte(nil), first...)
	for _, o := range diff {
		base[o] = top[o]
	}
	// Union the offsets that do not vary independently.
	parent := make([]int, len(diff))
	for i := range parent {
		parent[i] = i
	}
	root := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range diff {
		for j := i + 1; j < len(diff); j++ {
			if root(i) != root(j) && dependent(near, diff[i], diff[j]) {
				parent[root(j)] = root(i)
			}
		}
	}
	var alts [][]pick
	for i := range diff {
		if root(i) != i {
			continue
		}
		var offs []int
		for j := range diff {
			if root(j) == i {
				offs = append(offs, diff[j])
			}
		}
		seen := map[string]bool{string(project(base, offs)): true}
		for _, r := range near {
			p := string(project(r, offs))
			if seen[p] {
				continue
			}
			seen[p] = true
			var alt []pick
			for j, o := range offs {
				if p[j] != base[o] {
					alt = append(alt, pick{o, p[j]})
				}
			}
			alts = append(alts, alt)
		}
	}
	return base, alts
}

func project(r []byte, offs []int) []byte {
	out := make([]byte, len(offs))
	for j, o := range offs {
		out[j] = r[o]
	}
	return out
}

// dependent reports whether the readings' characters at a and b are not
// every combination of those at a and those at b.
func dependent(near [][]byte, a, b int) bool {
	pairs := map[[2]byte]bool{}
	as, bs := map[byte]bool{}, map[byte]bool{}
	for _, r := range near {
		pairs[[2]byte{r[a], r[b]}] = true
		as[r[a]] = true
		bs[r[b]] = true
	}
	return len(pairs) != len(as)*len(bs)
}
