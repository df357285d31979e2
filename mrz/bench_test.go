package mrz_test

import (
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/mrz"
)

var sink mrz.Document

func benchParse(b *testing.B, in string) {
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for i := 0; i < b.N; i++ {
		d, err := mrz.Parse(in, ref2026)
		if err != nil {
			b.Fatal(err)
		}
		sink = d
	}
}

func BenchmarkParseTD3(b *testing.B)    { benchParse(b, td3) }
func BenchmarkParseTD2(b *testing.B)    { benchParse(b, td2) }
func BenchmarkParseTD1(b *testing.B)    { benchParse(b, td1) }
func BenchmarkParseMRVA(b *testing.B)   { benchParse(b, mrva) }
func BenchmarkParseFRCNI(b *testing.B)  { benchParse(b, fraCNI) }
func BenchmarkParseCHDL(b *testing.B)   { benchParse(b, cheDL) }
func BenchmarkParseTD3CR(b *testing.B)  { benchParse(b, td3L1+"\r"+td3L2) }
func BenchmarkParseTD3One(b *testing.B) { benchParse(b, td3L1+td3L2) } // run together

// floorValues is the ICAO value of each byte, for the floor benchmarks.
var floorValues = func() (t [256]int) {
	for c := '0'; c <= '9'; c++ {
		t[c] = int(c - '0')
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = int(c-'A') + 10
	}
	return t
}()

var floorSink int

// benchFloor is the floor the issue sets: one bare table-driven check-digit
// pass over the characters of an MRZ, without validating anything.
func benchFloor(b *testing.B, in string) {
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for i := 0; i < b.N; i++ {
		sum := 0
		for j := 0; j+2 < len(in); j += 3 {
			sum += 7*floorValues[in[j]] + 3*floorValues[in[j+1]] + floorValues[in[j+2]]
		}
		floorSink += sum
	}
}

func BenchmarkFloorTD3(b *testing.B) { benchFloor(b, td3L1+td3L2) }
func BenchmarkFloorTD1(b *testing.B) { benchFloor(b, strings.ReplaceAll(td1, "\n", "")) }

// BenchmarkParseTD3Today uses the default reference date (the clock).
func BenchmarkParseTD3Today(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink, _ = mrz.Parse(td3)
	}
}

// BenchmarkParseTD3CRLF needs a normalized copy of the input.
func BenchmarkParseTD3CRLF(b *testing.B) {
	benchParse(b, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\r\n")
}

var digitSink byte

func BenchmarkCheckDigit(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		digitSink, _ = mrz.CheckDigit("L898902C3674081221204159ZE184226B<<<<<1")
	}
}

// TestAllocs locks the allocation counts the README promises.
func TestAllocs(t *testing.T) {
	if testing.Short() && raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	cases := []struct {
		name string
		max  float64
		f    func()
	}{
		{"ParseTD3", 0, func() { sink, _ = mrz.Parse(td3, ref2026) }},
		{"ParseTD1", 0, func() { sink, _ = mrz.Parse(td1, ref2026) }},
		{"ParseTD3Today", 0, func() { sink, _ = mrz.Parse(td3) }},
		{"ParseTD3CRLF", 1, func() { sink, _ = mrz.Parse("\r\n"+td3L1+"\r\n"+td3L2+"\r\n", ref2026) }},
		{"ParseTD2", 0, func() { sink, _ = mrz.Parse(td2, ref2026) }},
		{"ParseMRVA", 0, func() { sink, _ = mrz.Parse(mrva, ref2026) }},
		{"ParseMRVB", 0, func() { sink, _ = mrz.Parse(mrvb, ref2026) }},
		{"ParseFRCNI", 0, func() { sink, _ = mrz.Parse(fraCNI, ref2026) }},
		{"ParseCHDL", 0, func() { sink, _ = mrz.Parse(cheDL, ref2026) }},
		{"ParseFRDL", 0, func() { sink, _ = mrz.Parse("D1FRA13AA000026181231MARTIN<<9", ref2026) }},
		{"ParseTD3CR", 1, func() { sink, _ = mrz.Parse(td3L1+"\r"+td3L2, ref2026) }},
		{"ParseTD3RunTogether", 1, func() { sink, _ = mrz.Parse(td3L1+td3L2, ref2026) }},
		{"AppendJSON", 0, func() { jsonSink = sink.AppendJSON(jsonSink[:0]) }},
		// GivenNames and Lines, whose slices readAll does not keep, stay on its stack.
		{"ParseReadAll", 0, func() { sink, _ = mrz.Parse(td3, ref2026); readSink += readAll(sink) }},
		{"AppendGivenNames", 0, func() { namesSink = sink.AppendGivenNames(namesSink[:0]) }},
		{"CheckDigit", 0, func() { digitSink, _ = mrz.CheckDigit("L898902C36") }},
	}
	jsonSink = make([]byte, 0, 1024)
	sink = mrz.MustParse(td3, ref2026)
	for _, c := range cases {
		if got := testing.AllocsPerRun(200, c.f); got > c.max {
			t.Errorf("%s: %v allocations, want at most %v", c.name, got, c.max)
		}
	}
}

