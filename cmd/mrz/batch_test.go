package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

const (
	batchTD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
	batchTD1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
	batchTD2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6"
	batchBad = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C37UTO7408122F1204159ZE184226B<<<<<10"
)

var batchRef = mrz.WithReferenceDate(field.MustDate(2026, 1, 1))

// docLine is the line the batch writes for a document.
func docLine(t *testing.T, s string) string {
	d, _ := mrz.Parse(s, batchRef)
	if d.Format() == mrz.FormatUnknown {
		t.Fatalf("not an MRZ: %q", s)
	}
	return string(d.AppendJSON(nil))
}

func TestBatch(t *testing.T) {
	jsonTD1, _ := json.Marshal(map[string]any{"lines": strings.Split(batchTD1, "\n")})
	full, _ := json.Marshal(mrz.MustParse(batchTD2, batchRef)) // the JSON of parse, compacted
	in := strings.Join([]string{
		batchTD3, "",
		"", "  ", // more blank lines
		strings.ReplaceAll(batchBad, "\n", "\r\n"), "\t",
		string(jsonTD1),
		`  { "lines" : [ "` + strings.Join(strings.Split(batchTD2, "\n"), `" , "`) + `" ] }  `,
		string(full),
		`{"lines": 3}`,
		`{"lines": ["P<UTO\u0045RIKSSON"`, // truncated JSON
		"not an mrz", "",
		strings.ReplaceAll(batchTD3, "\n", ""), // run together
		"",
		strings.ReplaceAll(batchTD1, "\n", "\r"), // CR alone
	}, "\n")
	var out bytes.Buffer
	st, err := parseBatch(strings.NewReader(in), &out, []mrz.Option{batchRef})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	want := []string{
		docLine(t, batchTD3), docLine(t, batchBad), docLine(t, batchTD1), docLine(t, batchTD2), docLine(t, batchTD2),
		"error:json:12", "error:json:13", "error:invalid_character:14", docLine(t, batchTD3), docLine(t, batchTD1),
	}
	if len(got) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(got), len(want), out.String())
	}
	for i, w := range want {
		if kind, line, ok := strings.Cut(strings.TrimPrefix(w, "error:"), ":"); ok && strings.HasPrefix(w, "error:") {
			var e struct {
				Error struct {
					Kind    string `json:"kind"`
					Message string `json:"message"`
				} `json:"error"`
				InputLine int `json:"input_line"`
			}
			if err := json.Unmarshal([]byte(got[i]), &e); err != nil || e.Error.Kind != kind || strconv.Itoa(e.InputLine) != line || e.Error.Message == "" {
				t.Errorf("line %d: %s, want an error %s at input line %s (%v)", i+1, got[i], kind, line, err)
			}
			continue
		}
		if got[i] != w {
			t.Errorf("line %d:\ngot  %s\nwant %s", i+1, got[i], w)
		}
	}
	if st.records != 10 || st.invalid != 4 {
		t.Errorf("stats %+v", st)
	}
}

// TestBatchRoundTrip feeds the batch its own output: the same lines come
// out.
func TestBatchRoundTrip(t *testing.T) {
	in := batchTD3 + "\n\n" + batchTD1 + "\n\n" + batchBad + "\n\n" + batchTD2 + "\n"
	var first, second bytes.Buffer
	if _, err := parseBatch(strings.NewReader(in), &first, []mrz.Option{batchRef}); err != nil {
		t.Fatal(err)
	}
	if _, err := parseBatch(bytes.NewReader(first.Bytes()), &second, []mrz.Option{batchRef}); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() || strings.Count(first.String(), "\n") != 4 {
		t.Errorf("round trip:\n%s\n%s", first.String(), second.String())
	}
}

