package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mrzkit/mrzkit/mrz"
)

// The reference for parseBatch: the batch as it was first written, reading
// line by line and gathering records in a chunk. The tests check that
// parseBatch writes the same bytes for any input.

// refParseBatch reads the records of r and writes one JSON line each to w. It
// fails only when r cannot be read or w written.
func refParseBatch(r io.Reader, w io.Writer, opts []mrz.Option) (batchStats, error) {
	b := refBatcher{lines: newRefLineReader(r), w: w, opts: opts}
	err := b.run()
	return b.stats, err
}

// refBatcher holds the state of one batch. Records are gathered in a chunk
// of at most refBatchChunk bytes, which becomes one string when it is full or
// the input pauses: the MRZs are parsed as substrings of it, one allocation
// for hundreds of them, and written in order.
type refBatcher struct {
	lines *refLineReader
	w     io.Writer
	opts  []mrz.Option
	stats batchStats

	chunk      []byte       // the records gathered
	refPending []refPending // what to write for each, in order
	recStart   int          // the start in chunk of the text record being read, or -1
	recLine    int          // the input line where it starts
	recLong    bool         // it grew past batchMaxRecord
	out        []byte       // the output being written
	jsonRecs   refJSONLines
}

// refPending is a record gathered: an MRZ, chunk[start:end], or an error.
type refPending struct {
	start, end int
	inputLine  int
	kind, msg  string // an error to write instead
}

// refBatchChunk bounds the bytes of records gathered before they are parsed.
const refBatchChunk = 64 << 10

func (b *refBatcher) run() error {
	b.recStart = -1
	for {
		line, long, err := b.lines.next()
		if err == io.EOF {
			b.endRecord()
			return b.process()
		}
		if err != nil {
			return err
		}
		switch {
		case long:
			b.endRecord()
			b.refPending = append(b.refPending, refPending{inputLine: b.lines.n, kind: "input_too_long",
				msg: "line longer than " + strconv.Itoa(batchMaxLine) + " bytes"})
		case refIsBlankLine(line):
			b.endRecord()
		case refFirstNonBlank(line) == '{':
			b.endRecord()
			b.jsonRecord(line)
		default:
			b.add(line)
		}
		if len(b.chunk) >= refBatchChunk || len(b.refPending) >= refBatchChunk/64 || (b.lines.paused && b.recStart < 0) {
			if err := b.process(); err != nil {
				return err
			}
		}
	}
}

// add appends a line to the text record.
func (b *refBatcher) add(line []byte) {
	if b.recStart < 0 && !b.recLong {
		b.recStart, b.recLine = len(b.chunk), b.lines.n
	}
	if b.recLong || len(b.chunk)-b.recStart+len(line)+1 > batchMaxRecord {
		if !b.recLong {
			b.chunk = b.chunk[:b.recStart]
		}
		b.recLong = true
		return
	}
	b.chunk = append(b.chunk, line...)
	b.chunk = append(b.chunk, '\n')
}

// endRecord ends the text record read, if any.
func (b *refBatcher) endRecord() {
	switch {
	case b.recLong:
		b.refPending = append(b.refPending, refPending{inputLine: b.recLine, kind: "input_too_long",
			msg: "more than " + strconv.Itoa(batchMaxRecord) + " bytes"})
	case b.recStart >= 0:
		b.refPending = append(b.refPending, refPending{start: b.recStart, end: len(b.chunk) - 1, inputLine: b.recLine})
	}
	b.recStart, b.recLong = -1, false
}

// jsonRecord gathers a JSON line.
func (b *refBatcher) jsonRecord(line []byte) {
	lines, ok := b.jsonRecs.decode(line)
	if !ok {
		b.refPending = append(b.refPending, refPending{inputLine: b.lines.n, kind: "json",
			msg: `want a JSON object with "lines", a list of strings`})
		return
	}
	start := len(b.chunk)
	for i, l := range lines {
		if i > 0 {
			b.chunk = append(b.chunk, '\n')
		}
		b.chunk = append(b.chunk, l...)
	}
	b.refPending = append(b.refPending, refPending{start: start, end: len(b.chunk), inputLine: b.lines.n})
}

// process parses and writes the records gathered (but the text record
// being read, which moves to the front of the chunk), and flushes the
// output when the input pauses.
func (b *refBatcher) process() error {
	s := string(b.chunk)
	for _, p := range b.refPending {
		var err error
		if p.kind != "" {
			err = b.writeError(p.inputLine, p.kind, 0, 0, p.msg)
		} else {
			err = b.parse(s[p.start:p.end], p.inputLine)
		}
		if err != nil {
			return err
		}
	}
	b.refPending = b.refPending[:0]
	if b.recStart >= 0 {
		n := copy(b.chunk, b.chunk[b.recStart:])
		b.chunk, b.recStart = b.chunk[:n], 0
	} else {
		b.chunk = b.chunk[:0]
	}
	if f, ok := b.w.(interface{ Flush() error }); ok && b.lines.paused {
		return f.Flush()
	}
	return nil
}

