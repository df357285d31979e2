package mrz_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/mrz"
)

// benchPage is a 60-line page holding one TD3 with two misreads among
// other text: O for 0 in the birth date, which the date's type repairs, and
// O for 0 in the document number, which only the check digits repair.
func benchPage() string {
	var lines []string
	for i := 0; i < 58; i++ {
		lines = append(lines, noise[i%len(noise)]+" "+fmt.Sprint(i))
	}
	mrzLines := []string{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO74O8122F1204159ZE184226B<<<<<10"}
	mrzLines[1] = strings.Replace(mrzLines[1], "L898902C3", "L8989O2C3", 1)
	out := append(lines[:30:30], mrzLines...)
	return strings.Join(append(out, lines[30:]...), "\n")
}

func TestFindBasics(t *testing.T) {
	cs, err := mrz.Find(benchPage(), ref2026)
	if err != nil || len(cs) == 0 {
		t.Fatalf("%d candidates, %v", len(cs), err)
	}
	c := cs[0]
	if !c.IsValid() || c.Document.String() != td3 || c.StartLine != 31 || c.EndLine != 32 {
		t.Fatalf("best candidate: %v %v lines %d-%d\n%s", c.IsValid(), c.Err, c.StartLine, c.EndLine, c.Document)
	}
	want := []mrz.Correction{
		{Line: 32, Column: 6, From: "O", To: "0", Reason: mrz.ReasonCheckDigit},
		{Line: 32, Column: 16, From: "O", To: "0", Reason: mrz.ReasonDigitExpected},
	}
	if fmt.Sprint(c.Corrections) != fmt.Sprint(want) {
		t.Errorf("corrections %+v", c.Corrections)
	}
	if got := c.Document.Corrections(); len(got) != 2 {
		t.Errorf("Document.Corrections() = %v", got)
	}
}

func TestFindNormalizations(t *testing.T) {
	tests := []struct {
		name, in string
		reasons  []string
	}{
		{"clean", td3, nil},
		{"lower case", strings.ToLower(td3L1) + "\n" + td3L2, []string{"case"}},
		{"look-alikes", strings.Replace(td3L1, "<<<<", "«‹(<", 1) + "\n" + td3L2, []string{"filler look-alike"}},
		{"space inside", td3L1[:10] + " " + td3L1[10:] + "\n" + td3L2, []string{"space removed"}},
		{"space for a filler", strings.Replace(td3L1, "ANNA<MARIA", "ANNA MARIA", 1) + "\n" + td3L2, []string{"space read as filler"}},
		{"stray punctuation", "» " + td3L1 + " .\n" + td3L2 + ",", []string{"stray character removed"}},
		{"glued lines", td3L1 + td3L2, []string{"line break restored"}},
		{"broken line", td3L1[:20] + "\n" + td3L1[20:] + "\n" + td3L2, []string{"line break removed"}},
		{"short line", td3L1[:42] + "\n" + td3L2, []string{"filler padded"}},
		{"extra filler", td3L1 + "<\n" + td3L2, []string{"extra filler removed"}},
		{"blank line between", td3L1 + "\n\n  \n" + td3L2, []string{"blank line removed"}},
		{"K in padding", strings.Replace(td3L1, "MARIA<<<<<", "MARIA<<<K<", 1) + "\n" + td3L2, []string{"filler in padding"}},
		{"country code", td3L1 + "\n" + strings.Replace(td3L2, "UTO", "UT0", 1), []string{"country code; unverified"}},
		{"CR alone", td3L1 + "\r" + td3L2, []string{"carriage return read as line break"}},
		{"CRLF", td3L1 + "\r\n" + td3L2, nil},
		{"TD3 glued", td3L1 + td3L2, []string{"line break restored"}},
		{"K after the given names", strings.Replace(td3L1, "MARIA<<<<<", "MARIA<<K<<", 1) + "\n" + td3L2, []string{"filler in padding"}},
	}
	for _, tt := range tests {
		cs, err := mrz.Find("Some header\n"+tt.in+"\nfooter", ref2026)
		if err != nil || len(cs) == 0 {
			t.Errorf("%s: nothing found (%v)", tt.name, err)
			continue
		}
		c := cs[0]
		if !c.IsValid() || (c.Document.String() != td3) {
			t.Errorf("%s: %v\n%s", tt.name, c.Err, c.Document)
			continue
		}
		for _, k := range c.Corrections {
			if !k.Verified() && !k.Reason.Has(mrz.ReasonCountryCode) {
				t.Errorf("%s: %+v is not verified", tt.name, k)
			}
		}
		var got []string
		for _, k := range c.Corrections {
			if len(got) == 0 || got[len(got)-1] != k.Reason.String() {
				got = append(got, k.Reason.String())
			}
		}
		if strings.Join(got, ",") != strings.Join(tt.reasons, ",") {
			t.Errorf("%s: reasons %v, want %v", tt.name, got, tt.reasons)
		}
		// The corrections replay on the input.
		fixed, err := mrz.ApplyCorrections("Some header\n"+tt.in+"\nfooter", c.Corrections)
		if err != nil || !strings.Contains(strings.ReplaceAll(fixed, "\r\n", "\n"), "\n"+td3+"\n") {
			t.Errorf("%s: ApplyCorrections: %v\n%q", tt.name, err, fixed)
		}
	}
}

// TestFindDigitInName: a digit in a name becomes the letter OCR most often
// reads as it, unverified; with WithStrictNames, the candidate is
// ambiguous and lists the letters.
func TestFindDigitInName(t *testing.T) {
	text := "Some header\n" + strings.Replace(td1, "ERIKSSON", "ER1KSSON", 1) + "\nfooter"
	cs, err := mrz.Find(text, ref2026)
	if err != nil || len(cs) == 0 {
		t.Fatalf("nothing found: %v", err)
	}
	c := cs[0]
	want := mrz.Correction{Line: 4, Column: 3, From: "1", To: "I", Reason: mrz.ReasonLetterExpected | mrz.ReasonUnverified}
	if !c.IsValid() || c.Document.String() != td1 || len(c.Corrections) != 1 || c.Corrections[0] != want ||
		c.Corrections[0].Verified() || c.Corrections[0].Reason.String() != "letter expected; unverified" {
		t.Fatalf("default: %v %+v", c.Err, c.Corrections)
	}
	if d := c.Document; !d.Unverified(mrz.FieldHolderName) || d.Unverified(mrz.FieldDocumentNumber) || d.Unverified(mrz.FieldBirthDate) {
		t.Errorf("Unverified: name %v, number %v, birth %v; want only the name", d.Unverified(mrz.FieldHolderName),
			d.Unverified(mrz.FieldDocumentNumber), d.Unverified(mrz.FieldBirthDate))
	}
	// A repair a check digit confirms, and a strict parse, leave every field verified.
	for name, d := range map[string]mrz.Document{
		"strict parse":     mrz.MustParse(td1, ref2026),
		"letter in a date": findOne(t, td3L1+"\n"+strings.Replace(td3L2, "7408122", "74O8122", 1)),
	} {
		for _, f := range []mrz.FieldName{mrz.FieldHolderName, mrz.FieldBirthDate, mrz.FieldDocumentNumber} {
			if d.Unverified(f) {
				t.Errorf("%s: %s unverified", name, f)
			}
		}
	}
	for _, d := range []struct{ read, truth string }{{"0", "O"}, {"5", "S"}, {"8", "B"}, {"2", "Z"}, {"6", "G"}, {"4", "A"}, {"7", "T"}} {
		in := strings.Replace(td3L1, "ANNA", "ANN"+d.read, 1)
		truth := strings.Replace(td3L1, "ANNA", "ANN"+d.truth, 1)
		cs, _ := mrz.Find(in+"\n"+td3L2, ref2026)
		if len(cs) == 0 || !cs[0].IsValid() || cs[0].Document.Lines()[0] != truth || cs[0].Corrections[0].Verified() {
			t.Errorf("%s in a name: %+v", d.read, cs)
		}
	}
}

// TestFindDigitInNameStrict: with WithStrictNames, a 1 in a name may be I
// or L: flagged, not guessed.
func TestFindDigitInNameStrict(t *testing.T) {
	text := "Some header\n" + strings.Replace(td1, "ERIKSSON", "ER1KSSON", 1) + "\nfooter"
	cs, _ := mrz.Find(text, ref2026, mrz.WithStrictNames())
	c := cs[0]
	if c.IsValid() || !errors.Is(c.Err, mrz.ErrAmbiguous) || len(c.Alternatives) != 2 ||
		len(c.Alternatives[0]) != 1 || len(c.Alternatives[1]) != 1 ||
		c.Alternatives[0][0].To != "I" || c.Alternatives[1][0].To != "L" {
		t.Fatalf("strict: %v %+v", c.Err, c.Alternatives)
	}
	// The error names the field, line and column, never the name.
	var amb *mrz.CheckError
	for _, e := range c.Err.(mrz.ValidationError) {
		if errors.Is(e, mrz.ErrAmbiguous) {
			amb = e
		}
	}
	if amb == nil || amb.Field != "name" || amb.Line != 3 || amb.Column != 3 {
		t.Errorf("strict ambiguity error: %v", c.Err)
	}
	if msg := c.Err.Error(); strings.Contains(msg, "KSSON") || !strings.Contains(msg, "line 3, column 3: name: several repairs") {
		t.Errorf("strict ambiguity message: %s", msg)
	}
}

// TestFindFillerK: a K after the given names' closing "<<" is a filler;
// at the end of the names, a K alone may be a one-letter name or a filler:
// ambiguous.
func TestFindFillerK(t *testing.T) {
	cs, _ := mrz.Find(strings.Replace(td3L1, "MARIA<<<<<", "MARIA<<K<<", 1)+"\n"+td3L2, ref2026)
	if len(cs) == 0 || !cs[0].IsValid() || cs[0].Document.String() != td3 {
		t.Fatalf("K after the names: %+v", cs)
	}
	olga := "P<UTOERIKSSON<<OLGA<K<<<<<<<<<<<<<<<<<<<<<<<\n" + td3L2
	cs, _ = mrz.Find(olga, ref2026)
	if len(cs) == 0 || cs[0].IsValid() || !errors.Is(cs[0].Err, mrz.ErrAmbiguous) || len(cs[0].Alternatives) != 1 {
		t.Fatalf("OLGA<K: %+v", cs)
	}
	c := cs[0]
	if g := c.Document.GivenNames(); len(g) != 2 || g[1] != "K" {
		t.Errorf("OLGA<K as read: %q", g)
	}
	chosen, _ := c.Choose(0)
	fixed, _ := mrz.ApplyCorrections(olga, chosen)
	if d, err := mrz.Parse(fixed, ref2026); err != nil || len(d.GivenNames()) != 1 {
		t.Errorf("OLGA<K, the filler chosen: %v %q", err, d.GivenNames())
	}
	// A K that ends a longer name is a K.
	frank := "P<UTOERIKSSON<<FRANK<<<<<<<<<<<<<<<<<<<<<<<<\n" + td3L2
	if cs, _ := mrz.Find(frank, ref2026); len(cs) == 0 || !cs[0].IsValid() || cs[0].Document.String() != frank {
		t.Errorf("FRANK: %+v", cs)
	}
}

func TestFindAmbiguousCheckRepair(t *testing.T) {
	// 8 -> B at either of two places satisfies the check digits: do not
	// guess.
	l2 := "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
	doc := []byte(l2)
	doc[2] = 'B' // the truth had 9? no: corrupt the first 8 into B
	cs, _ := mrz.Find(td3L1+"\n"+string(doc), ref2026)
	if len(cs) == 0 {
		t.Fatal("nothing found")
	}
	c := cs[0]
	if c.IsValid() {
		if c.Document.String() != td3 {
			t.Fatalf("wrong repair:\n%s", c.Document)
		}
		return // unique here: repaired
	}
	if !errors.Is(c.Err, mrz.ErrAmbiguous) || len(c.Alternatives) < 2 {
		t.Errorf("want alternatives: %v %+v", c.Err, c.Alternatives)
	}
	// Every alternative satisfies the checks, and the error names the field
	// where they differ.
	for _, alt := range c.Alternatives {
		fixed, err := mrz.ApplyCorrections(td3L1+"\n"+string(doc), append(append([]mrz.Correction(nil), c.Corrections...), alt...))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := mrz.Parse(fixed, ref2026); err != nil {
			t.Errorf("alternative %+v does not parse: %v", alt, err)
		}
	}
	var amb *mrz.CheckError
	for _, e := range c.Err.(mrz.ValidationError) {
		if errors.Is(e, mrz.ErrAmbiguous) {
			amb = e
		}
	}
	if amb == nil || amb.Field != "document_number" || amb.Line != 2 || mrz.KindName(amb.Kind) != "ambiguous" {
		t.Errorf("ambiguity error: %v", c.Err)
	}
}

func TestFindNothing(t *testing.T) {
	for _, in := range []string{"", "hello\nworld", strings.Repeat("<", 44) + "\n" + strings.Repeat("<", 44), "PASSPORT\n12.08.1974\nERIKSSON ANNA"} {
		cs, err := mrz.Find(in, ref2026)
		if err != nil || len(cs) != 0 {
			t.Errorf("%q: %d candidates, %v", in, len(cs), err)
		}
	}
	if _, err := mrz.Find(strings.Repeat("x", mrz.MaxFindInput+1)); !errors.Is(err, mrz.ErrInputTooLong) {
		t.Errorf("huge input: %v", err)
	}
}

func TestFindSeveral(t *testing.T) {
	in := td3 + "\n\nsome words\n\n" + td1
	cs, _ := mrz.Find(in, ref2026)
	if len(cs) != 2 || cs[0].Document.Format() == cs[1].Document.Format() {
		t.Fatalf("%d candidates", len(cs))
	}
}

func TestParseWithRepair(t *testing.T) {
	in := td3L1 + "\n" + strings.Replace(td3L2, "7408122", "74O8122", 1)
	if _, err := mrz.Parse(in, ref2026); !errors.Is(err, mrz.ErrDate) {
		t.Fatalf("strict Parse: %v", err)
	}
	d, err := mrz.Parse(in, ref2026, mrz.WithRepair())
	if err != nil || d.String() != td3 || len(d.Corrections()) != 1 {
		t.Fatalf("repair: %v %v", err, d.Corrections())
	}
	if _, err := mrz.Parse("nothing here", mrz.WithRepair()); err == nil {
		t.Error("want an error")
	}
}

// FuzzFind checks that Find never panics, does bounded work, and that every
// candidate's corrections replay on the input to an MRZ that parses
// strictly to the candidate's document.
func FuzzFind(f *testing.F) {
	f.Add(benchPage())
	f.Add(td3L1 + td3L2)
	f.Add(strings.ToLower(td1))
	f.Add("x\n" + td3L1[:30] + "\n" + td3L1[30:] + "\n\n" + td3L2 + " .")
	f.Add("p<uto«‹(\n" + td2)
	f.Add(td3L1 + "\r" + td3L2 + "\r")
	f.Add(strings.ReplaceAll(td1, "\n", ""))
	f.Add("P<UTOERIKSSON<<OLGA<K<<<<<<<<<<<<<<<<<<<<<<<\n" + td3L2)
	f.Fuzz(func(t *testing.T, s string) {
		cs, err := mrz.Find(s, ref2026)
		if err != nil {
			if len(s) <= mrz.MaxFindInput {
				t.Fatalf("error on short input: %v", err)
			}
			return
		}
		for _, c := range cs {
			fixed, err := mrz.ApplyCorrections(s, c.Corrections)
			if err != nil {
				t.Fatalf("corrections do not replay: %v\n%q\n%+v", err, s, c.Corrections)
			}
			lines := splitLines(fixed)
			n := len(c.Document.Lines())
			first := c.StartLine - 1
			for first < len(lines) && strings.TrimSpace(lines[first]) == "" {
				first++
			}
			if first+n > len(lines) {
				t.Fatalf("candidate outside the text")
			}
			got, perr := mrz.Parse(strings.Join(lines[first:first+n], "\n"), ref2026)
			var se *mrz.SyntaxError
			if errors.As(perr, &se) {
				t.Fatalf("corrected text does not parse: %v\n%q", perr, strings.Join(lines[first:first+n], "\n"))
			}
			if got.String() != c.Document.String() {
				t.Fatalf("corrected text\n%s\nis not the candidate\n%s", got, c.Document)
			}
			// Each alternative replays too, and reads another MRZ.
			for i := range c.Alternatives {
				cs, err := c.Choose(i)
				if err != nil {
					t.Fatalf("Choose(%d): %v", i, err)
				}
				alt, err := mrz.ApplyCorrections(s, cs)
				if err != nil {
					t.Fatalf("alternative %d does not replay: %v\n%q\n%+v", i, err, s, cs)
				}
				lines := splitLines(alt)
				first := c.StartLine - 1
				for first < len(lines) && strings.TrimSpace(lines[first]) == "" {
					first++
				}
				if first+n > len(lines) {
					t.Fatalf("alternative %d outside the text", i)
				}
				d, perr := mrz.Parse(strings.Join(lines[first:first+n], "\n"), ref2026)
				if errors.As(perr, &se) || d.String() == c.Document.String() {
					t.Fatalf("alternative %d: %v\n%s", i, perr, d)
				}
			}
		}
	})
}

// splitLines cuts a text into lines as Find counts them: at LF, CRLF or a
// CR alone.
func splitLines(s string) []string {
	return strings.Split(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"), "\n")
}

func TestChoose(t *testing.T) {
	// Lower case: the case correction of the line must not swallow the
	// ambiguous place.
	text := strings.ToLower("P<UTOER1KSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<") + "\n" + td3L2
	strict := mrz.WithStrictNames()
	cs, _ := mrz.Find(text, ref2026, strict)
	if len(cs) == 0 {
		t.Fatal("nothing found")
	}
	c := cs[0]
	if len(c.Alternatives) != 2 {
		t.Fatalf("alternatives: %+v", c.Alternatives)
	}
	for i, want := range []string{"ERIKSSON", "ERLKSSON"} {
		chosen, err := c.Choose(i)
		if err != nil {
			t.Fatal(err)
		}
		fixed, err := mrz.ApplyCorrections(text, chosen)
		if err != nil {
			t.Fatal(err)
		}
		d, err := mrz.Parse(fixed, ref2026)
		if err != nil || d.Surname() != want {
			t.Errorf("alternative %d: %v %q", i, err, d.Surname())
		}
	}
	none, err := c.Choose()
	if err != nil || !slices.Equal(none, c.Corrections) {
		t.Errorf("Choose(): %v %+v", err, none)
	}
	for _, bad := range [][]int{{2}, {-1}, {0, 1}} {
		if _, err := c.Choose(bad...); err == nil {
			t.Errorf("Choose(%v): no error", bad)
		}
	}
	// Two ambiguous places: one alternative from each.
	text = "P<UTOER1KSSON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<\n" + td3L2
	cs, _ = mrz.Find(text, ref2026, strict)
	c = cs[0]
	if len(c.Alternatives) != 4 {
		t.Fatalf("alternatives: %+v", c.Alternatives)
	}
	chosen, err := c.Choose(0, 2)
	if err != nil {
		t.Fatal(err)
	}
	fixed, _ := mrz.ApplyCorrections(text, chosen)
	if d, err := mrz.Parse(fixed, ref2026); err != nil || d.String() != td3 {
		t.Errorf("Choose(0, 2): %v\n%s", err, d)
	}
}

func BenchmarkFind(b *testing.B) {
	page := benchPage()
	b.ReportAllocs()
	b.SetBytes(int64(len(page)))
	for i := 0; i < b.N; i++ {
		cs, _ := mrz.Find(page, ref2026)
		if len(cs) == 0 || !cs[0].IsValid() {
			b.Fatal("not recovered")
		}
	}
}

// BenchmarkFindValid is BenchmarkFind with the TD3 read without a misread:
// decided without the search.
func BenchmarkFindValid(b *testing.B) {
	page := strings.Replace(benchPage(), "L8989O2C36UTO74O8122F", "L898902C36UTO7408122F", 1)
	b.ReportAllocs()
	b.SetBytes(int64(len(page)))
	for i := 0; i < b.N; i++ {
		cs, _ := mrz.Find(page, ref2026)
		if len(cs) == 0 || !cs[0].IsValid() || len(cs[0].Corrections) != 0 {
			b.Fatal("not read as printed")
		}
	}
}

// pageOf is a page of n lines of other text holding, in its middle, the
// TD3 of benchPage with its two misreads.
func pageOf(n int) string {
	mrzLines := strings.Split(benchPage(), "\n")[30:32]
	var lines []string
	for i := 0; i < n-2; i++ {
		lines = append(lines, noise[i%len(noise)]+" "+fmt.Sprint(i))
	}
	out := append(lines[:len(lines)/2:len(lines)/2], mrzLines...)
	return strings.Join(append(out, lines[len(lines)/2:]...), "\n")
}

// BenchmarkFindPage measures Find on pages of 10 to 10,000 lines: its cost
// should grow with the page, no faster.
func BenchmarkFindPage(b *testing.B) {
	for _, n := range []int{10, 100, 1000, 10000} {
		page := pageOf(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(page)))
			for i := 0; i < b.N; i++ {
				cs, _ := mrz.Find(page, ref2026)
				if len(cs) == 0 || !cs[0].IsValid() {
					b.Fatal("not recovered")
				}
			}
		})
	}
}

