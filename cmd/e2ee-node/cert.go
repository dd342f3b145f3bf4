package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
	"github.com/wamp-e2ee/e2ee-node/internal/safefile"
)

func runCert(ctx context.Context, e *env, args []string) error {
	return subcommand(ctx, e, "cert", args, []command{
		{"issue", "sign a delegate or authority certificate", runCertIssue},
		{"chain", "join certificate files into a chain file (delegate first, root last)", runCertChain},
		{"inspect", "print the certificates of a certificate or chain file", runCertInspect},
		{"verify", "verify a chain (rules CCR-1…CCR-12) and optionally the registry's verdict", runCertVerify},
	})
}

// certCommon are the fields every certificate carries.
type certCommon struct {
	chainID           uint64
	verifyingContract string
	validFrom         uint64
	meta              string
	form              string
}

func (c *certCommon) register(fs *flag.FlagSet) {
	fs.Uint64Var(&c.chainID, "chain-id", 0, "chain id the certificate is for (required)")
	fs.StringVar(&c.verifyingContract, "verifying-contract", "", "registry address (or standalone trustroot) the certificate names (required)")
	fs.Uint64Var(&c.validFrom, "valid-from", 0, "first block number at which the certificate is valid")
	fs.StringVar(&c.meta, "meta", "", "free text, e.g. an IPFS hash (≤ 1024 bytes)")
	fs.StringVar(&c.form, "form", "pair", "JSON wire form: pair ([typed_data, signature]) or triple ([hash, typed_data, signature])")
}

func parseForm(s string) (cert.Form, error) {
	switch s {
	case "pair":
		return cert.FormPair, nil
	case "triple":
		return cert.FormTriple, nil
	}
	return 0, fmt.Errorf("--form must be pair or triple, not %q", s)
}

func runCertIssue(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || (args[0] != "delegate" && args[0] != "authority") {
		fmt.Fprintln(e.stderr, "Usage: e2ee-node cert issue delegate|authority [flags]   (--help for flags)")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return flag.ErrHelp
		}
		return errUsage
	}
	kind := args[0]
	var c certCommon
	var keyFile, sessionFile, passwordFile, sessionPasswordFile, subject, realm, capabilities, out string
	fs := newFlags(e, "cert issue "+kind, "cert issue "+kind+" --key KEYSTORE --chain-id N --verifying-contract ADDR [flags]",
		"delegate: the delegate key self-signs a certificate binding its client-session public key (from\n--session-key) and its boot time.\nauthority: the --key signs a certificate granting --capabilities in --realm to --subject\n(a root certificate when --subject is the signer itself).")
	c.register(fs)
	fs.StringVar(&keyFile, "key", "", "keystore of the signing key (the delegate key, or the issuer's key)")
	fs.StringVar(&passwordFile, "password-file", "", "password file of --key (default $E2EE_PASSWORD_FILE, else prompt)")
	fs.StringVar(&out, "out", "", "write the certificate here instead of standard output")
	if kind == "delegate" {
		fs.StringVar(&sessionFile, "session-key", "", "client-session keystore whose public key becomes csPubKey")
		fs.StringVar(&sessionPasswordFile, "session-password-file", "", "password file of --session-key (default: --password-file)")
	} else {
		fs.StringVar(&subject, "subject", "", "subject address (default: the signer, i.e. a self-signed root)")
		fs.StringVar(&realm, "realm", "", "realm address (required)")
		fs.StringVar(&capabilities, "capabilities", "", "capability bits: a number or names joined by commas (root_ca,intermediate_ca,public_relay,private_relay,gateway,exchange,provider,consumer)")
	}
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if keyFile == "" || c.chainID == 0 || c.verifyingContract == "" {
		return usageErrorf(e, "cert issue %s: --key, --chain-id and --verifying-contract are required", kind)
	}
	form, err := parseForm(c.form)
	if err != nil {
		return usageErrorf(e, "cert issue: %v", err)
	}
	vc, err := cert.ParseAddress(c.verifyingContract)
	if err != nil {
		return usageErrorf(e, "cert issue: --verifying-contract: %v", err)
	}
	pw, err := readPassword(e, passwordFile, "password of "+keyFile, false)
	if err != nil {
		return err
	}
	signer, err := keys.LoadDelegateKey(keyFile, pw)
	if err != nil {
		return fmt.Errorf("load signing key: %w", err)
	}
	var certificate cert.Certificate
	if kind == "delegate" {
		if sessionFile == "" {
			return usageErrorf(e, "cert issue delegate: --session-key is required")
		}
		spw := pw
		if sessionPasswordFile != "" {
			if spw, err = readPassword(e, sessionPasswordFile, "", false); err != nil {
				return err
			}
		}
		sk, err := keys.LoadSessionKey(sessionFile, spw)
		if err != nil {
			return fmt.Errorf("load session key: %w", err)
		}
		certificate, err = cert.SignDelegate(signer, cert.DelegateCertificate{
			ChainID: c.chainID, VerifyingContract: vc, ValidFrom: c.validFrom, Delegate: signer.Address(),
			CSPubKey: sk.PublicKey32(), BootedAt: uint64(time.Now().UnixNano()), Meta: c.meta,
		})
		if err != nil {
			return fmt.Errorf("sign delegate certificate: %w", err)
		}
	} else {
		if realm == "" || capabilities == "" {
			return usageErrorf(e, "cert issue authority: --realm and --capabilities are required")
		}
		realmAddr, err := cert.ParseAddress(realm)
		if err != nil {
			return usageErrorf(e, "cert issue authority: --realm: %v", err)
		}
		subj := signer.Address()
		if subject != "" {
			if subj, err = cert.ParseAddress(subject); err != nil {
				return usageErrorf(e, "cert issue authority: --subject: %v", err)
			}
		}
		caps, err := parseCapabilities(capabilities)
		if err != nil {
			return usageErrorf(e, "cert issue authority: --capabilities: %v", err)
		}
		certificate, err = cert.SignAuthority(signer, cert.AuthorityCertificate{
			ChainID: c.chainID, VerifyingContract: vc, ValidFrom: c.validFrom, Issuer: signer.Address(),
			Subject: subj, Realm: realmAddr, Capabilities: caps, Meta: c.meta,
		})
		if err != nil {
			return fmt.Errorf("sign authority certificate: %w", err)
		}
	}
	data, err := cert.MarshalCertificateJSON(certificate, form)
	if err != nil {
		return fmt.Errorf("encode certificate: %w", err)
	}
	return writeOutput(e, out, data)
}