// parse parses one MRZ and writes its line.
func (b *refBatcher) parse(s string, inputLine int) error {
	d, err := mrz.Parse(s, b.opts...)
	if se, ok := err.(*mrz.SyntaxError); ok { // Parse returns it unwrapped
		msg := strings.TrimPrefix(se.Error(), "mrz: ")
		return b.writeError(inputLine, mrz.KindName(se.Kind), se.Line, se.Column, msg)
	}
	b.stats.records++
	if !d.IsValid() {
		b.stats.invalid++
	}
	// Into the output buffer itself when there is room: one copy less.
	if bw, ok := b.w.(*bufio.Writer); ok && bw.Available() >= refBatchLineRoom {
		o := append(d.AppendJSON(bw.AvailableBuffer()), '\n')
		_, err = bw.Write(o)
		return err
	}
	b.out = d.AppendJSON(b.out[:0])
	b.out = append(b.out, '\n')
	_, err = b.w.Write(b.out)
	return err
}

// refBatchLineRoom is room for the JSON of a document but one with many
// failed checks, whose longer JSON goes to a buffer of its own that Write
// copies: either way the bytes are the same.
const refBatchLineRoom = 2048

// writeError writes the line of a record that is not an MRZ.
func (b *refBatcher) writeError(inputLine int, kind string, line, col int, msg string) error {
	b.stats.records++
	b.stats.invalid++
	o := append(b.out[:0], `{"error":{"kind":`...)
	o = refAppendQuoted(o, kind)
	o = append(o, `,"line":`...)
	o = strconv.AppendInt(o, int64(line), 10)
	o = append(o, `,"column":`...)
	o = strconv.AppendInt(o, int64(col), 10)
	o = append(o, `,"message":`...)
	o = refAppendQuoted(o, msg)
	o = append(o, `},"input_line":`...)
	o = strconv.AppendInt(o, int64(inputLine), 10)
	o = append(o, "}\n"...)
	b.out = o
	_, err := b.w.Write(o)
	return err
}

// refAppendQuoted appends s as a JSON string, '<' as itself.
func refAppendQuoted(b []byte, s string) []byte {
	var q bytes.Buffer
	enc := json.NewEncoder(&q)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimSuffix(q.Bytes(), []byte("\n"))...)
}

func refIsBlankLine(line []byte) bool { return refFirstNonBlank(line) == 0 }

// refFirstNonBlank returns the first byte of line that is not a space or a
// tab, or 0.
func refFirstNonBlank(line []byte) byte {
	for _, c := range line {
		if c != ' ' && c != '\t' {
			return c
		}
	}
	return 0
}

// refJSONLines decodes JSON records: the common shape {"lines": ["...", ...]}
// directly, anything else with encoding/json.
type refJSONLines struct {
	lines []string
}

// decode returns the lines of a JSON record, and false when it has none.
func (j *refJSONLines) decode(line []byte) ([]string, bool) {
	if lines, ok := j.quick(line); ok {
		return lines, true
	}
	var v struct {
		Lines []string `json:"lines"`
	}
	if err := json.Unmarshal(line, &v); err != nil || v.Lines == nil {
		return nil, false
	}
	return v.Lines, true
}

// quick reads {"lines":["A","B"]} with spaces anywhere between the tokens
// and strings without escapes; it reports false for anything else.
func (j *refJSONLines) quick(s []byte) ([]string, bool) {
	j.lines = j.lines[:0]
	p := 0
	skip := func() {
		for p < len(s) && (s[p] == ' ' || s[p] == '\t') {
			p++
		}
	}
	lit := func(t string) bool {
		skip()
		if bytes.HasPrefix(s[p:], []byte(t)) {
			p += len(t)
			return true
		}
		return false
	}
	str := func() (string, bool) {
		skip()
		if p >= len(s) || s[p] != '"' {
			return "", false
		}
		end := bytes.IndexByte(s[p+1:], '"')
		if end < 0 || bytes.IndexByte(s[p+1:p+1+end], '\\') >= 0 {
			return "", false
		}
		v := string(s[p+1 : p+1+end])
		p += end + 2
		return v, true
	}
	if !lit("{") || !lit(`"lines"`) || !lit(":") || !lit("[") {
		return nil, false
	}
	for !lit("]") {
		if len(j.lines) > 0 && !lit(",") {
			return nil, false
		}
		v, ok := str()
		if !ok {
			return nil, false
		}
		j.lines = append(j.lines, v)
	}
	if !lit("}") {
		return nil, false
	}
	skip()
	return j.lines, p == len(s)
}

