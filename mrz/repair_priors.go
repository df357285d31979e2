package mrz

// The confusion priors of text Find: what a character read in OCR text may
// have been, with its cost (minus the log of its probability relative to
// the character read). The decoder then reads the text as it reads an
// image reader's scores, so that the repairs Find makes are the cheapest
// readings that satisfy every type and check digit.
//
//   - The character read costs nothing, each character OCR confuses it
//     with (0 O D Q, 1 I L, 2 Z, 5 S, 6 G, 8 B, 4 A, 7 T; '<' for a K)
//     costConfusion: one repair fewer always wins, two readings with as
//     many repairs tie.
//   - A digit read in a name stands for the letter OCR most often reads as
//     that digit (0 O, 1 I, 2 Z, 4 A, 5 S, 6 G, 7 T, 8 B); the others cost
//     costUnlikely more, above the ambiguity margin, unless WithStrictNames
//     makes them tie.
//   - Where only fillers may stand, a K is a filler: after "<<<" in a name
//     or after the closing "<<" of the given names, and in the fillers that
//     end a document number or optional data. A K that is a one-letter last
//     given name ties with a filler: Find does not guess.
//   - A fixed filler (a Swiss driving licence's) may be any character read.

const (
	// costConfusion is the cost of one OCR confusion: odds of 10,000 to 1.
	costConfusion = 9.210340371976184
	// costUnlikely is what the less likely letters for a digit read in a
	// name cost above the likeliest: odds of 1,000 to 1.
	costUnlikely = 6.907755278982137
	// textMaxCheck is the most the check digits may cost above the reading
	// the types give: four confusions.
	textMaxCheck = 4*costConfusion + 1e-6
)

// confusionGroups are the groups of characters OCR confuses.
var confusionGroups = [...]string{"0ODQ", "1IL", "2Z", "5S", "6G", "8B", "4A", "7T"}

// likelyLetter is the letter OCR most often reads as each digit.
var likelyLetter = [256]byte{'0': 'O', '1': 'I', '2': 'Z', '4': 'A', '5': 'S', '6': 'G', '7': 'T', '8': 'B'}

// confusables holds, for each character, those OCR confuses it with.
var confusables = func() (t [256]string) {
	for _, g := range confusionGroups {
		for i := 0; i < len(g); i++ {
			t[g[i]] = g[:i] + g[i+1:]
		}
	}
	return t
}()

// confusable returns the characters OCR confuses with c.
func confusable(c byte) string { return confusables[c] }

// fillerWhy says what a K read at an offset is, for the priors.
type fillerWhy uint8

const (
	kWhyName    fillerWhy = iota // a letter, or a filler at one confusion
	kWhyPadding                  // only fillers may stand there: a filler
	kWhyTie                      // a one-letter last given name, or a filler
)

// maxTextCells bounds the cells of one offset of a text lattice: the
// character read, three confusions, a filler.
const maxTextCells = 6

// textCells returns the priors for offset o of a text lattice: what the
// character read there may have been, cheapest first, in lat.scratch.
func textCells(lat *lattice, o int) []cell {
	x := lat.top[o]
	if x == '\n' {
		return nil
	}
	lp := layoutPlans[lat.lay.format]
	if onlyRead(lp, o, x) {
		return onlyCell[x : int(x)+1] // the character read, alone
	}
	buf := lat.scratch[:0]
	why := kWhyName
	if x == 'K' {
		why = kWhy(lat.lay, lat.top, o)
	}
	switch why {
	case kWhyPadding:
		buf = append(buf, cell{'<', 0}, cell{'K', costConfusion})
	case kWhyTie:
		buf = append(buf, cell{'K', 0}, cell{'<', 0})
	default:
		buf = append(buf, cell{x, 0})
		buf = appendConfusions(buf, x, lp.names[o], lat.strict)
		if x == 'K' {
			buf = append(buf, cell{'<', costConfusion})
		}
	}
	if lp.types[o] == tFiller && x != '<' && x != 'K' {
		buf = append(buf, cell{'<', costConfusion})
	}
	return buf
}

// onlyRead reports whether the only prior of x read at offset o is x
// itself: no character OCR confuses it with, not a K, and not where only
// a filler may stand (but for a filler).
func onlyRead(lp *layoutPlan, o int, x byte) bool {
	return confusables[x] == "" && x != 'K' && (lp.types[o] != tFiller || x == '<')
}

