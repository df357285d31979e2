package mrz

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxFindInput is the longest text Find reads, in bytes.
const MaxFindInput = 1 << 20

// Find's work bound: the groups of lines it repairs, findWorkBase for
// any text and findWorkPerLine more for each line that looks like a line
// of an MRZ. A text of MRZs never reaches it; one made to make Find work
// hard does (see ErrFindLimit).
const (
	findWorkBase    = 4096
	findWorkPerLine = 4
)

// ErrFindLimit is wrapped by the error Find returns, with the candidates
// found, when it reached its work bound before the end of the text: MRZs
// after the line the error names may be missing. Only a text made to make
// Find work hard reaches it (thousands of lines that each may start an
// MRZ in several ways).
var ErrFindLimit = errors.New("work bound reached: MRZs further on may be missing")

// ErrAmbiguous is the Kind of the CheckError that Find reports, in a
// candidate's ValidationError, for each field where several repairs satisfy
// every check: Find does not guess, it lists them in the candidate's
// Alternatives. errors.Is(candidate.Err, ErrAmbiguous) tells such a
// candidate apart.
var ErrAmbiguous = errors.New("several repairs satisfy the checks")

// Correction is one change Find made to the text it read. Line and Column
// (1-based, Column counting characters; lines end at LF, CRLF or CR) locate
// From in the input text; replacing From there by To, for every correction
// of a candidate, turns the input into the MRZ (see ApplyCorrections). From
// is empty for an insertion and To for a removal; a line break is "\n".
// Verified reports whether a check digit confirms it. FindScored gives
// corrections of the most probable characters, in MRZ lines and columns.
type Correction struct {
	Line   int    `json:"line"`
	Column int    `json:"column"`
	From   string `json:"from"`
	To     string `json:"to"`
	Reason Reason `json:"reason"` // why (a normalization, a repair), and whether a check digit confirms it
}

// Candidate is an MRZ found in a text.
type Candidate struct {
	// Document is the MRZ after the corrections, parsed strictly.
	Document Document
	// Err is nil when the document is valid, and otherwise a
	// ValidationError. When several repairs fit, it also holds a CheckError
	// of kind ErrAmbiguous for each field where they differ, naming the
	// field, line and column (MRZ lines, as Parse counts them).
	Err error
	// StartLine and EndLine are the first and last lines of the input the
	// MRZ was read from (1-based, inclusive).
	StartLine, EndLine int
	// Score ranks candidates: 1 for a valid MRZ read without any change,
	// lower for more corrections and failed checks.
	Score float64
	// Corrections lists every change, in input order.
	Corrections []Correction
	// Alternatives lists, for an ambiguous candidate, the repairs Find
	// could not choose between; none of them is applied. Each element is
	// one complete way to repair one ambiguous place, given as the
	// corrections it makes in place of those of Corrections at the same
	// positions (a correction whose To is its From leaves its place as
	// read): the letters a digit in a name may have been are one element
	// each, and so is each set of changes that makes a failing check digit
	// hold. Choose turns a choice of them into corrections.
	Alternatives [][]Correction
}

// Choose returns the corrections that turn the input into the MRZ read with
// the given alternatives (indexes in Alternatives) chosen: Corrections, with
// those at the places of each chosen alternative replaced by the
// alternative's. ApplyCorrections(text, corrections) then gives that MRZ,
// which Find did not check: parse it to see whether it is valid. Choose
// fails for an index out of range, or for two alternatives of one place.
func (c Candidate) Choose(alternatives ...int) ([]Correction, error) {
	out := map[place]Correction{}
	for _, k := range c.Corrections {
		out[k.place()] = k
	}
	taken := map[place]bool{}
	for _, i := range alternatives {
		if i < 0 || i >= len(c.Alternatives) {
			return nil, fmt.Errorf("mrz: no alternative %d", i)
		}
		for _, k := range c.Alternatives[i] {
			p := k.place()
			if taken[p] {
				return nil, fmt.Errorf("mrz: alternatives overlap at line %d, column %d", p.line, p.col)
			}
			taken[p] = true
			if k.From == k.To {
				delete(out, p) // the place is left as read
			} else {
				out[p] = k
			}
		}
	}
	cs := make([]Correction, 0, len(out))
	for _, k := range out {
		cs = append(cs, k)
	}
	sortCorrections(cs)
	return cs, nil
}

// place is where a correction stands in the input. An insertion and a
// change may share a column.
type place struct {
	line, col int
	insert    bool
}

func (k Correction) place() place { return place{k.Line, k.Column, k.From == ""} }

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// sortCorrections puts corrections in input order, an insertion before a
// change at the same column.
func sortCorrections(cs []Correction) {
	slices.SortStableFunc(cs, func(a, b Correction) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		if a.Column != b.Column {
			return a.Column - b.Column
		}
		return btoi(b.From == "") - btoi(a.From == "")
	})
}

