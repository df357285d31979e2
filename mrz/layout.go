package mrz

// A layout is the descriptor of one format: the lines, what each field
// holds and where, the check digits, the document codes, and the rules that
// tell it apart from the formats of the same shape. Detection, validation,
// encoding and the position types of repair all read it: a new format is a
// new entry in layouts (layouts.go) and a Format constant.
type layout struct {
	format Format
	nlines uint8
	lens   [3]uint8
	f      [nFields]span
	checks []checkDef

	label    string     // the format's name in messages: "MRV-A"
	codes    []string   // the document codes allowed: two characters, '?' for any but a digit
	defCode  string     // the code Encode writes when none is given
	fields   []fieldDef // every field, in MRZ order
	checked  valPlan    // the fields validation looks at, by kind
	jsonKeys []uint8    // the optional keys of its JSON, as indexes in optionalKeys
	rules    []charRule // characters the format fixes beyond its fields' kinds
	states   []string   // the issuing states allowed (nil: any)
	// claim tells this layout from those of the same line lengths listed
	// after it: nil claims every MRZ of its lengths.
	claim func(raw string, line1 int) bool
	// claimCode, when not 0, is the claim "the document code starts with
	// claimCode" (the visas), tested without a call.
	claimCode byte
	// fallback makes this layout the one of its number of lines when no
	// line length matches any.
	fallback   bool
	longNumber bool // the TD1/TD2 rule for document numbers over 9 characters
	bsn        bool // Dutch cards may carry a citizen service number (NLD TD1)
	plan       sumPlan
	kernel     scanKernel // the scan written out for the layout, if any (kernels.go)
	// What validateFast needs: whether it may take the layout, the lines
	// holding a name field (bit i for line i+1), the status of every check
	// passed.
	fast      bool
	nameLines uint8
	codeAny   uint32   // bit c-'A': the code c? is allowed (codeOK)
	breaks    [2]uint8 // the offsets of the line breaks in raw (quickLayout)
	passed    [numChecks]CheckStatus
}

// span is a run of characters of the raw MRZ (lines joined by '\n').
type span struct{ off, n uint8 }

func (s span) end() int { return int(s.off) + int(s.n) }

// checkDef is one check digit of a layout.
type checkDef struct {
	id   Check
	pos  uint8 // offset of the check digit in raw
	segs []span
	// fillerOK: the check digit may be '<' when its first segment is all
	// fillers (an empty TD3 personal number, an unknown birth date).
	fillerOK bool
}

// fieldKind is what a field holds; it decides how the field is validated,
// written and repaired.
type fieldKind uint8

const (
	kText    fieldKind = iota // letters, digits and fillers: numbers, optional data
	kCode                     // the document code
	kCountry                  // a three-character country code
	kBirth                    // YYMMDD, the latest not after the reference; unknown parts may be fillers
	kExpiry                   // YYMMDD within 50 years of the reference
	kIssue                    // YYMMDD or YYMM, the latest not after the reference
	kSex                      // M, F, X or <
	kName                     // letters and fillers
	kLetters                  // letters (CH-DL language)
	kDigits                   // digits only (CH-DL PIN and version)
)

// fieldDef is one field of a layout.
type fieldDef struct {
	id   fieldID
	kind fieldKind
	line uint8 // 0-based line of the field
	sp   span  // where it stands: f[id]
	// part: the field lies inside another (the FR-CNI issue date and office
	// in the document number): read and checked, never written alone.
	part bool
}

// charRule fixes the characters of a span beyond its field's kind: the
// first character that breaks it is reported as ErrCharacter.
type charRule struct {
	sp     span
	field  FieldName
	allow  ruleClass
	set    string // for ruleSet: the characters allowed
	detail string
}

type ruleClass uint8

const (
	ruleAlnum  ruleClass = iota // letters or digits
	ruleDigit                   // digits
	ruleFiller                  // '<'
	ruleSet                     // one of set
)

func (r *charRule) allows(c byte) bool {
	switch r.allow {
	case ruleAlnum:
		return isDigit(c) || isLetter(c)
	case ruleDigit:
		return isDigit(c)
	case ruleFiller:
		return c == '<'
	}
	for i := 0; i < len(r.set); i++ {
		if r.set[i] == c {
			return true
		}
	}
	return false
}

// codeOK reports whether c0 c1 is one of the layout's document codes.
func (l *layout) codeOK(c0, c1 byte) bool {
	if k := uint32(c0) - 'A'; k < 26 && l.codeAny>>k&1 != 0 && !isDigit(c1) {
		return true
	}
	for _, p := range l.codes {
		if p[0] == c0 && (p[1] == c1 || (p[1] == '?' && !isDigit(c1))) {
			return true
		}
	}
	return false
}

// claims reports whether l claims an MRZ of its line lengths (see claim).
func (l *layout) claims(raw string, line1 int) bool {
	switch {
	case l.claimCode != 0:
		return len(raw) > 0 && raw[0] == l.claimCode
	case l.claim != nil:
		return l.claim(raw, line1)
	}
	return true
}

