package ocr

import (
	"errors"
	"testing"

	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
)

// fakeScans returns scans of the given lines whose every cell gives its
// character probability 0.99, except where odd says otherwise.
func fakeScans(lines []string, odd map[[2]int]map[byte]float32) []*scan {
	var out []*scan
	for i, l := range lines {
		s := &scan{a: 0, b: len(l) - 1, sc: make([]scores, len(l)), quads: make([]quad, len(l)), ink: make([]bool, len(l)), stable: make([]bool, len(l)), text: true}
		for j := 0; j < len(l); j++ {
			s.ink[j] = true
			s.stable[j] = true
			ps, ok := odd[[2]int{i + 1, j + 1}]
			if !ok {
				ps = map[byte]float32{l[j]: 0.99}
			}
			var rest float32 = 1
			for c, p := range ps {
				s.sc[j][glyph.Class(c)] = p
				rest -= p
			}
			for k := range s.sc[j] {
				if s.sc[j][k] == 0 {
					s.sc[j][k] = rest / 36
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// TestUnsure checks that a reading is valid only when the characters the
// check digits do not cover were read with confidence, and that the
// doubtful ones are named.
func TestUnsure(t *testing.T) {
	lines := []string{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"}
	cfg := newConfig([]Option{WithMRZOptions(mrz.WithReferenceDate(mustDate(2010, 1, 1)))})
	tests := []struct {
		name  string
		odd   map[[2]int]map[byte]float32
		valid bool
		col   int // line 1
		field string
	}{
		{"clean", nil, true, 0, ""},
		{"a filler read a letter after the name", map[[2]int]map[byte]float32{{1, 30}: {'S': 0.7, '<': 0.29}}, false, 30, "name"},
		{"a letter of the surname barely read", map[[2]int]map[byte]float32{{1, 8}: {'I': 0.4, 'L': 0.35}}, false, 8, "name"},
		{"a check digit barely read, the check holds", map[[2]int]map[byte]float32{{2, 10}: {'6': 0.45, '5': 0.4}}, true, 0, ""},
	}
	for _, tc := range tests {
		r := decodeLayout(fakeScans(lines, tc.odd), []int{44, 44}, 0, false, cfg)
		if r == nil {
			t.Fatalf("%s: no reading", tc.name)
		}
		if r.valid != tc.valid {
			t.Errorf("%s: valid %v, want %v (%v)", tc.name, r.valid, tc.valid, r.cand.Err)
			continue
		}
		if tc.valid {
			continue
		}
		var ce *mrz.CheckError
		if !errors.As(r.cand.Err, &ce) || !errors.Is(r.cand.Err, mrz.ErrAmbiguous) {
			t.Fatalf("%s: error %v", tc.name, r.cand.Err)
		}
		var ve mrz.ValidationError
		errors.As(r.cand.Err, &ve)
		found := false
		for _, e := range ve {
			if e.Line == 1 && e.Column == tc.col && string(e.Field) == tc.field && e.Kind == mrz.ErrAmbiguous {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: %v does not name line 1, column %d (%s)", tc.name, r.cand.Err, tc.col, tc.field)
		}
	}
}

func TestFieldAt(t *testing.T) {
	d := mrz.MustParse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", mrz.WithReferenceDate(mustDate(2010, 1, 1)))
	for _, tc := range []struct {
		line, col int
		want      string
	}{{1, 1, "document_code"}, {1, 3, "issuing_state"}, {1, 6, "name"}, {2, 1, "document_number"}, {2, 10, "document_number_check"},
		{2, 20, "birth_date_check"}, {2, 21, "sex"}, {2, 44, ""}} {
		if got := fieldAt(d, tc.line, tc.col); string(got) != tc.want {
			t.Errorf("line %d col %d: %q, want %q", tc.line, tc.col, got, tc.want)
		}
	}
}
