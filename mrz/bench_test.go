package mrz_test

import (
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

func BenchmarkParseTD3(b *testing.B)  { benchParse(b, td3) }
func BenchmarkParseTD2(b *testing.B)  { benchParse(b, td2) }
func BenchmarkParseTD1(b *testing.B)  { benchParse(b, td1) }
func BenchmarkParseMRVA(b *testing.B) { benchParse(b, mrva) }

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
		{"CheckDigit", 0, func() { digitSink, _ = mrz.CheckDigit("L898902C36") }},
	}
	for _, c := range cases {
		if got := testing.AllocsPerRun(200, c.f); got > c.max {
			t.Errorf("%s: %v allocations, want at most %v", c.name, got, c.max)
		}
	}
}

var (
	strSink   string
	namesSink []string
	linesSink []string
	jsonSink  []byte
)

// readAll calls every accessor of d.
func readAll(d mrz.Document) {
	strSink = d.DocumentCode()
	_ = d.Kind()
	_ = d.Format()
	_ = d.IssuingState()
	strSink = d.IssuingStateCode()
	_ = d.Nationality()
	strSink = d.NationalityCode()
	strSink = d.DocumentNumber()
	_ = d.LongDocumentNumber()
	_ = d.BirthDate()
	_ = d.ExpiryDate()
	_ = d.Sex()
	strSink = d.OptionalData()
	strSink = d.OptionalData2()
	strSink = d.Surname()
	namesSink = d.GivenNames()
	_ = d.NameTruncated()
	_ = d.IssueDate()
	strSink = d.AdministrativeCode()
	strSink = d.OfficeCode()
	strSink = d.Language()
	strSink = d.PIN()
	strSink = d.Version()
	strSink = d.BSN()
	for c := mrz.CheckDocumentNumber; c <= mrz.CheckBSN; c++ {
		_ = d.Check(c)
	}
	linesSink = d.Lines()
	strSink = d.String()
	_ = d.IsValid()
}

// BenchmarkParseReadAllTD3 parses a TD3 and reads every field.
func BenchmarkParseReadAllTD3(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		d, err := mrz.Parse(td3, ref2026)
		if err != nil {
			b.Fatal(err)
		}
		readAll(d)
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
