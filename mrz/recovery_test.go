package mrz_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

// The corruption generator: valid MRZs of every format, misread at random
// positions the way OCR engines misread them, embedded in a page of other
// text. Seeded, so every run measures the same pages.

var recoveryRef = field.MustDate(2026, 1, 1)

var (
	surnames = []string{"ERIKSSON", "MUSTERMANN", "DE BRUIJN", "OCONNOR", "SMITH", "GARCIA LOPEZ", "NGUYEN", "KOWALSKI",
		"ABDULLAH", "TANAKA", "BJORKLUND", "DUBOIS", "ROSSI", "PETROV", "OKAFOR", "SANTOS", "IVANOVA", "MULLER", "LI", "BAPTISTE"}
	givens = []string{"ANNA", "MARIA", "PETER", "JOHN", "ERIKA", "LUCIA", "AHMED", "YUKI", "OLGA", "DIEGO", "FATIMA",
		"JEAN PIERRE", "SOFIA", "LIAM", "ZOE", "GABRIEL", "ISABEL", "TOMASZ", "BOGDAN", "QUENTIN"}
	states = []string{"UTO", "D", "FRA", "NLD", "GBR", "USA", "ITA", "ESP", "POL", "JPN", "BEL", "SWE", "CAN", "AUS", "BRA", "XXA", "IND", "ZAF"}
)

func randAlnum(r *rand.Rand, n int, letters float64) string {
	b := make([]byte, n)
	for i := range b {
		if r.Float64() < letters {
			b[i] = byte('A' + r.IntN(26))
		} else {
			b[i] = byte('0' + r.IntN(10))
		}
	}
	return string(b)
}

// randomMRZ writes a valid MRZ with random fields.
func randomMRZ(r *rand.Rand) string {
	formats := []mrz.Format{mrz.TD1, mrz.TD2, mrz.TD3, mrz.TD3, mrz.MRVA, mrz.MRVB}
	for {
		f := mrz.Fields{
			Format:       formats[r.IntN(len(formats))],
			IssuingState: states[r.IntN(len(states))],
			Nationality:  states[r.IntN(len(states))],
			Surname:      surnames[r.IntN(len(surnames))],
			GivenNames:   []string{givens[r.IntN(len(givens))]},
			BirthDate:    field.MustDate(1930+r.IntN(90), time.Month(1+r.IntN(12)), 1+r.IntN(28)),
			Sex:          []field.Sex{field.SexMale, field.SexFemale, field.SexX, field.SexUnspecified}[r.IntN(4)],
			ExpiryDate:   field.MustDate(2000+r.IntN(40), time.Month(1+r.IntN(12)), 1+r.IntN(28)),
		}
		if r.IntN(3) == 0 {
			f.GivenNames = append(f.GivenNames, givens[r.IntN(len(givens))])
		}
		n := 6 + r.IntN(4)
		if (f.Format == mrz.TD1 || f.Format == mrz.TD2) && r.IntN(6) == 0 {
			n = 10 + r.IntN(3) // a long document number
		}
		f.DocumentNumber = randAlnum(r, n, []float64{0, 0.2, 0.5}[r.IntN(3)])
		if r.IntN(2) == 0 {
			f.OptionalData = randAlnum(r, 3+r.IntN(5), 0.3)
		}
		if f.Format == mrz.TD1 && r.IntN(3) == 0 {
			f.OptionalData2 = randAlnum(r, 2+r.IntN(6), 0.3)
		}
		e, err := mrz.Encode(f, mrz.WithReferenceDate(recoveryRef))
		if err == nil {
			return e.String()
		}
	}
}

// baseMRZs returns the valid goldens and random MRZs.
func baseMRZs(t testing.TB, r *rand.Rand, n int) []string {
	var out []string
	files, _ := filepath.Glob("../testdata/mrz/*.mrz")
	for _, in := range files {
		b, _ := os.ReadFile(in)
		if d, err := mrz.Parse(string(b), mrz.WithReferenceDate(recoveryRef)); err == nil && !d.FillerVariant() {
			out = append(out, d.String())
		}
	}
	for len(out) < n {
		out = append(out, randomMRZ(r))
	}
	return out
}