// TestFindAllocs locks the allocations of Find on the 60-line page.
func TestFindAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	page := benchPage()
	if got := testing.AllocsPerRun(100, func() { _, _ = mrz.Find(page, ref2026) }); got > 40 {
		t.Errorf("Find on the 60-line page: %v allocations, want at most 40", got)
	}
	// A page ten thousand lines long allocates little more: the lines that
	// look like MRZ lines grow one block each.
	long := pageOf(10000)
	if got := testing.AllocsPerRun(5, func() { _, _ = mrz.Find(long, ref2026) }); got > 40 {
		t.Errorf("Find on a 10,000-line page: %v allocations, want at most 40", got)
	}
}

func TestFindNationalTypes(t *testing.T) {
	// The CH-DL number ends in three digits: a letter there is a misread.
	truth := "AAA001D<<\nFACHE305142128097<<800126<<<<<\nMARCHAND<<FABIENNE<<<<<<<<<<<<"
	for _, read := range []string{"AAAD01D<<", "AAA0O1D<<", "AAA00LD<<"} {
		text := "Permis de conduire\n" + read + truth[9:] + "\n"
		cs, err := mrz.Find(text, ref2026)
		if err != nil || len(cs) == 0 {
			t.Fatalf("%s: nothing found (%v)", read, err)
		}
		c := cs[0]
		if !c.IsValid() || c.Document.String() != truth || c.Document.Format() != mrz.SwissDrivingLicence {
			t.Errorf("%s: %v\n%s", read, c.Err, c.Document)
			continue
		}
		// No check digit: not verified.
		if len(c.Corrections) != 1 || c.Corrections[0].Reason != mrz.ReasonDigitExpected|mrz.ReasonUnverified || c.Corrections[0].Line != 2 {
			t.Errorf("%s: corrections %+v", read, c.Corrections)
		}
	}
	// An FR-DL whose every check digit fails is still found, by its fixed
	// start, and reported invalid rather than missed.
	cs, err := mrz.Find("Permis\nD1FRA13AA0D00Z6181231MARTIN<<9\n", ref2026)
	if err != nil || len(cs) == 0 || cs[0].IsValid() || cs[0].Document.Format() != mrz.FrenchDrivingLicence {
		t.Errorf("FR-DL with failing checks: %v %d", err, len(cs))
	}
}

