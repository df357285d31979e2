package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"reflect"
	"strings"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

const generateUsage = "mrz generate [--format F --code C --surname S --given-names G --number N --country C --nationality C " +
	"--birth D --sex S --expiry D --optional O --optional2 O] [--translit LIST] [--zero-check-digit] [--today YYYY-MM-DD] [FILE|-]"

// maxJSONInput bounds the JSON generate reads.
const maxJSONInput = 64 << 10

// fieldFlags are the flags of generate that give a field.
type fieldFlags struct {
	f                               mrz.Fields
	given, format, birth, expiry, x string
}

func (ff *fieldFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&ff.format, "format", "", "TD1, TD2, TD3, MRVA, MRVB, FR-CNI, CH-DL or FR-DL")
	fs.StringVar(&ff.f.DocumentCode, "code", "", "document code, such as P, PD, I, ID, A, C, V (default by format: P, I, V, ID, FA or D1)")
	fs.StringVar(&ff.f.Surname, "surname", "", "surname (any script the ICAO tables cover)")
	fs.StringVar(&ff.given, "given-names", "", "given names, separated by spaces")
	fs.StringVar(&ff.f.DocumentNumber, "number", "", "document number")
	fs.StringVar(&ff.f.IssuingState, "country", "", "issuing state or organization (MRZ or ISO code)")
	fs.StringVar(&ff.f.Nationality, "nationality", "", "nationality (MRZ or ISO code)")
	fs.StringVar(&ff.birth, "birth", "", "birth date `YYYY-MM-DD` (X for unknown parts)")
	fs.StringVar(&ff.x, "sex", "", "M, F, X or <")
	fs.StringVar(&ff.expiry, "expiry", "", "expiry date `YYYY-MM-DD`")
	fs.StringVar(&ff.f.OptionalData, "optional", "", "optional data (TD3: the personal number)")
	fs.StringVar(&ff.f.OptionalData2, "optional2", "", "second optional data field (TD1, line 2)")
}

// fields returns the fields the flags give.
func (ff *fieldFlags) fields() (mrz.Fields, error) {
	f := ff.f
	var ok bool
	if f.Format, ok = mrz.ParseFormat(ff.format); !ok {
		return f, errors.New("format: unknown format (want TD1, TD2, TD3, MRVA, MRVB, FR-CNI, CH-DL or FR-DL)")
	}
	if ff.given != "" {
		f.GivenNames = []string{ff.given}
	}
	var err error
	if f.BirthDate, err = flagDate("birth_date", ff.birth); err != nil {
		return f, err
	}
	if f.ExpiryDate, err = flagDate("expiry_date", ff.expiry); err != nil {
		return f, err
	}
	if f.Sex, err = field.ParseSex(ff.x); err != nil {
		return f, errors.New("sex: want M, F, X or <")
	}
	return f, nil
}

// flagDate parses a date given for the field name; "" is no date.
func flagDate(name, s string) (field.Date, error) {
	if s == "" {
		return field.Date{}, nil
	}
	d, err := field.ParseDate(s)
	if err != nil {
		return field.Date{}, fmt.Errorf("%s: invalid date (want YYYY-MM-DD)", name)
	}
	return d, nil
}

func runGenerate(e *env, args []string) int {
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	var ff fieldFlags
	ff.define(fs)
	translit := fs.String("translit", "", "`LIST` of transliteration options, comma separated: short-umlauts, short-aring, xx, ukrainian, belarusian, drop-uncovered (drop characters no table covers instead of refusing them)")
	zero := fs.Bool("zero-check-digit", false, "write 0, not <, as the check digit of an empty personal number")
	var today dateFlag
	fs.Var(&today, "today", "reference date `YYYY-MM-DD` the dates must read back against, for their century (default: today)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return e.flagError(fs, generateUsage, err)
	}
	fromFlags := false
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "translit", "zero-check-digit", "today":
		default:
			fromFlags = true
		}
	})
	var f mrz.Fields
	if fromFlags {
		if len(pos) > 0 {
			return e.fail("generate: give the fields as flags or as JSON, not both")
		}
		f, err = ff.fields()
	} else {
		var in []byte
		if in, err = e.readInput(pos, maxJSONInput); err == nil {
			f, err = decodeFields(in)
		}
	}
	if err != nil {
		return e.fail("generate: %v", err)
	}
	opts, err := encodeOptions(today, *zero, *translit)
	if err != nil {
		return e.fail("generate: %v", err)
	}
	enc, err := mrz.Encode(f, opts...)
	if err != nil {
		return e.fail("generate: %v", strings.TrimPrefix(err.Error(), "mrz: "))
	}
	fmt.Fprintln(e.stdout, enc.String())
	if enc.NameTruncated {
		fmt.Fprintln(e.stderr, "mrz: generate: note: the name was truncated to fit its field")
	}
	return exitValid
}