// refLineReader reads lines ended by LF, CRLF or CR, each at most
// batchMaxLine bytes; a longer line is reported as such and skipped.
type refLineReader struct {
	r          io.Reader
	buf        []byte
	start, end int  // the unread bytes, buf[start:end]
	eof        bool // r has no more
	err        error
	n          int // the number of the line last returned (1-based)
	// lf is the offset of the first LF at or after start, or -1 when
	// buf[start:lfSeen] has none: each byte is searched for an LF once;
	// cr and crSeen are the same for CR.
	lf, lfSeen int
	cr, crSeen int
	// paused: the last read returned less than it could, as a pipe or a
	// terminal does when the writer has nothing more for now.
	paused bool
}

func newRefLineReader(r io.Reader) *refLineReader {
	return &refLineReader{r: r, buf: make([]byte, 2*batchMaxLine), lf: -1, cr: -1}
}

// fill reads more input, moving what is unread to the front; it reports
// false when nothing more can come.
func (lr *refLineReader) fill() bool {
	if lr.eof {
		return false
	}
	if lr.start > 0 {
		shift := lr.start
		lr.end = copy(lr.buf, lr.buf[lr.start:lr.end])
		lr.start = 0
		lr.lfSeen -= shift
		if lr.lf >= 0 {
			lr.lf -= shift
		}
		lr.crSeen -= shift
		if lr.cr >= 0 {
			lr.cr -= shift
		}
	}
	if lr.end == len(lr.buf) {
		return false
	}
	n, err := lr.r.Read(lr.buf[lr.end:])
	lr.paused = n < len(lr.buf)-lr.end
	lr.end += n
	switch {
	case err == io.EOF:
		lr.eof = true
	case err != nil:
		lr.eof, lr.err = true, fmt.Errorf("cannot read input: %w", err)
	}
	return n > 0 || !lr.eof
}

// lineEnd returns the offset of the first LF or CR of buf[start:end], or
// -1.
func (lr *refLineReader) lineEnd() int {
	lr.lf, lr.lfSeen = lr.search('\n', lr.lf, lr.lfSeen)
	lr.cr, lr.crSeen = lr.search('\r', lr.cr, lr.crSeen)
	switch {
	case lr.cr < 0:
		return lr.lf
	case lr.lf < 0 || lr.cr < lr.lf:
		return lr.cr
	}
	return lr.lf
}

// search returns the offset of the first c at or after start, given the
// last answer at and how far it looked: -1 when there is none before end.
func (lr *refLineReader) search(c byte, at, seen int) (int, int) {
	if at >= lr.start {
		return at, seen
	}
	if seen < lr.start {
		seen = lr.start
	}
	if i := bytes.IndexByte(lr.buf[seen:lr.end], c); i >= 0 {
		return seen + i, seen + i + 1
	}
	return -1, lr.end
}

// next returns the next line without its end, valid until the next call;
// long reports a line over the bound, then skipped. The error is io.EOF at
// the end of the input.
func (lr *refLineReader) next() (line []byte, long bool, err error) {
	for {
		if at := lr.lineEnd(); at >= 0 {
			// A CR at the end of what is read may be the first half of a CRLF.
			if lr.buf[at] == '\r' && at+1 == lr.end && !lr.eof {
				if lr.fill() {
					continue
				}
				at = lr.end - 1 // no room or no more input: the CR ends the line alone
			}
			line = lr.buf[lr.start:at]
			next := at + 1
			if lr.buf[at] == '\r' && next < lr.end && lr.buf[next] == '\n' {
				next++
			}
			lr.start = next
			lr.n++
			return lr.tooLong(line)
		}
		if lr.end-lr.start > batchMaxLine {
			return lr.skipLong()
		}
		if !lr.fill() {
			if lr.start == lr.end {
				if lr.err != nil {
					return nil, false, lr.err
				}
				return nil, false, io.EOF
			}
			line = lr.buf[lr.start:lr.end]
			lr.start = lr.end
			lr.n++
			return lr.tooLong(line)
		}
	}
}

func (lr *refLineReader) tooLong(line []byte) ([]byte, bool, error) {
	if len(line) > batchMaxLine {
		return nil, true, nil
	}
	return line, false, nil
}

// skipLong drops the rest of a line over the bound.
func (lr *refLineReader) skipLong() ([]byte, bool, error) {
	lr.n++
	for {
		if at := lr.lineEnd(); at >= 0 {
			lr.start = at + 1
			if lr.buf[at] == '\r' && lr.start < lr.end && lr.buf[lr.start] == '\n' {
				lr.start++
			}
			return nil, true, nil
		}
		lr.start = lr.end
		if !lr.fill() {
			return nil, true, nil
		}
	}
}