// TestFindLimits: within MaxFindInput every MRZ is found, valid ones are
// never displaced by invalid ones, and a text that reaches the work bound
// says so.
func TestFindLimits(t *testing.T) {
	invalid := td3L1 + "\n" + strings.Replace(td3L2, "7408122", "74X8122", 1) // no repair: X is no confusion
	var b strings.Builder
	for i := 0; i < 256; i++ {
		b.WriteString(invalid + "\n\n")
	}
	b.WriteString(td3)
	cs, err := mrz.Find(b.String(), ref2026)
	if err != nil || len(cs) != 257 || !cs[0].IsValid() || cs[0].StartLine != 256*3+1 {
		t.Errorf("256 invalid copies before a valid one: %v, %d candidates", err, len(cs))
	}

	b.Reset()
	for i := 0; i < 300; i++ {
		b.WriteString(td3 + "\n\n")
	}
	cs, err = mrz.Find(b.String(), ref2026)
	valid := 0
	for _, c := range cs {
		if c.IsValid() {
			valid++
		}
	}
	if err != nil || len(cs) != 300 || valid != 300 {
		t.Errorf("300 valid MRZs: %v, %d candidates, %d valid", err, len(cs), valid)
	}

	// 2077 lines of noise that each look like an MRZ line (93 KB).
	b.Reset()
	r := rand.New(rand.NewPCG(11, 2))
	const chars = "<<<<<<<<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for i := 0; i < 2077; i++ {
		for j := 0; j < 44; j++ {
			b.WriteByte(chars[r.IntN(len(chars))])
		}
		b.WriteByte('\n')
	}
	b.WriteString(td3)
	cs, err = mrz.Find(b.String(), ref2026)
	if err != nil || len(cs) == 0 || !cs[0].IsValid() || cs[0].Document.String() != td3 {
		t.Errorf("2077 lines of noise (%d bytes) before an MRZ: %v, %d candidates", b.Len(), err, len(cs))
	}

	// Lines made to be read in many ways (four spaces that may each be a
	// filler): the bound is reached, and Find says so, with what it found.
	b.Reset()
	spaced := "P<UTO ERIKSSON<<ANNA<MARIA< <<<<<<<<<<<<< <<<< "
	for i := 0; i < 2000; i++ {
		b.WriteString(spaced + "\n")
	}
	b.WriteString("\n" + td3)
	cs, err = mrz.Find(b.String(), ref2026)
	if !errors.Is(err, mrz.ErrFindLimit) || strings.Contains(err.Error(), "ERIKSSON") {
		t.Errorf("many readings: %v, %d candidates", err, len(cs))
	}
}

