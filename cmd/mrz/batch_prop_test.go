package main

import (
	"bytes"
	"encoding/json"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/mrzkit/mrzkit/mrz"
)

// randomBatch writes a batch input of n records at random: MRZs of every
// format, valid, broken and mangled, separated by blank lines of every
// kind, with lines ended by LF, CRLF or CR, JSON lines in the quick shape
// and others, garbage, and now and then a line or a record over the
// bounds.
func randomBatch(r *rand.Rand, n int, huge bool) string {
	mrzs := []string{batchTD3, batchTD1, batchTD2, batchBad,
		"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL898902C<3UTO6908061F9406236ZE184226",
		"IDFRATEST<NAME<<<<<<<<<<<<<<<<0CHE02\n1710GVA123451ROBERTA<<<<<<<9112311F2",
		"I<NLDSPECI20142999999990<<<<<8\n6503101F2403096NLD<<<<<<<<<<<8\nDE<BRUIJN<<WILLEKE<LISELOTTE<<",
		"AAA001D<<\nFACHE305142128097<<800126<<<<<\nMARCHAND<<FABIENNE<<<<<<<<<<<<"}
	ends := []string{"\n", "\n", "\n", "\r\n", "\r"}
	blanks := []string{"", "", "", " ", "\t", "  \t "}
	var sb strings.Builder
	end := func() string { return ends[r.IntN(len(ends))] }
	for i := 0; i < n; i++ {
		m := mrzs[r.IntN(len(mrzs))]
		switch k := r.IntN(40); {
		case k < 24: // an MRZ, lines ended at random, changed now and then
			if r.IntN(4) == 0 {
				b := []byte(m)
				for j := r.IntN(3); j >= 0; j-- {
					if p := r.IntN(len(b)); b[p] != '\n' {
						b[p] = "<<<AZ09 x\t"[r.IntN(10)]
					}
				}
				m = string(b)
			}
			for _, l := range strings.Split(m, "\n") {
				if r.IntN(10) == 0 {
					l = " " + l + "\t"
				}
				sb.WriteString(l + end())
			}
		case k < 28: // a JSON line, in the quick shape or not
			lines := strings.Split(m, "\n")
			var j string
			switch r.IntN(5) {
			case 0:
				b, _ := json.Marshal(map[string]any{"lines": lines, "format": "x"})
				j = string(b)
			case 1:
				j = `  { "lines" : [ "` + strings.Join(lines, `" , "`) + `" ] }  `
			case 2:
				j = `{"lines":["\u0050` + strings.Join(lines, `","`)[1:] + `"]}`
			case 3:
				j = []string{`{"lines": 3}`, `{"lines":["P<UTO`, `{}`, `{"lines":[]}`, `{"lines":["A"] } x`}[r.IntN(5)]
			default:
				j = `{"lines":["` + strings.Join(lines, `","`) + `"]}`
			}
			sb.WriteString(j + end())
		case k < 31: // run together, or garbage
			sb.WriteString([]string{strings.ReplaceAll(m, "\n", ""), "not an mrz", "{", "<", "P<UTO\x00\xff"}[r.IntN(5)] + end())
		case k < 33 && huge: // a line over the bound, or a record
			switch r.IntN(3) {
			case 0:
				sb.WriteString(strings.Repeat("<", batchMaxLine+r.IntN(3)-1) + "\n")
			case 1:
				sb.WriteString(strings.Repeat("P", batchBuf+r.IntN(5000)) + []string{"\n", "\r"}[r.IntN(2)])
			default:
				sb.WriteString(strings.Repeat(batchTD3+"\n", 10+r.IntN(20)))
			}
		default: // blank lines
			for j := r.IntN(3); j >= 0; j-- {
				sb.WriteString(blanks[r.IntN(len(blanks))] + end())
			}
		}
	}
	if r.IntN(2) == 0 { // no end at the end
		return strings.TrimRight(sb.String(), "\r\n")
	}
	return sb.String()
}

// chunkReader returns the input in pieces of random sizes.
type chunkReader struct {
	r   *rand.Rand
	in  []byte
	max int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.in) == 0 {
		return 0, io.EOF
	}
	n := min(len(p), len(c.in), 1+c.r.IntN(c.max))
	copy(p, c.in[:n])
	c.in = c.in[n:]
	return n, nil
}

