package main

import (
	"encoding/hex"
	"errors"
	"flag"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/e2ee/attest"
)

// parseDigest parses a 32-byte digest written as 64 hex digits (0x optional), as
// 'attest enroll' prints AK digests and measurements.
func parseDigest(s string) (common.Hash, error) {
	h := strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	b, err := hex.DecodeString(h)
	if err != nil || len(b) != 32 {
		return common.Hash{}, errors.New("want 64 hex digits (a SHA-256 digest as 'attest enroll' prints it)")
	}
	return common.Hash(b), nil
}

// attestationPolicyCommand is 'realm attestation-policy'.
func attestationPolicyCommand() command {
	return writeCommand("attestation-policy", "the Realm-CA sets whether the realm requires TPM attestation, the quote age and the PCRs",
		"realm attestation-policy --rpc URL --key ROOT_KEYSTORE --realm ADDR [--required=false] [--max-age D] [--pcrs LIST]",
		"Signed by the realm's Realm-CA: with --required (the default) delegates in --realm receive keys only\n"+
			"with a TPM 2.0 quote of an allowed measurement, signed by the attestation key enrolled with their\n"+
			"authorization, at most --max-age old, over --pcrs. --required=false turns attestation off.",
		func(fs *flag.FlagSet) func(*env, *connection) ([]byte, error) {
			addrs := addressFlags(fs, "realm", "the realm address")
			required := fs.Bool("required", true, "delegates must present TPM evidence to receive keys")
			maxAge := fs.Duration("max-age", attest.DefaultMaxAge, "largest accepted quote age (whole seconds)")
			pcrs := fs.String("pcrs", "", "SHA-256 PCRs nodes quote, comma-separated (default: attest enroll's default selection)")
			return func(e *env, conn *connection) ([]byte, error) {
				a, err := addrs(e)
				if err != nil {
					return nil, err
				}
				sel, err := parsePCRs(*pcrs)
				if err != nil {
					return nil, usageErrorf(e, "%v", err)
				}
				if sel == nil {
					sel = attest.DefaultPCRs
				}
				p := chain.AttestationPolicy{Required: *required, MaxQuoteAge: *maxAge, PCRSelection: attest.SelectionBitmap(sel)}
				if !p.Required {
					p = chain.AttestationPolicy{}
				}
				data, err := conn.reg.SetAttestationPolicyCall(a[0], p)
				if err != nil {
					return nil, usageErrorf(e, "%v (set --max-age to whole seconds > 0)", err)
				}
				return data, nil
			}
		})
}

// measurementCommand is 'realm allow-measurement' (allow) or 'realm revoke-measurement'.
func measurementCommand(allow bool) command {
	name, summary, what := "allow-measurement", "the Realm-CA allows a measurement (a digest over the quoted PCRs)", "allows"
	if !allow {
		name, summary, what = "revoke-measurement", "the Realm-CA revokes a measurement: its holders are refused and keys rotate", "revokes"
	}
	return writeCommand(name, summary, "realm "+name+" --rpc URL --key ROOT_KEYSTORE --realm ADDR DIGEST",
		"Signed by the realm's Realm-CA: "+what+" DIGEST, a measurement as 'attest enroll' prints it, in --realm.\n"+
			"Subscribed nodes follow within one block; a revocation rotates the keys its holders may have.",
		func(fs *flag.FlagSet) func(*env, *connection) ([]byte, error) {
			addrs := addressFlags(fs, "realm", "the realm address")
			return func(e *env, conn *connection) ([]byte, error) {
				a, err := addrs(e)
				if err != nil {
					return nil, err
				}
				if fs.NArg() != 1 {
					return nil, usageErrorf(e, "realm %s: want one DIGEST argument after the flags", name)
				}
				m, err := parseDigest(fs.Arg(0))
				if err != nil {
					return nil, usageErrorf(e, "realm %s: DIGEST: %v", name, err)
				}
				return conn.reg.ABI.PackSetMeasurement(a[0], m, allow), nil
			}
		})
}

// attestationStatusLines describes st for 'delegate status' (text output).
func attestationStatusLines(st chain.AttestationStatus) string {
	var b strings.Builder
	p := st.Policy
	switch {
	case p.Required:
		b.WriteString("attestation: required (max quote age " + p.MaxQuoteAge.String() + ", PCRs " + pcrList(p.PCRSelection) + ")\n")
	default:
		b.WriteString("attestation: not required\n")
	}
	if st.AKDigest == (common.Hash{}) {
		b.WriteString("AK digest:   none enrolled\n")
	} else {
		b.WriteString("AK digest:   " + st.AKDigest.Hex() + "\n")
	}
	return b.String()
}

func pcrList(bitmap uint32) string {
	var parts []string
	for _, p := range attest.SelectionPCRs(bitmap) {
		parts = append(parts, strconv.Itoa(p))
	}
	return strings.Join(parts, ",")
}

// attestationJSON adds st to a 'delegate status --json' result.
func attestationJSON(res map[string]any, st chain.AttestationStatus) {
	res["attestationRequired"] = st.Policy.Required
	if st.Policy.Required {
		res["maxQuoteAge"] = st.Policy.MaxQuoteAge.String()
		res["pcrs"] = attest.SelectionPCRs(st.Policy.PCRSelection)
	}
	if st.AKDigest != (common.Hash{}) {
		res["akDigest"] = st.AKDigest.Hex()
	}
}