var groups = []string{"0ODQ", "1IL", "2Z", "5S", "6G", "8B", "4A", "7T"}

func partners(c byte) string {
	for _, g := range groups {
		if i := strings.IndexByte(g, c); i >= 0 {
			return g[:i] + g[i+1:]
		}
	}
	return ""
}

func val(c byte) int {
	switch {
	case c == '<':
		return 0
	case c >= '0' && c <= '9':
		return int(c - '0')
	}
	return int(c-'A') + 10
}

// posKind is the test's own, independent, description of what each
// position of an MRZ holds, read from Document.Position.
type posKind uint8

const (
	kAlnumChecked posKind = iota + 1
	kAlnumUnchecked
	kDigit
	kName
	kCountry
	kCode
	kSex
)

type checkDef struct {
	at   int   // offset of the check digit in the joined lines
	over []int // offsets covered, in weight order
}

// layoutOf describes the positions and check digits of an ICAO document.
func layoutOf(d mrz.Document) (kinds map[int]posKind, checks []checkDef) {
	lines := d.Lines()
	off := func(line, col int) int {
		o := 0
		for i := 0; i < line-1; i++ {
			o += len(lines[i]) + 1
		}
		return o + col - 1
	}
	kinds = map[int]posKind{}
	mark := func(name string, k posKind) {
		if l, c, n, ok := d.Position(mrz.FieldName(name)); ok {
			for i := 0; i < n; i++ {
				kinds[off(l, c)+i] = k
			}
		}
	}
	seg := func(line, from, to int) []int {
		var o []int
		for c := from; c <= to; c++ {
			o = append(o, off(line, c))
		}
		return o
	}
	cat := func(s ...[]int) []int {
		var o []int
		for _, x := range s {
			o = append(o, x...)
		}
		return o
	}
	switch d.Format() {
	case mrz.TD3:
		checks = []checkDef{{off(2, 10), seg(2, 1, 9)}, {off(2, 20), seg(2, 14, 19)}, {off(2, 28), seg(2, 22, 27)},
			{off(2, 43), seg(2, 29, 42)}, {off(2, 44), cat(seg(2, 1, 10), seg(2, 14, 20), seg(2, 22, 43))}}
	case mrz.MRVA, mrz.MRVB:
		checks = []checkDef{{off(2, 10), seg(2, 1, 9)}, {off(2, 20), seg(2, 14, 19)}, {off(2, 28), seg(2, 22, 27)}}
	case mrz.TD2:
		checks = []checkDef{{off(2, 10), seg(2, 1, 9)}, {off(2, 20), seg(2, 14, 19)}, {off(2, 28), seg(2, 22, 27)},
			{off(2, 36), cat(seg(2, 1, 10), seg(2, 14, 20), seg(2, 22, 35))}}
	case mrz.TD1:
		checks = []checkDef{{off(1, 15), seg(1, 6, 14)}, {off(2, 7), seg(2, 1, 6)}, {off(2, 15), seg(2, 9, 14)},
			{off(2, 30), cat(seg(1, 6, 30), seg(2, 1, 7), seg(2, 9, 15), seg(2, 19, 29))}}
	default:
		return nil, nil
	}
	mark("document_number", kAlnumChecked)
	mark("optional_data", kAlnumChecked)
	mark("optional_data_2", kAlnumChecked)
	if d.Format() == mrz.MRVA || d.Format() == mrz.MRVB {
		mark("optional_data", kAlnumUnchecked)
	}
	if d.Format() == mrz.TD1 || d.Format() == mrz.TD2 {
		// The whole first optional field: a long number's tail included.
		if l, c, _, ok := d.Position("document_number"); ok {
			end := 30
			if d.Format() == mrz.TD2 {
				l, c, end = 2, 29, 35
			} else {
				c = 16
			}
			for i := c; i <= end; i++ {
				kinds[off(l, i)] = kAlnumChecked
			}
		}
	}
	mark("birth_date", kDigit)
	mark("expiry_date", kDigit)
	for _, c := range checks {
		kinds[c.at] = kDigit
	}
	mark("name", kName)
	mark("issuing_state", kCountry)
	mark("nationality", kCountry)
	mark("document_code", kCode)
	mark("sex", kSex)
	return kinds, checks
}

