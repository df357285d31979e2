package mrz_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

// TestOptionsOrder checks that every entry point resolves its options the
// same way, whatever their order: a later option of a kind wins, and
// WithRepair does not hide the options after it.
func TestOptionsOrder(t *testing.T) {
	early := mrz.WithReferenceDate(field.MustDate(1970, 1, 1))
	for _, tt := range []struct {
		name string
		opts []mrz.Option
		want field.Date
	}{
		{"strict", []mrz.Option{early}, field.MustDate(1874, 8, 12)},
		{"repair then date", []mrz.Option{mrz.WithRepair(), early}, field.MustDate(1874, 8, 12)},
		{"date then repair", []mrz.Option{early, mrz.WithRepair()}, field.MustDate(1874, 8, 12)},
		{"later date wins", []mrz.Option{early, mrz.WithRepair(), ref2026}, field.MustDate(1974, 8, 12)},
		{"later date wins, strict", []mrz.Option{early, ref2026}, field.MustDate(1974, 8, 12)},
		{"a date that is not full is ignored", []mrz.Option{ref2026, mrz.WithReferenceDate(field.Date{})}, field.MustDate(1974, 8, 12)},
	} {
		d, _ := mrz.Parse(td3, tt.opts...)
		if d.BirthDate() != tt.want {
			t.Errorf("%s: birth date %v, want %v", tt.name, d.BirthDate(), tt.want)
		}
	}
	f := mrz.Fields{Format: mrz.TD3, IssuingState: "D", DocumentNumber: "C01X00T47", Nationality: "D",
		Surname: "Müller", BirthDate: field.MustDate(1964, 8, 12), Sex: field.SexMale, ExpiryDate: field.MustDate(2027, 2, 28)}
	e, err := mrz.Encode(f, mrz.WithTransliteration(mrz.ShortUmlauts), ref2026, mrz.WithTransliteration(0))
	if err != nil || !strings.HasPrefix(e.Lines[0], "P<D<<MUELLER<") {
		t.Errorf("later transliteration: %v %v", e, err)
	}
}

// TestFormatUnmarshalText checks the kind of error for an unknown name.
func TestFormatUnmarshalText(t *testing.T) {
	var f mrz.Format
	if err := f.UnmarshalText([]byte("MRV-A")); err != nil || f != mrz.MRVA {
		t.Errorf("MRV-A: %v %v", f, err)
	}
	err := f.UnmarshalText([]byte("TD4"))
	var fe *mrz.FieldError
	if !errors.As(err, &fe) || !errors.Is(err, mrz.ErrFormat) || errors.Is(err, mrz.ErrLineCount) ||
		fe.Field != mrz.FieldFormat || mrz.KindName(fe.Kind) != "format" {
		t.Errorf("unknown name: %v", err)
	}
	if strings.Contains(err.Error(), "TD4") {
		t.Errorf("error repeats the input: %v", err)
	}
}