// TestBatchReference checks parseBatch against the line-by-line reference
// (batch_ref_test.go) on random inputs read whole, in pieces of any size
// and byte by byte: the same lines and counts.
func TestBatchReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	rounds := 300
	if testing.Short() {
		rounds = 30
	}
	for round := 0; round < rounds; round++ {
		huge := round%10 == 9
		in := randomBatch(r, 1+r.IntN(60), huge)
		var want bytes.Buffer
		wantSt, err := refParseBatch(strings.NewReader(in), &want, []mrz.Option{batchRef})
		if err != nil {
			t.Fatal(err)
		}
		readers := []io.Reader{strings.NewReader(in), &chunkReader{r, []byte(in), 1 + r.IntN(300)},
			&chunkReader{r, []byte(in), 70000}, iotest.HalfReader(strings.NewReader(in))}
		if !huge {
			readers = append(readers, iotest.OneByteReader(strings.NewReader(in)))
		}
		for i, rd := range readers {
			var got bytes.Buffer
			st, err := parseBatch(rd, &got, []mrz.Option{batchRef})
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() || st != wantSt {
				t.Fatalf("round %d, reader %d: input %.2000q\ngot  %v %.3000s\nwant %v %.3000s", round, i, in, st, got.String(), wantSt, want.String())
			}
		}
	}
}

// TestBatchDocuments checks the batch against each document's MarshalJSON:
// one line for each MRZ, in order, whatever separates them.
func TestBatchDocuments(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	mrzs := []string{batchTD3, batchTD1, batchTD2, batchBad}
	var in strings.Builder
	var want []string
	for i := 0; i < 5000; i++ {
		m := mrzs[r.IntN(len(mrzs))]
		if r.IntN(3) == 0 { // a check digit or a name changed
			b := []byte(m)
			b[r.IntN(len(b))] = "0123456789<ABC"[r.IntN(14)]
			m = string(b)
		}
		d, err := mrz.Parse(m, batchRef)
		if _, ok := err.(*mrz.SyntaxError); ok {
			continue
		}
		j, _ := d.MarshalJSON()
		want = append(want, string(j))
		if r.IntN(4) == 0 {
			b, _ := json.Marshal(map[string][]string{"lines": d.Lines()})
			in.WriteString(string(b) + "\n")
			continue
		}
		sep := []string{"\n", "\r\n", "\r"}[r.IntN(3)]
		in.WriteString(strings.ReplaceAll(m, "\n", sep) + sep + []string{"", " ", "\t"}[r.IntN(3)] + sep)
	}
	var out bytes.Buffer
	if _, err := parseBatch(&chunkReader{r, []byte(in.String()), 5000}, &out, []mrz.Option{batchRef}); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(got) != len(want) {
		t.Fatalf("%d lines, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("line %d:\ngot  %s\nwant %s", i+1, got[i], want[i])
		}
	}
}

// TestBatchLongLineCRLF checks that a line over the bound, of one buffer
// or several, ended by a CRLF that may come in two reads, is one line and
// one error.
func TestBatchLongLineCRLF(t *testing.T) {
	for _, tt := range []struct {
		n, max int
	}{{batchBuf + 100, 1}, {batchBuf + 100, 7}, {batchBuf + 100, 4096}, {batchBuf - 1, batchBuf}, {batchBuf, batchBuf},
		{3*batchBuf + 7, 4096}, {3*batchBuf + 7, batchBuf}} {
		in, max := strings.Repeat("<", tt.n)+"\r\n"+"not an mrz\n", tt.max
		var out bytes.Buffer
		if _, err := parseBatch(&chunkReader{rand.New(rand.NewPCG(1, uint64(max))), []byte(in), max}, &out, []mrz.Option{batchRef}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if len(lines) != 2 || !strings.Contains(lines[0], `"input_too_long"`) || !strings.HasSuffix(lines[1], `"input_line":2}`) {
			t.Errorf("line of %d bytes, reads of %d:\n%s", tt.n, max, out.String())
		}
	}
}

// TestBatchReadError checks that the records read before a read error are
// written, and the error returned.
func TestBatchReadError(t *testing.T) {
	in := io.MultiReader(strings.NewReader(batchTD3+"\n\n"+batchTD1+"\n"), iotest.ErrReader(io.ErrUnexpectedEOF))
	var out bytes.Buffer
	_, err := parseBatch(in, &out, []mrz.Option{batchRef})
	if err == nil || !strings.Contains(err.Error(), "cannot read input") || strings.Count(out.String(), "\n") != 2 {
		t.Errorf("%v\n%s", err, out.String())
	}
}