func writeOutput(e *env, path string, data []byte) error {
	data = append(data, '\n')
	if path == "" {
		_, err := e.stdout.Write(data)
		return err
	}
	// Atomic (a reader never sees half a chain) and owner-only, like every
	// file the CLI writes.
	return safefile.WriteFile(path, data, 0o600)
}

var capabilityNames = []string{"root_ca", "intermediate_ca", "public_relay", "private_relay", "gateway", "exchange", "provider", "consumer"}

// parseCapabilities accepts a decimal/hex number or comma-separated capability names. It refuses
// reserved bits, which every chain refuses (cert.ValidCapabilities, rule CCR-7).
func parseCapabilities(s string) (uint64, error) {
	if n, err := strconv.ParseUint(s, 0, 64); err == nil {
		if !cert.ValidCapabilities(n) {
			return 0, fmt.Errorf("reserved capability bits %#x set: only bits 0-7 are defined (%s), and certificate chains with others are refused (CCR-7)", n&cert.CapReserved, strings.Join(capabilityNames, ","))
		}
		return n, nil
	}
	var caps uint64
	for name := range strings.SplitSeq(s, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		found := false
		for bit, n := range capabilityNames {
			if n == name {
				caps |= 1 << bit
				found = true
			}
		}
		if !found {
			return 0, fmt.Errorf("unknown capability %q", name)
		}
	}
	return caps, nil
}

func capabilityString(caps uint64) string {
	var names []string
	for bit, n := range capabilityNames {
		if caps&(1<<bit) != 0 {
			names = append(names, n)
		}
	}
	if rest := caps &^ 0xff; rest != 0 {
		names = append(names, fmt.Sprintf("reserved:%#x", rest))
	}
	return fmt.Sprintf("%d (%s)", caps, strings.Join(names, ","))
}

