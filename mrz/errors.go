package mrz

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. A *SyntaxError wraps one of the first group, a *CheckError
// one of the second; test for them with errors.Is.
var (
	// ErrSyntax matches every *SyntaxError.
	ErrSyntax = errors.New("mrz: malformed input")
	// ErrInputTooLong: the input is longer than MaxInputLen bytes.
	ErrInputTooLong = errors.New("input too long")
	// ErrLineCount: the input does not have the number of lines of any format.
	ErrLineCount = errors.New("wrong number of lines")
	// ErrLineLength: a line does not have the length its format requires.
	ErrLineLength = errors.New("wrong line length")
	// ErrInvalidCharacter: a character outside A-Z, 0-9 and '<'.
	ErrInvalidCharacter = errors.New("invalid character")

	// ErrCheckDigit: a check digit does not match the characters it covers.
	ErrCheckDigit = errors.New("check digit does not match")
	// ErrDate: a date field holds letters or an impossible date.
	ErrDate = errors.New("invalid date")
	// ErrCountry: a country code that is neither ISO 3166-1 nor ICAO.
	ErrCountry = errors.New("unknown country code")
	// ErrSex: a sex other than M, F, X or '<'.
	ErrSex = errors.New("invalid sex")
	// ErrDocumentCode: a document code the format does not allow.
	ErrDocumentCode = errors.New("document code not allowed for this format")
	// ErrCharacter: a character the field does not allow, such as a digit in
	// a name or a letter in a numeric field.
	ErrCharacter = errors.New("character not allowed in this field")

	// ErrFieldLength: a value too long for its field (Encode).
	ErrFieldLength = errors.New("value too long for the field")
	// ErrMissing: a required field is empty (Encode).
	ErrMissing = errors.New("required field is empty")
	// ErrFormat: the format is unknown or cannot be written (Encode), or
	// disagrees with the lines (Document.UnmarshalJSON).
	ErrFormat = errors.New("unknown format")
	// ErrJSON: JSON that does not have the shape of what is read from it
	// (Document.UnmarshalJSON, Fields.UnmarshalJSON).
	ErrJSON = errors.New("malformed JSON")
)

// FieldError reports a field Encode cannot write, a name Transliterate
// cannot transliterate (Field is then empty: Encode fills it in), or a value
// a text or JSON decoder cannot read. Field names the field (see FieldName); Kind
// is a sentinel such as ErrCharacter, ErrDate, ErrCountry, ErrFieldLength or
// ErrMissing. The message never contains the value.
type FieldError struct {
	Field  FieldName
	Kind   error
	Detail string
}

// Error names the field and the kind of error, never the value.
func (e *FieldError) Error() string { return message(0, 0, e.Field, e.Kind, e.Detail) }

// message writes "mrz: line L, column C: field: kind (detail)", leaving
// out what is empty.
func message(line, col int, field FieldName, kind error, detail string) string {
	var b strings.Builder
	b.WriteString("mrz: ")
	writePos(&b, line, col)
	if field != "" {
		b.WriteString(string(field))
		b.WriteString(": ")
	}
	b.WriteString(kind.Error())
	if detail != "" {
		b.WriteString(" (")
		b.WriteString(detail)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns Kind.
func (e *FieldError) Unwrap() error { return e.Kind }

// SyntaxError reports input that is not an MRZ at all: too long, the wrong
// number of lines, a line of the wrong length, or a character outside
// A-Z 0-9 '<'. Parse returns it with the zero Document.
//
// Line and Column are 1-based and count the MRZ lines after surrounding blank
// lines and the spaces and tabs around each line are dropped. Either is 0 when
// the error is not about one line or one column. The message never contains
// the offending text.
type SyntaxError struct {
	Line, Column int
	// Kind is ErrInputTooLong, ErrLineCount, ErrLineLength or
	// ErrInvalidCharacter.
	Kind error
	// Detail says more in fixed words, e.g. "want 44 characters (TD3)".
	Detail string
}

// Error describes the error by its position and kind, never by the text.
func (e *SyntaxError) Error() string {
	var b strings.Builder
	b.WriteString("mrz: ")
	writePos(&b, e.Line, e.Column)
	b.WriteString(e.Kind.Error())
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	return b.String()
}

// Unwrap returns Kind.
func (e *SyntaxError) Unwrap() error { return e.Kind }

// Is reports whether target is ErrSyntax.
func (e *SyntaxError) Is(target error) bool { return target == ErrSyntax }

func writePos(b *strings.Builder, line, col int) {
	if line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(line))
		if col > 0 {
			b.WriteString(", column ")
			b.WriteString(strconv.Itoa(col))
		}
		b.WriteString(": ")
	} else if col > 0 {
		b.WriteString("column ")
		b.WriteString(strconv.Itoa(col))
		b.WriteString(": ")
	}
}

// CheckError is one failed check of a well-formed MRZ.
//
// Field names the field (see FieldName): FieldDocumentNumber,
// FieldBirthDate, FieldComposite, ... Line and Column are 1-based: for a check
// digit failure they point at the check digit, for any other failure at the
// first character of the field. Kind is one of ErrCheckDigit, ErrDate,
// ErrCountry, ErrSex, ErrDocumentCode and ErrCharacter. The message never
// contains the value of the field.
type CheckError struct {
	Field        FieldName
	Line, Column int
	Kind         error
	// Detail says more in fixed words, e.g. "month out of range".
	Detail string
}

// Error describes the failed check by its position, field and kind, never
// by the value.
func (e *CheckError) Error() string { return message(e.Line, e.Column, e.Field, e.Kind, e.Detail) }

// Unwrap returns Kind.
func (e *CheckError) Unwrap() error { return e.Kind }

// ValidationError lists every check that failed, in the order of their
// positions in the MRZ. Parse returns it together with the best-effort
// Document.
type ValidationError []*CheckError

// Error lists the failed checks.
func (v ValidationError) Error() string {
	switch len(v) {
	case 0:
		return "mrz: no error"
	case 1:
		return v[0].Error()
	}
	var b strings.Builder
	b.WriteString("mrz: ")
	b.WriteString(strconv.Itoa(len(v)))
	b.WriteString(" checks failed: ")
	for i, e := range v {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(strings.TrimPrefix(e.Error(), "mrz: "))
	}
	return b.String()
}

// Unwrap returns the *CheckError values, so that errors.Is and errors.As see
// each of them.
func (v ValidationError) Unwrap() []error {
	out := make([]error, len(v))
	for i, e := range v {
		out[i] = e
	}
	return out
}

// KindName returns the short name of an error kind as the JSON output writes
// it: "check_digit", "date", "country", "sex", "document_code", "character",
// "input_too_long", "line_count", "line_length", "invalid_character",
// "field_length", "missing", "format", "json", "ambiguous" (Find), or
// "other".
func KindName(kind error) string {
	switch kind {
	case ErrCheckDigit:
		return "check_digit"
	case ErrDate:
		return "date"
	case ErrCountry:
		return "country"
	case ErrSex:
		return "sex"
	case ErrDocumentCode:
		return "document_code"
	case ErrCharacter:
		return "character"
	case ErrInputTooLong:
		return "input_too_long"
	case ErrLineCount:
		return "line_count"
	case ErrLineLength:
		return "line_length"
	case ErrInvalidCharacter:
		return "invalid_character"
	case ErrFieldLength:
		return "field_length"
	case ErrMissing:
		return "missing"
	case ErrFormat:
		return "format"
	case ErrJSON:
		return "json"
	case ErrAmbiguous:
		return "ambiguous"
	}
	return "other"
}
