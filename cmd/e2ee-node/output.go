package main

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/wamp-e2ee/e2ee-node/internal/safefile"
)

// Limits of the small files the CLI reads.
const (
	maxPasswordSize = 4 << 10
	maxConfigSize   = 1 << 20
	maxPEMSize      = 1 << 20
)

// printJSON writes v as indented JSON.
func printJSON(e *env, v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// readPassword returns the keystore password: from the file named by flagValue, else from the
// file named by $E2EE_PASSWORD_FILE, else by prompting on the terminal. Never from a flag value.
func readPassword(e *env, flagValue, prompt string, confirm bool) (string, error) {
	path := flagValue
	if path == "" {
		path = e.getenv("E2EE_PASSWORD_FILE")
	}
	if path != "" {
		b, err := safefile.ReadFile(path, maxPasswordSize)
		if err != nil {
			return "", fmt.Errorf("password file (--password-file or $E2EE_PASSWORD_FILE): %w", err)
		}
		pw := strings.TrimRight(string(b), "\r\n")
		if pw == "" {
			return "", errors.New("password file is empty")
		}
		return pw, nil
	}
	f, ok := e.stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return "", errors.New("no password: pass --password-file FILE or set E2EE_PASSWORD_FILE (passwords are never read from flag values)")
	}
	fmt.Fprint(e.stderr, prompt+": ")
	pw, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(e.stderr)
	if err != nil {
		return "", fmt.Errorf("read password: %w", err)
	}
	if confirm {
		fmt.Fprint(e.stderr, "repeat: ")
		again, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		if string(again) != string(pw) {
			return "", errors.New("passwords differ")
		}
	}
	if len(pw) == 0 {
		return "", errors.New("empty password")
	}
	return string(pw), nil
}

// readSecretHexFile reads a hex-encoded secret (optional 0x) from the first line of a file.
// Errors never quote the file's content.
func readSecretHexFile(path string) ([]byte, error) {
	f, err := safefile.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open key file: %w", err)
	}
	defer f.Close()
	line, err := bufio.NewReader(io.LimitReader(f, 4096)).ReadString('\n')
	if err != nil && line == "" {
		return nil, fmt.Errorf("read key file: %w", err)
	}
	b, err := hex.DecodeString(strings.TrimPrefix(strings.TrimSpace(line), "0x"))
	if err != nil {
		return nil, errors.New("key file: first line is not a hex-encoded key")
	}
	return b, nil
}
