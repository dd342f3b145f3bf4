package main

import (
	"context"
	"fmt"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/trust"
)

func runTrust(ctx context.Context, e *env, args []string) error {
	return subcommand(ctx, e, "trust", args, []command{
		{"pins", "list the TOFU pins of a pin file, with refused changes awaiting acceptance", runTrustPins},
		{"accept", "accept a refused TOFU pin change after inspecting it", runTrustAccept},
		{"forget", "remove a TOFU pin (the next contact is trusted on first use again)", runTrustForget},
	})
}

func openPins(e *env, path string) (*trust.TOFU, error) {
	if path == "" {
		return nil, usageErrorf(e, "--pin-file is required")
	}
	t, err := trust.OpenTOFU(trust.TOFUConfig{Path: path})
	if err != nil {
		return nil, fmt.Errorf("open pin file: %w", err)
	}
	return t, nil
}

func runTrustPins(ctx context.Context, e *env, args []string) error {
	var pinFile string
	var asJSON bool
	fs := newFlags(e, "trust pins", "trust pins --pin-file FILE [--json]",
		"Lists every pinned peer identity of a TOFU pin file: the pinned trustroot (or delegate) and any refused\nchange waiting for 'e2ee-node trust accept'.")
	fs.StringVar(&pinFile, "pin-file", "", "the TOFU pin file (required)")
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	t, err := openPins(e, pinFile)
	if err != nil {
		return err
	}
	pins := t.Pins()
	if asJSON {
		return printJSON(e, pins)
	}
	for _, p := range pins {
		fmt.Fprintf(e.stdout, "%s  trustroot %s  delegate %s  since %s\n", p.Identity, p.Trustroot.Hex(), p.Delegate.Hex(), p.FirstSeen.UTC().Format("2006-01-02T15:04:05Z"))
		if p.Pending != nil {
			fmt.Fprintf(e.stdout, "    refused change pending: %+v\n", *p.Pending)
		}
	}
	return nil
}

func runTrustAccept(ctx context.Context, e *env, args []string) error {
	var pinFile, identity, want string
	fs := newFlags(e, "trust accept", "trust accept --pin-file FILE --identity ID --trustroot ADDR",
		"Replaces the pin of a peer identity by its refused pending change. --trustroot must name exactly the\nnew trustroot (or delegate, for a lone-delegate pin) shown by 'e2ee-node trust pins', so that only the\nchange you inspected is accepted.")
	fs.StringVar(&pinFile, "pin-file", "", "the TOFU pin file (required)")
	fs.StringVar(&identity, "identity", "", "the pinned peer identity (required)")
	fs.StringVar(&want, "trustroot", "", "the new trustroot (or delegate) to accept (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if identity == "" || want == "" {
		return usageErrorf(e, "trust accept: --identity and --trustroot are required")
	}
	addr, err := cert.ParseAddress(want)
	if err != nil {
		return usageErrorf(e, "trust accept: --trustroot: %v", err)
	}
	t, err := openPins(e, pinFile)
	if err != nil {
		return err
	}
	if err := t.Accept(identity, addr); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "accepted: %s now pinned to %s\n", identity, addr.Hex())
	return nil
}

func runTrustForget(ctx context.Context, e *env, args []string) error {
	var pinFile, identity string
	fs := newFlags(e, "trust forget", "trust forget --pin-file FILE --identity ID",
		"Removes the pin of a peer identity: its next contact is trusted on first use again.")
	fs.StringVar(&pinFile, "pin-file", "", "the TOFU pin file (required)")
	fs.StringVar(&identity, "identity", "", "the pinned peer identity (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if identity == "" {
		return usageErrorf(e, "trust forget: --identity is required")
	}
	t, err := openPins(e, pinFile)
	if err != nil {
		return err
	}
	if err := t.Forget(identity); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "forgot %s\n", identity)
	return nil
}
