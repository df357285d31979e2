package mrz

// What the decoder derives once from each layout: the check digit plan,
// the units and the position types.

type layoutPlan struct {
	n     int // offsets, line breaks included
	plan  *checkPlan
	units []unit
	types []ptype // tNewline at line breaks
	// checked marks the offsets a check digit covers or holds; names
	// those of the names.
	checked, names []bool
}

var layoutPlans = func() (out [numFormats]*layoutPlan) {
	for f := range out {
		l := layoutOf(Format(f))
		if l == nil {
			continue
		}
		n := int(l.nlines) - 1
		for i := 0; i < int(l.nlines); i++ {
			n += int(l.lens[i])
		}
		types := positionTypes(l, n)
		for o, i := 0, 0; i < int(l.nlines)-1; i++ {
			o += int(l.lens[i])
			types[o] = tNewline
			o++
		}
		p := newCheckPlan(l, n)
		units := buildUnits(l, types, n)
		for i := range units {
			units[i].merges = p.merges(&units[i])
		}
		checked := make([]bool, n)
		for o := range checked {
			checked[o] = len(p.cover[o]) > 0 || p.digitAt[o] >= 0
		}
		out[f] = &layoutPlan{n: n, plan: p, units: units, types: types, names: nameMask(l, n), checked: checked}
	}
	return out
}()

func planOf(l *layout) *checkPlan { return layoutPlans[l.format].plan }
func unitsOf(l *layout) []unit    { return layoutPlans[l.format].units }
func typesOf(l *layout) []ptype   { return layoutPlans[l.format].types }

// layoutsFor returns the layouts lines of the given lengths may have.
func layoutsFor(lens []int) []*layout {
	var out []*layout
	for f := TD1; f < numFormats; f++ {
		l := layoutOf(f)
		if l == nil || int(l.nlines) != len(lens) {
			continue
		}
		match := true
		for i, n := range lens {
			match = match && int(l.lens[i]) == n
		}
		if match {
			out = append(out, l)
		}
	}
	return out
}
