package mrz

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// TranslitOption chooses among the alternative forms of the transliteration
// tables of ICAO Doc 9303 Part 3, section 6. The zero value gives the
// recommended forms: Ä AE, Å AA, Ñ N, Ö OE, Ü UE, and the Russian reading of
// Cyrillic. Options combine with |.
type TranslitOption uint8

// The transliteration options.
const (
	// ShortUmlauts writes Ä, Ö and Ü as A, O and U.
	ShortUmlauts TranslitOption = 1 << iota
	// ShortARing writes Å as A.
	ShortARing
	// XXForms writes Ñ as NXX and Ü as UXX (before ShortUmlauts).
	XXForms
	// Ukrainian reads Cyrillic with the Ukrainian exceptions: Г H, И Y.
	Ukrainian
	// Belarusian reads Cyrillic with the Belarusian exceptions: Г H.
	Belarusian
	// DropUncovered drops the characters no transliteration table covers
	// (symbols such as ✓ or $, letters of scripts without a table) instead
	// of refusing the name.
	DropUncovered
)

// latinTable holds the Latin letters of ICAO 9303-3 section 6 that are not
// their NFD base letter: multi-letter forms, and letters Unicode does not
// decompose (Ø, Æ, Ł, Đ, ...). Keys are upper case.
var latinTable = map[rune]string{
	'Ä': "AE", 'Å': "AA", 'Æ': "AE", 'Ð': "D", 'Đ': "D", 'Ħ': "H", 'ı': "I",
	'Ĳ': "IJ", 'Ŀ': "L", 'Ł': "L", 'Ñ': "N", 'Ŋ': "N", 'Ö': "OE", 'Ø': "OE",
	'Œ': "OE", 'ß': "SS", 'ẞ': "SS", 'Þ': "TH", 'Ŧ': "T", 'Ü': "UE", 'ĸ': "K",
}

// cyrillicTable is the Cyrillic table of ICAO 9303-3 section 6 (Russian
// readings, plus the letters of the other Cyrillic alphabets it lists).
// Upper-case keys; Ь is dropped.
var cyrillicTable = map[rune]string{
	'А': "A", 'Б': "B", 'В': "V", 'Г': "G", 'Д': "D", 'Е': "E", 'Ё': "E", 'Ж': "ZH",
	'З': "Z", 'И': "I", 'Й': "I", 'К': "K", 'Л': "L", 'М': "M", 'Н': "N", 'О': "O",
	'П': "P", 'Р': "R", 'С': "S", 'Т': "T", 'У': "U", 'Ф': "F", 'Х': "KH", 'Ц': "TS",
	'Ч': "CH", 'Ш': "SH", 'Щ': "SHCH", 'Ъ': "IE", 'Ы': "Y", 'Ь': "", 'Э': "E",
	'Ю': "IU", 'Я': "IA",
	// Letters of other Cyrillic alphabets in the same table.
	'Ґ': "G", 'Є': "IE", 'І': "I", 'Ї': "I", 'Ў': "U", 'Ђ': "D", 'Ѓ': "G", 'Ѕ': "DZ",
	'Ј': "J", 'Љ': "LJ", 'Њ': "NJ", 'Ћ': "C", 'Ќ': "K", 'Џ': "DZ",
}

// Transliterate writes a name in MRZ characters following ICAO Doc 9303
// Part 3, section 6: letters with diacritics become their base letter, the
// letters the table lists become their multi-letter forms (Æ AE, ß SS, Þ TH,
// ...), Cyrillic is transliterated, apostrophes and other punctuation are
// dropped, and hyphens and spaces become '<' (a run of them one '<').
// Digits, and characters no table covers (symbols such as ✓ or $, letters
// of other scripts), are refused with an error wrapping ErrCharacter,
// naming the position (in runes) but not the character; with
// DropUncovered, the characters no table covers are dropped instead.
//
// It is safe for concurrent use.
func Transliterate(s string, opts TranslitOption) (string, error) {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	sep := false // a separator is pending
	pos := 0
	for _, r := range s {
		pos++
		t, act, what := translitRune(r, opts)
		switch act {
		case actWrite:
			if t == "" {
				continue
			}
			if sep && b.Len() > 0 {
				b.WriteByte('<')
			}
			sep = false
			b.WriteString(t)
		case actSeparate:
			sep = true
		case actRefuse:
			return "", translitError(pos, what)
		}
	}
	return b.String(), nil
}

// translitAction is what Transliterate does with one rune.
type translitAction uint8

const (
	actWrite    translitAction = iota // write its transliteration
	actSeparate                       // a separator between names
	actDrop                           // drop it
	actRefuse                         // refuse the name
)

// translitRune transliterates one rune: what to write, or what to do, and
// for a refusal what the rune is.
func translitRune(r rune, opts TranslitOption) (string, translitAction, string) {
	u := unicode.ToUpper(r)
	switch {
	case u >= 'A' && u <= 'Z':
		return string(u), actWrite, ""
	case r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '´':
		return "", actDrop, "" // apostrophes
	case r == '<' || r == '-' || r == '‐' || r == '‑' || r == '–' || r == '—' || unicode.IsSpace(r):
		return "", actSeparate, ""
	case unicode.IsDigit(r):
		return "", actRefuse, "digit in a name"
	case unicode.IsPunct(r) || unicode.Is(unicode.Mn, r):
		// ICAO omits other punctuation; stray combining marks go too.
		return "", actDrop, ""
	}
	t, ok, what := "", false, "character not allowed in a name"
	switch {
	case unicode.Is(unicode.Cyrillic, r):
		t, ok = cyrillic(u, opts)
		what = "Cyrillic letter without transliteration"
	case unicode.IsLetter(r):
		t, ok = latin(u, opts)
		what = "letter without transliteration"
	case unicode.IsSymbol(r):
		what = "symbol no transliteration table covers"
	}
	switch {
	case ok:
		return t, actWrite, ""
	case opts&DropUncovered != 0:
		return "", actDrop, ""
	}
	return "", actRefuse, what
}

func translitError(pos int, what string) error {
	return &FieldError{Kind: ErrCharacter, Detail: what + " at character " + strconv.Itoa(pos)}
}

// latin transliterates one upper-case Latin letter.
func latin(u rune, opts TranslitOption) (string, bool) {
	switch u {
	case 'Ä':
		if opts&ShortUmlauts != 0 {
			return "A", true
		}
	case 'Ö':
		if opts&ShortUmlauts != 0 {
			return "O", true
		}
	case 'Ü':
		switch {
		case opts&XXForms != 0:
			return "UXX", true
		case opts&ShortUmlauts != 0:
			return "U", true
		}
	case 'Å':
		if opts&ShortARing != 0 {
			return "A", true
		}
	case 'Ñ':
		if opts&XXForms != 0 {
			return "NXX", true
		}
	}
	if t, ok := latinTable[u]; ok {
		return t, true
	}
	// Otherwise the base letter of the canonical decomposition.
	var base []rune
	for _, d := range norm.NFD.String(string(u)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		base = append(base, d)
	}
	if len(base) == 1 && base[0] >= 'A' && base[0] <= 'Z' {
		return string(base[0]), true
	}
	return "", false
}

// cyrillic transliterates one upper-case Cyrillic letter.
func cyrillic(u rune, opts TranslitOption) (string, bool) {
	switch {
	case u == 'Г' && opts&(Ukrainian|Belarusian) != 0:
		return "H", true
	case u == 'И' && opts&Ukrainian != 0:
		return "Y", true
	}
	t, ok := cyrillicTable[u]
	return t, ok
}