// readChainFile parses a chain (or a single certificate) in any supported wire form.
func readChainFile(path string) ([]cert.Certificate, error) {
	data, err := safefile.ReadFile(path, cert.MaxChainSize)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	trimmed := strings.TrimSpace(string(data))
	if strings.HasPrefix(trimmed, "[") {
		if chain, err := cert.ParseChainJSON(data); err == nil {
			return chain, nil
		} else if single, serr := cert.ParseCertificateJSON(data); serr == nil {
			return []cert.Certificate{single}, nil
		} else {
			return nil, fmt.Errorf("parse %s: %w", path, err)
		}
	}
	chain, err := cert.ParseChainCBOR(data)
	if err == nil {
		return chain, nil
	}
	if single, serr := cert.ParseCertificateCBOR(data); serr == nil {
		return []cert.Certificate{single}, nil
	}
	return nil, fmt.Errorf("parse %s: not a JSON or CBOR certificate chain: %w", path, err)
}

func runCertChain(ctx context.Context, e *env, args []string) error {
	var out, form string
	fs := newFlags(e, "cert chain", "cert chain [--out FILE] [--form pair|triple] CERT...",
		"Joins certificate files (each a certificate or chain in any wire form) into one JSON chain,\nin the order given: delegate first, root last.")
	fs.StringVar(&out, "out", "", "write the chain here instead of standard output")
	fs.StringVar(&form, "form", "pair", "JSON wire form: pair or triple")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	f, err := parseForm(form)
	if err != nil {
		return usageErrorf(e, "cert chain: %v", err)
	}
	if fs.NArg() == 0 {
		return usageErrorf(e, "cert chain: at least one certificate file expected")
	}
	var chain []cert.Certificate
	for _, p := range fs.Args() {
		part, err := readChainFile(p)
		if err != nil {
			return err
		}
		chain = append(chain, part...)
	}
	data, err := cert.MarshalChainJSON(chain, f)
	if err != nil {
		return fmt.Errorf("encode chain: %w", err)
	}
	return writeOutput(e, out, data)
}

// certView is the printable form of one certificate.
type certView struct {
	Index             int    `json:"index"`
	Type              string `json:"type"`
	Digest            string `json:"digest"`
	Signer            string `json:"signer,omitempty"`
	SignatureValid    bool   `json:"signatureValid"`
	ChainID           uint64 `json:"chainId"`
	VerifyingContract string `json:"verifyingContract"`
	ValidFrom         uint64 `json:"validFrom"`
	Delegate          string `json:"delegate,omitempty"`
	CSPubKey          string `json:"csPubKey,omitempty"`
	BootedAt          uint64 `json:"bootedAt,omitempty"`
	Issuer            string `json:"issuer,omitempty"`
	Subject           string `json:"subject,omitempty"`
	Realm             string `json:"realm,omitempty"`
	Capabilities      string `json:"capabilities,omitempty"`
	Meta              string `json:"meta"`
}

func viewOf(i int, c cert.Certificate) certView {
	v := certView{Index: i}
	if d, err := c.Digest(); err == nil {
		v.Digest = d.Hex()
	}
	if s, err := c.Signer(); err == nil {
		v.Signer = s.Hex()
	}
	v.SignatureValid = c.Verify() == nil
	switch {
	case c.Delegate != nil:
		d := c.Delegate
		v.Type, v.ChainID, v.VerifyingContract, v.ValidFrom = "delegate", d.ChainID, d.VerifyingContract.Hex(), d.ValidFrom
		v.Delegate, v.CSPubKey, v.BootedAt, v.Meta = d.Delegate.Hex(), hex.EncodeToString(d.CSPubKey[:]), d.BootedAt, d.Meta
	case c.Authority != nil:
		a := c.Authority
		v.Type, v.ChainID, v.VerifyingContract, v.ValidFrom = "authority", a.ChainID, a.VerifyingContract.Hex(), a.ValidFrom
		v.Issuer, v.Subject, v.Realm, v.Capabilities, v.Meta = a.Issuer.Hex(), a.Subject.Hex(), a.Realm.Hex(), capabilityString(a.Capabilities), a.Meta
	}
	return v
}