// total returns the number of characters of the MRZ without line breaks.
func (l *layout) total() int {
	n := 0
	for i := 0; i < int(l.nlines); i++ {
		n += int(l.lens[i])
	}
	return n
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
	if id, ok := l.fieldIDAt(off); ok {
		return fieldJSONNames[id]
	}
	return FieldFiller
}

// fieldIDAt returns the field holding offset off of raw, the narrowest
// when several do (a BSN lies inside the optional data), and false for a
// filler or a line break. A check digit's position belongs to no field.
func (l *layout) fieldIDAt(off int) (fieldID, bool) {
	best, width := fieldID(0), 1<<30
	for id, sp := range l.f {
		if sp.n > 0 && off >= int(sp.off) && off < sp.end() && int(sp.n) < width {
			best, width = fieldID(id), int(sp.n)
		}
	}
	return best, width < 1<<30
}

// builder writes a layout with 1-based lines and columns.
type builder struct {
	lay  *layout
	lens []int
}

func newLayout(f Format, label string, lens ...int) builder {
	l := &layout{format: f, label: label, nlines: uint8(len(lens))}
	for i, n := range lens {
		l.lens[i] = uint8(n)
	}
	return builder{l, lens}
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

// sp returns the span of line, columns from..to (1-based, inclusive).
func (b builder) sp(line, from, to int) span {
	return span{at(b.lens, line, from), uint8(to - from + 1)}
}

// codes sets the document codes allowed; the first is Encode's default.
func (b builder) codes(def string, codes ...string) builder {
	b.lay.defCode, b.lay.codes = def, codes
	return b
}

// field adds a field of the given kind at line, columns from..to.
func (b builder) field(id fieldID, kind fieldKind, line, from, to int) builder {
	b.lay.f[id] = b.sp(line, from, to)
	b.lay.fields = append(b.lay.fields, fieldDef{id: id, kind: kind, line: uint8(line - 1), sp: b.lay.f[id]})
	return b
}

// part adds a field that lies inside another one.
func (b builder) part(id fieldID, kind fieldKind, line, from, to int) builder {
	b.field(id, kind, line, from, to)
	b.lay.fields[len(b.lay.fields)-1].part = true
	return b
}

// check adds a check digit at line, col covering segs.
func (b builder) check(id Check, line, col int, segs ...span) builder {
	b.lay.checks = append(b.lay.checks, checkDef{id: id, pos: at(b.lens, line, col), segs: segs,
		fillerOK: id == CheckOptionalData || id == CheckBirthDate})
	return b
}

// rule fixes the characters of line, columns from..to.
func (b builder) rule(name FieldName, line, from, to int, allow ruleClass, set, detail string) builder {
	b.lay.rules = append(b.lay.rules, charRule{sp: b.sp(line, from, to), field: name, allow: allow, set: set, detail: detail})
	return b
}

// done checks the descriptor and plans its check sums.
func (b builder) done() *layout {
	l := b.lay
	n := l.total() + int(l.nlines) - 1
	for _, sp := range l.f {
		if sp.end() > n {
			panic("mrz: field outside the layout of " + l.label)
		}
	}
	l.checked = planValidation(l)
	l.jsonKeys = jsonKeysOf(l)
	l.plan = planSums(l)
	for _, c := range l.codes {
		if c[1] == '?' && isLetter(c[0]) {
			l.codeAny |= 1 << (c[0] - 'A')
		}
	}
	for i, off := 0, 0; i+1 < int(l.nlines); i++ {
		off += int(l.lens[i])
		l.breaks[i] = uint8(off)
		off++
	}
	l.fast = l.rules == nil && l.states == nil && len(l.checked.digits) == 0
	for _, fd := range l.checked.names {
		l.nameLines |= 1 << fd.line
	}
	for _, c := range l.checks {
		l.passed[c.id] = CheckPassed
	}
	return l
}

// valPlan is the validation of a layout's fields, read from its fields by
// kind once: what validate checks, without looking at each field.
type valPlan struct {
	code        span       // the document code (n is 0 when absent)
	issuing     span       // the issuing state
	nationality span       // the nationality
	dates       []dateDef  // the dates
	sex         span       // the sex
	names       []fieldDef // the name fields
	digits      []fieldDef // the fields of digits only
}

// dateDef is a date field to validate.
type dateDef struct {
	sp   span
	kind fieldKind // kBirth, kExpiry or kIssue
}

func planValidation(l *layout) valPlan {
	var v valPlan
	for _, fd := range l.fields {
		switch fd.kind {
		case kCode:
			v.code = fd.sp
		case kCountry:
			if fd.id == fIssuing {
				v.issuing = fd.sp
			} else {
				v.nationality = fd.sp
			}
		case kBirth, kExpiry, kIssue:
			v.dates = append(v.dates, dateDef{fd.sp, fd.kind})
		case kSex:
			v.sex = fd.sp
		case kName:
			v.names = append(v.names, fd)
		case kDigits:
			v.digits = append(v.digits, fd)
		}
	}
	return v
}
