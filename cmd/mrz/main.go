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
	"regexp"
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
		{"parse", parseUsage, "read and validate one MRZ", runParse},
		{"find", findUsage, "find MRZs in OCR text and repair misreads", runFind},
		{"read", readUsage, "read the MRZ of a photo or a scan (JPEG, PNG, GIF, TIFF, BMP, WebP)", runRead},
		{"convert", convertUsage, "convert an MRZ or a vendor response to another JSON shape", runConvert},
		{"verify", verifyUsage, "check a vendor's printed fields against the document's own MRZ", runVerify},
		{"generate", generateUsage, "write an MRZ from fields given as flags or as JSON (the keys of parse --json, plus format)", runGenerate},
		{"serve", serveUsage, "serve the Mindee passport v1 and Scan Document APIs over HTTP", runServe},
	}
}

func main() {
	os.Exit(run(os.Args[1:], &env{os.Stdin, os.Stdout, os.Stderr}))
}

// run runs the command line and returns the exit status. Output that
// cannot be written (a full disk, a closed pipe) is an error: exit 2.
func run(args []string, e *env) int {
	out := &checkedWriter{w: e.stdout}
	code := dispatch(args, &env{stdin: e.stdin, stdout: out, stderr: e.stderr})
	if out.err != nil {
		fmt.Fprintf(e.stderr, "mrz: cannot write the output: %v\n", unwrapPath(out.err))
		return exitUsage
	}
	return code
}

// checkedWriter keeps the first error of its writer and writes nothing
// after it.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(b []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(b)
	c.err = err
	return n, err
}

func dispatch(args []string, e *env) int {
	if len(args) == 0 {
		printUsage(e.stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help":
		printUsage(e.stdout)
		return exitValid
	case "help":
		return e.help(args[1:])
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(e, args[1:])
		}
	}
	return e.fail("unknown command %q (run 'mrz help')", args[0])
}

// printUsage lists the commands.
func printUsage(w io.Writer) {
	fmt.Fprintln(w, "mrz: read, validate and convert machine-readable zones (ICAO Doc 9303)")
	fmt.Fprintln(w, "\nUsage:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %s\n      %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'mrz help COMMAND' or 'mrz COMMAND --help' for a command's flags.")
	fmt.Fprintln(w, "Exit status: 0 valid, 1 read but a check failed, 2 malformed input or bad usage.")
}

// help answers "mrz help [COMMAND]": the list of commands, or one
// command's help (as "mrz COMMAND --help" prints it).
func (e *env) help(topics []string) int {
	switch len(topics) {
	case 0:
		printUsage(e.stdout)
		return exitValid
	case 1:
		for _, c := range commands() {
			if c.name == topics[0] {
				return c.run(e, []string{"--help"})
			}
		}
		var names []string
		for _, c := range commands() {
			names = append(names, c.name)
		}
		return e.fail("help: unknown command %q (want one of: %s)", topics[0], strings.Join(names, ", "))
	}
	return e.fail("help: want at most one command")
}

// fail prints a one-line error and returns exitUsage.
func (e *env) fail(format string, a ...any) int {
	msg := fmt.Sprintf(format, a...)
	msg = strings.ReplaceAll(msg, "\n", " ")
	fmt.Fprintln(e.stderr, "mrz: "+strings.TrimPrefix(msg, "mrz: "))
	return exitUsage
}

// flagError answers a flag error of a command's flag set fs: for -h or
// --help, the command's usage, summary and flags on standard output (exit
// 0); otherwise a one-line error with the usage (exit 2). The error never
// repeats a flag's value.
func (e *env) flagError(fs *flag.FlagSet, usage string, err error) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(e.stdout, "Usage: %s\n", usage)
		for _, c := range commands() {
			if c.name == fs.Name() {
				fmt.Fprintf(e.stdout, "\n%s.\n", strings.ToUpper(c.summary[:1])+c.summary[1:])
			}
		}
		var n int
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintln(e.stdout, "\nFlags:")
			fs.SetOutput(e.stdout)
			fs.PrintDefaults()
			fs.SetOutput(io.Discard)
		}
		return exitValid
	}
	return e.fail("%s: %v (usage: %s)", fs.Name(), flagErrorText(err), usage)
}

// flagValue matches the value the flag package quotes in its errors.
var flagValue = regexp.MustCompile(`^invalid (boolean )?value ".*" for (flag )?(-[^:]*): `)

// flagErrorText is the flag package's error without the value given.
func flagErrorText(err error) string {
	return flagValue.ReplaceAllString(err.Error(), "invalid ${1}value for flag $3: ")
}

// parseFlags parses flags that may stand before or after the positional
// arguments, and returns the positional ones. After "--", every argument
// is positional.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if endOfFlags(fs, args, len(args)-len(rest)) {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// endOfFlags reports whether the flag package stopped parsing args at a
// "--" that ends the flags (not one that is the value of a flag), having
// consumed n arguments.
func endOfFlags(fs *flag.FlagSet, args []string, n int) bool {
	if n == 0 || args[n-1] != "--" {
		return false
	}
	if prev := args[max(n-2, 0)]; n >= 2 && strings.HasPrefix(prev, "-") && !strings.Contains(prev, "=") {
		if f := fs.Lookup(strings.TrimLeft(prev, "-")); f != nil && !isBool(f) {
			return false // "--" is this flag's value
		}
	}
	return true
}

// isBool reports whether a flag takes no value.
func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
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
