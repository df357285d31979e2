package mrz

import (
	"strconv"
	"strings"
)

// MaxInputLen is the longest input Parse accepts, in bytes. Longer input is
// refused before it is scanned.
const MaxInputLen = 1024

// Parse reads one MRZ and validates it completely.
//
// The input is the MRZ lines separated by LF or CRLF. Spaces and tabs around
// each line and blank lines before and after the MRZ are ignored; nothing
// else is changed: a lowercase letter, a space inside a line or any other
// character outside A-Z, 0-9 and '<' is a syntax error.
//
// The format is recognized by the number of lines, their length and the
// document code. When the input is not an MRZ, Parse returns the zero
// Document and a *SyntaxError. When it is one but some checks fail (check
// digits, dates, country codes, sex, document code, characters a field does
// not allow), Parse returns the Document as read together with a
// ValidationError listing every failure. Otherwise the error is nil.
//
// A valid MRZ given without surrounding whitespace is parsed without
// allocating.
func Parse(s string, opts ...Option) (Document, error) {
	o := mergeOptions(opts)
	if o.has(setRepair) {
		return parseRepair(s, opts)
	}
	if len(s) > MaxInputLen {
		return Document{}, &SyntaxError{Kind: ErrInputTooLong, Detail: "more than " + strconv.Itoa(MaxInputLen) + " bytes"}
	}
	raw, lens, n, digits, err := normalize(s)
	if err != nil {
		return Document{}, err
	}
	lay, err := detect(raw, lens[:n])
	if err != nil {
		return Document{}, err
	}
	d := Document{raw: raw, lay: lay}
	d.validate(o.ref, digits)
	if d.errs != nil {
		return d, d.errs
	}
	return d, nil
}

// parseRepair is Parse with WithRepair: Find with the same options.
func parseRepair(s string, opts []Option) (Document, error) {
	// A copy, so that the options of a strict Parse stay on the stack.
	cs, err := Find(s, append([]Option(nil), opts...)...)
	if err != nil {
		return Document{}, err
	}
	if len(cs) == 0 {
		return Document{}, &SyntaxError{Kind: ErrLineCount, Detail: "no MRZ found"}
	}
	return cs[0].Document, cs[0].Err
}

// MustParse is like Parse but panics when the MRZ is malformed or invalid.
// It is meant for constants in tests and examples.
func MustParse(s string, opts ...Option) Document {
	d, err := Parse(s, opts...)
	if err != nil {
		panic(err)
	}
	return d
}

const maxLines = 3

// normalize drops surrounding blank lines and the spaces, tabs and CR around
// each line, checks the characters, and returns the lines joined by '\n'.
// When the input needs no change, raw is a substring of s.
func normalize(s string) (raw string, lens [maxLines]int, n int, digits uint8, err error) {
	type bounds struct{ start, end int }
	var lines [maxLines]bounds
	blankAfter := false
	// line handles the line s[a:b] whose bytes' classes are cls.
	line := func(a, b int, cls uint8) error {
		if cls&classInvalid != 0 {
			// Slow path: trim spaces, tabs and CR, then look again.
			for a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r') {
				a++
			}
			for b > a && (s[b-1] == ' ' || s[b-1] == '\t' || s[b-1] == '\r') {
				b--
			}
			cls = 0
			for i := a; i < b; i++ {
				cls |= charClass[s[i]]
			}
		}
		if a == b {
			if n > 0 {
				blankAfter = true
			}
			return nil
		}
		if blankAfter {
			return &SyntaxError{Line: n + 1, Kind: ErrLineCount, Detail: "blank line inside the MRZ"}
		}
		if n == maxLines {
			return &SyntaxError{Line: n + 1, Kind: ErrLineCount, Detail: "want at most 3 lines"}
		}
		if cls&classInvalid != 0 {
			for i := a; i < b; i++ {
				if charClass[s[i]]&classInvalid != 0 {
					return &SyntaxError{Line: n + 1, Column: i - a + 1, Kind: ErrInvalidCharacter, Detail: describeChar(s[i])}
				}
			}
		}
		if cls&classDigit != 0 {
			digits |= 1 << n
		}
		lines[n] = bounds{a, b}
		lens[n] = b - a
		n++
		return nil
	}
	start, cls := 0, uint8(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' {
			if err := line(start, i, cls); err != nil {
				return "", lens, 0, 0, err
			}
			start, cls = i+1, 0
			continue
		}
		cls |= charClass[c]
	}
	if err := line(start, len(s), cls); err != nil {
		return "", lens, 0, 0, err
	}
	if n == 0 {
		return "", lens, 0, 0, &SyntaxError{Kind: ErrLineCount, Detail: "empty input"}
	}
	contiguous := true
	for i := 1; i < n; i++ {
		if lines[i].start != lines[i-1].end+1 {
			contiguous = false
		}
	}
	if contiguous {
		return s[lines[0].start:lines[n-1].end], lens, n, digits, nil
	}
	var sb strings.Builder
	sb.Grow(lines[n-1].end - lines[0].start)
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(s[lines[i].start:lines[i].end])
	}
	return sb.String(), lens, n, digits, nil
}

// detect picks the layout for the line lengths and document code.
func detect(raw string, lens []int) (*layout, error) {
	want := func(f Format, label string) (*layout, error) {
		l := layouts[f]
		for i, n := range lens {
			if w := int(l.lens[i]); n != w {
				col := w + 1
				if n < w {
					col = n + 1
				}
				return nil, &SyntaxError{Line: i + 1, Column: col, Kind: ErrLineLength,
					Detail: "want " + strconv.Itoa(w) + " characters (" + label + "), got " + strconv.Itoa(n)}
			}
		}
		return l, nil
	}
	visa := raw[0] == 'V'
	switch len(lens) {
	case 1:
		if lens[0] == 30 {
			return want(FrenchDrivingLicence, "FR-DL")
		}
	case 3:
		if lens[0] == 9 {
			return want(SwissDrivingLicence, "CH-DL")
		}
		return want(TD1, "TD1")
	case 2:
		switch {
		case lens[0] == 44 || (lens[0] != 36 && lens[1] == 44):
			if visa {
				return want(MRVA, "MRV-A")
			}
			return want(TD3, "TD3")
		case lens[0] == 36 || lens[1] == 36:
			if visa {
				return want(MRVB, "MRV-B")
			}
			if frenchID(raw, lens) {
				return want(FrenchID, "FR-CNI")
			}
			return want(TD2, "TD2")
		}
		return nil, &SyntaxError{Line: 1, Kind: ErrLineLength, Detail: "want 2 lines of 36 (TD2, MRV-B) or 44 (TD3, MRV-A) characters"}
	}
	return nil, &SyntaxError{Kind: ErrLineCount, Detail: "want 1 line (FR-DL), 2 lines (TD2, TD3, MRV, FR-CNI) or 3 lines (TD1, CH-DL), got " + strconv.Itoa(len(lens))}
}

// frenchID reports whether a 2x36 MRZ is a French ID card (CNI): line 1
// starts IDFRA, or holds a digit in positions 31-35 (where a TD2 name
// cannot).
func frenchID(raw string, lens []int) bool {
	if lens[0] != 36 {
		return false
	}
	if strings.HasPrefix(raw, "IDFRA") {
		return true
	}
	for i := 30; i < 35; i++ {
		if isDigit(raw[i]) {
			return true
		}
	}
	return false
}
