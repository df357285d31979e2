package mrz

import "github.com/mrzkit/mrzkit/field"

// The decoder reads an MRZ unit by unit: a unit is one position, or a few
// positions whose characters are only valid together (a country code, a
// document code, the two digits of a year, month or day). Each unit offers
// the combinations of its positions' characters that its type allows, with
// their costs, cheapest first: what the unit may hold is decided there, and
// the check digits are decided by the search across units.

// cell is one character a position may hold, with its cost: minus the log
// of its probability relative to the most probable character there.
type cell struct {
	c    byte
	cost float64
}

// unitKind says what a unit checks.
type unitKind uint8

const (
	uPos     unitKind = iota // one position of a type
	uYear                    // two digits, or "<<" in a partial date
	uMonth                   // 01-12, or "<<" in a partial date
	uDay                     // 01-31, or "<<" in a partial date
	uCountry                 // a known country code
	uCode                    // a document code the format allows
)

// unit is a run of positions decided together.
type unit struct {
	off, n  uint8
	kind    unitKind
	typ     ptype // uPos: what the position may hold
	partial bool  // dates: "<<" allowed (birth dates)
	merges  bool  // reading it may send two states to one (checkPlan.merges)
	// The unit's combinations, cheapest first: nc of them from cs in the
	// search's combination buffer (see combosOf).
	cs uint16
	nc uint8
}

// combosOf returns the combinations of u in buf.
func (u *unit) combosOf(buf []combo) []combo { return buf[u.cs : int(u.cs)+int(u.nc)] }

// combo is one way to fill a unit: its characters and their summed cost.
type combo struct {
	cost  float64
	chars [3]byte
}

// maxCombos bounds the combinations a unit keeps, the cheapest first.
const maxCombos = 64

// buildUnits cuts a layout of n offsets into units.
func buildUnits(l *layout, types []ptype, n int) []unit {
	kind := make([]unit, n)
	for i := range kind {
		kind[i] = unit{off: uint8(i), n: 1, kind: uPos, typ: types[i]}
	}
	multi := func(sp span, k unitKind, size int, partial bool) {
		for o := int(sp.off); o+size <= sp.end() && o+size <= n; o += size {
			kind[o] = unit{off: uint8(o), n: uint8(size), kind: k, partial: partial}
			for j := 1; j < size; j++ {
				kind[o+j].n = 0 // covered by the unit at o
			}
		}
	}
	parts := [3]unitKind{uYear, uMonth, uDay}
	dates := func(sp span, partial bool) {
		for i, o := 0, int(sp.off); o+2 <= sp.end() && o+2 <= n && i < 3; i, o = i+1, o+2 {
			kind[o] = unit{off: uint8(o), n: 2, kind: parts[i], partial: partial}
			kind[o+1].n = 0
		}
	}
	if sp := l.f[fCode]; sp.n == 2 {
		multi(sp, uCode, 2, false)
	}
	for _, id := range [...]fieldID{fIssuing, fNationality} {
		if sp := l.f[id]; sp.n == 3 {
			multi(sp, uCountry, 3, false)
		}
	}
	dates(l.f[fBirth], true)
	dates(l.f[fExpiry], false)
	dates(l.f[fIssueDate], false)
	out := make([]unit, 0, n)
	for i := 0; i < n; i++ {
		if kind[i].n > 0 && (kind[i].kind != uPos || kind[i].typ != tNewline) {
			out = append(out, kind[i])
		}
	}
	return out
}

// tNewline marks the line breaks of raw, which no unit holds.
const tNewline ptype = 255

// allowTable holds allowedIn for every type a unit has and character.
var allowTable = func() (t [tFiller + 1][256]bool) {
	for typ := range t {
		for c := range t[typ] {
			t[typ][c] = allowedIn(ptype(typ), byte(c))
		}
	}
	return t
}()

