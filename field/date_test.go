package field_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/mrzkit/mrzkit/field"
)

func TestDate(t *testing.T) {
	tests := []struct {
		y       int
		m       time.Month
		d       int
		ok      bool
		text    string
		partial bool
	}{
		{1974, 8, 12, true, "1974-08-12", false},
		{2000, 2, 29, true, "2000-02-29", false},
		{1900, 2, 29, false, "", false},
		{2024, 2, 29, true, "2024-02-29", false},
		{2023, 2, 29, false, "", false},
		{2023, 4, 31, false, "", false},
		{2023, 13, 1, false, "", false},
		{1974, 0, 0, true, "1974-XX-XX", true},
		{0, 8, 12, true, "XXXX-08-12", true},
		{0, 2, 29, true, "XXXX-02-29", true},
		{0, 0, 0, true, "XXXX-XX-XX", true},
		{1974, 8, 0, true, "1974-08-XX", true},
		{-1, 1, 1, false, "", false},
		{10000, 1, 1, false, "", false},
		{2023, 1, 32, false, "", false},
	}
	for _, tt := range tests {
		d, err := field.PartialDate(tt.y, tt.m, tt.d)
		if (err == nil) != tt.ok {
			t.Errorf("PartialDate(%d,%d,%d) error %v", tt.y, tt.m, tt.d, err)
			continue
		}
		if !tt.ok {
			continue
		}
		if d.String() != tt.text || d.IsPartial() != tt.partial || d.IsZero() || d.IsFull() == tt.partial {
			t.Errorf("%s: partial %v full %v", d, d.IsPartial(), d.IsFull())
		}
		back, err := field.ParseDate(tt.text)
		if err != nil || back != d {
			t.Errorf("ParseDate(%q) = %v, %v", tt.text, back, err)
		}
		if d.Year() != tt.y || d.Month() != tt.m || d.Day() != tt.d {
			t.Errorf("%s: parts %d %d %d", d, d.Year(), d.Month(), d.Day())
		}
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, s := range []string{"", "1974-8-12", "1974/08/12", "19740812", "1974-08-1X", "0000-01-01", "1974-00-10", "1974-13-01", "1974-02-30", "abcd-ef-gh", "1974-08-12T00:00:00"} {
		if d, err := field.ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", s, d)
		}
	}
}

func TestDateJSON(t *testing.T) {
	type doc struct {
		A field.Date `json:"a"`
		B field.Date `json:"b"`
	}
	in := doc{A: field.MustDate(1974, 8, 12)}
	b, err := json.Marshal(in)
	if err != nil || string(b) != `{"a":"1974-08-12","b":null}` {
		t.Fatalf("%s %v", b, err)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Fatalf("%+v %v", out, err)
	}
	if err := json.Unmarshal([]byte(`{"a":"1974-13-01"}`), &out); err == nil {
		t.Error("want an error for month 13")
	}
	if err := json.Unmarshal([]byte(`{"a":12}`), &out); err == nil {
		t.Error("want an error for a number")
	}
}

func TestDateCompare(t *testing.T) {
	a, b := field.MustDate(2020, 1, 1), field.MustDate(2020, 1, 2)
	if !a.Before(b) || !b.After(a) || a.Compare(a) != 0 || (field.Date{}).Compare(a) != -1 {
		t.Error("ordering")
	}
	if got := field.MustDate(2024, 2, 29).AddYears(1); got != field.MustDate(2025, 2, 28) {
		t.Errorf("AddYears: %v", got)
	}
	if tm, ok := a.Time(); !ok || tm != time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC) {
		t.Errorf("Time: %v", tm)
	}
	if _, ok := (field.Date{}).Time(); ok {
		t.Error("zero date has a time")
	}
	if field.DateOf(time.Date(2026, 11, 22, 23, 0, 0, 0, time.UTC)) != field.MustDate(2026, 11, 22) {
		t.Error("DateOf")
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"1974-08-12", "1974-XX-XX", "XXXX-02-29", "2000-02-29", "0000-00-00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := field.ParseDate(s)
		if err != nil {
			return
		}
		// What parses prints back the same and parses to the same value.
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
		if full, ok := d.Time(); ok && field.DateOf(full) != d {
			t.Fatalf("Time round trip of %s", d)
		}
	})
}
