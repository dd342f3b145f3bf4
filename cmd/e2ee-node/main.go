// Command e2ee-node is the command-line node of WAMP-E2EE: keys, certificates, the on-chain trust
// registry, the hardened router, E2EE clients (pub, sub, call, serve), benchmarks and the
// one-command demo.
//
// Every subcommand explains itself with --help. Secrets never come from flag values: passwords
// from --password-file (or $E2EE_PASSWORD_FILE) or a terminal prompt, private keys from keystore
// files. Exit status: 0 success, 1 failure (including a certificate chain that does not verify),
// 2 usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/ethereum/go-ethereum/accounts/keystore"
)

// command is one subcommand (possibly with its own subcommands).
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what a command may touch: streams and the process environment.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	// cmd is the command being run ("cert verify"), the prefix of every
	// error line: "e2ee-node cert verify: …".
	cmd string
}

// errorf prints one error line, prefixed "e2ee-node <command>: ". A message
// that starts with a command path of its own ("cert issue authority: …")
// keeps it, so that no line names the command twice.
func (e *env) errorf(format string, a ...any) {
	msg := fmt.Sprintf(format, a...)
	prefix := e.cmd
	if head, _, ok := strings.Cut(msg, ": "); ok && (head == prefix || strings.HasPrefix(head, prefix+" ") || strings.HasPrefix(prefix, head+" ")) {
		prefix = ""
	}
	if prefix == "" {
		fmt.Fprintf(e.stderr, "e2ee-node %s\n", msg)
		return
	}
	fmt.Fprintf(e.stderr, "e2ee-node %s: %s\n", prefix, msg)
}

// errUsage marks a usage error (exit status 2); the message has already been printed.
var errUsage = errors.New("usage error")

// failure is a clean non-zero exit whose reason was already printed (exit status 1).
type failure struct{ msg string }

func (f failure) Error() string { return f.msg }

func commands() []command {
	return []command{
		{"demo", "the whole system in one process: chain, registry, router, E2EE nodes, a revocation, attestation", runDemo},
		{"keys", "create, import and show delegate (secp256k1) and client-session (Ed25519) keystores", runKeys},
		{"cert", "issue, inspect and verify WMP/1 EIP712 certificates and chains", runCert},
		{"devnet", "run a local go-ethereum chain over JSON-RPC with the registry; --dir writes a node sandbox", runDevnet},
		{"deploy", "deploy the trust registry with CREATE2 (same address on every chain)", runDeploy},
		{"registry-address", "print the deterministic registry address for a salt", runRegistryAddress},
		{"root", "register, retire or revoke-all a trustroot on the registry", runRoot},
		{"realm", "set a realm's Realm-CA, admit Operator-CAs, set its attestation policy and measurements", runRealm},
		{"delegate", "authorize, revoke, revoke-all and check delegates on the registry", runDelegate},
		{"trust", "inspect, accept and forget TOFU pins", runTrust},
		{"attest", "enroll a node's TPM attestation key: print its digest and the current PCR measurement", runAttest},
		{"router", "run the hardened embedded WAMP router (websocket, rawsocket; CBOR, msgpack, JSON)", runRouter},
		{"pub", "publish end-to-end encrypted events to a topic on any WAMP router", runPub},
		{"sub", "subscribe to a topic and print the decrypted events as JSON lines", runSub},
		{"call", "call a procedure with end-to-end encrypted arguments and print the result", runCall},
		{"serve", "register an end-to-end encrypted callee (--echo) and serve calls", runServe},
		{"bench", "measure E2EE vs plaintext throughput, latency, key requests/s and registry gas", runBench},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// run executes the command line and returns the exit status.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		e.cmd = c.name
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		default:
			var f failure
			if errors.As(err, &f) {
				return 1
			}
			if errors.Is(err, keystore.ErrDecrypt) {
				err = fmt.Errorf("%w (wrong password: check --password-file, --session-password-file or $E2EE_PASSWORD_FILE)", err)
			}
			e.errorf("%v", err)
			return 1
		}
	}
	fmt.Fprintf(e.stderr, "e2ee-node: unknown command %q (run 'e2ee-node --help')\n", args[0])
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "e2ee-node — WAMP payload end-to-end encryption with on-chain trust")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: e2ee-node <command> [flags]   (e2ee-node <command> --help for details)")
	fmt.Fprintln(w)
	cmds := commands()
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].name < cmds[j].name })
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-18s %s\n", c.name, c.summary)
	}
}

// newFlags returns a FlagSet that prints its usage to e.stderr with a description.
func newFlags(e *env, name, synopsis, description string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: e2ee-node %s\n\n%s\n\nFlags:\n", synopsis, strings.TrimSpace(description))
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, mapping parse errors to errUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

// usageErrorf prints a usage problem and returns errUsage.
func usageErrorf(e *env, format string, a ...any) error {
	e.errorf(format, a...)
	return errUsage
}

// subcommand dispatches args[0] among subs.
func subcommand(ctx context.Context, e *env, group string, args []string, subs []command) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintf(e.stderr, "Usage: e2ee-node %s <subcommand> [flags]\n\n", group)
		width := 0
		for _, s := range subs {
			width = max(width, len(s.name))
		}
		for _, s := range subs {
			fmt.Fprintf(e.stderr, "  %-*s  %s\n", width, s.name, s.summary)
		}
		if len(args) == 0 {
			return errUsage
		}
		return flag.ErrHelp
	}
	for _, s := range subs {
		if s.name == args[0] {
			e.cmd = group + " " + s.name
			return s.run(ctx, e, args[1:])
		}
	}
	return usageErrorf(e, "%s: unknown subcommand %q", group, args[0])
}