// TestFindGlued: lines glued into one, as a chip's data group or a bad
// OCR gives them.
func TestFindGlued(t *testing.T) {
	for _, in := range []string{td1, td2, td3, mrva, mrvb} {
		glued := strings.ReplaceAll(in, "\n", "")
		cs, err := mrz.Find("header\n"+glued+"\nfooter", ref2026)
		if err != nil || len(cs) == 0 || !cs[0].IsValid() || cs[0].Document.String() != in {
			t.Errorf("%d characters glued: %v %d", len(glued), err, len(cs))
			continue
		}
		fixed, err := mrz.ApplyCorrections("header\n"+glued+"\nfooter", cs[0].Corrections)
		if err != nil || fixed != "header\n"+in+"\nfooter" {
			t.Errorf("%d characters glued: corrections %+v", len(glued), cs[0].Corrections)
		}
	}
}

// TestFindCR: lines separated by a CR alone, as card readers send them.
func TestFindCR(t *testing.T) {
	for _, in := range []string{td1, td2, td3} {
		text := "header\r" + strings.ReplaceAll(in, "\n", "\r") + "\rfooter"
		cs, err := mrz.Find(text, ref2026)
		if err != nil || len(cs) == 0 || !cs[0].IsValid() || cs[0].Document.String() != in || cs[0].StartLine != 2 {
			t.Errorf("CR: %v %d", err, len(cs))
			continue
		}
		fixed, err := mrz.ApplyCorrections(text, cs[0].Corrections)
		if err != nil || !strings.Contains(fixed, "\r"+in+"\r") {
			t.Errorf("CR: corrections %+v give %q", cs[0].Corrections, fixed)
		}
	}
}

