package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/wamp-e2ee/e2ee-node/e2ee/attest"
)

func runAttest(ctx context.Context, e *env, args []string) error {
	return subcommand(ctx, e, "attest", args, []command{
		{"enroll", "create or load the TPM attestation key; print its digest and the current PCR measurement", runAttestEnroll},
	})
}

// parsePCRs parses a comma-separated PCR list ("" : attest.DefaultPCRs).
func parsePCRs(s string) ([]int, error) {
	if s == "" {
		return nil, nil
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 || n >= attest.MaxPCRs {
			return nil, fmt.Errorf("--pcrs: %q is not a PCR index 0…23", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// openTPM opens the TPM named by --tpm, failing with one line that names the fix.
func openTPM(spec, pcrs string) (*attest.TPM, error) {
	sel, err := parsePCRs(pcrs)
	if err != nil {
		return nil, err
	}
	t, err := attest.OpenTPM(spec, sel)
	if err != nil {
		return nil, fmt.Errorf("--tpm %s: no working TPM (%v); give --tpm device[:PATH], swtpm:ADDR or simulator", spec, err)
	}
	return t, nil
}

func runAttestEnroll(ctx context.Context, e *env, args []string) error {
	var spec, pcrs string
	var asJSON bool
	fs := newFlags(e, "attest enroll", "attest enroll --tpm device[:PATH]|swtpm:ADDR|simulator [--pcrs LIST] [--json]",
		`Creates the node's attestation key (AK) in the TPM, or loads it: go-tpm-tools' ECC P-256 AK template
under the owner hierarchy, persisted at handle 0x81008F00, so the same TPM always answers with the same
AK. Prints the AK digest (SHA-256 of its TPMT_PUBLIC) — what the delegate's issuer enrolls on-chain with
'delegate authorize --ak-digest' — and the measurement of the selected PCRs as they are now, what the
realm allows with 'realm allow-measurement' (docs/protocol.md §6). The in-process simulator's AK lives
only as long as the process: use it for trying things out.`)
	fs.StringVar(&spec, "tpm", "", "the TPM: device[:PATH] (default /dev/tpmrm0), swtpm:ADDR (socket path or host:port) or simulator (required)")
	fs.StringVar(&pcrs, "pcrs", "", "SHA-256 PCRs to measure, comma-separated (default 0,1,2,3,4,5,6,7,14: the realm's selection)")
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if spec == "" {
		return usageErrorf(e, "attest enroll: --tpm is required")
	}
	t, err := openTPM(spec, pcrs)
	if err != nil {
		return err
	}
	defer t.Close()
	m, values, err := t.Measurement()
	if err != nil {
		return err
	}
	ak := t.AKDigest()
	out := struct {
		AKDigest     string            `json:"akDigest"`
		Measurement  string            `json:"measurement"`
		PCRSelection uint32            `json:"pcrSelection"`
		PCRs         map[string]string `json:"pcrs"`
	}{AKDigest: "0x" + hex.EncodeToString(ak[:]), Measurement: "0x" + hex.EncodeToString(m[:]),
		PCRSelection: attest.SelectionBitmap(t.PCRs()), PCRs: map[string]string{}}
	for i, p := range t.PCRs() {
		out.PCRs[strconv.Itoa(p)] = hex.EncodeToString(values[i])
	}
	if asJSON {
		return printJSON(e, out)
	}
	fmt.Fprintf(e.stdout, "AK digest     %s\nmeasurement   %s\nPCR selection %#x (%v)\n", out.AKDigest, out.Measurement, out.PCRSelection, t.PCRs())
	for i, p := range t.PCRs() {
		fmt.Fprintf(e.stdout, "PCR %-2d        %x\n", p, values[i])
	}
	return nil
}
