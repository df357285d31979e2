package ocr

import "github.com/mrzkit/mrzkit/mrz"

// Option changes how Read and ReadBytes work. The zero Option changes
// nothing.
type Option struct {
	apply func(*config)
}

// config is the merged result of a list of Option.
type config struct {
	mrzOpts  []mrz.Option
	classify classifier
}

func newConfig(opts []Option) config {
	c := config{classify: defaultClassifier}
	for _, o := range opts {
		if o.apply != nil {
			o.apply(&c)
		}
	}
	return c
}

// WithMRZOptions passes options to the parsing of the MRZ read, such as
// mrz.WithReferenceDate for the century of two-digit years.
func WithMRZOptions(opts ...mrz.Option) Option {
	opts = append([]mrz.Option(nil), opts...)
	return Option{func(c *config) { c.mrzOpts = append(c.mrzOpts, opts...) }}
}