// misread is one misread character.
type misread struct {
	off      int
	from, to string
	class    string // "unique", "ambiguous", "check", "country", "invisible", "undetectable"
}

// corrupt applies k misreads to a valid MRZ at random positions.
func corrupt(r *rand.Rand, d mrz.Document, k int) ([]byte, []misread) {
	raw := []byte(d.String())
	kinds, _ := layoutOf(d)
	var positions []int
	for o, c := range raw {
		if c != '\n' && (c == '<' || partners(c) != "") {
			positions = append(positions, o)
		}
	}
	r.Shuffle(len(positions), func(i, j int) { positions[i], positions[j] = positions[j], positions[i] })
	chosen := append([]int(nil), positions[:min(k, len(positions))]...)
	// Apply from the end: multi-byte look-alikes shift what follows.
	for i := range chosen {
		for j := i + 1; j < len(chosen); j++ {
			if chosen[j] > chosen[i] {
				chosen[i], chosen[j] = chosen[j], chosen[i]
			}
		}
	}
	var ms []misread
	for _, o := range chosen {
		c := raw[o]
		m := misread{off: o, from: string(c)}
		kind := kinds[o]
		if c == '<' {
			m.to = []string{"K", "«", "‹", "(", " "}[r.IntN(5)]
			switch {
			case m.to != "K":
				m.class = "unique" // never an MRZ character: normalized
			case kind == kDigit || kind == kSex || kind == kCountry:
				m.class = "unique"
			case kind == kAlnumChecked:
				m.class = "undetectable" // K - < is 20: the check digits cannot see it
			case kind == kName && strings.Contains(string(raw[nameStart(kinds, o):o]), "<<<"):
				m.class = "unique" // a name holds no "<<<": only fillers follow it
			default:
				m.class = "invisible" // K is legal here and no check covers it
			}
		} else {
			p := partners(c)
			to := p[r.IntN(len(p))]
			m.to = string(to)
			isD := func(b byte) bool { return b >= '0' && b <= '9' }
			switch kind {
			case kDigit:
				m.class = "unique" // a letter where a digit must stand
			case kName, kCode:
				// The letters the digit read may stand for; the first letter
				// of a document code is one of those ICAO allows the format.
				allowed := "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				if kind == kCode && o == 0 {
					allowed = map[mrz.Format]string{mrz.TD1: "ACI", mrz.TD2: "ACI", mrz.TD3: "P", mrz.MRVA: "V", mrz.MRVB: "V"}[d.Format()]
				}
				switch {
				case !isD(to):
					m.class = "invisible" // a letter for a letter, and no check
				case len(strings.Map(func(r rune) rune {
					if strings.ContainsRune(allowed, r) {
						return r
					}
					return -1
				}, partners(to))) == 1:
					m.class = "unique"
				default:
					m.class = "ambiguous" // 0 may be O, D or Q; 1 may be I or L
				}
			case kCountry:
				m.class = "country"
			case kAlnumChecked:
				if (val(to)-val(c))%10 == 0 {
					m.class = "undetectable" // the check digits cannot see it
				} else {
					m.class = "check"
				}
			default:
				m.class = "invisible" // unchecked optional data of a visa
			}
		}
		raw[o] = m.to[0]
		if len(m.to) > 1 {
			raw = append(raw[:o], append([]byte(m.to), raw[o+1:]...)...)
			// Multi-byte look-alikes shift later offsets: apply them last.
		}
		ms = append(ms, m)
	}
	return raw, ms
}

// nameStart returns the offset where the name field holding o begins.
func nameStart(kinds map[int]posKind, o int) int {
	for o > 0 && kinds[o-1] == kName {
		o--
	}
	return o
}

