package mrz

// FindPlain is Find without its shortcuts: the reference the tests compare
// Find with.
func FindPlain(text string, opts ...Option) ([]Candidate, error) { return find(text, opts, true) }

// FindScoredPlain is FindScored without the search's shortcuts.
func FindScoredPlain(lines [][]Position, opts ...Option) ([]Candidate, error) {
	return findScored(lines, opts, true)
}
