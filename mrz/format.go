package mrz

// Format is the layout of an MRZ: its number of lines, their length and what
// each position holds. The zero Format is FormatUnknown.
type Format uint8

// The formats Parse recognizes.
const (
	FormatUnknown Format = iota
	TD1                  // ID card size: 3 lines of 30
	TD2                  // 2 lines of 36
	TD3                  // passport: 2 lines of 44
	MRVA                 // visa, format A: 2 lines of 44, code V
	MRVB                 // visa, format B: 2 lines of 36, code V

	// National layouts that are not ICAO formats.

	FrenchID             // French national ID card (CNI, 1988-2021): 2 lines of 36, code ID, state FRA
	SwissDrivingLicence  // Swiss and Liechtenstein driving licence: lines of 9, 30 and 30
	FrenchDrivingLicence // French driving licence (2013 model): 1 line of 30, code D1
	numFormats
)

var formatNames = [...]string{
	FormatUnknown:        "unknown",
	TD1:                  "TD1",
	TD2:                  "TD2",
	TD3:                  "TD3",
	MRVA:                 "MRVA",
	MRVB:                 "MRVB",
	FrenchID:             "FR-CNI",
	SwissDrivingLicence:  "CH-DL",
	FrenchDrivingLicence: "FR-DL",
}

// String returns the name of the format: "TD1", "TD2", "TD3", "MRVA",
// "MRVB", "FR-CNI", "CH-DL", "FR-DL", or "unknown".
func (f Format) String() string {
	if int(f) < len(formatNames) && formatNames[f] != "" {
		return formatNames[f]
	}
	return "unknown"
}

// ParseFormat returns the Format named s, as String writes it. "MRV-A" and
// "MRV-B" are accepted too.
func ParseFormat(s string) (Format, bool) {
	switch s {
	case "MRV-A":
		return MRVA, true
	case "MRV-B":
		return MRVB, true
	}
	for f := TD1; f < numFormats; f++ {
		if formatNames[f] == s {
			return f, true
		}
	}
	return FormatUnknown, false
}

// IsICAO reports whether f is one of the ICAO Doc 9303 formats.
func (f Format) IsICAO() bool { return f >= TD1 && f <= MRVB }

// MarshalText implements encoding.TextMarshaler.
func (f Format) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseFormat; it
// also reads "unknown", which MarshalText writes for FormatUnknown. Another
// name gives a *FieldError of kind ErrFormat.
func (f *Format) UnmarshalText(b []byte) error {
	v, ok := ParseFormat(string(b))
	if !ok && string(b) == FormatUnknown.String() {
		v, ok = FormatUnknown, true
	}
	if !ok {
		return &FieldError{Field: FieldFormat, Kind: ErrFormat, Detail: "want TD1, TD2, TD3, MRVA, MRVB, FR-CNI, CH-DL or FR-DL"}
	}
	*f = v
	return nil
}

// Lines returns the number of lines of the format and the length of each.
func (f Format) Lines() []int {
	if l := layoutOf(f); l != nil {
		out := make([]int, l.nlines)
		for i := range out {
			out[i] = int(l.lens[i])
		}
		return out
	}
	return nil
}
