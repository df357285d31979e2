package mrz_test

import (
	"errors"
	"testing"

	"github.com/mrzkit/mrzkit/mrz"
)

func TestCheckDigit(t *testing.T) {
	tests := []struct {
		in   string
		want byte
	}{
		// Values from ICAO 9303-3 and the specimens.
		{"L898902C3", '6'},
		{"740812", '2'},
		{"120415", '9'},
		{"ZE184226B<<<<<", '1'},
		{"L898902C3674081221204159ZE184226B<<<<<1", '0'}, // ERIKSSON composite
		{"D23145890734", '9'},
		{"D23145890<734", '9'}, // the specimen notes the variant matches too
		{"000590240601", '1'},
		{"000590240<601", '3'}, // Belgian variant
		{"HA672242<", '6'},
		{"520727", '3'}, // ICAO 9303-3 4.9 worked example
		{"AB2134<<<", '5'},
		{"", '0'},
		{"<<<<<<<<<", '0'},
		{"Z", '5'}, // 35*7 = 245
	}
	for _, tt := range tests {
		got, err := mrz.CheckDigit(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("CheckDigit(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestCheckDigitInvalid(t *testing.T) {
	for _, in := range []string{"abc", "L89 8902", "12-3", "ÄB", "\x00"} {
		_, err := mrz.CheckDigit(in)
		var se *mrz.SyntaxError
		if !errors.As(err, &se) || !errors.Is(err, mrz.ErrInvalidCharacter) || se.Column < 1 || se.Column > len(in) {
			t.Errorf("CheckDigit(%q) error = %v, want an invalid character with its column", in, err)
		}
	}
}

// refCheckDigit is the slow, obviously correct reference: the text of ICAO
// 9303-3 4.9 written out.
func refCheckDigit(s string) (byte, bool) {
	weights := []int{7, 3, 1}
	sum := 0
	for i, r := range s {
		var v int
		switch {
		case r == '<':
			v = 0
		case r >= '0' && r <= '9':
			v = int(r - '0')
		case r >= 'A' && r <= 'Z':
			v = int(r-'A') + 10
		default:
			return 0, false
		}
		sum += v * weights[i%3]
	}
	return byte('0' + sum%10), true
}

func FuzzCheckDigit(f *testing.F) {
	for _, s := range []string{"L898902C3", "740812", "", "<", "abc", "ZE184226B<<<<<", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := mrz.CheckDigit(s)
		want, ok := refCheckDigit(s)
		if ok != (err == nil) {
			t.Fatalf("CheckDigit(%q) error %v, reference ok %v", s, err, ok)
		}
		if ok && got != want {
			t.Fatalf("CheckDigit(%q) = %q, reference %q", s, got, want)
		}
	})
}
