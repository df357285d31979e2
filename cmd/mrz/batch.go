package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

// The batch form of `mrz parse`: many MRZs in, one JSON object a line out,
// in input order, streaming in bounded memory.
//
// An input record is either a run of non-blank lines ended by a blank line
// or the end of the input (an MRZ as `mrz parse` reads it), or a line that
// starts with '{': a JSON object with "lines" (such as `mrz parse --json`
// writes, compacted to one line). Lines end at LF, CRLF or CR.
//
// Each output line is the JSON of the document, as `mrz parse --json`
// writes it but on one line, or for a record that is not an MRZ an object
// {"error": {"kind", "line", "column", "message"}, "input_line"} (kind as
// mrz.KindName writes it, line and column in the record, input_line the
// input's line where the record starts). The exit status is 0 when every
// record is a valid MRZ, 1 when one is not, 2 for bad usage or an input
// that cannot be read.

// Bounds of a batch: the longest input line read (longer ones are a record
// of their own, reported as too long), and the largest record.
const (
	batchMaxLine   = 64 << 10
	batchMaxRecord = mrz.MaxInputLen
)

// runBatch runs `mrz parse --batch` on the file of pos, or standard input.
func runBatch(e *env, pos []string, opts []mrz.Option) int {
	var r io.Reader
	switch {
	case len(pos) > 1:
		return e.fail("parse: want at most one input file")
	case len(pos) == 0 || pos[0] == "-":
		r = e.stdin
	default:
		f, err := os.Open(pos[0])
		if err != nil {
			return e.fail("parse: cannot open input: %v", unwrapPath(err))
		}
		defer f.Close()
		r = f
	}
	// One reference date for the whole batch, as one run of the command
	// takes: without it every MRZ would read the clock.
	if len(opts) == 0 {
		opts = []mrz.Option{mrz.WithReferenceDate(field.Today())}
	}
	st, err := parseBatch(r, e.stdout, opts)
	if err != nil {
		return e.fail("parse: %v", err)
	}
	if st.invalid > 0 {
		return exitInvalid
	}
	return exitValid
}

// batchStats counts the records of a batch.
type batchStats struct {
	records, invalid int
}

// parseBatch reads the records of r and writes one JSON line each to w. It
// fails only when r cannot be read or w written; the records read before a
// read error are written first.
func parseBatch(r io.Reader, w io.Writer, opts []mrz.Option) (batchStats, error) {
	b := batcher{r: r, w: w, opts: opts, buf: make([]byte, batchBuf), out: make([]byte, 0, batchOut)}
	err := b.run()
	return b.stats, err
}

// Sizes of a batch's buffers: the input read at once (more than
// batchMaxLine, so that a line of that length and its end fit), the output
// written at once, and the room left in it for the next line, below which
// it is written first.
const (
	batchBuf      = 256 << 10
	batchOut      = 256 << 10
	batchLineRoom = 4 << 10
)

// batcher holds the state of one batch. It reads the input in chunks of
// batchBuf bytes and scans the whole lines of each: a text record that
// stands whole in the chunk, lines ended by LF alone, is parsed as a
// substring of it (the chunk becomes one string: one allocation for
// thousands of MRZs); the lines of the other records (from JSON, ended by CR
// or CRLF, or begun in an earlier chunk) are joined by LF in side. Records
// are parsed and written in order at the end of each chunk.
type batcher struct {
	r     io.Reader
	w     io.Writer
	opts  []mrz.Option
	stats batchStats

	buf      []byte // the input: buf[:n] read and not yet scanned
	n        int
	eof      bool  // r has no more
	paused   bool  // the last read returned less than it could, as a pipe or a terminal does when the writer has nothing more for now
	err      error // the read error that ended the input
	line     int   // the number of the last line scanned (1-based)
	skipping bool  // dropping the rest of a line over batchMaxLine

	rec     textRecord
	side    []byte    // the lines of records not in the chunk, joined by LF
	pending []pending // what to write for each record of the chunk, in order
	out     []byte    // the output not yet written
}

// textRecord is the text record being read.
type textRecord struct {
	open   bool // a non-blank line was read since the last record's end
	long   bool // it grew past batchMaxRecord: its lines are dropped
	inSide bool // its lines are in side, else in the chunk
	lfEnd  bool // its last line ended with LF alone: in the chunk, the next line continues it
	// start and end delimit its lines joined by LF, in the chunk or side
	start, end int
	line       int // the input line where it starts
}