var jsonSink []byte

var namesSink = make([]string, 0, 8)

// readAll calls every accessor of d and returns the total length of what
// they return, so that nothing is optimized away and no value is stored
// where the garbage collector must see it.
func readAll(d mrz.Document) int {
	n := len(d.DocumentCode()) + int(d.Kind()) + int(d.Format())
	n += len(d.IssuingState().Code()) + len(d.IssuingStateCode())
	n += len(d.Nationality().Code()) + len(d.NationalityCode())
	n += len(d.DocumentNumber())
	if d.LongDocumentNumber() {
		n++
	}
	n += d.BirthDate().Day() + d.ExpiryDate().Day() + int(d.Sex())
	n += len(d.OptionalData()) + len(d.OptionalData2())
	n += len(d.Surname())
	for _, g := range d.GivenNames() {
		n += len(g)
	}
	if d.NameTruncated() {
		n++
	}
	n += d.IssueDate().Day()
	n += len(d.AdministrativeCode()) + len(d.OfficeCode()) + len(d.Language())
	n += len(d.PIN()) + len(d.Version()) + len(d.BSN())
	for c := mrz.CheckDocumentNumber; c <= mrz.CheckBSN; c++ {
		n += int(d.Check(c))
	}
	for _, l := range d.Lines() {
		n += len(l)
	}
	n += len(d.String())
	if d.IsValid() {
		n++
	}
	return n
}

var readSink int

// BenchmarkParseReadAllTD3 parses a TD3 and reads every field.
func BenchmarkParseReadAllTD3(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		d, err := mrz.Parse(td3, ref2026)
		if err != nil {
			b.Fatal(err)
		}
		readSink += readAll(d)
	}
}

// BenchmarkAppendJSONTD3 appends the JSON of a parsed TD3 to a buffer.
func BenchmarkAppendJSONTD3(b *testing.B) {
	d := mrz.MustParse(td3, ref2026)
	b.ReportAllocs()
	buf := make([]byte, 0, 1024)
	for i := 0; i < b.N; i++ {
		buf = d.AppendJSON(buf[:0])
	}
	jsonSink = buf
}

// BenchmarkParseAppendJSONTD3 parses a TD3 and appends its JSON.
func BenchmarkParseAppendJSONTD3(b *testing.B) {
	b.ReportAllocs()
	buf := make([]byte, 0, 1024)
	for i := 0; i < b.N; i++ {
		d, _ := mrz.Parse(td3, ref2026)
		buf = d.AppendJSON(buf[:0])
	}
	jsonSink = buf
}

// BenchmarkEncodeTD3 writes a TD3 from its fields.
func BenchmarkEncodeTD3(b *testing.B) {
	f := mrz.MustParse(td3, ref2026).Fields()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := mrz.Encode(f, ref2026); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarshalJSONTD3 writes the JSON of a parsed TD3.
func BenchmarkMarshalJSONTD3(b *testing.B) {
	d := mrz.MustParse(td3, ref2026)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var err error
		jsonSink, err = d.MarshalJSON()
		if err != nil {
			b.Fatal(err)
		}
	}
}
