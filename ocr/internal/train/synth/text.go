package synth

import "math/rand/v2"

const (
	digits  = "0123456789"
	letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	charset = digits + letters + "<"
)

// Text returns a random MRZ-like line of n characters: runs of names
// separated by < and <<, runs of digits, fillers of <, and random mixes,
// so that every one of the 37 characters appears in realistic company.
func Text(r *rand.Rand, n int) string {
	b := make([]byte, 0, n+16)
	for len(b) < n {
		switch k := r.IntN(10); {
		case k < 3: // a name
			for range 2 + r.IntN(9) {
				b = append(b, letters[r.IntN(len(letters))])
			}
			b = append(b, "<<"[:1+r.IntN(2)]...)
		case k < 6: // a number, a date, a check digit
			for range 1 + r.IntN(9) {
				b = append(b, digits[r.IntN(len(digits))])
			}
		case k < 7: // filler
			for range 1 + r.IntN(12) {
				b = append(b, '<')
			}
		default: // document numbers and codes mix them all
			for range 1 + r.IntN(8) {
				b = append(b, charset[r.IntN(len(charset))])
			}
		}
	}
	return string(b[:n])
}
