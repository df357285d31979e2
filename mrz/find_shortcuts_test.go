package mrz_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/mrz"
)

// Find's shortcuts (the quick tests of lines, the characters read alone,
// the paths the search stops early, the valid MRZ read as printed) must not
// change what it finds: these compare it with mrz.FindPlain, which takes
// none of them.

func sameFind(t *testing.T, text string, opts ...mrz.Option) {
	t.Helper()
	got, gerr := mrz.Find(text, opts...)
	want, werr := mrz.FindPlain(text, opts...)
	if fmt.Sprint(gerr) != fmt.Sprint(werr) || !reflect.DeepEqual(got, want) {
		t.Fatalf("Find and its plain reference differ on\n%q\n%v %+v\n%v %+v", text, gerr, got, werr, want)
	}
}

// TestFindShortcuts compares Find with its plain reference on the recovery
// generator's pages, with 0 to 3 misreads, and with the options that change
// the decision.
func TestFindShortcuts(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	bases := baseMRZs(t, r, 200)
	n := 1500
	if testing.Short() || raceEnabled {
		n = 150
	}
	ref := mrz.WithReferenceDate(recoveryRef)
	for i := 0; i < n; i++ {
		truth := bases[r.IntN(len(bases))]
		d := mrz.MustParse(truth, ref)
		raw, _ := corrupt(r, d, i%4)
		text, _ := page(r, string(raw), 5+r.IntN(30))
		switch i % 5 {
		case 0:
			sameFind(t, text, ref, mrz.WithStrictNames())
		case 1:
			sameFind(t, text, ref, mrz.WithAmbiguityMargin(12))
		default:
			sameFind(t, text, ref)
		}
	}
	for _, text := range []string{benchPage(), pageOf(10), td1, td2, strings.ToLower(td3),
		"P<UTOERIKSSON<<OLGA<K<<<<<<<<<<<<<<<<<<<<<<<\n" + td3L2} {
		sameFind(t, text, ref2026)
	}
}

// FuzzFindShortcuts compares Find with its plain reference on any text.
func FuzzFindShortcuts(f *testing.F) {
	f.Add(benchPage())
	f.Add(td3)
	f.Add(strings.ToLower(td1))
	f.Add("x\n" + td3L1[:30] + "\n" + td3L1[30:] + "\n\n" + td3L2 + " .")
	f.Add("p<uto«‹(\n" + td2)
	f.Add(td3L1 + "\r" + td3L2 + "\r")
	f.Add(strings.ReplaceAll(td1, "\n", ""))
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<14 {
			return
		}
		sameFind(t, s, ref2026)
	})
}

// FuzzFindScoredShortcuts compares FindScored with its plain reference.
func FuzzFindScoredShortcuts(f *testing.F) {
	goldens := goldenValid(f)
	f.Add([]byte{3, 20, 'O', 200, '0', 100})
	f.Add([]byte{12, 9, 'B', 120, '8', 130, 77, 'I', 40, '1', 200})
	f.Add([]byte{0x80, 2, 4, 1, 'P', 254, 2, '<', 255, 0x7f, 0xf8, 0, 0, 0, 0, 0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		var lines [][]mrz.Position
		if data[0]&0x80 == 0 {
			lines = fuzzScored(goldens[int(data[0])%len(goldens)], data[1:])
		} else {
			lines = rawScored(data[1:])
		}
		got, gerr := mrz.FindScored(lines, ref2026)
		want, werr := mrz.FindScoredPlain(lines, ref2026)
		if fmt.Sprint(gerr) != fmt.Sprint(werr) || !reflect.DeepEqual(got, want) {
			t.Fatalf("FindScored and its plain reference differ:\n%v %+v\n%v %+v", gerr, got, werr, want)
		}
	})
}

// TestFindScoredShortcuts runs the scored comparison on the benchmark's
// lines and on the goldens with a few uncertain positions each.
func TestFindScoredShortcuts(t *testing.T) {
	goldens := goldenValid(t)
	r := rand.New(rand.NewPCG(3, 4))
	check := func(lines [][]mrz.Position) {
		got, gerr := mrz.FindScored(lines, ref2026)
		want, werr := mrz.FindScoredPlain(lines, ref2026)
		if fmt.Sprint(gerr) != fmt.Sprint(werr) || !reflect.DeepEqual(got, want) {
			t.Fatalf("FindScored and its plain reference differ:\n%v %+v\n%v %+v", gerr, got, werr, want)
		}
	}
	check(benchScored())
	for i := 0; i < 300; i++ {
		data := make([]byte, 26)
		for j := range data {
			data[j] = byte(r.Uint32())
		}
		check(fuzzScored(goldens[i%len(goldens)], data))
	}
}