func runCertInspect(ctx context.Context, e *env, args []string) error {
	var chainFile string
	var asJSON bool
	fs := newFlags(e, "cert inspect", "cert inspect --chain FILE [--json]",
		"Prints every certificate of a certificate or chain file: fields, EIP712 digest, recovered signer.")
	fs.StringVar(&chainFile, "chain", "", "certificate or chain file (JSON pairs/triples or Autobahn CBOR)")
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if chainFile == "" {
		return usageErrorf(e, "cert inspect: --chain is required")
	}
	chain, err := readChainFile(chainFile)
	if err != nil {
		return err
	}
	views := make([]certView, len(chain))
	for i, c := range chain {
		views[i] = viewOf(i, c)
	}
	if asJSON {
		return printJSON(e, views)
	}
	for _, v := range views {
		b, _ := json.MarshalIndent(v, "", "  ")
		fmt.Fprintf(e.stdout, "%s\n", b)
	}
	return nil
}

// verifyResult is the outcome of cert verify.
type verifyResult struct {
	Valid     bool            `json:"valid"`
	Rule      string          `json:"rule,omitempty"`
	Error     string          `json:"error,omitempty"`
	Delegate  string          `json:"delegate,omitempty"`
	Trustroot string          `json:"trustroot,omitempty"`
	Realm     string          `json:"realm,omitempty"`
	Digests   []string        `json:"digests,omitempty"`
	Block     uint64          `json:"block,omitempty"`
	Registry  *onChainVerdict `json:"registry,omitempty"`
}