// classify decides, for the misreads a checks-only repair must find,
// whether they are the only way to satisfy the checks: a slow reference
// that tries every set of confusions of the same size.
func classify(d mrz.Document, ms []misread) string {
	kinds, checks := layoutOf(d)
	if checks == nil {
		return "national" // FR-CNI, FR-DL, CH-DL: no independent reference here
	}
	truth := []byte(d.String())
	// The misreads the issue counts apart come first, then those no check
	// or type can see.
	invisible := false
	for _, m := range ms {
		switch {
		case m.class == "undetectable":
			return "undetectable"
		case m.class == "invisible", m.class == "country" && countryClass(d, m) == "invisible":
			invisible = true
		}
	}
	if invisible {
		return "invisible"
	}
	worst := "unique"
	var checkMs []misread
	for _, m := range ms {
		switch m.class {
		case "ambiguous":
			worst = "ambiguous"
		case "check":
			checkMs = append(checkMs, m)
		case "country":
			// An unknown code is detectable; the repair is unique when one
			// known code alone is a confusion away.
			if countryClass(d, m) == "ambiguous" {
				worst = "ambiguous"
			}
		}
	}
	if len(checkMs) == 0 {
		return worst
	}
	// The corrupted text with only the check misreads left.
	cur := append([]byte(nil), truth...)
	for _, m := range checkMs {
		cur[m.off] = m.to[0]
	}
	if holdsAll(checks, cur) {
		return "undetectable" // the misreads cancel out in every check
	}
	inner := map[int]int{} // innermost check -> misreads under it
	for _, m := range checkMs {
		best, size := -1, 1<<30
		for ci, c := range checks {
			for _, o := range c.over {
				if o == m.off && len(c.over) < size {
					best, size = ci, len(c.over)
				}
			}
		}
		inner[best]++
		if inner[best] > 1 {
			return "double"
		}
	}
	type ed struct {
		off int
		to  byte
	}
	var eds []ed
	for o, k := range kinds {
		if k == kAlnumChecked {
			for _, p := range []byte(partners(cur[o])) {
				eds = append(eds, ed{o, p})
			}
		}
	}
	holds := func(b []byte) bool { return holdsAll(checks, b) }
	// Count the solutions of size 1..len(checkMs).
	for size := 1; size <= len(checkMs); size++ {
		n := 0
		var rec func(start int, b []byte, left int)
		rec = func(start int, b []byte, left int) {
			if left == 0 {
				if holds(b) {
					n++
				}
				return
			}
			for i := start; i < len(eds); i++ {
				if b[eds[i].off] != cur[eds[i].off] {
					continue
				}
				old := b[eds[i].off]
				b[eds[i].off] = eds[i].to
				rec(i+1, b, left-1)
				b[eds[i].off] = old
			}
		}
		rec(0, append([]byte(nil), cur...), size)
		if n > 0 {
			if n == 1 && size == len(checkMs) {
				return worst
			}
			return "ambiguous"
		}
	}
	return "ambiguous"
}

// holdsAll reports whether every check digit of b holds.
func holdsAll(checks []checkDef, b []byte) bool {
	for _, c := range checks {
		if b[c.at] == '<' {
			continue
		}
		sum := 0
		for i, o := range c.over {
			sum += val(b[o]) * []int{7, 3, 1}[i%3]
		}
		if byte('0'+sum%10) != b[c.at] {
			return false
		}
	}
	return true
}

