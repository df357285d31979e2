package main

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeCommands keeps the first two commands of the README true: they
// name the shipped sample and the test command.
func TestReadmeCommands(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	var cmds []string
	for _, l := range lines[:10] {
		if strings.HasPrefix(l, "go ") {
			cmds = append(cmds, l)
		}
	}
	if len(cmds) != 2 || !strings.HasPrefix(cmds[0], "go run ./cmd/mrz parse testdata/td3-specimen.mrz") || !strings.HasPrefix(cmds[1], "go test ./...") {
		t.Fatalf("README's first commands changed: %q", cmds)
	}
	if code, _, errs := runCmd(t, "", "parse", "../../testdata/td3-specimen.mrz"); code != 0 {
		t.Fatalf("the README's sample does not parse: %d %s", code, errs)
	}
}
