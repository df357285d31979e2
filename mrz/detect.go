package mrz

import "strconv"

// detect picks the layout for the line lengths and document code, from the
// descriptors: among the layouts with as many lines, those whose first line
// has the length of the first line; else the fallback of that number of
// lines (TD1); else those whose second line has the length of the second.
// Of these, which share their line lengths, the first whose claim holds.
// The lengths of every line are then checked against it.
func detect(raw string, lens []int) (*layout, error) {
	pick := familyOf(lens)
	if pick == nil {
		if len(lens) == 2 {
			return nil, &SyntaxError{Line: 1, Kind: ErrLineLength, Detail: "want 2 lines of 36 (TD2, MRV-B) or 44 (TD3, MRV-A) characters"}
		}
		return nil, &SyntaxError{Kind: ErrLineCount, Detail: "want 1 line (FR-DL), 2 lines (TD2, TD3, MRV, FR-CNI) or 3 lines (TD1, CH-DL), got " + strconv.Itoa(len(lens))}
	}
	l := pick
	for _, c := range layoutList {
		if c.nlines == pick.nlines && c.lens == pick.lens && c.claims(raw, lens[0]) {
			l = c
			break
		}
	}
	for i, n := range lens {
		if w := int(l.lens[i]); n != w {
			col := w + 1
			if n < w {
				col = n + 1
			}
			return nil, &SyntaxError{Line: i + 1, Column: col, Kind: ErrLineLength,
				Detail: "want " + strconv.Itoa(w) + " characters (" + l.label + "), got " + strconv.Itoa(n)}
		}
	}
	return l, nil
}

// familyOf returns the first layout of the family the line lengths point to
// (see detect), or nil.
func familyOf(lens []int) *layout {
	var fallback, second *layout
	for _, l := range layoutList {
		if int(l.nlines) != len(lens) {
			continue
		}
		if int(l.lens[0]) == lens[0] {
			return l
		}
		if l.fallback && fallback == nil {
			fallback = l
		}
		if len(lens) > 1 && int(l.lens[1]) == lens[1] && second == nil {
			second = l
		}
	}
	if fallback != nil {
		return fallback
	}
	return second
}
