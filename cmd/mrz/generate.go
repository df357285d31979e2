package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

const generateUsage = "mrz generate [--format F --surname S --given-names G --number N --country C --nationality C --birth D --sex S --expiry D --optional O] [--translit LIST] [--zero-check-digit] [FILE|-]"

// maxJSONInput bounds the JSON generate reads.
const maxJSONInput = 64 << 10

func runGenerate(e *env, args []string) int {
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	var f mrz.Fields
	var given, format, birth, expiry, sex, translit string
	var today dateFlag
	fs.StringVar(&format, "format", "", "TD1, TD2, TD3, MRVA, MRVB, FR-CNI, CH-DL or FR-DL")
	fs.StringVar(&f.DocumentCode, "code", "", "document code (default by format)")
	fs.StringVar(&f.Surname, "surname", "", "surname (any script the ICAO tables cover)")
	fs.StringVar(&given, "given-names", "", "given names, separated by spaces")
	fs.StringVar(&f.DocumentNumber, "number", "", "document number")
	fs.StringVar(&f.IssuingState, "country", "", "issuing state or organization")
	fs.StringVar(&f.Nationality, "nationality", "", "nationality")
	fs.StringVar(&birth, "birth", "", "birth date YYYY-MM-DD (X for unknown parts)")
	fs.StringVar(&sex, "sex", "", "M, F, X or <")
	fs.StringVar(&expiry, "expiry", "", "expiry date YYYY-MM-DD")
	fs.StringVar(&f.OptionalData, "optional", "", "optional data (TD3: personal number)")
	fs.StringVar(&f.OptionalData2, "optional2", "", "second optional data field (TD1)")
	fs.StringVar(&translit, "translit", "", "comma list of: short-umlauts, short-aring, xx, ukrainian, belarusian")
	zero := fs.Bool("zero-check-digit", false, "write 0, not <, as the check digit of an empty personal number")
	fs.Var(&today, "today", "reference date for two-digit years (default: today)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return e.fail("generate: %v (usage: %s)", err, generateUsage)
	}
	fromFlags := false
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "translit", "zero-check-digit", "today":
		default:
			fromFlags = true
		}
	})
	if fromFlags {
		if len(pos) > 0 {
			return e.fail("generate: give the fields as flags or as JSON, not both")
		}
		var ok bool
		if f.Format, ok = mrz.ParseFormat(format); !ok {
			return e.fail("generate: format: unknown format (want TD1, TD2, TD3, MRVA, MRVB, FR-CNI, CH-DL or FR-DL)")
		}
		if given != "" {
			f.GivenNames = []string{given}
		}
		for _, d := range []struct {
			name string
			src  string
			dst  *field.Date
		}{{"birth_date", birth, &f.BirthDate}, {"expiry_date", expiry, &f.ExpiryDate}} {
			if d.src == "" {
				continue
			}
			v, err := field.ParseDate(d.src)
			if err != nil {
				return e.fail("generate: %s: invalid date (want YYYY-MM-DD)", d.name)
			}
			*d.dst = v
		}
		if f.Sex, err = field.ParseSex(sex); err != nil {
			return e.fail("generate: sex: want M, F, X or <")
		}
	} else {
		in, err := e.readInput(pos, maxJSONInput)
		if err != nil {
			return e.fail("generate: %v", err)
		}
		dec := json.NewDecoder(bytes.NewReader(in))
		if err := dec.Decode(&f); err != nil {
			return e.fail("generate: reading the fields as JSON: %v", jsonErrorText(err))
		}
		if f.Format == mrz.FormatUnknown {
			return e.fail("generate: format: missing or unknown format")
		}
	}
	opts := today.options()
	if *zero {
		opts = append(opts, mrz.WithZeroCheckDigit())
	}
	if translit != "" {
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
			default:
				return e.fail("generate: translit: unknown option (want short-umlauts, short-aring, xx, ukrainian, belarusian)")
			}
		}
		opts = append(opts, mrz.WithTransliteration(t))
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

// jsonErrorText describes a JSON decoding error without quoting the input.
func jsonErrorText(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("malformed JSON at byte %d", se.Offset)
	case errors.As(err, &te):
		return fmt.Sprintf("field %s: wrong type (want %s)", te.Field, te.Type)
	case errors.Is(err, errUnexpectedEOF) || err.Error() == "unexpected EOF":
		return "truncated JSON"
	}
	msg := err.Error()
	// Errors from UnmarshalText name the field type, not the value.
	if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "json:") {
		return msg[6:]
	}
	return msg
}
