package mrz

import (
	"strings"

	"github.com/mrzkit/mrzkit/field"
)

// Document is a parsed MRZ: the lines as read, every field, and the outcome
// of every check. Get one from Parse. Its methods read the fields from the
// lines as they are called; those returning strings allocate only when the
// value is not a plain substring of the MRZ.
//
// The zero Document is not valid (IsValid reports false) and has no fields.
type Document struct {
	raw                  string // the lines joined by '\n'
	lay                  *layout
	birth, expiry, issue field.Date
	issuing, nationality field.Country
	sex                  field.Sex
	tail                 span // rest of a long document number
	opt                  span // optional data, after a long number's tail
	status               [numChecks]CheckStatus
	flags                docFlags
	errs                 ValidationError
	corr                 []Correction // set when read with repair
	unverified           uint32       // bit id: a repair no check digit confirms changed field id
}

type docFlags uint8

const (
	flagLongNumber docFlags = 1 << iota
	flagFillerVariant
	flagBSN
)

// Unverified reports whether a repair that no check digit confirms changed
// a character of the named field: Find (and Parse with WithRepair) turns a
// digit read in a name into its likeliest letter, and FindScored takes a
// reader's second choice where no check digit reaches. Such a field deserves
// less confidence (passport.FromMRZ lowers it). FieldHolderName covers the
// whole name field, or the surname of the national layouts. It is false for
// every field of a document read without repair.
func (d Document) Unverified(name FieldName) bool {
	if d.unverified == 0 {
		return false
	}
	for id, n := range fieldJSONNames {
		if n == name && d.unverified&(1<<id) != 0 {
			return true
		}
	}
	return name == FieldHolderName && d.unverified&(1<<fSurname) != 0
}

// IsValid reports whether d was parsed from a well-formed MRZ and every check
// holds.
func (d Document) IsValid() bool { return d.lay != nil && len(d.errs) == 0 }

// Corrections returns the changes made to the input when the document was
// read with repair (Find, or Parse with WithRepair), and nil otherwise.
func (d Document) Corrections() []Correction { return d.corr }

// Errors returns the failed checks (nil when d is valid).
func (d Document) Errors() ValidationError { return d.errs }

// Format returns the format of the MRZ.
func (d Document) Format() Format {
	if d.lay == nil {
		return FormatUnknown
	}
	return d.lay.format
}

// get returns the characters of a field, or "" when the layout lacks it.
func (d Document) get(id fieldID) string {
	if d.lay == nil {
		return ""
	}
	sp := d.lay.f[id]
	return d.raw[sp.off:sp.end()]
}

func (d Document) has(id fieldID) bool { return d.lay != nil && d.lay.f[id].n > 0 }

// trimFillers removes trailing '<'.
func trimFillers(s string) string {
	i := len(s)
	for i > 0 && s[i-1] == '<' {
		i--
	}
	return s[:i]
}

// DocumentCode returns the document code without fillers: "P", "ID", "V".
func (d Document) DocumentCode() string { return trimFillers(d.get(fCode)) }

// Kind returns the kind of document its code says it is.
func (d Document) Kind() Kind {
	if d.lay == nil {
		return KindUnknown
	}
	return d.lay.kind(d.raw)
}

// kind is Document.Kind for an MRZ of layout l.
func (l *layout) kind(raw string) Kind {
	sp := l.f[fCode]
	if sp.n < 2 || int(sp.off)+1 >= len(raw) {
		return KindUnknown
	}
	c0, c1 := raw[sp.off], raw[sp.off+1]
	switch {
	case l.format == SwissDrivingLicence || l.format == FrenchDrivingLicence:
		return KindDrivingLicence
	case c0 == 'P' && c1 == 'U':
		return KindEmergencyTravelDocument
	case c0 == 'I' && c1 == 'P':
		return KindPassportCard
	case c0 == 'A' && c1 == 'C':
		return KindCrewCertificate
	case c0 == 'P':
		return KindPassport
	case c0 == 'V':
		return KindVisa
	case c0 == 'I' || c0 == 'A' || c0 == 'C':
		return KindIDCard
	}
	return KindUnknown
}

// IssuingState returns the issuing state or organization. It is the zero
// Country when the code is unknown (see IssuingStateCode).
func (d Document) IssuingState() field.Country { return d.issuing }

// IssuingStateCode returns the issuing state as printed, without fillers.
func (d Document) IssuingStateCode() string { return trimFillers(d.get(fIssuing)) }

// Nationality returns the holder's nationality. It is the zero Country when
// the code is unknown (see NationalityCode).
func (d Document) Nationality() field.Country { return d.nationality }

// NationalityCode returns the nationality as printed, without fillers.
func (d Document) NationalityCode() string { return trimFillers(d.get(fNationality)) }