// TestBatchBounds checks that a line or a record too long is one error
// line and that reading goes on, in bounded memory.
func TestBatchBounds(t *testing.T) {
	long := strings.Repeat("<", 10<<20) // 10 MB in one line
	big := strings.Repeat(batchTD3+"\n", 20)
	for _, tt := range []struct {
		name, in string
		kind     string
	}{
		{"long line", long + "\n\n" + batchTD3, "input_too_long"},
		{"long line without an end", batchTD3 + "\n\n" + long, "input_too_long"},
		{"long line of CRs", strings.Repeat("\r", 3) + long + "\r" + batchTD3, "input_too_long"},
		{"large record", big + "\n" + batchTD3, "input_too_long"},
		{"no blank line", strings.Repeat(batchTD3+"\n", 120000) + "\n" + batchTD3, "input_too_long"},
		{"no blank line, CRLF", strings.Repeat(batchTD3+"\r\n", 120000) + "\r\n" + batchTD3, "input_too_long"},
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		var out bytes.Buffer
		if _, err := parseBatch(strings.NewReader(tt.in), &out, []mrz.Option{batchRef}); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		runtime.ReadMemStats(&after)
		if !strings.Contains(out.String(), `"kind":"`+tt.kind+`"`) || strings.Count(out.String(), `"format":"TD3"`) != 1 {
			t.Errorf("%s:\n%.300s", tt.name, out.String())
		}
		if grown := after.TotalAlloc - before.TotalAlloc; grown > 1<<20 {
			t.Errorf("%s: %d bytes allocated for a 10 MB input", tt.name, grown)
		}
	}
}

func TestBatchCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "in.txt")
	if err := os.WriteFile(file, []byte(batchTD3+"\n\n"+batchTD1+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCmd(t, "", "parse", "--batch", file, "--today", "2026-01-01")
	if code != exitValid || strings.Count(out, "\n") != 2 || !strings.HasPrefix(out, `{"format":"TD3"`) {
		t.Errorf("file: %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, batchTD3+"\n\n"+batchBad, "parse", "--batch")
	if code != exitInvalid || strings.Count(out, "\n") != 2 {
		t.Errorf("stdin with an invalid MRZ: %d\n%s", code, out)
	}
	if code, _, _ := runCmd(t, "", "parse", "--batch"); code != exitValid {
		t.Errorf("empty input: %d", code)
	}
	if code, _, errOut := runCmd(t, "", "parse", "--batch", filepath.Join(dir, "missing")); code != exitUsage || !strings.Contains(errOut, "cannot open input") {
		t.Errorf("missing file: %d %s", code, errOut)
	}
	if code, _, _ := runCmd(t, "", "parse", "--batch", "a", "b"); code != exitUsage {
		t.Errorf("two files: %d", code)
	}
}

// batchFile and batchCount make TestWriteBatchFile write an input for a
// measured run of `mrz parse --batch` (see docs/performance.md).
var (
	batchFile  = flag.String("batch-file", "", "write a batch input of -batch-count MRZs to this file")
	batchCount = flag.Int("batch-count", 1000000, "the number of MRZs of -batch-file")
)

// batchInput writes n MRZs of several formats, one in ten invalid,
// separated by blank lines.
func batchInput(w io.Writer, n int) error {
	bw := bufio.NewWriter(w)
	mrzs := []string{batchTD3, batchTD1, batchTD2, batchTD3, batchTD1, batchTD2, batchTD3, batchTD1, batchTD2, batchBad}
	for i := 0; i < n; i++ {
		bw.WriteString(mrzs[i%len(mrzs)])
		bw.WriteString("\n\n")
	}
	return bw.Flush()
}

func TestWriteBatchFile(t *testing.T) {
	if *batchFile == "" {
		t.Skip("no -batch-file")
	}
	f, err := os.Create(*batchFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := batchInput(f, *batchCount); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkBatch runs the batch over 10,000 MRZs held in memory, JSON
// included, and reports MRZs a second.
func BenchmarkBatch(b *testing.B) {
	const n = 10000
	var in bytes.Buffer
	if err := batchInput(&in, n); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(in.Len()))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := parseBatch(bytes.NewReader(in.Bytes()), io.Discard, []mrz.Option{batchRef}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "MRZ/s")
}

// TestBatchLongLine checks a document whose JSON is long (many failed
// checks, through a writer with little room): the same bytes.
func TestBatchLongLine(t *testing.T) {
	bad := "AAA001X<A\nXXZZZ30514212809A<A800199<<<<A\nMARCHAND<<FABIENNE<<<<<<<<<<<<"
	d, _ := mrz.Parse(bad, batchRef)
	if len(d.Errors()) < 8 {
		t.Fatalf("want many errors, got %v", d.Errors())
	}
	want := strings.Repeat(docLine(t, bad)+"\n", 3)
	for _, size := range []int{16, 4096, 64 << 10} {
		var out bytes.Buffer
		w := bufio.NewWriterSize(&out, size)
		if _, err := parseBatch(strings.NewReader(bad+"\n\n"+bad+"\n\n"+bad), w, []mrz.Option{batchRef}); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		if out.String() != want {
			t.Errorf("writer of %d bytes:\n%s\nwant\n%s", size, out.String(), want)
		}
	}
}
