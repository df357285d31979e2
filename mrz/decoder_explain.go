package mrz

// Explaining a decision: why each character differs from the most
// probable one, and whether a check digit confirms it.

// explain returns the reason of the change at offset o of raw, which
// differs there from the most probable character.
func explain(lat *lattice, raw []byte, o int) Reason {
	x, y := lat.top[o], raw[o]
	if lat.text && x == 'K' && y == '<' && kWhy(lat.lay, lat.top, o) == kWhyPadding {
		return ReasonFillerInPadding // the structure decides: verified
	}
	r := ReasonCheckDigit
	t := typesOf(lat.lay)[o]
	switch u := unitAt(lat.lay, o); {
	case u != nil && u.kind == uCountry:
		r = ReasonCountryCode
	case !allowedIn(t, x) || (u != nil && u.kind == uCode && !unitTopAllowed(lat, u)):
		switch {
		case y == '<' && t != tFiller:
			r = ReasonFillerMisread
		case t == tFiller:
			r = ReasonFillerExpected
		case isDigit(y):
			r = ReasonDigitExpected
		default:
			r = ReasonLetterExpected
		}
	}
	if !confirmed(lat, raw, o) {
		r |= ReasonUnverified
	}
	return r
}

// unitAt returns the unit of several positions holding offset o, or nil.
func unitAt(l *layout, o int) *unit {
	us := unitsOf(l)
	for i := range us {
		if u := &us[i]; u.n > 1 && o >= int(u.off) && o < int(u.off)+int(u.n) {
			return u
		}
	}
	return nil
}

// unitTopAllowed reports whether the most probable characters of a unit
// make a combination it allows.
func unitTopAllowed(lat *lattice, u *unit) bool {
	var x combo
	copy(x.chars[:u.n], lat.top[u.off:int(u.off)+int(u.n)])
	return u.allows(lat.lay.format, &x)
}

// confirmed reports whether the check digits confirm the character at
// offset o of raw: a check digit covering o (or standing there) holds, and fails with every
// other character the position allows among those it may hold (no check
// digit tells apart characters whose values differ by a multiple of 10,
// such as 0, A, K and U: only those the reader saw count).
func confirmed(lat *lattice, raw []byte, o int) bool {
	l := lat.lay
	p := planOf(l)
	t := typesOf(l)[o]
	var buf [maxPlanChecks]uint8
	held := buf[:0]
	for _, cw := range p.cover[o] {
		if checkHolds(l, p, raw, int(cw.check)) {
			held = append(held, cw.check)
		}
	}
	if ci := p.digitAt[o]; ci >= 0 && checkHolds(l, p, raw, int(ci)) {
		held = append(held, uint8(ci)) // the check digit itself
	}
	if len(held) == 0 {
		return false
	}
	y := raw[o]
	if quick, ok := confirmedQuick(lat, raw, o, held); ok && !lat.plain {
		return quick
	}
	defer func() { raw[o] = y }()
	for _, x := range lat.cellsAt(o) {
		z := x.c
		if z == y || !allowedIn(t, z) {
			continue
		}
		raw[o] = z
		all := true
		for _, ci := range held {
			all = all && checkHolds(l, p, raw, int(ci))
		}
		if all {
			return false
		}
	}
	return true
}

// confirmedQuick is the rest of confirmed, given the checks held that
// cover o, when no check digit stands at o and every check held is a digit
// and not a long number's: another character z holds a check covering o
// where its weighted value is y's, mod 10. It reports false when it cannot
// tell.
func confirmedQuick(lat *lattice, raw []byte, o int, held []uint8) (bool, bool) {
	l := lat.lay
	p := planOf(l)
	if p.digitAt[o] >= 0 {
		return false, false
	}
	for _, ci := range held {
		if cd := raw[l.checks[ci].pos]; !isDigit(cd) || int8(ci) == p.longIdx {
			return false, false
		}
	}
	y := raw[o]
	t := typesOf(l)[o]
	for _, x := range lat.cellsAt(o) {
		z := x.c
		if z == y || !allowedIn(t, z) {
			continue
		}
		all := true
		for _, ci := range held {
			for _, cw := range p.cover[o] {
				if cw.check == ci && weighted[cw.w&7][z] != weighted[cw.w&7][y] {
					all = false
				}
			}
			if !all {
				break
			}
		}
		if all {
			return false, true
		}
	}
	return true, true
}

// checkHolds reports whether check ci of layout l holds in raw.
func checkHolds(l *layout, p *checkPlan, raw []byte, ci int) bool {
	c := &l.checks[ci]
	cd := raw[c.pos]
	if cd == '<' && int8(ci) == p.longIdx {
		return p.holds(raw) // a long number: the whole automaton decides
	}
	sum, k, fillers := 0, 0, true
	for _, sg := range c.segs {
		for o := int(sg.off); o < sg.end(); o++ {
			sum += int(charValue[raw[o]]) * weights[k%3]
			fillers = fillers && raw[o] == '<'
			k++
		}
	}
	if cd == '<' {
		return p.fillOK[ci] && fillers
	}
	return isDigit(cd) && int(cd-'0') == sum%10
}

// unverifiedFields returns the set of fields (bit id for field id) holding
// a character of raw that differs from the most probable one by a repair no
// check digit confirms.
func unverifiedFields(lat *lattice, raw []byte) uint32 {
	var set uint32
	for o := range raw {
		if o >= len(lat.top) || raw[o] == '\n' || raw[o] == lat.top[o] {
			continue
		}
		if explain(lat, raw, o)&ReasonUnverified == 0 {
			continue
		}
		if id, ok := lat.lay.fieldIDAt(o); ok {
			set |= 1 << id
		}
	}
	return set
}
