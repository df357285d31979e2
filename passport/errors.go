package passport

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// ErrInput is wrapped by every error about malformed vendor input. The
// messages name the JSON key, path or byte offset, never a value copied
// from the input.
var ErrInput = errors.New("passport: unreadable input")

// MaxInput is the largest vendor response the readers accept, in bytes (the
// limit of the Scan Document API).
const MaxInput = 15 << 20

// checkInput refuses input over MaxInput and input that is empty (or only
// white space).
func checkInput(b []byte) error {
	if len(b) > MaxInput {
		return fmt.Errorf("%w: input over %d bytes", ErrInput, MaxInput)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return fmt.Errorf("%w: empty input", ErrInput)
	}
	return nil
}

// jsonError describes an error of encoding/json without quoting the input:
// a truncated text, the byte offset of a syntax error, or the path of a
// value of the wrong type (object keys the readers know, "?" for any other)
// and the kind of JSON value found there.
func jsonError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, ErrInput):
		return err
	case errors.Is(err, io.ErrUnexpectedEOF) || err.Error() == "unexpected end of JSON input":
		return fmt.Errorf("%w: truncated JSON", ErrInput)
	case errors.As(err, &se):
		return fmt.Errorf("%w: malformed JSON at byte %d", ErrInput, se.Offset)
	case errors.As(err, &te):
		want := kindName(te.Type.Kind())
		if w, ok := wants[te.Type]; ok {
			want = w
		}
		return fmt.Errorf("%w: %s: wrong type: got %s, want %s", ErrInput, safePath(te.Field), jsonKindWord(te.Value), want)
	}
	return fmt.Errorf("%w: malformed JSON", ErrInput)
}

// wants describes, for the types of this package that refuse a JSON value
// themselves, what they take.
var wants = map[reflect.Type]string{
	reflect.TypeFor[mindeePage]():  "a page number or null",
	reflect.TypeFor[mindeeNames](): "a list of fields or one field",
	reflect.TypeFor[optString]():   "string or null",
}

// jsonKindWord returns the kind of JSON value an UnmarshalTypeError names
// ("number", "string", ...), dropping any text of the value that follows.
func jsonKindWord(v string) string {
	w, _, _ := strings.Cut(v, " ")
	switch w {
	case "number", "string", "object", "array", "bool", "null", "negative":
		if v == "negative number" {
			return v
		}
		return w
	}
	return "another kind of value"
}

// kindName names a Go kind as the JSON kind it decodes from.
func kindName(k reflect.Kind) string {
	switch k {
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "object"
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "bool"
	}
	return "number"
}

// safePath returns the dotted JSON path of an error with every part that is
// not a key of the shapes this package reads (a key of rawFields, say)
// replaced by "?".
func safePath(path string) string {
	if path == "" {
		return "top level"
	}
	parts := strings.Split(path, ".")
	for i, p := range parts {
		if !wireKeys[p] {
			parts[i] = "?"
		}
	}
	return strings.Join(parts, ".")
}

// wireKeys are the object keys of every shape the readers decode.
var wireKeys = collectKeys(reflect.TypeFor[mindeeIn](), reflect.TypeFor[scanIn](),
	reflect.TypeFor[textractIn](), reflect.TypeFor[passportIn]())

// collectKeys returns the JSON names of the fields of the struct types ts
// and of the structs they hold.
func collectKeys(ts ...reflect.Type) map[string]bool {
	keys := map[string]bool{}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
				keys[name] = true
			}
			walk(f.Type)
		}
	}
	for _, t := range ts {
		walk(t)
	}
	return keys
}