// allowedIn reports whether a position of type t may hold c.
func allowedIn(t ptype, c byte) bool {
	switch t {
	case tDigit:
		return isDigit(c) || c == '<'
	case tLetter, tCountry:
		return isLetter(c) || c == '<'
	case tSex:
		return c == 'M' || c == 'F' || c == 'X' || c == '<'
	case tFiller:
		return c == '<'
	case tAny:
		return isDigit(c) || isLetter(c) || c == '<'
	}
	return false
}

// allows reports whether the unit may hold the characters of x. The date
// rules are looser than Parse's (30 February passes): the final parse
// decides what is left.
func (u *unit) allows(f Format, x *combo) bool {
	a, b := x.chars[0], x.chars[1]
	pair := func(lo, hi int) bool {
		if a == '<' && b == '<' {
			return u.partial
		}
		if !isDigit(a) || !isDigit(b) {
			return false
		}
		v := int(a-'0')*10 + int(b-'0')
		return v >= lo && v <= hi
	}
	switch u.kind {
	case uPos:
		return allowedIn(u.typ, a)
	case uYear:
		return pair(0, 99)
	case uMonth:
		return pair(1, 12)
	case uDay:
		return pair(1, 31)
	case uCountry:
		_, ok := field.CountryFromMRZ(a, b, x.chars[2])
		return ok
	case uCode:
		return codeAllowed(f, a, b)
	}
	return false
}

// fill sets the unit's combinations from the cells of its positions: those
// the unit allows, cheapest first, none costing more than limit. It
// reports whether any is left.
func (u *unit) fill(lat *lattice, limit float64, buf []combo) ([]combo, bool) {
	f := lat.lay.format
	start := len(buf)
	if u.n == 1 {
		// One position: its cells, those allowed, in their order.
		allow := &allowTable[u.typ]
		for _, c := range lat.cellsAt(int(u.off)) {
			if c.cost <= limit && (u.kind != uPos || allow[c.c]) && (u.kind == uPos || u.allows(f, &combo{chars: [3]byte{c.c}})) {
				buf = append(buf, combo{cost: c.cost, chars: [3]byte{c.c}})
			}
		}
		sortCombos(buf[start:])
		if len(buf)-start > maxCombos {
			buf = buf[:start+maxCombos]
		}
		u.cs, u.nc = uint16(start), uint8(len(buf)-start)
		return buf, u.nc > 0
	}
	// Several positions: the cells of each, copied (a text lattice
	// computes them into one room), then every combination.
	var cells [3][maxTextCells]cell
	var lens, idx [3]int
	n := int(u.n)
	date := u.kind == uYear || u.kind == uMonth || u.kind == uDay
	for j := 0; j < n; j++ {
		cs := lat.cellsAt(int(u.off) + j)
		if date {
			// A date holds digits or fillers only (see allows): the
			// others make no combination, and the order is kept.
			for _, c := range cs {
				if (isDigit(c.c) || c.c == '<') && lens[j] < maxTextCells {
					cells[j][lens[j]] = c
					lens[j]++
				}
			}
		} else {
			lens[j] = copy(cells[j][:], cs)
		}
		if lens[j] == 0 {
			u.cs, u.nc = uint16(start), 0
			return buf, false
		}
	}
	for {
		var x combo
		cost := 0.0
		for j := 0; j < n; j++ {
			c := cells[j][idx[j]]
			x.chars[j] = c.c
			cost += c.cost
		}
		if x.cost = cost; cost <= limit && u.allows(f, &x) {
			buf = append(buf, x)
		}
		// The next combination, the last position fastest.
		j := n - 1
		for ; j >= 0; j-- {
			if idx[j]++; idx[j] < lens[j] {
				break
			}
			idx[j] = 0
		}
		if j < 0 {
			break
		}
	}
	cs := buf[start:]
	sortCombos(cs)
	if len(cs) > maxCombos {
		buf = buf[:start+maxCombos]
		cs = cs[:maxCombos]
	}
	u.cs, u.nc = uint16(start), uint8(len(cs))
	return buf, len(cs) > 0
}

// sortCombos sorts combinations by cost, stably: insertion, as the lists
// are short and most often sorted already.
func sortCombos(cs []combo) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].cost < cs[j-1].cost; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}
