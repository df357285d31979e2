package mrz_test

import (
	"errors"
	"strings"
	"testing"
	"unicode"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

// latinRows is the Latin table of ICAO Doc 9303 Part 3, section 6: each
// letter, its recommended form, and its alternative form where the table
// gives one.
var latinRows = []struct {
	in, want, alt string
	opt           mrz.TranslitOption
}{
	{"À", "A", "", 0}, {"Á", "A", "", 0}, {"Â", "A", "", 0}, {"Ã", "A", "", 0},
	{"Ä", "AE", "A", mrz.ShortUmlauts}, {"Å", "AA", "A", mrz.ShortARing},
	{"Ā", "A", "", 0}, {"Ă", "A", "", 0}, {"Ą", "A", "", 0}, {"Æ", "AE", "", 0},
	{"Ç", "C", "", 0}, {"Ć", "C", "", 0}, {"Ĉ", "C", "", 0}, {"Ċ", "C", "", 0}, {"Č", "C", "", 0},
	{"Ð", "D", "", 0}, {"Ď", "D", "", 0}, {"Đ", "D", "", 0},
	{"È", "E", "", 0}, {"É", "E", "", 0}, {"Ê", "E", "", 0}, {"Ë", "E", "", 0}, {"Ē", "E", "", 0},
	{"Ĕ", "E", "", 0}, {"Ė", "E", "", 0}, {"Ę", "E", "", 0}, {"Ě", "E", "", 0},
	{"Ĝ", "G", "", 0}, {"Ğ", "G", "", 0}, {"Ġ", "G", "", 0}, {"Ģ", "G", "", 0},
	{"Ĥ", "H", "", 0}, {"Ħ", "H", "", 0},
	{"Ì", "I", "", 0}, {"Í", "I", "", 0}, {"Î", "I", "", 0}, {"Ï", "I", "", 0}, {"Ĩ", "I", "", 0},
	{"Ī", "I", "", 0}, {"Ĭ", "I", "", 0}, {"Į", "I", "", 0}, {"İ", "I", "", 0}, {"ı", "I", "", 0},
	{"Ĳ", "IJ", "", 0}, {"Ĵ", "J", "", 0}, {"Ķ", "K", "", 0},
	{"Ĺ", "L", "", 0}, {"Ļ", "L", "", 0}, {"Ľ", "L", "", 0}, {"Ŀ", "L", "", 0}, {"Ł", "L", "", 0},
	{"Ñ", "N", "NXX", mrz.XXForms}, {"Ń", "N", "", 0}, {"Ņ", "N", "", 0}, {"Ň", "N", "", 0}, {"Ŋ", "N", "", 0},
	{"Ò", "O", "", 0}, {"Ó", "O", "", 0}, {"Ô", "O", "", 0}, {"Õ", "O", "", 0},
	{"Ö", "OE", "O", mrz.ShortUmlauts}, {"Ō", "O", "", 0}, {"Ŏ", "O", "", 0}, {"Ő", "O", "", 0},
	{"Ø", "OE", "", 0}, {"Œ", "OE", "", 0},
	{"Ŕ", "R", "", 0}, {"Ŗ", "R", "", 0}, {"Ř", "R", "", 0},
	{"Ś", "S", "", 0}, {"Ŝ", "S", "", 0}, {"Ş", "S", "", 0}, {"Š", "S", "", 0}, {"ß", "SS", "", 0}, {"ẞ", "SS", "", 0},
	{"Ţ", "T", "", 0}, {"Ť", "T", "", 0}, {"Ŧ", "T", "", 0}, {"Þ", "TH", "", 0},
	{"Ù", "U", "", 0}, {"Ú", "U", "", 0}, {"Û", "U", "", 0}, {"Ü", "UE", "U", mrz.ShortUmlauts},
	{"Ü", "UE", "UXX", mrz.XXForms}, {"Ũ", "U", "", 0}, {"Ū", "U", "", 0}, {"Ŭ", "U", "", 0},
	{"Ů", "U", "", 0}, {"Ű", "U", "", 0}, {"Ų", "U", "", 0},
	{"Ŵ", "W", "", 0}, {"Ý", "Y", "", 0}, {"Ŷ", "Y", "", 0}, {"Ÿ", "Y", "", 0},
	{"Ź", "Z", "", 0}, {"Ż", "Z", "", 0}, {"Ž", "Z", "", 0},
}

func TestTransliterateLatinTable(t *testing.T) {
	for _, r := range latinRows {
		for _, in := range []string{r.in, strings.ToLower(r.in)} {
			if got, err := mrz.Transliterate(in, 0); err != nil || got != r.want {
				t.Errorf("Transliterate(%q) = %q, %v; want %q", in, got, err, r.want)
			}
			if r.alt != "" {
				if got, err := mrz.Transliterate(in, r.opt); err != nil || got != r.alt {
					t.Errorf("Transliterate(%q, %v) = %q, %v; want %q", in, r.opt, got, err, r.alt)
				}
			}
		}
	}
}

// cyrillicRows is the Russian Cyrillic table of ICAO Doc 9303 Part 3,
// section 6, with the Ukrainian and Belarusian exceptions.
var cyrillicRows = []struct{ in, want, ukr, bel string }{
	{"А", "A", "", ""}, {"Б", "B", "", ""}, {"В", "V", "", ""}, {"Г", "G", "H", "H"}, {"Д", "D", "", ""},
	{"Е", "E", "", ""}, {"Ё", "E", "", ""}, {"Ж", "ZH", "", ""}, {"З", "Z", "", ""}, {"И", "I", "Y", ""},
	{"Й", "I", "", ""}, {"К", "K", "", ""}, {"Л", "L", "", ""}, {"М", "M", "", ""}, {"Н", "N", "", ""},
	{"О", "O", "", ""}, {"П", "P", "", ""}, {"Р", "R", "", ""}, {"С", "S", "", ""}, {"Т", "T", "", ""},
	{"У", "U", "", ""}, {"Ф", "F", "", ""}, {"Х", "KH", "", ""}, {"Ц", "TS", "", ""}, {"Ч", "CH", "", ""},
	{"Ш", "SH", "", ""}, {"Щ", "SHCH", "", ""}, {"Ъ", "IE", "", ""}, {"Ы", "Y", "", ""}, {"Ь", "", "", ""},
	{"Э", "E", "", ""}, {"Ю", "IU", "", ""}, {"Я", "IA", "", ""},
	{"Ґ", "G", "", ""}, {"Є", "IE", "", ""}, {"І", "I", "", ""}, {"Ї", "I", "", ""}, {"Ў", "U", "", ""},
}

func TestTransliterateCyrillicTable(t *testing.T) {
	for _, r := range cyrillicRows {
		for _, in := range []string{r.in, strings.ToLower(r.in)} {
			if got, err := mrz.Transliterate(in, 0); err != nil || got != r.want {
				t.Errorf("Transliterate(%q) = %q, %v; want %q", in, got, err, r.want)
			}
			for _, x := range []struct {
				opt  mrz.TranslitOption
				want string
			}{{mrz.Ukrainian, r.ukr}, {mrz.Belarusian, r.bel}} {
				want := x.want
				if want == "" {
					want = r.want
				}
				if got, _ := mrz.Transliterate(in, x.opt); got != want {
					t.Errorf("Transliterate(%q, %v) = %q; want %q", in, x.opt, got, want)
				}
			}
		}
	}
}

func TestTransliterateNames(t *testing.T) {
	tests := []struct {
		in, want string
		opt      mrz.TranslitOption
	}{
		{"Müller-Lüdenscheidt", "MUELLER<LUEDENSCHEIDT", 0},
		{"Müller-Lüdenscheidt", "MULLER<LUDENSCHEIDT", mrz.ShortUmlauts},
		{"O'Brien", "OBRIEN", 0},
		{"D’Artagnan", "DARTAGNAN", 0},
		{"  Anna   Maria  ", "ANNA<MARIA", 0},
		{"Jean -- Pierre", "JEAN<PIERRE", 0},
		{"St. John", "ST<JOHN", 0},
		{"Søren Kierkegård", "SOEREN<KIERKEGAARD", 0},
		{"Łukasz Żółć", "LUKASZ<ZOLC", 0},
		{"Straße", "STRASSE", 0},
		{"Þórsdóttir", "THORSDOTTIR", 0},
		{"Ĳsselmeer", "IJSSELMEER", 0},
		{"Dvořák", "DVORAK", 0},
		{"A\u0308rger", "AERGER", 0}, // decomposed Ä is composed first
		{"Горбачёв", "GORBACHEV", 0},
		{"Михаил Сергеевич", "MIKHAIL<SERGEEVICH", 0},
		{"Шевченко", "SHEVCHENKO", mrz.Ukrainian},
		{"Григорий", "HRYHORYI", mrz.Ukrainian},
		{"Лукашэнка", "LUKASHENKA", mrz.Belarusian},
		{"Щукин", "SHCHUKIN", 0},
		{"Ульяна", "ULIANA", 0},
		{"", "", 0},
		{"-'-", "", 0},
	}
	for _, tt := range tests {
		if got, err := mrz.Transliterate(tt.in, tt.opt); err != nil || got != tt.want {
			t.Errorf("Transliterate(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"Anna2", "李", "Ωμέγα", "A\x00B", "J\u200bohn", "ERIK✓$SON", "A+B", "Zoë©", "€uro"} {
		_, err := mrz.Transliterate(in, 0)
		if !errors.Is(err, mrz.ErrCharacter) || strings.Contains(err.Error(), in) {
			t.Errorf("Transliterate(%q): %v", in, err)
		}
	}
}

// TestTransliterateUncovered checks the characters no table covers: an
// error naming the field in Encode, dropped with DropUncovered.
func TestTransliterateUncovered(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"ERIK✓$SON", "ERIKSON"}, {"李 Anna", "ANNA"}, {"A+B=C", "ABC"}, {"J\u200bohn", "JOHN"}, {"Ωμέγα", ""},
	} {
		if _, err := mrz.Transliterate(tt.in, 0); !errors.Is(err, mrz.ErrCharacter) {
			t.Errorf("Transliterate(%q): %v, want an error", tt.in, err)
		}
		if got, err := mrz.Transliterate(tt.in, mrz.DropUncovered); err != nil || got != tt.want {
			t.Errorf("Transliterate(%q, DropUncovered) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	// Digits are never dropped: a digit in a name is a mistake, not a
	// character of another script.
	if _, err := mrz.Transliterate("Anna2", mrz.DropUncovered); !errors.Is(err, mrz.ErrCharacter) {
		t.Errorf("digit with DropUncovered: %v", err)
	}
	f := mrz.Fields{Format: mrz.TD3, IssuingState: "UTO", DocumentNumber: "L898902C3", Nationality: "UTO",
		Surname: "ERIK✓$SON", GivenNames: []string{"ANNA"}, BirthDate: field.MustDate(1974, 8, 12),
		Sex: field.SexFemale, ExpiryDate: field.MustDate(2030, 4, 15)}
	_, err := mrz.Encode(f, ref2026)
	var fe *mrz.FieldError
	if !errors.As(err, &fe) || fe.Field != mrz.FieldSurname || !errors.Is(err, mrz.ErrCharacter) ||
		!strings.Contains(err.Error(), "character 5") || strings.Contains(err.Error(), "✓") {
		t.Errorf("Encode: %v", err)
	}
	f.Surname, f.GivenNames = "ERIKSSON", []string{"AN$NA"}
	if _, err := mrz.Encode(f, ref2026); !errors.As(err, &fe) || fe.Field != mrz.FieldGivenNames {
		t.Errorf("Encode of given names: %v", err)
	}
	f.Surname = "ERIK✓$SON"
	e, err := mrz.Encode(f, ref2026, mrz.WithTransliteration(mrz.DropUncovered))
	if err != nil || !strings.HasPrefix(e.Lines[0], "P<UTOERIKSON<<ANNA<") {
		t.Errorf("Encode with DropUncovered: %v %v", e, err)
	}
}

func FuzzTransliterate(f *testing.F) {
	for _, s := range []string{"Müller", "Горбачёв", "O'Brien", "a-b c", "李", "Ĳ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := mrz.Transliterate(s, mrz.DropUncovered); err != nil && !strings.ContainsFunc(s, unicode.IsDigit) {
			t.Fatalf("DropUncovered refused %q without a digit: %v", s, err)
		}
		got, err := mrz.Transliterate(s, 0)
		if err != nil {
			return
		}
		// Only MRZ name characters, no leading, trailing or double '<'.
		for _, r := range got {
			if (r < 'A' || r > 'Z') && r != '<' {
				t.Fatalf("Transliterate(%q) = %q", s, got)
			}
		}
		if strings.HasPrefix(got, "<") || strings.HasSuffix(got, "<") || strings.Contains(got, "<<") {
			t.Fatalf("Transliterate(%q) = %q", s, got)
		}
		// What is already MRZ text transliterates to itself.
		if again, err := mrz.Transliterate(got, 0); err != nil || again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
		// ASCII letters pass through in upper case.
		ascii := true
		for _, r := range s {
			if r > unicode.MaxASCII || !(unicode.IsLetter(r)) {
				ascii = false
			}
		}
		if ascii && got != strings.ToUpper(s) {
			t.Fatalf("ASCII %q -> %q", s, got)
		}
	})
}