// DocumentNumber returns the document number without trailing fillers. A
// long number (TD1 and TD2, more than 9 characters) is returned whole.
func (d Document) DocumentNumber() string {
	n := d.get(fNumber)
	if d.flags&flagLongNumber != 0 {
		return n + d.raw[d.tail.off:d.tail.end()]
	}
	return trimFillers(n)
}

// LongDocumentNumber reports whether the document number continues in the
// optional data (Doc 9303-5/6 note j).
func (d Document) LongDocumentNumber() bool { return d.flags&flagLongNumber != 0 }

// FillerVariant reports whether a long document number's check digit holds
// only when computed over the '<' at the check digit position as well, as
// Belgian cards do. ICAO's rule leaves that '<' out.
func (d Document) FillerVariant() bool { return d.flags&flagFillerVariant != 0 }

// BirthDate returns the date of birth. It is partial when the MRZ has fillers
// for unknown parts, and zero when the field is invalid.
func (d Document) BirthDate() field.Date { return d.birth }

// ExpiryDate returns the date of expiry; zero when the field is invalid.
func (d Document) ExpiryDate() field.Date { return d.expiry }

// Sex returns the holder's sex.
func (d Document) Sex() field.Sex { return d.sex }

// OptionalData returns the optional data without trailing fillers: for TD3
// the personal number; for TD1 the first optional field (line 1). When the
// document number is long, this is what follows its tail and check digit;
// when a Dutch card carries a BSN, what stands between the BSN and its check
// digit.
func (d Document) OptionalData() string {
	if d.lay == nil {
		return ""
	}
	if d.flags&flagBSN != 0 {
		return trimFillers(d.raw[24:29])
	}
	return trimFillers(d.raw[d.opt.off:d.opt.end()])
}

// OptionalData2 returns the second optional field of a TD1 (line 2) without
// trailing fillers, and "" for other formats.
func (d Document) OptionalData2() string { return trimFillers(d.get(fOptional2)) }

// names splits the name field at the first "<<".
func (d *Document) names() (primary, secondary string) {
	if d.lay == nil {
		return "", ""
	}
	sp := d.lay.f[fName]
	n := d.raw[sp.off:sp.end()]
	if i := strings.Index(n, "<<"); i >= 0 {
		return n[:i], n[i+2:]
	}
	return n, ""
}

// trimNameFillers is trimFillers for the long fields of names, eight
// fillers at a time.
func trimNameFillers(s string) string {
	i := len(s)
	for i >= 8 && s[i-8:i] == "<<<<<<<<" {
		i -= 8
	}
	for i > 0 && s[i-1] == '<' {
		i--
	}
	return s[:i]
}

// Surname returns the primary identifier with '<' read as a space. It is
// empty when the name starts with "<<".
func (d Document) Surname() string { return (&d).surname() }

func (d *Document) surname() string {
	if d.lay == nil {
		return ""
	}
	var p string
	if sp := d.lay.f[fSurname]; sp.n > 0 {
		p = trimNameFillers(d.raw[sp.off:sp.end()])
	} else {
		p, _ = d.names()
		p = trimFillers(p)
	}
	for len(p) > 0 && p[0] == '<' {
		p = p[1:]
	}
	if strings.IndexByte(p, '<') >= 0 {
		return strings.ReplaceAll(p, "<", " ")
	}
	return p
}

// GivenNames returns the secondary identifier split into names at fillers.
// In the French ID card, whose given names are separated by "<<", a single
// '<' inside a name is read as a space. It is nil when there are none.
//
// The slice is new; a caller that does not keep it lets it live on its
// stack, for up to four names. AppendGivenNames appends them to a slice of
// the caller's.
func (d Document) GivenNames() []string {
	out := (&d).appendNames(make([]string, 0, 4))
	if len(out) == 0 {
		return nil
	}
	return out
}

// AppendGivenNames appends the given names (see GivenNames) to dst and
// returns the extended slice.
func (d Document) AppendGivenNames(dst []string) []string { return (&d).appendNames(dst) }

func (d *Document) appendNames(dst []string) []string {
	if d.lay == nil {
		return dst
	}
	if sp := d.lay.f[fGiven]; sp.n > 0 {
		for part := range strings.SplitSeq(trimNameFillers(d.raw[sp.off:sp.end()]), "<<") {
			if part = strings.Trim(part, "<"); part != "" {
				dst = append(dst, strings.ReplaceAll(part, "<", " "))
			}
		}
		return dst
	}
	_, s := d.names()
	s = trimNameFillers(s)
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return append(dst, s)
		}
		if i > 0 {
			dst = append(dst, s[:i])
		}
		s = s[i+1:]
	}
	return dst
}

// NameTruncated reports whether the name (or, in national layouts, the
// surname) fills its field to the last character, so that it may have been
// truncated.
func (d Document) NameTruncated() bool {
	if d.lay == nil {
		return false
	}
	sp := d.lay.f[fName]
	if d.lay.f[fSurname].n > 0 {
		sp = d.lay.f[fSurname]
	}
	return sp.n > 0 && d.raw[sp.end()-1] != '<'
}