// TestReason: a correction's reason reads and writes as the text of
// today's JSON.
func TestReason(t *testing.T) {
	for _, r := range []mrz.Reason{mrz.ReasonCase, mrz.ReasonCase | mrz.ReasonCheckDigit, mrz.ReasonLetterExpected | mrz.ReasonUnverified, 0} {
		b, err := r.MarshalText()
		var back mrz.Reason
		if err != nil || back.UnmarshalText(b) != nil || back != r || string(b) != r.String() {
			t.Errorf("%v: %q %v", r, b, back)
		}
	}
	if got := (mrz.ReasonCase | mrz.ReasonCheckDigit).String(); got != "case; check digit" {
		t.Errorf("String: %q", got)
	}
	var r mrz.Reason
	if err := r.UnmarshalText([]byte("guessed")); err == nil {
		t.Error("an unknown reason reads")
	}
	j, err := json.Marshal(mrz.Correction{Line: 1, Column: 2, From: "O", To: "0", Reason: mrz.ReasonDigitExpected})
	if err != nil || string(j) != `{"line":1,"column":2,"from":"O","to":"0","reason":"digit expected"}` {
		t.Errorf("JSON: %s %v", j, err)
	}
	var k mrz.Correction
	if err := json.Unmarshal(j, &k); err != nil || k.Reason != mrz.ReasonDigitExpected || !k.Verified() {
		t.Errorf("JSON back: %+v %v", k, err)
	}
	if (mrz.Correction{Reason: mrz.ReasonCountryCode | mrz.ReasonUnverified}).Verified() {
		t.Error("unverified reads verified")
	}
}

// findOne returns the document of the best candidate Find gives for text,
// which must be valid.
func findOne(t *testing.T, text string) mrz.Document {
	t.Helper()
	cs, err := mrz.Find(text, ref2026)
	if err != nil || len(cs) == 0 || !cs[0].IsValid() {
		t.Fatalf("Find: %v, %d candidates", err, len(cs))
	}
	return cs[0].Document
}
