package server

import (
	"bufio"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Keys is a set of API keys. Lookups compare in constant time: the time a
// lookup takes does not depend on how much of a key matched, nor on which
// key matched. The zero value holds no key.
type Keys struct {
	digests [][sha256.Size]byte
}

// maxKeyLen bounds a key's length, so that a key file cannot hold a
// mistake such as a whole binary on one line.
const maxKeyLen = 512

// ErrKey is wrapped by the errors of ParseKeys and NewKeys.
var ErrKey = errors.New("invalid API key")

// NewKeys returns the set of the given keys. Keys are trimmed of spaces;
// empty ones are skipped. A key with a space, a control character or more
// than 512 bytes is refused (the error names its position, never the key).
func NewKeys(keys ...string) (Keys, error) {
	var k Keys
	seen := map[[sha256.Size]byte]bool{}
	for i, s := range keys {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if len(s) > maxKeyLen {
			return Keys{}, fmt.Errorf("%w: key %d: longer than %d bytes", ErrKey, i+1, maxKeyLen)
		}
		for _, c := range s {
			if c <= ' ' || c == 0x7f {
				return Keys{}, fmt.Errorf("%w: key %d: holds a space or a control character", ErrKey, i+1)
			}
		}
		d := sha256.Sum256([]byte(s))
		if !seen[d] {
			seen[d] = true
			k.digests = append(k.digests, d)
		}
	}
	return k, nil
}

// ParseKeys reads keys one a line from r. Blank lines and lines starting
// with # are skipped. Errors name the line, never the key.
func ParseKeys(r io.Reader) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(io.LimitReader(r, 16<<20))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for n := 1; sc.Scan(); n++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if _, err := NewKeys(s); err != nil {
			return nil, fmt.Errorf("%w: line %d: holds a space or a control character, or is longer than %d bytes", ErrKey, n, maxKeyLen)
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: reading keys: %v", ErrKey, err)
	}
	return out, nil
}

// SplitKeys splits a comma-separated list of keys (the form of the
// MRZ_API_KEYS variable).
func SplitKeys(s string) []string {
	var out []string
	for _, k := range strings.Split(s, ",") {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// Len returns the number of distinct keys.
func (k Keys) Len() int { return len(k.digests) }

// Has reports whether key is in the set, in constant time: every key is
// compared, through its SHA-256 digest, so neither the length nor the
// contents of the keys show in the timing.
func (k Keys) Has(key string) bool {
	if key == "" {
		return false
	}
	d := sha256.Sum256([]byte(key))
	found := 0
	for i := range k.digests {
		found |= subtle.ConstantTimeCompare(d[:], k.digests[i][:])
	}
	return found == 1
}

// KeyHash returns the short hash of a key that the logs show instead of the
// key: the first 12 hex digits of its SHA-256, or "-" for no key.
func KeyHash(key string) string {
	if key == "" {
		return "-"
	}
	d := sha256.Sum256([]byte(key))
	return hex.EncodeToString(d[:6])
}