// IssueDate returns the date of issue of the national layouts that hold one
// (FR-CNI: year and month only; FR-DL), and the zero Date otherwise.
func (d Document) IssueDate() field.Date { return d.issue }

// AdministrativeCode returns the administrative code of a French ID card
// (line 1, 31-36), and "" for other formats.
func (d Document) AdministrativeCode() string { return trimFillers(d.get(fAdmin)) }

// OfficeCode returns the issuing office of a French ID card (line 2, 5-7),
// and "" for other formats.
func (d Document) OfficeCode() string { return trimFillers(d.get(fOffice)) }

// Language returns the language code of a Swiss driving licence (D, F, I or
// R), and "" for other formats.
func (d Document) Language() string { return d.get(fLanguage) }

// PIN returns the personal identification number of a Swiss driving
// licence, and "" for other formats.
func (d Document) PIN() string { return d.get(fPIN) }

// Version returns the version number of a Swiss driving licence, and "" for
// other formats.
func (d Document) Version() string { return d.get(fVersion) }

// BSN returns the Dutch citizen service number of a Dutch TD1 card that
// carries one (state NLD, a check digit at line 1 position 30), and ""
// otherwise. Its check digit is CheckBSN.
func (d Document) BSN() string {
	if d.flags&flagBSN == 0 {
		return ""
	}
	return d.raw[15:24]
}

// Position returns where a field stands in the MRZ: its 1-based line and
// column and its length, and false when the format does not have it. The
// names are FieldDocumentCode, FieldIssuingState, FieldDocumentNumber (for a
// long number, its first 9 characters), FieldNationality, FieldBirthDate,
// FieldSex, FieldExpiryDate, FieldOptionalData, FieldOptionalData2,
// FieldHolderName (the whole name field, or the surname in national
// layouts), FieldGivenNames (national layouts) and FieldIssueDate.
func (d Document) Position(name FieldName) (line, col, n int, ok bool) {
	if d.lay == nil {
		return 0, 0, 0, false
	}
	var sp span
	switch name {
	case FieldHolderName:
		sp = d.lay.f[fName]
		if sp.n == 0 {
			sp = d.lay.f[fSurname]
		}
	case FieldOptionalData:
		sp = d.opt
	case FieldDocumentCode, FieldIssuingState, FieldDocumentNumber, FieldNationality, FieldBirthDate,
		FieldSex, FieldExpiryDate, FieldOptionalData2, FieldGivenNames, FieldIssueDate:
		for id := range fieldJSONNames {
			if fieldJSONNames[id] == name {
				sp = d.lay.f[id]
				break
			}
		}
	}
	if sp.n == 0 {
		return 0, 0, 0, false
	}
	line, col = d.lay.position(int(sp.off))
	return line, col, int(sp.n), true
}

// Check returns the outcome of one check digit.
func (d Document) Check(c Check) CheckStatus {
	if int(c) >= len(d.status) {
		return CheckAbsent
	}
	return d.status[c]
}

// Lines returns the MRZ lines exactly as read.
func (d Document) Lines() []string {
	if d.lay == nil {
		return nil
	}
	out := make([]string, d.lay.nlines)
	off := 0
	for i := range out {
		n := int(d.lay.lens[i])
		out[i] = d.raw[off : off+n]
		off += n + 1
	}
	return out
}

// String returns the MRZ lines joined by '\n', exactly as read.
func (d Document) String() string { return d.raw }

// MarshalText implements encoding.TextMarshaler: the MRZ lines (see String).
func (d Document) MarshalText() ([]byte, error) { return []byte(d.raw), nil }

// UnmarshalText implements encoding.TextUnmarshaler with Parse. A document
// whose checks fail is kept together with the ValidationError returned.
func (d *Document) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	*d = v
	return err
}

// Kind is the kind of document a document code denotes.
type Kind uint8

// The kinds of document.
const (
	KindUnknown Kind = iota
	KindPassport
	KindIDCard
	KindVisa
	KindCrewCertificate
	KindEmergencyTravelDocument
	KindPassportCard
	KindDrivingLicence
)

var kindNames = [...]string{
	KindUnknown:                 "unknown",
	KindPassport:                "passport",
	KindIDCard:                  "id_card",
	KindVisa:                    "visa",
	KindCrewCertificate:         "crew_certificate",
	KindEmergencyTravelDocument: "emergency_travel_document",
	KindPassportCard:            "passport_card",
	KindDrivingLicence:          "driving_licence",
}

// String returns the name of the kind: "passport", "id_card", "visa",
// "crew_certificate", "emergency_travel_document", "passport_card",
// "driving_licence" or "unknown".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }
