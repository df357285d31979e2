package mrz

import (
	"strconv"
	"strings"

	"github.com/mrzkit/mrzkit/field"
)

// The plan of a format's JSON: AppendJSON writes the text that never
// changes between two values as one run, read from tables built once from
// the layouts, and only the values themselves field by field. Which keys a
// document has depends on its format alone (and on BSN, and on which checks
// were made), so every run between two values is known in advance.

// jsonPlan is how AppendJSON writes the documents of one format.
type jsonPlan struct {
	// head: from the start to the document code's opening quote, for
	// valid false and true.
	head [2]string
	// kind: from the document code's closing quote to the opening quote of
	// the value after document_kind (issuing_state or document_number), by
	// Kind.
	kind [len(kindNames)]string
	// issuing and nationality: whether the format has those keys.
	issuing, nationality bool
	// afterNumber: from the document number's closing quote to the opening
	// quote of the next value (nationality or surname), when the format has
	// no nationality.
	afterNumber string
	// steps: the keys from birth_date to version, each with the run before
	// its value, which ends the value before (the given names' ']', or a
	// string's closing quote) and opens a string value.
	steps []jsonStep
	// close: ends the last step's value: a quote, or nothing after a date.
	close string
}

// jsonStep is one key of the optional part of a document's JSON.
type jsonStep struct {
	text string
	op   jsonOp
	id   fieldID
}

// jsonOp is how a step writes its value.
type jsonOp uint8

const (
	opDate     jsonOp = iota // a date: "YYYY-MM-DD" or null
	opRaw                    // the field's characters as they are
	opTrim                   // the field without trailing fillers
	opOptional               // OptionalData
)

// jsonPlans holds the plan of every format (nil for FormatUnknown).
var jsonPlans = func() (t [numFormats]*jsonPlan) {
	for f, l := range layouts {
		if l != nil {
			t[f] = planJSON(l)
		}
	}
	return t
}()

// planJSON builds the plan of l's JSON; the keys are those of
// marshalJSONReference, in the order of the contract (see AppendJSON).
func planJSON(l *layout) *jsonPlan {
	p := &jsonPlan{issuing: l.f[fIssuing].n > 0, nationality: l.f[fNationality].n > 0}
	for v := range p.head {
		p.head[v] = `{"format":` + quotedFormat[l.format] + `,"valid":` + strconv.FormatBool(v == 1) + `,"document_code":"`
	}
	next := `,"document_number":"`
	if p.issuing {
		next = `,"issuing_state":"`
	}
	for k := range p.kind {
		p.kind[k] = `","document_kind":"` + kindNames[k] + `"` + next
	}
	p.afterNumber = `","surname":"`
	if p.nationality {
		p.afterNumber = `","nationality":"`
	}
	prev := "]" // ends the given names
	for _, i := range l.jsonKeys {
		k := optionalKeys[i]
		st := jsonStep{text: prev + k.key, id: k.id}
		switch k.id {
		case fBirth, fExpiry, fIssueDate:
			st.op = opDate
			prev = ""
		case fOptional:
			st.op = opOptional
		case fSex, fLanguage, fPIN, fVersion:
			st.op = opRaw
		default: // optional data 2, administrative and office codes
			st.op = opTrim
		}
		if st.op != opDate {
			st.text += `"`
			prev = `"`
		}
		p.steps = append(p.steps, st)
	}
	p.close = prev
	return p
}

// issuingRuns are, for each country in the order of field.Countries, the
// text of a document's JSON from its issuing state's code to the opening
// quote of the next value: the code without fillers, the key and quoted
// name of the country, and the next key; nationalityRuns the same for the
// nationality, from the closing quote of the document number.
var issuingRuns, nationalityRuns = func() (iss, nat []string) {
	for i, c := range field.Countries() {
		code := trimFillers(c.MRZ())
		iss = append(iss, code+`","issuing_state_name":`+quotedCountry[i]+`,"document_number":"`)
		nat = append(nat, `","nationality":"`+code+`","nationality_name":`+quotedCountry[i]+`,"surname":"`)
	}
	return iss, nat
}()

// appendCountryRun appends a country code and what surrounds it (see
// issuingRuns): from runs when the code is known, else key, the code,
// nameKey, the name ("") and nextKey.
func appendCountryRun(b []byte, code string, runs []string, key, nameKey, nextKey string) []byte {
	if k, ok := countryKey(code[0], code[1], code[2]); ok && !countryIndex[k].c.IsZero() {
		return append(b, runs[countryIndex[k].order]...)
	}
	b = append(b, key...)
	b = append(b, trimFillers(code)...)
	b = append(b, nameKey...)
	b = appendCountryName(b, code)
	return append(b, nextKey...)
}

// checksRuns is the JSON from the checks key to the errors' list, for
// every combination of check statuses (numbered in base 3, the first check
// the lowest digit): [0] opens the errors' list, [1] writes it empty and
// opens the lines' list.
var checksRuns = func() (t [2][checksCombos]string) {
	for i := range t[0] {
		b := []byte(`,"checks":{`)
		first := true
		for c, n := 0, i; c < int(numChecks); c, n = c+1, n/3 {
			s := CheckStatus(n % 3)
			if s == CheckAbsent {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(b, quotedCheck[c]...)
			b = append(b, ':')
			b = strconv.AppendBool(b, s == CheckPassed)
		}
		b = append(b, `},"errors":[`...)
		t[0][i] = string(b)
		t[1][i] = string(b) + `],"lines":["`
	}
	return t
}()

// checksCombos is the number of combinations of check statuses.
const checksCombos = 729 // 3 to the power numChecks

// checksIndex numbers the check statuses of d for checksRuns.
func (d *Document) checksIndex() int {
	i := 0
	for c := len(d.status) - 1; c >= 0; c-- {
		s := d.status[c]
		if s > CheckFailed {
			s = CheckFailed // not a status: written false, as by the reference
		}
		i = i*3 + int(s)
	}
	return i
}

// pad2 holds 00 to 99; day2 the same but XX for 0, an unknown month or day.
const pad2 = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"4041424344454647484950515253545556575859606162636465666768697071727374757677787980818283848586878889" +
	"90919293949596979899"

// appendDateValue appends a date as JSON: "YYYY-MM-DD" (X for unknown
// digits, as field.Date writes it), or null.
func appendDateValue(b []byte, v field.Date) []byte {
	if v.IsZero() {
		return append(b, "null"...)
	}
	y, m, d := v.Year(), int(v.Month()), v.Day()
	if y <= 0 || y > 9999 || m <= 0 || m > 99 || d <= 0 || d > 99 {
		return appendDateJSON(b, v) // partial
	}
	c, y := 2*(y/100), 2*(y%100)
	m, d = 2*m, 2*d
	return append(b, '"', pad2[c], pad2[c+1], pad2[y], pad2[y+1], '-', pad2[m], pad2[m+1], '-', pad2[d], pad2[d+1], '"')
}

// appendNameValue appends s, without trailing fillers nor leading ones,
// with '<' as a space, as Surname returns it.
func appendNameValue(b []byte, s string) []byte {
	s = trimFillers(s)
	for len(s) > 0 && s[0] == '<' {
		s = s[1:]
	}
	start := len(b)
	b = append(b, s...)
	for i := start; i < len(b); i++ {
		if b[i] == '<' {
			b[i] = ' '
		}
	}
	return b
}

// appendNamesList appends the names of s, split at fillers, as JSON strings
// separated by commas (GivenNames for the ICAO layouts).
func appendNamesList(b []byte, s string) []byte {
	s = trimFillers(s)
	first := true
	for i := 0; i < len(s); {
		if s[i] == '<' {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && s[j] != '<' {
			j++
		}
		if first {
			b = append(b, '"')
			first = false
		} else {
			b = append(b, `,"`...)
		}
		b = append(b, s[i:j]...)
		b = append(b, '"')
		i = j
	}
	return b
}

// appendErrorsJSON appends the failed checks, as objects separated by
// commas.
func (d *Document) appendErrorsJSON(b []byte) []byte {
	for i, e := range d.errs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"field":`...)
		b = appendJSONString(b, string(e.Field))
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(e.Line), 10)
		b = append(b, `,"column":`...)
		b = strconv.AppendInt(b, int64(e.Column), 10)
		b = append(b, `,"kind":`...)
		b = appendJSONString(b, KindName(e.Kind))
		b = append(b, '}')
	}
	return b
}

// appendJSONPlanned is AppendJSON for a document with a layout, through
// the plan of its format.
func (d *Document) appendJSONPlanned(b []byte) []byte {
	lay := d.lay
	p := jsonPlans[lay.format]
	valid := 0
	if len(d.errs) == 0 {
		valid = 1
	}
	b = append(b, p.head[valid]...)
	code := d.raw[lay.f[fCode].off:lay.f[fCode].end()]
	b = append(b, trimFillers(code)...)
	b = append(b, p.kind[kindOf(lay.format, code)]...)
	if p.issuing {
		b = appendCountryRun(b, d.raw[lay.f[fIssuing].off:lay.f[fIssuing].end()], issuingRuns,
			"", `","issuing_state_name":`, `,"document_number":"`)
	}
	num := d.raw[lay.f[fNumber].off:lay.f[fNumber].end()]
	if d.flags&flagLongNumber != 0 { // as DocumentNumber, without copying d
		b = append(b, num...)
		b = append(b, d.raw[d.tail.off:d.tail.end()]...)
	} else {
		b = append(b, trimFillers(num)...)
	}
	if p.nationality {
		b = appendCountryRun(b, d.raw[lay.f[fNationality].off:lay.f[fNationality].end()], nationalityRuns,
			`","nationality":"`, `","nationality_name":`, `,"surname":"`)
	} else {
		b = append(b, p.afterNumber...)
	}
	name := d.raw[lay.f[fName].off:lay.f[fName].end()]
	primary, secondary := name, ""
	if i := strings.Index(name, "<<"); i >= 0 { // as names
		primary, secondary = name[:i], name[i+2:]
	}
	if lay.f[fSurname].n > 0 {
		primary = d.raw[lay.f[fSurname].off:lay.f[fSurname].end()]
	}
	b = appendNameValue(b, primary)
	b = append(b, `","given_names":[`...)
	if lay.f[fGiven].n > 0 {
		b = d.appendGivenNames(b)
	} else {
		b = appendNamesList(b, secondary)
	}
	for i := range p.steps {
		st := &p.steps[i]
		b = append(b, st.text...)
		switch st.op {
		case opDate:
			v := d.birth
			if st.id == fExpiry {
				v = d.expiry
			} else if st.id == fIssueDate {
				v = d.issue
			}
			b = appendDateValue(b, v)
		case opRaw:
			sp := lay.f[st.id]
			b = append(b, d.raw[sp.off:sp.end()]...)
		case opTrim:
			sp := lay.f[st.id]
			b = append(b, trimFillers(d.raw[sp.off:sp.end()])...)
		case opOptional: // as OptionalData
			if d.flags&flagBSN != 0 {
				b = append(b, trimFillers(d.raw[24:29])...)
			} else {
				b = append(b, trimFillers(d.raw[d.opt.off:d.opt.end()])...)
			}
		}
	}
	b = append(b, p.close...)
	if d.flags&flagBSN != 0 {
		b = append(b, `,"bsn":"`...)
		b = append(b, d.raw[15:24]...) // BSN
		b = append(b, '"')
	}
	if len(d.errs) == 0 {
		b = append(b, checksRuns[1][d.checksIndex()]...)
	} else {
		b = append(b, checksRuns[0][d.checksIndex()]...)
		b = d.appendErrorsJSON(b)
		b = append(b, `],"lines":["`...)
	}
	off := 0
	for i := 0; i < int(lay.nlines); i++ {
		if i > 0 {
			b = append(b, `","`...)
		}
		n := int(lay.lens[i])
		b = append(b, d.raw[off:off+n]...)
		off += n + 1
	}
	return append(b, `"]}`...)
}

// checksRuns assumes six checks.
var _ = [1]struct{}{}[numChecks-6]

// kindOf is Document.Kind for a document of format f whose code field
// holds code.
func kindOf(f Format, code string) Kind {
	if len(code) < 2 {
		return KindUnknown
	}
	switch {
	case f == SwissDrivingLicence || f == FrenchDrivingLicence:
		return KindDrivingLicence
	case code == "PU":
		return KindEmergencyTravelDocument
	case code == "IP":
		return KindPassportCard
	case code == "AC":
		return KindCrewCertificate
	}
	switch code[0] {
	case 'P':
		return KindPassport
	case 'V':
		return KindVisa
	case 'I', 'A', 'C':
		return KindIDCard
	}
	return KindUnknown
}
