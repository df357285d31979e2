// Command mrz reads, validates and converts machine-readable zones of travel
// documents (ICAO Doc 9303).
//
// Usage:
//
//	mrz parse [--json] [--today YYYY-MM-DD] [FILE|-]
//
// Run "mrz help" for every command. Exit status: 0 when the input is valid,
// 1 when it was read but a check failed, 2 for malformed input or bad usage
// (with a one-line error on standard error).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

var errUnexpectedEOF = io.ErrUnexpectedEOF

// Exit codes.
const (
	exitValid   = 0
	exitInvalid = 1
	exitUsage   = 2
)

type command struct {
	name, usage, summary string
	run                  func(e *env, args []string) int
}

// env is what a command reads and writes; tests give their own.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func commands() []command {
	return []command{
		{"parse", "mrz parse [--json] [--today YYYY-MM-DD] [FILE|-]", "read and validate one MRZ", runParse},
		{"find", findUsage, "find MRZs in OCR text and repair misreads", runFind},
		{"convert", convertUsage, "convert an MRZ or a vendor response to another JSON shape", runConvert},
		{"verify", verifyUsage, "check a vendor's printed fields against the document's own MRZ", runVerify},
		{"generate", generateUsage, "write an MRZ from fields given as flags or as JSON (the keys of parse --json, plus format)", runGenerate},
		{"serve", serveUsage, "serve the Mindee passport v1 and Scan Document APIs over HTTP", runServe},
	}
}

func main() {
	os.Exit(run(os.Args[1:], &env{os.Stdin, os.Stdout, os.Stderr}))
}

func run(args []string, e *env) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		w := e.stdout
		code := exitValid
		if len(args) == 0 {
			w, code = e.stderr, exitUsage
		}
		fmt.Fprintln(w, "mrz: read, validate and convert machine-readable zones (ICAO Doc 9303)")
		fmt.Fprintln(w, "\nUsage:")
		for _, c := range commands() {
			fmt.Fprintf(w, "  %s\n      %s\n", c.usage, c.summary)
		}
		fmt.Fprintln(w, "\nExit status: 0 valid, 1 read but a check failed, 2 malformed input or bad usage.")
		return code
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(e, args[1:])
		}
	}
	return e.fail("unknown command %q (run 'mrz help')", args[0])
}

// fail prints a one-line error and returns exitUsage.
func (e *env) fail(format string, a ...any) int {
	msg := fmt.Sprintf(format, a...)
	msg = strings.ReplaceAll(msg, "\n", " ")
	fmt.Fprintln(e.stderr, "mrz: "+strings.TrimPrefix(msg, "mrz: "))
	return exitUsage
}

// parseFlags parses flags that may stand before or after the positional
// arguments, and returns the positional ones.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "-" || !strings.HasPrefix(args[0], "-") {
			pos = append(pos, args[0])
			args = args[1:]
			continue
		}
	}
}

// readInput reads FILE, or standard input for "-" or no argument, refusing
// more than limit bytes.
func (e *env) readInput(args []string, limit int64) ([]byte, error) {
	var r io.Reader
	switch {
	case len(args) > 1:
		return nil, errors.New("want at most one input file")
	case len(args) == 0 || args[0] == "-":
		r = e.stdin
	default:
		f, err := os.Open(args[0])
		if err != nil {
			return nil, fmt.Errorf("cannot open input: %w", unwrapPath(err))
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read input: %w", unwrapPath(err))
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("input too long: more than %d bytes", limit)
	}
	return b, nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return err
}

// dateFlag is a flag holding a date, YYYY-MM-DD.
type dateFlag struct{ d field.Date }

// options returns the parser options the flag asks for: a reference date
// when one was given, none otherwise.
func (f *dateFlag) options() []mrz.Option {
	if f.d.IsFull() {
		return []mrz.Option{mrz.WithReferenceDate(f.d)}
	}
	return nil
}

func (f *dateFlag) String() string { return f.d.String() }
func (f *dateFlag) Set(s string) error {
	d, err := field.ParseDate(s)
	if err != nil || !d.IsFull() {
		return errors.New("want a date YYYY-MM-DD")
	}
	f.d = d
	return nil
}