// countryClass classifies a misread in a country code: invisible when
// the misread code is itself known, unique when exactly one known code is a
// single confusion away from it, ambiguous otherwise.
func countryClass(d mrz.Document, m misread) string {
	raw := []byte(d.String())
	for _, name := range []string{"issuing_state", "nationality"} {
		l, c, _, ok := d.Position(mrz.FieldName(name))
		if !ok {
			continue
		}
		lines := strings.Split(string(raw), "\n")
		o := 0
		for i := 0; i < l-1; i++ {
			o += len(lines[i]) + 1
		}
		o += c - 1
		if m.off < o || m.off >= o+3 {
			continue
		}
		code := []byte(string(raw[o : o+3]))
		code[m.off-o] = m.to[0]
		isKnown := func(b []byte) bool {
			for _, x := range b {
				if x >= '0' && x <= '9' {
					return false
				}
			}
			_, k := field.LookupCountry(strings.TrimRight(string(b), "<"))
			return k && b[0] != '<'
		}
		if isKnown(code) {
			return "invisible"
		}
		n := 0
		for i := range code {
			opts := partners(code[i])
			if code[i] == 'K' {
				opts += "<"
			}
			for _, p := range []byte(opts) {
				alt := append([]byte(nil), code...)
				alt[i] = p
				if isKnown(alt) {
					n++
				}
			}
		}
		if n == 1 {
			return "unique"
		}
		return "ambiguous"
	}
	return "unique"
}

var noise = []string{"REPUBLIC OF UTOPIA", "PASSPORT / PASSEPORT", "Type/Type  P", "Code of issuing State", "Surname / Nom",
	"Date of birth 12 AUG 74", "Authority: Ministry of Interior", "Signature of holder", "2 Chemin des Vignes, 1200 Geneve",
	"Nationality", "Sex F  Place of birth ZENITH", "Date of issue 16 APR 07", "page 3", "No. 0042 8891", "Valid until 2031",
	"", "", "Personal No.", "Holder's signature", "*** SPECIMEN ***", "Tel: +41 22 555 01 23"}

// page embeds the MRZ lines among noise lines, with the structural noise
// OCR adds: lower case, spaces, a line short by its fillers, lost or extra
// line breaks.
func page(r *rand.Rand, mrzText string, nlines int) (string, string) {
	lines := strings.Split(mrzText, "\n")
	// Structural noise, all of it repairable.
	switch r.IntN(8) {
	case 0:
		i := r.IntN(len(lines))
		lines[i] = strings.ToLower(lines[i])
	case 1:
		if i := r.IntN(len(lines)); len(lines[i]) > 12 {
			rs := []rune(lines[i])
			p := 5 + r.IntN(len(rs)-10)
			lines[i] = string(rs[:p]) + " " + string(rs[p:])
		}
	case 2:
		i := r.IntN(len(lines))
		if strings.HasSuffix(lines[i], "<<<") && !strings.Contains(lines[i], "«") {
			lines[i] = strings.TrimSuffix(lines[i], "<")
		}
	case 3:
		if len(lines) >= 2 {
			lines = append([]string{lines[0] + lines[1]}, lines[2:]...)
		}
	}
	var out []string
	at := r.IntN(nlines)
	for i := 0; i < nlines; i++ {
		if i == at {
			out = append(out, lines...)
		}
		out = append(out, noise[r.IntN(len(noise))])
	}
	return strings.Join(out, "\n"), mrzText
}

// tally counts what Find returned for a class of pages.
type tally struct {
	n         int
	recovered int // valid, and the true MRZ
	wrong     int // valid, another MRZ than the truth and than the misread one
	misread   int // valid, the MRZ as misread where no type or check can see
	flagged   int // invalid, or nothing found
	offered   int // flagged, with the truth among the alternatives
}

// add counts Find's best candidate for a page. read is the truth with every
// misread of one MRZ character for another applied: a position where the
// candidate differs from both the truth and read is a wrong repair; a valid
// candidate that differs from the truth only where the misreads are is a
// misread no type or check could see.
func (t *tally) add(c mrz.Candidate, ok bool, truth, read string) {
	t.n++
	switch {
	case ok && c.IsValid() && c.Document.String() == truth:
		t.recovered++
	case ok && c.IsValid() && wrongRepair(c.Document.String(), truth, read):
		t.wrong++
	case ok && c.IsValid():
		t.misread++
	default:
		t.flagged++
	}
}

func wrongRepair(got, truth, read string) bool {
	if len(got) != len(truth) {
		return true
	}
	for i := range got {
		if got[i] != truth[i] && got[i] != read[i] {
			return true
		}
	}
	return false
}