// IsValid reports whether the candidate's MRZ is valid after repair.
func (c Candidate) IsValid() bool { return c.Err == nil && c.Document.IsValid() }

// Find locates every MRZ in a text, such as the output of an OCR engine for a
// whole page, repairs what OCR commonly gets wrong, and returns the
// candidates ranked, best first.
//
// Safe normalizations are always made: lower case, the filler look-alikes
// «, ‹ and ( and spaces inside a line (removed, or read as fillers when the
// length says so), stray punctuation at line ends, a line broken in two or
// two or three lines glued together, lines separated by a CR alone, a line
// one or two fillers short at its end, an extra filler at its end, blank
// lines between MRZ lines, and a K standing where only fillers may (after
// "<<<" or the given names in a name, at the end of a number or of optional
// data).
//
// Character confusions (0 O D Q, 1 I L, 2 Z, 5 S, 6 G, 8 B, 4 A, 7 T, and
// '<' read as K) are repaired by the decoder of FindScored, with these
// confusions as scores: the repair is the reading with the fewest
// confusions that satisfies every position type and check digit. A letter
// where a digit must stand (dates, check digits) and a digit where a letter
// must stand (codes, names) are repaired from what the position may hold;
// a country code only into a known code. In fields that may hold both
// (document numbers, optional data), only the check digits repair. When
// several readings satisfy every check with as few confusions, none is
// applied: the candidate is ambiguous (errors.Is(c.Err, ErrAmbiguous)) and
// lists them as Alternatives. A digit in a name, which no check digit
// covers, becomes the letter OCR most often reads as that digit (0 O, 1 I,
// 2 Z, 4 A, 5 S, 6 G, 7 T, 8 B), with a correction that is not Verified;
// WithStrictNames lists the letters as alternatives instead. A K that may be
// a one-letter last given name or a filler is ambiguous.
//
// Find reads at most MaxFindInput bytes, and fails with a *SyntaxError for
// longer input. Its work is bounded: on a text made to make it work hard it
// returns the candidates found with an error wrapping ErrFindLimit. Options
// are those of Parse (the reference date), WithStrictNames and
// WithAmbiguityMargin.
func Find(text string, opts ...Option) ([]Candidate, error) {
	return find(text, opts, false)
}

// find is Find; plain turns its shortcuts off (see finder.plain), for the
// tests that check them.
func find(text string, opts []Option, plain bool) ([]Candidate, error) {
	if len(text) > MaxFindInput {
		return nil, &SyntaxError{Kind: ErrInputTooLong, Detail: "more than 1 MiB"}
	}
	f := newFinder(text, opts)
	f.plain, f.search.plain = plain, plain
	f.split()
	f.scan()
	cs := f.rank()
	if f.limited {
		return cs, &findLimitError{line: f.limitLine}
	}
	return cs, nil
}

// findLimitError says where Find stopped.
type findLimitError struct{ line int }

func (e *findLimitError) Error() string {
	return "mrz: line " + strconv.Itoa(e.line) + ": " + ErrFindLimit.Error()
}

func (e *findLimitError) Unwrap() error { return ErrFindLimit }

// ApplyCorrections applies corrections (as Find returns them, in any order)
// to the text they were computed on. It fails when a correction's From is not
// found at its position, or when corrections overlap.
func ApplyCorrections(text string, cs []Correction) (string, error) {
	type edit struct {
		start, end int
		to         string
	}
	starts := lineStarts(text)
	edits := make([]edit, 0, len(cs))
	for _, c := range cs {
		if c.Line < 1 || c.Line > len(starts) || c.Column < 1 {
			return "", errors.New("mrz: correction outside the text")
		}
		off := starts[c.Line-1]
		for col := 1; col < c.Column; col++ {
			if off >= len(text) || text[off] == '\n' || text[off] == '\r' {
				return "", errors.New("mrz: correction outside the line")
			}
			_, n := utf8.DecodeRuneInString(text[off:])
			off += n
		}
		if !strings.HasPrefix(text[off:], c.From) {
			return "", errors.New("mrz: correction does not match the text")
		}
		edits = append(edits, edit{off, off + len(c.From), c.To})
	}
	slices.SortFunc(edits, func(a, b edit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.end - b.end
	})
	var b strings.Builder
	pos := 0
	for _, e := range edits {
		if e.start < pos {
			return "", errors.New("mrz: corrections overlap")
		}
		b.WriteString(text[pos:e.start])
		b.WriteString(e.to)
		pos = e.end
	}
	b.WriteString(text[pos:])
	return b.String(), nil
}