func runCertVerify(ctx context.Context, e *env, args []string) error {
	var chainFile, trustroot, realm, vc, rpcURL, registry, issuerFlag string
	var chainID, block uint64
	var asJSON bool
	fs := newFlags(e, "cert verify", "cert verify --chain FILE [--trustroot ADDR] [--realm ADDR] [--chain-id N] [--verifying-contract ADDR] [--block N] [--rpc URL --registry ADDR [--issuer ADDR]] [--json]",
		"Verifies a certificate chain [delegate, intermediates…, root] under the rules CCR-1…CCR-12\n(any length; a lone delegate certificate is allowed when the rest is on-chain). FILE is a JSON list\nof [typed_data, signature_hex] pairs or [hash, typed_data, signature_hex] triples, or Autobahn's\nCBOR file. With --rpc and --registry the registry must also authorize the delegate now: by\n--issuer, else by the chain's own issuer, else by the issuer found on-chain (the realm's Realm-CA or\nan Operator-CA that authorized the delegate); the output names the issuer checked.\nExit status 0 when everything verifies; 1 otherwise, naming the rule or state that failed.")
	fs.StringVar(&chainFile, "chain", "", "chain file (required)")
	fs.StringVar(&trustroot, "trustroot", "", "the root CA address the chain must end in")
	fs.StringVar(&realm, "realm", "", "the realm every authority certificate must name")
	fs.Uint64Var(&chainID, "chain-id", 0, "expected chain id (default: the chain's own, or the RPC's)")
	fs.StringVar(&vc, "verifying-contract", "", "expected verifyingContract (default: --registry, else the chain's own)")
	fs.Uint64Var(&block, "block", 0, "current block number for validFrom checks (default: the RPC's latest block; without --rpc validFrom is not checked)")
	fs.StringVar(&rpcURL, "rpc", "", "JSON-RPC endpoint (http, ws or ipc) for the on-chain verdict")
	fs.StringVar(&registry, "registry", "", "registry address (with --rpc)")
	fs.StringVar(&issuerFlag, "issuer", "", "with --rpc: the CA that authorized the delegate (default: the chain's issuer, else found on-chain)")
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if chainFile == "" {
		return usageErrorf(e, "cert verify: --chain is required")
	}
	if (rpcURL == "") != (registry == "") {
		return usageErrorf(e, "--rpc and --registry go together")
	}
	var issuer common.Address
	if issuerFlag != "" {
		if rpcURL == "" {
			return usageErrorf(e, "--issuer needs --rpc and --registry")
		}
		var err error
		if issuer, err = cert.ParseAddress(issuerFlag); err != nil {
			return usageErrorf(e, "--issuer: %v", err)
		}
	}
	report := func(res verifyResult) error {
		if asJSON {
			if err := printJSON(e, res); err != nil {
				return err
			}
		} else if res.Valid {
			fmt.Fprintf(e.stdout, "chain verifies: delegate %s", res.Delegate)
			if res.Trustroot != "" {
				fmt.Fprintf(e.stdout, ", trustroot %s", res.Trustroot)
			}
			if res.Registry != nil {
				fmt.Fprintf(e.stdout, ", registry: %s (issuer %s, %s)", res.Registry.Status, res.Registry.Issuer, res.Registry.IssuerRole)
			}
			fmt.Fprintln(e.stdout)
		} else {
			e.errorf("chain does not verify: %s", res.Error)
		}
		if !res.Valid {
			return failure{res.Error}
		}
		return nil
	}
	chain, err := readChainFile(chainFile)
	if err != nil {
		return report(verifyResult{Rule: "FORMAT", Error: err.Error()})
	}
	exp := cert.Expect{Block: math.MaxUint64}
	first := chain[0]
	switch {
	case first.Delegate != nil:
		exp.ChainID, exp.VerifyingContract = first.Delegate.ChainID, first.Delegate.VerifyingContract
	case first.Authority != nil:
		exp.ChainID, exp.VerifyingContract = first.Authority.ChainID, first.Authority.VerifyingContract
	}
	if chainID != 0 {
		exp.ChainID = chainID
	}
	if registry != "" {
		if exp.VerifyingContract, err = cert.ParseAddress(registry); err != nil {
			return usageErrorf(e, "cert verify: --registry: %v", err)
		}
	}
	if vc != "" {
		if exp.VerifyingContract, err = cert.ParseAddress(vc); err != nil {
			return usageErrorf(e, "cert verify: --verifying-contract: %v", err)
		}
	}
	if realm != "" {
		if exp.Realm, err = cert.ParseAddress(realm); err != nil {
			return usageErrorf(e, "cert verify: --realm: %v", err)
		}
	}
	var conn *registryConn
	if rpcURL != "" {
		conn, err = dialRegistry(ctx, rpcURL, exp.VerifyingContract, 0)
		if err != nil {
			return err
		}
		defer conn.Close()
		if chainID == 0 {
			exp.ChainID = conn.chainID
		} else if chainID != conn.chainID {
			return report(verifyResult{Rule: "CCR-1", Error: fmt.Sprintf("--chain-id %d but the RPC endpoint serves chain %d", chainID, conn.chainID)})
		}
		if block == 0 {
			block = conn.block
		}
	}
	if block != 0 {
		exp.Block = block
	}
	res := verifyResult{}
	if exp.Block != math.MaxUint64 {
		res.Block = exp.Block
	}
	vchain, err := cert.Verify(chain, exp)
	if err != nil {
		var re *cert.RuleError
		if errors.As(err, &re) {
			res.Rule = re.Rule
		}
		res.Error = err.Error()
		return report(res)
	}
	res.Delegate = vchain.DelegateAddress().Hex()
	for _, d := range vchain.Digests() {
		res.Digests = append(res.Digests, d.Hex())
	}
	if r, ok := vchain.Realm(); ok {
		res.Realm = r.Hex()
	}
	if root, ok := vchain.Trustroot(); ok {
		res.Trustroot = root.Hex()
	}
	if trustroot != "" {
		want, err := cert.ParseAddress(trustroot)
		if err != nil {
			return usageErrorf(e, "cert verify: --trustroot: %v", err)
		}
		root, ok := vchain.Trustroot()
		if !ok && conn == nil {
			res.Rule, res.Error = "TRUSTROOT", "a lone delegate certificate has no trustroot in the chain; pass --rpc and --registry to check the chain's on-chain part"
			return report(res)
		}
		if ok && root != want {
			res.Rule, res.Error = "TRUSTROOT", fmt.Sprintf("chain ends in root %s, not the expected trustroot %s", root.Hex(), want.Hex())
			return report(res)
		}
	}
	if conn != nil {
		verdict, err := conn.verdict(ctx, vchain, exp.Realm, issuer, trustroot)
		if err != nil {
			return err
		}
		res.Registry = verdict
		if verdict.Status != "Valid" {
			res.Rule, res.Error = "REGISTRY", "registry does not authorize the delegate: "+verdict.Status+verdict.Detail
			return report(res)
		}
	}
	res.Valid = true
	return report(res)
}
