//go:build race

package ocr

const raceEnabled = true
