package mrz

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mrzkit/mrzkit/field"
)

// The JSON form of a Document is an object whose keys are a public
// contract, in this order: format, valid, document_code, document_kind,
// issuing_state and issuing_state_name, document_number, nationality and
// nationality_name, surname, given_names, birth_date, sex, expiry_date,
// optional_data, optional_data_2, issue_date, administrative_code,
// office_code, language, pin, version, bsn, checks, errors and lines. Keys of
// fields the format does not have are left out.

// AppendJSON appends the JSON of the document, as MarshalJSON writes it,
// to b and returns the extended buffer. It does not allocate when b has
// room, which makes writing many documents cheap (see `mrz parse --batch`).
func (d Document) AppendJSON(b []byte) []byte {
	if d.lay != nil {
		return d.appendJSONPlanned(b)
	}
	return append(b, zeroDocumentJSON...)
}

// zeroDocumentJSON is the JSON of the zero Document: no format, no field.
const zeroDocumentJSON = `{"format":"unknown","valid":false,"document_code":"","document_kind":"unknown",` +
	`"document_number":"","surname":"","given_names":[],"checks":{},"errors":[],"lines":[]}`

// optionalKeys are the keys from birth_date to version, in their order,
// and the fields they write when the format has them.
var optionalKeys = [...]struct {
	key string
	id  fieldID
}{
	{`,"birth_date":`, fBirth}, {`,"sex":`, fSex}, {`,"expiry_date":`, fExpiry},
	{`,"optional_data":`, fOptional}, {`,"optional_data_2":`, fOptional2}, {`,"issue_date":`, fIssueDate},
	{`,"administrative_code":`, fAdmin}, {`,"office_code":`, fOffice}, {`,"language":`, fLanguage},
	{`,"pin":`, fPIN}, {`,"version":`, fVersion},
}

// jsonKeysOf returns the optional keys of l's JSON (see optionalKeys).
func jsonKeysOf(l *layout) []uint8 {
	var out []uint8
	for i, k := range optionalKeys {
		if l.f[k.id].n > 0 {
			out = append(out, uint8(i))
		}
	}
	return out
}

// appendDateJSON appends a date as JSON: "YYYY-MM-DD", or null.
func appendDateJSON(b []byte, v field.Date) []byte {
	if v.IsZero() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b, _ = v.AppendText(b)
	return append(b, '"')
}

// appendGivenNames appends the given names of a national layout's given
// names field as JSON strings separated by commas, as GivenNames returns
// them, without allocating.
func (d *Document) appendGivenNames(b []byte) []byte {
	n := 0
	for part := range strings.SplitSeq(trimFillers(d.get(fGiven)), "<<") {
		if part = strings.Trim(part, "<"); part != "" {
			if n > 0 {
				b = append(b, ',')
			}
			n++
			b = append(b, '"')
			for i := 0; i < len(part); i++ {
				c := part[i]
				if c == '<' {
					c = ' '
				}
				b = append(b, c)
			}
			b = append(b, '"')
		}
	}
	return b
}

// MarshalJSON writes the document as `mrz parse --json` prints it (see
// AppendJSON). Fields the format does not have are left out; codes and
// numbers are given without trailing fillers, dates as YYYY-MM-DD (null
// when invalid), and the MRZ lines as read under "lines".
func (d Document) MarshalJSON() ([]byte, error) {
	return d.AppendJSON(make([]byte, 0, 640)), nil
}

// docJSONIn is what UnmarshalJSON reads of a document's JSON.
type docJSONIn struct {
	Format     *string     `json:"format"`
	Lines      *[]string   `json:"lines"`
	BirthDate  *field.Date `json:"birth_date"`
	ExpiryDate *field.Date `json:"expiry_date"`
	IssueDate  *field.Date `json:"issue_date"`
}

// UnmarshalJSON reads a document from its JSON, as MarshalJSON writes it,
// so that the two round-trip: it parses "lines" again (the lines are the
// document; everything else is derived from them), taking from the dates
// of the JSON the century each two-digit year was given when it was
// written, so that the dates, and the checks that depend on them, come back
// the same. The other keys are not read, but "format" must agree with the
// lines when it is given. Not restored: the corrections of a document read
// with repair (Find reports them beside the document, not in it), and the
// century of a date that was invalid (null), which is taken against today.
//
// A document whose checks fail is read without error, as its JSON records
// them. The error is a *FieldError of kind ErrJSON for JSON that does not
// have the shape of a document, of kind ErrMissing when "lines" is absent,
// of kind ErrFormat when "format" disagrees, and a *SyntaxError when the
// lines are not an MRZ. An empty "lines" gives the zero Document.
func (d *Document) UnmarshalJSON(b []byte) error {
	var j docJSONIn
	if err := json.Unmarshal(b, &j); err != nil {
		return &FieldError{Kind: ErrJSON, Detail: jsonErrorDetail(err)}
	}
	if j.Lines == nil {
		return &FieldError{Field: FieldLines, Kind: ErrMissing}
	}
	if len(*j.Lines) == 0 {
		if j.Format != nil && *j.Format != FormatUnknown.String() {
			return &FieldError{Field: FieldFormat, Kind: ErrFormat, Detail: "no lines for a format"}
		}
		*d = Document{}
		return nil
	}
	o := mergeOptions(nil)
	for _, h := range []struct {
		date *field.Date
		year *int16
	}{{j.BirthDate, &o.years.birth}, {j.ExpiryDate, &o.years.expiry}, {j.IssueDate, &o.years.issue}} {
		if h.date != nil {
			*h.year = int16(h.date.Year())
		}
	}
	v, err := parse(strings.Join(*j.Lines, "\n"), &o)
	if v.lay == nil {
		return err
	}
	if j.Format != nil && *j.Format != v.Format().String() {
		return &FieldError{Field: FieldFormat, Kind: ErrFormat, Detail: "the format disagrees with the lines"}
	}
	*d = v
	return nil
}

// jsonErrorDetail describes a JSON decoding error without the input.
func jsonErrorDetail(err error) string {
	switch e := err.(type) {
	case *json.SyntaxError:
		return "malformed JSON at byte " + strconv.FormatInt(e.Offset, 10)
	case *json.UnmarshalTypeError:
		return "wrong type for " + strconv.Quote(e.Field)
	}
	return "not a JSON object of a document"
}

// Names written in every document, quoted once.
var (
	quotedFormat = func() (t [numFormats]string) {
		for f := range t {
			t[f] = string(appendJSONString(nil, Format(f).String()))
		}
		return t
	}()
	quotedCheck = func() (t [numChecks]string) {
		for c := range t {
			t[c] = string(appendJSONString(nil, Check(c).String()))
		}
		return t
	}()
)

// jsonSafe marks the bytes a JSON string holds as they are: printable
// ASCII but '"' and '\\'.
var jsonSafe = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// appendJSONString appends s as a JSON string, escaping as encoding/json
// does without HTML escaping: '"', '\\', control characters, U+2028 and
// U+2029, and invalid UTF-8 as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if !jsonSafe[s[i]] {
			return appendJSONEscaped(b, s)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// appendJSONEscaped is appendJSONString for a string that needs escaping.
func appendJSONEscaped(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigit[c>>4], hexDigit[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigit[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

const hexDigit = "0123456789abcdef"
