package mrz

// Format is the layout of an MRZ: its number of lines, their length and what
// each position holds. The zero Format is FormatUnknown.
type Format uint8

// The formats Parse recognizes.
const (
	FormatUnknown Format = iota
	TD1                  // ID card size: 3 lines of 30
	TD2                  // 2 lines of 36
	TD3                  // passport: 2 lines of 44
	MRVA                 // visa, format A: 2 lines of 44, code V
	MRVB                 // visa, format B: 2 lines of 36, code V

	// National layouts that are not ICAO formats.

	FrenchID             // French national ID card (CNI, 1988-2021): 2 lines of 36, code ID, state FRA
	SwissDrivingLicence  // Swiss and Liechtenstein driving licence: lines of 9, 30 and 30
	FrenchDrivingLicence // French driving licence (2013 model): 1 line of 30, code D1
	numFormats
)

var formatNames = [...]string{
	FormatUnknown:        "unknown",
	TD1:                  "TD1",
	TD2:                  "TD2",
	TD3:                  "TD3",
	MRVA:                 "MRVA",
	MRVB:                 "MRVB",
	FrenchID:             "FR-CNI",
	SwissDrivingLicence:  "CH-DL",
	FrenchDrivingLicence: "FR-DL",
}

// String returns the name of the format: "TD1", "TD2", "TD3", "MRVA",
// "MRVB", "FR-CNI", "CH-DL", "FR-DL", or "unknown".
func (f Format) String() string {
	if int(f) < len(formatNames) && formatNames[f] != "" {
		return formatNames[f]
	}
	return "unknown"
}

// ParseFormat returns the Format named s, as String writes it. "MRV-A" and
// "MRV-B" are accepted too.
func ParseFormat(s string) (Format, bool) {
	switch s {
	case "MRV-A":
		return MRVA, true
	case "MRV-B":
		return MRVB, true
	}
	for f := TD1; f < numFormats; f++ {
		if formatNames[f] == s {
			return f, true
		}
	}
	return FormatUnknown, false
}

// IsICAO reports whether f is one of the ICAO Doc 9303 formats.
func (f Format) IsICAO() bool { return f >= TD1 && f <= MRVB }

// MarshalText implements encoding.TextMarshaler.
func (f Format) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseFormat. An
// unknown name gives a *FieldError of kind ErrFormat.
func (f *Format) UnmarshalText(b []byte) error {
	v, ok := ParseFormat(string(b))
	if !ok {
		return &FieldError{Field: FieldFormat, Kind: ErrFormat, Detail: "want TD1, TD2, TD3, MRVA, MRVB, FR-CNI, CH-DL or FR-DL"}
	}
	*f = v
	return nil
}

// Lines returns the number of lines of the format and the length of each.
func (f Format) Lines() []int {
	if l := layoutOf(f); l != nil {
		out := make([]int, l.nlines)
		for i := range out {
			out[i] = int(l.lens[i])
		}
		return out
	}
	return nil
}

// span is a run of characters of the raw MRZ (lines joined by '\n').
type span struct{ off, n uint8 }

func (s span) end() int { return int(s.off) + int(s.n) }

// checkDef is one check digit of a layout.
type checkDef struct {
	id   Check
	pos  uint8 // offset of the check digit in raw
	segs []span
}

type layout struct {
	format Format
	nlines uint8
	lens   [3]uint8
	f      [nFields]span
	checks []checkDef
}

// at returns the offset in raw of line, col (1-based) for lines of the given
// lengths.
func at(lens []int, line, col int) uint8 {
	off := 0
	for i := 0; i < line-1; i++ {
		off += lens[i] + 1
	}
	return uint8(off + col - 1)
}

type builder struct {
	lay  *layout
	lens []int
}

func newLayout(f Format, lens ...int) builder {
	l := &layout{format: f, nlines: uint8(len(lens))}
	for i, n := range lens {
		l.lens[i] = uint8(n)
	}
	return builder{l, lens}
}

// sp returns the span of line, columns from..to (1-based, inclusive).
func (b builder) sp(line, from, to int) span {
	return span{at(b.lens, line, from), uint8(to - from + 1)}
}

func (b builder) field(id fieldID, line, from, to int) builder {
	b.lay.f[id] = b.sp(line, from, to)
	return b
}

// check adds a check digit at line, col covering segs.
func (b builder) check(id Check, line, col int, segs ...span) builder {
	b.lay.checks = append(b.lay.checks, checkDef{id: id, pos: at(b.lens, line, col), segs: segs})
	return b
}

var layouts = func() [numFormats]*layout {
	var ls [numFormats]*layout

	b := newLayout(TD1, 30, 30, 30)
	b.field(fCode, 1, 1, 2).field(fIssuing, 1, 3, 5).field(fNumber, 1, 6, 14).field(fOptional, 1, 16, 30).
		field(fBirth, 2, 1, 6).field(fSex, 2, 8, 8).field(fExpiry, 2, 9, 14).field(fNationality, 2, 16, 18).
		field(fOptional2, 2, 19, 29).field(fName, 3, 1, 30).
		check(CheckDocumentNumber, 1, 15, b.sp(1, 6, 14)).
		check(CheckBirthDate, 2, 7, b.sp(2, 1, 6)).
		check(CheckExpiryDate, 2, 15, b.sp(2, 9, 14)).
		check(CheckComposite, 2, 30, b.sp(1, 6, 30), b.sp(2, 1, 7), b.sp(2, 9, 15), b.sp(2, 19, 29))
	ls[TD1] = b.lay

	// TD2, TD3 and the visas share their first 28 characters of line 2;
	// they differ in line length and in what follows the expiry date.
	for _, v := range []struct {
		f Format
		n int
	}{{TD2, 36}, {MRVB, 36}, {TD3, 44}, {MRVA, 44}} {
		n := v.n
		b = newLayout(v.f, n, n)
		b.field(fCode, 1, 1, 2).field(fIssuing, 1, 3, 5).field(fName, 1, 6, n).
			field(fNumber, 2, 1, 9).field(fNationality, 2, 11, 13).field(fBirth, 2, 14, 19).
			field(fSex, 2, 21, 21).field(fExpiry, 2, 22, 27).
			check(CheckDocumentNumber, 2, 10, b.sp(2, 1, 9)).
			check(CheckBirthDate, 2, 20, b.sp(2, 14, 19)).
			check(CheckExpiryDate, 2, 28, b.sp(2, 22, 27))
		switch v.f {
		case TD2:
			b.field(fOptional, 2, 29, 35).
				check(CheckComposite, 2, 36, b.sp(2, 1, 10), b.sp(2, 14, 20), b.sp(2, 22, 35))
		case TD3:
			b.field(fOptional, 2, 29, 42).
				check(CheckOptionalData, 2, 43, b.sp(2, 29, 42)).
				check(CheckComposite, 2, 44, b.sp(2, 1, 10), b.sp(2, 14, 20), b.sp(2, 22, 43))
		default: // visas: optional data to the end, no composite
			b.field(fOptional, 2, 29, n)
		}
		ls[v.f] = b.lay
	}

	// French CNI: the document number is line 2, 1-12 (issue date, office,
	// serial); the composite covers all of line 1 and line 2 up to 35.
	b = newLayout(FrenchID, 36, 36)
	b.field(fCode, 1, 1, 2).field(fIssuing, 1, 3, 5).field(fSurname, 1, 6, 30).field(fAdmin, 1, 31, 36).
		field(fNumber, 2, 1, 12).field(fIssueDate, 2, 1, 4).field(fOffice, 2, 5, 7).
		field(fGiven, 2, 14, 27).field(fBirth, 2, 28, 33).field(fSex, 2, 35, 35).
		check(CheckDocumentNumber, 2, 13, b.sp(2, 1, 12)).
		check(CheckBirthDate, 2, 34, b.sp(2, 28, 33)).
		check(CheckComposite, 2, 36, b.sp(1, 1, 36), b.sp(2, 1, 35))
	ls[FrenchID] = b.lay

	// Swiss driving licence: no check digits; validity is the syntax.
	b = newLayout(SwissDrivingLicence, 9, 30, 30)
	b.field(fNumber, 1, 1, 6).field(fLanguage, 1, 7, 7).
		field(fCode, 2, 1, 2).field(fIssuing, 2, 3, 5).field(fPIN, 2, 6, 14).field(fVersion, 2, 15, 17).
		field(fBirth, 2, 20, 25).field(fName, 3, 1, 30)
	ls[SwissDrivingLicence] = b.lay

	// French driving licence: the first check digit covers 1-14, the last
	// all of 1-29.
	b = newLayout(FrenchDrivingLicence, 30)
	b.field(fCode, 1, 1, 2).field(fIssuing, 1, 3, 5).field(fNumber, 1, 6, 14).
		field(fIssueDate, 1, 16, 21).field(fSurname, 1, 22, 29).
		check(CheckDocumentNumber, 1, 15, b.sp(1, 1, 14)).
		check(CheckComposite, 1, 30, b.sp(1, 1, 29))
	ls[FrenchDrivingLicence] = b.lay
	return ls
}()

func layoutOf(f Format) *layout {
	if int(f) < len(layouts) {
		return layouts[f]
	}
	return nil
}

// position converts an offset in raw to a 1-based line and column.
func (l *layout) position(off int) (line, col int) {
	line = 1
	for i := 0; i < int(l.nlines); i++ {
		n := int(l.lens[i])
		if off <= n || i == int(l.nlines)-1 {
			return line, off + 1
		}
		off -= n + 1
		line++
	}
	return line, off + 1
}

// Check names a check digit.
type Check uint8

// The check digits of the formats. Not every format has every check.
const (
	CheckDocumentNumber Check = iota
	CheckBirthDate
	CheckExpiryDate
	CheckOptionalData // TD3: the personal number
	CheckComposite
	CheckBSN // NLD TD1: the citizen service number
	numChecks
)

var checkNames = [...]string{
	CheckDocumentNumber: "document_number",
	CheckBirthDate:      "birth_date",
	CheckExpiryDate:     "expiry_date",
	CheckOptionalData:   "optional_data",
	CheckComposite:      "composite",
	CheckBSN:            "bsn",
}

// String returns the name of the check as the JSON output writes it.
func (c Check) String() string {
	if int(c) < len(checkNames) {
		return checkNames[c]
	}
	return "unknown"
}

// Checks returns the check digits the format has, in MRZ order of their
// fields.
func (f Format) Checks() []Check {
	l := layoutOf(f)
	if l == nil {
		return nil
	}
	out := make([]Check, 0, len(l.checks))
	for c := Check(0); c < numChecks; c++ {
		for _, d := range l.checks {
			if d.id == c {
				out = append(out, c)
			}
		}
	}
	return out
}

// CheckStatus is the outcome of one check digit.
type CheckStatus uint8

// The outcomes of a check digit.
const (
	CheckAbsent CheckStatus = iota // the format has no such check digit
	CheckPassed
	CheckFailed
)

// String returns "absent", "passed" or "failed".
func (s CheckStatus) String() string {
	switch s {
	case CheckPassed:
		return "passed"
	case CheckFailed:
		return "failed"
	}
	return "absent"
}

// fieldAt is fieldNameAt as a plain string.
func (l *layout) fieldAt(off int) string { return string(l.fieldNameAt(off)) }

// fieldNameAt names what stands at offset off of raw: a field, a check digit
// ("document_number_check", "composite_check", ...) or "filler".
func (l *layout) fieldNameAt(off int) FieldName {
	for _, c := range l.checks {
		if int(c.pos) == off {
			return FieldName(c.id.String() + "_check")
		}
	}
	// The narrowest field wins: a BSN lies inside the optional data.
	name, width := FieldFiller, 1<<30
	for id, sp := range l.f {
		if sp.n > 0 && off >= int(sp.off) && off < sp.end() && int(sp.n) < width {
			name, width = fieldJSONNames[id], int(sp.n)
		}
	}
	return name
}

// field returns the name CheckError uses for a failure of the check digit.
func (c Check) field() FieldName { return FieldName(c.String()) }
