package main

import "testing"

// TestSelfCommand: the commands devnet prints run as pasted — with the path
// the binary was started by, or through go run when that path is go run's
// temporary build.
func TestSelfCommand(t *testing.T) {
	for arg0, want := range map[string]string{
		"./e2ee-node":                          "./e2ee-node",
		"e2ee-node":                            "e2ee-node",
		"/usr/local/bin/e2ee-node":             "/usr/local/bin/e2ee-node",
		"/tmp/go-build1234/b001/exe/e2ee-node": "go run ./cmd/e2ee-node",
	} {
		if got := selfCommand(arg0); got != want {
			t.Errorf("selfCommand(%q) = %q, want %q", arg0, got, want)
		}
	}
}
