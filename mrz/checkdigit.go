package mrz

// charValue holds the ICAO value of each MRZ character: '<' and '0' are 0,
// '1'..'9' are 1..9, 'A'..'Z' are 10..35. Characters not allowed in an MRZ
// are 0 too: see valid.
var charValue = [256]uint8{
	'1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7, '8': 8, '9': 9,
	'A': 10, 'B': 11, 'C': 12, 'D': 13, 'E': 14, 'F': 15, 'G': 16, 'H': 17, 'I': 18,
	'J': 19, 'K': 20, 'L': 21, 'M': 22, 'N': 23, 'O': 24, 'P': 25, 'Q': 26, 'R': 27,
	'S': 28, 'T': 29, 'U': 30, 'V': 31, 'W': 32, 'X': 33, 'Y': 34, 'Z': 35,
}

// charClass classifies bytes: classInvalid for every byte that is not an
// MRZ character (A-Z, 0-9, '<'), classDigit for digits.
var charClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= '0' && c <= '9':
			t[c] = classDigit
		case c == '<' || (c >= 'A' && c <= 'Z'):
		default:
			t[c] = classInvalid
		}
	}
	return t
}()

const (
	classInvalid = 1 << iota
	classDigit
)

// weights are the ICAO 9303-3 4.9 weights, repeated.
var weights = [3]int{7, 3, 1}

// CheckDigit returns the ICAO Doc 9303 check digit ('0'..'9') of s: each
// character's value ('<' 0, digits 0-9, A-Z 10-35) is multiplied by the
// weights 7, 3, 1, 7, 3, 1, ... and the sum is taken modulo 10. It fails with
// a *SyntaxError naming the column of the first character outside A-Z, 0-9
// and '<'. It does not allocate when s is valid.
func CheckDigit(s string) (byte, error) {
	for i := 0; i < len(s); i++ {
		if charClass[s[i]]&classInvalid != 0 {
			return 0, &SyntaxError{Column: i + 1, Kind: ErrInvalidCharacter, Detail: describeChar(s[i])}
		}
	}
	sum, _ := weightedSum(s, 0, 0)
	return byte('0' + sum%10), nil
}

// MustCheckDigit is like CheckDigit but panics on an invalid character. It
// is meant for building test data.
func MustCheckDigit(s string) byte {
	c, err := CheckDigit(s)
	if err != nil {
		panic(err)
	}
	return c
}

// checkSum adds the weighted values of raw[sp] to sum, continuing the
// weights at phase w; it returns the new sum and phase. raw holds only valid
// characters.
func checkSum(raw string, sp span, sum, w int) (int, int) {
	return weightedSum(raw[sp.off:sp.end()], sum, w)
}

// weightedSum adds the weighted values of s to sum, starting at weight
// phase w (0 for 7, 1 for 3, 2 for 1).
func weightedSum(s string, sum, w int) (int, int) {
	i := 0
	for ; w != 0 && i < len(s); i++ {
		sum += int(charValue[s[i]]) * weights[w]
		if w++; w == 3 {
			w = 0
		}
	}
	for ; i+3 <= len(s); i += 3 {
		sum += 7*int(charValue[s[i]]) + 3*int(charValue[s[i+1]]) + int(charValue[s[i+2]])
	}
	for ; i < len(s); i++ {
		sum += int(charValue[s[i]]) * weights[w]
		w++
	}
	return sum, w
}

// describeChar names the class of an invalid character without repeating it.
func describeChar(c byte) string {
	switch {
	case c >= 'a' && c <= 'z':
		return "lowercase letter"
	case c == ' ':
		return "space"
	case c == '\t':
		return "tab"
	case c < 0x20 || c == 0x7f:
		return "control character"
	case c >= 0x80:
		return "non-ASCII byte"
	}
	return "punctuation or symbol"
}