// pending is a record gathered: an MRZ, src[start:end] of the chunk or
// side, or an error.
type pending struct {
	src        recordSource
	start, end int32 // offsets in the chunk or side, both bounded
	inputLine  int
}

// recordSource is where a pending record is, or the error it is.
type recordSource uint8

const (
	srcChunk      recordSource = iota
	srcSide                    // in side
	srcLongLine                // a line over batchMaxLine
	srcLongRecord              // a record over batchMaxRecord
	srcBadJSON                 // a JSON line without lines
)

// pendingErrors are the errors of the pending records that are errors:
// kind and message.
var pendingErrors = [...][2]string{
	srcLongLine:   {"input_too_long", "line longer than " + strconv.Itoa(batchMaxLine) + " bytes"},
	srcLongRecord: {"input_too_long", "more than " + strconv.Itoa(batchMaxRecord) + " bytes"},
	srcBadJSON:    {"json", `want a JSON object with "lines", a list of strings`},
}

func (b *batcher) run() error {
	for {
		b.read()
		used := b.scan(b.buf[:b.n])
		if b.eof {
			b.endRecord() // scan used every byte
		}
		if r := &b.rec; r.open && !r.long && !r.inSide {
			b.toSide() // the chunk is about to go
		}
		if err := b.process(b.buf[:used]); err != nil {
			return err
		}
		if !b.eof && used == 0 && b.n == len(b.buf) {
			b.longLine()
			continue
		}
		b.n = copy(b.buf, b.buf[used:b.n])
		if b.eof || b.paused {
			if err := b.writeOut(true); err != nil {
				return err
			}
		}
		if b.eof {
			return b.err
		}
	}
}

// read reads more input after what is unscanned.
func (b *batcher) read() {
	if b.eof || b.n == len(b.buf) {
		return
	}
	m, err := b.r.Read(b.buf[b.n:])
	b.paused = m < len(b.buf)-b.n
	b.n += m
	if err != nil {
		b.eof = true
		if err != io.EOF {
			b.err = fmt.Errorf("cannot read input: %w", err)
		}
	}
}

// scan reads the whole lines of c, the unscanned input, into records (and
// at the end of the input the last line, ended or not), and returns how
// many bytes it used. A CR at the end of c may be the first half of a CRLF:
// it waits for the next chunk.
func (b *batcher) scan(c []byte) int {
	pos := 0
	// The offsets of the next LF and CR at or after pos, len(c) for none:
	// each byte is searched for each once.
	lf, cr := -1, -1
	for pos < len(c) {
		if lf < pos {
			lf = indexFrom(c, pos, '\n')
		}
		if cr < pos {
			cr = indexFrom(c, pos, '\r')
		}
		// The common lines first: a text line or an empty line, ended by a
		// LF alone.
		if e := lf; e < cr && !b.skipping {
			r := &b.rec
			switch n := e - pos; {
			case n == 0:
				b.line++
				b.endRecord()
				pos = e + 1
				continue
			case n > batchMaxLine || c[pos] == ' ' || c[pos] == '\t' || c[pos] == '{':
				// the general way below
			case !r.open:
				b.line++
				*r = textRecord{open: true, line: b.line, long: n+1 > batchMaxRecord, start: pos, end: e, lfEnd: true}
				pos = e + 1
				continue
			case !r.long && !r.inSide && r.lfEnd && r.end+1 == pos && r.end-r.start+1+n+1 <= batchMaxRecord:
				b.line++
				r.end = e
				pos = e + 1
				continue
			}
		}
		e, next := min(lf, cr), 0
		switch {
		case e == len(c):
			if b.skipping && !b.eof {
				return len(c) // more of the long line
			}
			if !b.eof {
				return pos
			}
			next = e // the last line, without an end
		case c[e] == '\n':
			next = e + 1
		case e+1 == len(c) && !b.eof:
			if b.skipping {
				return e
			}
			return pos // CR, perhaps of a CRLF
		case e+1 < len(c) && c[e+1] == '\n':
			next = e + 2
		default:
			next = e + 1
		}
		if b.skipping {
			b.skipping = false // the end of the long line
		} else {
			b.line++
			b.addLine(c, pos, e, next)
		}
		pos = next
	}
	return pos
}

// indexFrom returns the offset of the first c in b at or after from, or
// len(b).
func indexFrom(b []byte, from int, c byte) int {
	if i := bytes.IndexByte(b[from:], c); i >= 0 {
		return from + i
	}
	return len(b)
}