// asRead returns the truth with every misread of one MRZ character for
// another applied; look-alikes of '<' that are not MRZ characters are left
// out, since they read back as '<'.
func asRead(d mrz.Document, ms []misread) string {
	b := []byte(d.String())
	for _, m := range ms {
		if c := m.to[0]; len(m.to) == 1 && (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			b[m.off] = c
		}
	}
	return string(b)
}

func (t *tally) merge(o *tally) {
	t.n += o.n
	t.recovered += o.recovered
	t.wrong += o.wrong
	t.misread += o.misread
	t.flagged += o.flagged
	t.offered += o.offered
}

// truthOffered reports whether the candidate offers the truth: whether
// choosing up to three of its alternatives (see Candidate.Choose) turns the
// text into the true MRZ.
func truthOffered(text string, c mrz.Candidate, truth string) bool {
	n := len(c.Alternatives)
	if n > 12 {
		return false
	}
	var try func(start int, chosen []int) bool
	try = func(start int, chosen []int) bool {
		if cs, err := c.Choose(chosen...); err == nil {
			if fixed, err := mrz.ApplyCorrections(text, cs); err == nil && strings.Contains(fixed, truth) {
				return true
			}
		}
		if len(chosen) == 3 {
			return false
		}
		for i := start; i < n; i++ {
			if try(i+1, append(chosen[:len(chosen):len(chosen)], i)) {
				return true
			}
		}
		return false
	}
	return try(0, nil)
}

func pct(a, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f%%", 100*float64(a)/float64(n))
}

// The page classes, by what their misreads leave knowable.
var classes = []string{"unique", "ambiguous", "double", "invisible", "undetectable", "national"}