// encodeOptions returns the options of Encode the flags ask for.
func encodeOptions(today dateFlag, zero bool, translit string) ([]mrz.Option, error) {
	opts := today.options()
	if zero {
		opts = append(opts, mrz.WithZeroCheckDigit())
	}
	if translit == "" {
		return opts, nil
	}
	var t mrz.TranslitOption
	for _, name := range strings.Split(translit, ",") {
		switch strings.TrimSpace(name) {
		case "short-umlauts":
			t |= mrz.ShortUmlauts
		case "short-aring":
			t |= mrz.ShortARing
		case "xx":
			t |= mrz.XXForms
		case "ukrainian":
			t |= mrz.Ukrainian
		case "belarusian":
			t |= mrz.Belarusian
		case "drop-uncovered":
			t |= mrz.DropUncovered
		default:
			return nil, errors.New("translit: unknown option (want short-umlauts, short-aring, xx, ukrainian, belarusian, drop-uncovered)")
		}
	}
	return append(opts, mrz.WithTransliteration(t)), nil
}

// decodeFields reads the fields of generate's JSON input: the keys of
// `mrz parse --json`, plus format. Errors name the field, never its value.
func decodeFields(in []byte) (mrz.Fields, error) {
	var f mrz.Fields
	if len(bytes.TrimSpace(in)) == 0 {
		return f, errors.New("no input: want the fields as a JSON object (the keys of mrz parse --json, plus format)")
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(in, &keys); err != nil || keys == nil {
		if err == nil || isTypeError(err) {
			return f, errors.New("want the fields as a JSON object (the keys of mrz parse --json, plus format)")
		}
		return f, fmt.Errorf("reading the fields as JSON: %s", jsonErrorText(err))
	}
	if err := checkTyped(keys); err != nil {
		return f, err
	}
	if err := json.Unmarshal(in, &f); err != nil {
		return f, fmt.Errorf("reading the fields as JSON: %s", jsonErrorText(err))
	}
	return f, nil
}

// checkTyped checks the values of the keys that are not plain text: the
// format, the dates and the sex.
func checkTyped(keys map[string]json.RawMessage) error {
	format, err := jsonText(keys, "format")
	if err != nil {
		return err
	}
	if format == "" {
		return errors.New("format: missing (want TD1, TD2, TD3, MRVA, MRVB, FR-CNI, CH-DL or FR-DL)")
	}
	if _, ok := mrz.ParseFormat(format); !ok {
		return errors.New("format: unknown format (want TD1, TD2, TD3, MRVA, MRVB, FR-CNI, CH-DL or FR-DL)")
	}
	for _, name := range []string{"birth_date", "expiry_date", "issue_date"} {
		s, err := jsonText(keys, name)
		if err != nil {
			return err
		}
		if _, err := flagDate(name, s); err != nil {
			return err
		}
	}
	s, err := jsonText(keys, "sex")
	if err != nil {
		return err
	}
	if _, err := field.ParseSex(s); err != nil {
		return errors.New("sex: want M, F, X or <")
	}
	return nil
}

// jsonText returns the string value of a key, "" when it is absent or
// null.
func jsonText(keys map[string]json.RawMessage, name string) (string, error) {
	raw, ok := keys[name]
	if !ok || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("%s: wrong type (want a string)", name)
	}
	return s, nil
}

func isTypeError(err error) bool {
	var te *json.UnmarshalTypeError
	return errors.As(err, &te)
}

// jsonErrorText describes a JSON decoding error without quoting the input.
func jsonErrorText(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var fe *mrz.FieldError
	switch {
	case errors.As(err, &fe) && errors.Is(fe.Kind, mrz.ErrJSON) && fe.Field != "":
		// Fields.UnmarshalJSON names the field: a value of the wrong type.
		return fmt.Sprintf("%s: %s", fieldPath(string(fe.Field)), strings.Replace(fe.Detail, "wrong type, want ", "wrong type (want ", 1)+")")
	case errors.As(err, &fe):
		return strings.TrimPrefix(fe.Error(), "mrz: ")
	case errors.Is(err, errUnexpectedEOF) || err.Error() == "unexpected end of JSON input":
		return "truncated JSON"
	case errors.As(err, &se):
		return fmt.Sprintf("malformed JSON at byte %d", se.Offset)
	case errors.As(err, &te):
		return fmt.Sprintf("%s: wrong type (want %s)", fieldPath(te.Field), te.Type)
	}
	return "malformed JSON"
}

// fieldPath returns the key path of a JSON error when every part of it is
// a key of mrz.Fields, and "a field" otherwise: the path of a map holds
// keys of the input.
func fieldPath(path string) string {
	t := reflect.TypeFor[mrz.Fields]()
	known := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		known[name] = true
	}
	for _, p := range strings.Split(path, ".") {
		if !known[p] {
			return "a field"
		}
	}
	return path
}