// addLine reads the line c[start:end], ended at next.
func (b *batcher) addLine(c []byte, start, end, next int) {
	line := c[start:end]
	if len(line) > batchMaxLine {
		b.endRecord()
		b.tooLongLine()
		return
	}
	switch firstNonBlank(line) {
	case 0:
		b.endRecord()
	case '{':
		b.endRecord()
		b.jsonRecord(line)
	default:
		b.add(c, start, end, next)
	}
}

// longLine ends the records at a line that fills the whole buffer: it is
// reported and its rest dropped. A CR at its end stays, to be read with
// the LF that may follow.
func (b *batcher) longLine() {
	b.endRecord()
	b.line++
	b.tooLongLine()
	b.skipping = true
	keep := 0
	if b.buf[b.n-1] == '\r' {
		b.buf[0], keep = '\r', 1
	}
	b.n = keep
}

// tooLongLine reports the line b.line as too long.
func (b *batcher) tooLongLine() {
	b.pending = append(b.pending, pending{src: srcLongLine, inputLine: b.line})
}

// add adds the line c[start:end], ended at next, to the text record.
func (b *batcher) add(c []byte, start, end, next int) {
	r := &b.rec
	n := end - start
	lfEnd := next == end+1 && c[end] == '\n'
	switch {
	case !r.open:
		*r = textRecord{open: true, line: b.line, long: n+1 > batchMaxRecord,
			start: start, end: end, lfEnd: lfEnd}
	case r.long:
	case r.end-r.start+1+n+1 > batchMaxRecord:
		r.long = true
		if r.inSide {
			b.side = b.side[:r.start]
		}
	case !r.inSide && r.lfEnd && r.end+1 == start:
		r.end, r.lfEnd = end, lfEnd
	default:
		if !r.inSide {
			b.toSide()
		}
		b.side = append(b.side, '\n')
		b.side = append(b.side, c[start:end]...)
		r.end = len(b.side)
	}
}

// toSide moves the text record's lines from the chunk to side.
func (b *batcher) toSide() {
	r := &b.rec
	at := len(b.side)
	b.side = append(b.side, b.buf[r.start:r.end]...)
	r.start, r.end, r.inSide = at, len(b.side), true
}

// endRecord ends the text record read, if any.
func (b *batcher) endRecord() {
	r := &b.rec
	switch {
	case !r.open:
		return
	case r.long:
		b.pending = append(b.pending, pending{src: srcLongRecord, inputLine: r.line})
	case r.inSide:
		b.pending = append(b.pending, pending{src: srcSide, start: int32(r.start), end: int32(r.end), inputLine: r.line})
	default:
		b.pending = append(b.pending, pending{src: srcChunk, start: int32(r.start), end: int32(r.end), inputLine: r.line})
	}
	*r = textRecord{}
}

// jsonRecord gathers a JSON line.
func (b *batcher) jsonRecord(line []byte) {
	at := len(b.side)
	side, ok := appendJSONLines(b.side, line)
	if !ok {
		b.side = b.side[:at]
		b.pending = append(b.pending, pending{src: srcBadJSON, inputLine: b.line})
		return
	}
	b.side = side
	b.pending = append(b.pending, pending{src: srcSide, start: int32(at), end: int32(len(side)), inputLine: b.line})
}

// process parses and writes the records gathered, those of the chunk c
// and of side. The open text record, in side, stays there.
func (b *batcher) process(c []byte) error {
	if len(b.pending) == 0 {
		return nil
	}
	// The strings the records are parsed from: the part of the chunk they
	// span, and the part of side before the open record.
	lo, hi := len(c), 0
	for i := range b.pending {
		if p := &b.pending[i]; p.src == srcChunk {
			lo, hi = min(lo, int(p.start)), max(hi, int(p.end))
		}
	}
	var chunk, side string
	if lo < hi {
		chunk = string(c[lo:hi])
	}
	sideEnd := len(b.side)
	if r := &b.rec; r.open && r.inSide && !r.long {
		sideEnd = r.start
	}
	if sideEnd > 0 {
		side = string(b.side[:sideEnd])
	}
	for i := range b.pending {
		p := &b.pending[i]
		var err error
		switch p.src {
		case srcChunk:
			err = b.parse(chunk[int(p.start)-lo:int(p.end)-lo], p.inputLine)
		case srcSide:
			err = b.parse(side[p.start:p.end], p.inputLine)
		default:
			e := &pendingErrors[p.src]
			err = b.writeError(p.inputLine, e[0], 0, 0, e[1])
		}
		if err != nil {
			return err
		}
	}
	b.pending = b.pending[:0]
	n := copy(b.side, b.side[sideEnd:])
	b.side = b.side[:n]
	if b.rec.inSide {
		b.rec.start -= sideEnd
		b.rec.end -= sideEnd
	}
	return nil
}