// appendConfusions appends the characters OCR confuses with x: in a name,
// for a digit, the likeliest letter first and the others costing more.
func appendConfusions(buf []cell, x byte, name, strict bool) []cell {
	g := confusable(x)
	if name && isDigit(x) && !strict {
		for i := 0; i < len(g); i++ {
			if g[i] == likelyLetter[x] {
				buf = append(buf, cell{g[i], costConfusion})
			}
		}
		for i := 0; i < len(g); i++ {
			if g[i] != likelyLetter[x] {
				buf = append(buf, cell{g[i], costConfusion + costUnlikely})
			}
		}
		return buf
	}
	for i := 0; i < len(g); i++ {
		buf = append(buf, cell{g[i], costConfusion})
	}
	return buf
}

// codeReachable reports whether the document code read in raw is, or is a
// confusion away from, one that layout l allows: a quick test before the
// priors are built.
func codeReachable(l *layout, raw []byte) bool {
	sp := l.f[fCode]
	if sp.n != 2 || sp.end() > len(raw) {
		return true
	}
	a, b := raw[sp.off], raw[sp.off+1]
	as, bs := string(a)+confusable(a), string(b)+confusable(b)
	if a == 'K' {
		as += "<"
	}
	if b == 'K' {
		bs += "<"
	}
	for i := 0; i < len(as); i++ {
		for j := 0; j < len(bs); j++ {
			if codeAllowed(l.format, as[i], bs[j]) {
				return true
			}
		}
	}
	return false
}

// nameFields are the fields that hold names.
var nameFields = [...]fieldID{fName, fSurname, fGiven}

// nameMask marks the offsets of the layout's names.
func nameMask(l *layout, n int) []bool {
	m := make([]bool, n)
	for _, id := range nameFields {
		sp := l.f[id]
		for o := int(sp.off); o < sp.end() && o < n; o++ {
			m[o] = true
		}
	}
	return m
}

// kWhy says what the K read at offset o may be.
func kWhy(l *layout, raw []byte, o int) fillerWhy {
	for _, id := range nameFields {
		if sp := l.f[id]; sp.n > 0 && o >= int(sp.off) && o < sp.end() {
			return nameK(raw[sp.off:sp.end()], o-int(sp.off), id == fName)
		}
	}
	for _, id := range [...]fieldID{fOptional, fOptional2, fNumber} {
		if sp := l.f[id]; sp.n > 0 && o >= int(sp.off) && o < sp.end() && trailingK(raw[sp.off:sp.end()], o-int(sp.off)) {
			return kWhyPadding
		}
	}
	return kWhyName
}

// nameK says what a K at index j of a name field s is. A name holds no
// "<<<": after one only fillers follow. In an ICAO name field
// (PRIMARY<<SECONDARY), after the secondary identifier's closing "<<"
// only fillers follow too; a K that is the last secondary name and a
// single letter may be a one-letter name or a filler.
func nameK(s []byte, j int, icao bool) fillerWhy {
	if i := indexOf(s, "<<<"); i >= 0 && j >= i+3 {
		return kWhyPadding
	}
	if !icao {
		return kWhyName
	}
	p := indexOf(s, "<<")
	if p < 0 || j < p+2 {
		return kWhyName // the primary identifier
	}
	sec := p + 2
	if q := indexOf(s[sec:], "<<"); q > 0 && j >= sec+q+2 && onlyFillersOrK(s[sec+q+2:]) {
		return kWhyPadding
	}
	if s[j-1] == '<' && onlyFillersOrK(s[j+1:]) && (j+1 == len(s) || s[j+1] == '<') {
		return kWhyTie // (a K further on is a filler after the names)
	}
	return kWhyName
}

// trailingK reports whether the K at index j of s stands in the fillers
// that end it: after a filler and the last other character.
func trailingK(s []byte, j int) bool {
	last := -1
	for i, c := range s {
		if c != '<' && c != 'K' {
			last = i
		}
	}
	return j > last && j > 0 && s[j-1] == '<'
}

func indexOf(s []byte, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if string(s[i:i+len(sub)]) == sub {
			return i
		}
	}
	return -1
}

func onlyFillersOrK(s []byte) bool {
	for _, c := range s {
		if c != '<' && c != 'K' {
			return false
		}
	}
	return true
}
