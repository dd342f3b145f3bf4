// Package testkit runs the language-neutral test vectors of
// testdata/vectors/testkit (format: testdata/vectors/README.md) against the
// real code: every file is one input with the error class it must be
// rejected with, or "success" and what must come out.
//
// The vectors are generated deterministically (keys from fixed seeds, fixed
// nonces and clocks) by TestGenerate; regenerate them with
//
//	go generate ./test/testkit
//
// and the tests fail if the committed files and the generator disagree.
package testkit

//go:generate go test -run TestGenerate -update .