// parse parses one MRZ and writes its line.
func (b *batcher) parse(s string, inputLine int) error {
	d, err := mrz.Parse(s, b.opts...)
	if se, ok := err.(*mrz.SyntaxError); ok { // Parse returns it unwrapped
		msg := strings.TrimPrefix(se.Error(), "mrz: ")
		return b.writeError(inputLine, mrz.KindName(se.Kind), se.Line, se.Column, msg)
	}
	b.stats.records++
	if !d.IsValid() {
		b.stats.invalid++
	}
	b.out = d.AppendJSON(b.out)
	b.out = append(b.out, '\n')
	return b.writeOut(false)
}

// writeOut writes the output gathered when the room left for a line is
// short, or always with flush (and flushes w when it buffers).
func (b *batcher) writeOut(flush bool) error {
	if !flush && cap(b.out)-len(b.out) >= batchLineRoom {
		return nil
	}
	if len(b.out) > 0 {
		_, err := b.w.Write(b.out)
		b.out = b.out[:0]
		if err != nil {
			return err
		}
	}
	if f, ok := b.w.(interface{ Flush() error }); ok && flush {
		return f.Flush()
	}
	return nil
}

// writeError writes the line of a record that is not an MRZ.
func (b *batcher) writeError(inputLine int, kind string, line, col int, msg string) error {
	b.stats.records++
	b.stats.invalid++
	o := append(b.out, `{"error":{"kind":`...)
	o = appendQuoted(o, kind)
	o = append(o, `,"line":`...)
	o = strconv.AppendInt(o, int64(line), 10)
	o = append(o, `,"column":`...)
	o = strconv.AppendInt(o, int64(col), 10)
	o = append(o, `,"message":`...)
	o = appendQuoted(o, msg)
	o = append(o, `},"input_line":`...)
	o = strconv.AppendInt(o, int64(inputLine), 10)
	b.out = append(o, "}\n"...)
	return b.writeOut(false)
}

// appendQuoted appends s as a JSON string, '<' as itself.
func appendQuoted(b []byte, s string) []byte {
	var q bytes.Buffer
	enc := json.NewEncoder(&q)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimSuffix(q.Bytes(), []byte("\n"))...)
}

// firstNonBlank returns the first byte of line that is not a space or a
// tab, or 0.
func firstNonBlank(line []byte) byte {
	for _, c := range line {
		if c != ' ' && c != '\t' {
			return c
		}
	}
	return 0
}

// appendJSONLines appends to dst the lines of a JSON record joined by LF,
// and reports false when it has none: the common shape {"lines": ["...",
// ...]} directly, anything else with encoding/json.
func appendJSONLines(dst, line []byte) ([]byte, bool) {
	if out, ok := appendJSONLinesQuick(dst, line); ok {
		return out, true
	}
	var v struct {
		Lines []string `json:"lines"`
	}
	if err := json.Unmarshal(line, &v); err != nil || v.Lines == nil {
		return dst, false
	}
	for i, l := range v.Lines {
		if i > 0 {
			dst = append(dst, '\n')
		}
		dst = append(dst, l...)
	}
	return dst, true
}

// appendJSONLinesQuick reads {"lines":["A","B"]} with spaces anywhere
// between the tokens and strings without escapes; it reports false for
// anything else.
func appendJSONLinesQuick(dst, s []byte) ([]byte, bool) {
	p := 0
	skip := func() {
		for p < len(s) && (s[p] == ' ' || s[p] == '\t') {
			p++
		}
	}
	lit := func(t string) bool {
		skip()
		if len(s)-p >= len(t) && string(s[p:p+len(t)]) == t {
			p += len(t)
			return true
		}
		return false
	}
	if !lit("{") || !lit(`"lines"`) || !lit(":") || !lit("[") {
		return dst, false
	}
	for n := 0; !lit("]"); n++ {
		if n > 0 && !lit(",") {
			return dst, false
		}
		skip()
		if p >= len(s) || s[p] != '"' {
			return dst, false
		}
		end := bytes.IndexByte(s[p+1:], '"')
		if end < 0 || bytes.IndexByte(s[p+1:p+1+end], '\\') >= 0 {
			return dst, false
		}
		if n > 0 {
			dst = append(dst, '\n')
		}
		dst = append(dst, s[p+1:p+1+end]...)
		p += end + 2
	}
	if !lit("}") {
		return dst, false
	}
	skip()
	return dst, p == len(s)
}