// TestRecoveryRate measures Find on corrupted pages. Run it with -v to see
// the table the README quotes. MRZ_DEBUG logs pages: "unique" (or any other
// value) those of the unique class Find did not recover, "ambiguous" the
// ambiguous ones it did, "offered" the ambiguous ones whose truth is not
// among the alternatives, "national" the national ones it did not recover.
// Wrong repairs are always logged.
func TestRecoveryRate(t *testing.T) {
	samples := 3000
	if testing.Short() {
		samples = 300
	}
	r := rand.New(rand.NewPCG(2026, 11))
	bases := baseMRZs(t, r, 400)
	t.Logf("%d base MRZs, %d pages per misread count", len(bases), samples)
	row := func(k int, name string, x *tally) {
		t.Logf("| %d | %s | %d | %s | %s | %s | %s | %s |", k, name, x.n, pct(x.recovered, x.n), pct(x.wrong, x.n),
			pct(x.misread, x.n), pct(x.flagged, x.n), pct(x.offered, x.n))
	}
	t.Logf("| misreads | pages | count | recovered | wrongly repaired | misread valid | flagged | truth among alternatives |")
	for k := 1; k <= 3; k++ {
		by := map[string]*tally{}
		for _, c := range classes {
			by[c] = &tally{}
		}
		for i := 0; i < samples; i++ {
			truth := bases[r.IntN(len(bases))]
			d := mrz.MustParse(truth, mrz.WithReferenceDate(recoveryRef))
			raw, ms := corrupt(r, d, k)
			class := classify(d, ms)
			text, _ := page(r, string(raw), 20+r.IntN(40))
			cs, err := mrz.Find(text, mrz.WithReferenceDate(recoveryRef))
			if err != nil {
				t.Fatal(err)
			}
			var best mrz.Candidate
			found := len(cs) > 0
			if found {
				best = cs[0]
			}
			read := asRead(d, ms)
			by[class].add(best, found, truth, read)
			if found && !best.IsValid() && truthOffered(text, best, truth) {
				by[class].offered++
			} else if os.Getenv("MRZ_DEBUG") == "offered" && class == "ambiguous" {
				t.Logf("truth not offered (k=%d) %v:\n%s\n%v\n%+v\n%+v", k, ms, mrzPart(text, raw), best.Err, best.Corrections, best.Alternatives)
			}
			if os.Getenv("MRZ_DEBUG") == "ambiguous" && class == "ambiguous" && found && best.IsValid() {
				t.Logf("ambiguous recovered (k=%d) %v:\n%s\n%+v", k, ms, mrzPart(text, raw), best.Corrections)
			}
			if os.Getenv("MRZ_DEBUG") == "national" && class == "national" && !(found && best.IsValid()) {
				t.Logf("national not recovered (k=%d) %v:\n%q\ntruth\n%s\ngot %v\n%s\n%v\n%+v", k, ms, mrzPart(text, raw), truth, found, best.Document, best.Err, best.Alternatives)
			}
			if dbg := os.Getenv("MRZ_DEBUG"); dbg != "" && dbg != "national" && dbg != "offered" && dbg != "ambiguous" && class == "unique" && !(found && best.IsValid()) {
				t.Logf("not recovered (k=%d) %v:\n%q\ntruth\n%s\ngot %v\n%s\n%+v", k, ms, mrzPart(text, raw), truth, found, best.Document, best.Err)
			}
			if class != "double" && found && best.IsValid() && wrongRepair(best.Document.String(), truth, read) {
				t.Logf("wrong repair (k=%d, %s) %v:\n%s\n->\n%s\ntruth\n%s\n%+v", k, class, ms, mrzPart(text, raw), best.Document, truth, best.Corrections)
			}
		}
		for _, c := range classes {
			row(k, c, by[c])
		}
		// Detectable as the issue counts it: every page but those with a
		// misread the check digits cannot see in a checked field.
		detectable, seen := &tally{}, &tally{}
		for _, c := range classes {
			if c != "undetectable" {
				detectable.merge(by[c])
			}
		}
		for _, c := range classes[:3] {
			seen.merge(by[c])
		}
		row(k, "detectable (the issue's count)", detectable)
		row(k, "seen by a type or a check", seen)
		// Several repairs satisfy every check on an ambiguous page: no
		// reader that does not guess recovers it.
		t.Logf("k=%d: %s of the detectable pages are ambiguous: a reader that does not guess recovers at most %s of them",
			k, pct(by["ambiguous"].n, detectable.n), pct(detectable.n-by["ambiguous"].n, detectable.n))

		// Recovery, on the pages whose misreads are determined.
		u := by["unique"]
		wantRec := map[int]float64{1: 0.99, 2: 0.95, 3: 0}[k]
		if float64(u.recovered) < wantRec*float64(u.n) {
			t.Errorf("k=%d: %s recovered of uniquely repairable MRZs, want at least %.0f%%", k, pct(u.recovered, u.n), 100*wantRec)
		}
		// Ambiguous pages: flagged, with the truth among the alternatives.
		if a := by["ambiguous"]; float64(a.offered) < 0.95*float64(a.n) {
			t.Errorf("k=%d: the truth is among the alternatives on %s of the ambiguous pages, want at least 95%%", k, pct(a.offered, a.n))
		}
		// Wrong repairs: at most 0.1% of the detectable pages, but for those
		// with two misreads under one check digit (see the README).
		single := &tally{}
		for _, c := range []string{"unique", "ambiguous", "invisible", "national"} {
			single.merge(by[c])
		}
		if float64(single.wrong) > 0.001*float64(single.n) {
			t.Errorf("k=%d: %s wrongly repaired, want at most 0.1%%", k, pct(single.wrong, single.n))
		}
	}
}

// mrzPart returns the lines of a page around the corrupted MRZ, for logs.
func mrzPart(page string, raw []byte) string {
	lines := strings.Split(page, "\n")
	first := strings.Split(string(raw), "\n")[0]
	for i, l := range lines {
		if len(l) > 5 && (strings.Contains(l, first[:6]) || strings.Contains(strings.ToUpper(l), first[:6])) {
			return strings.Join(lines[max(0, i-1):min(len(lines), i+4)], "\n")
		}
	}
	return page
}
