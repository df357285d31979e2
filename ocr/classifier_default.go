package ocr

// defaultClassifier is the character classifier Read uses (stopgap: none
// until package glyph lands).
var defaultClassifier classifier
