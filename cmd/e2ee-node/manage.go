package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// chainFlags connect a command to a registry on a chain.
type chainFlags struct {
	rpc, registry, key, passwordFile string
	confirmations                    uint64
	timeout                          time.Duration
	json                             bool
}

func (c *chainFlags) register(fs *flag.FlagSet, needsKey bool) {
	fs.StringVar(&c.rpc, "rpc", "", "JSON-RPC endpoint: http(s)://, ws(s):// or an IPC path (required)")
	fs.StringVar(&c.registry, "registry", "", "registry address (default: the deterministic CREATE2 address)")
	if needsKey {
		fs.StringVar(&c.key, "key", "", "keystore of the acting account (required); it pays the gas")
		fs.StringVar(&c.passwordFile, "password-file", "", "password file of --key (default $E2EE_PASSWORD_FILE, else prompt)")
		fs.Uint64Var(&c.confirmations, "confirmations", 0, "blocks to wait on top of the transaction's block")
		fs.DurationVar(&c.timeout, "timeout", 2*time.Minute, "how long to wait for the receipt")
	}
	fs.BoolVar(&c.json, "json", false, "print JSON")
}

// connection is an open registry with an optional signer.
type connection struct {
	backend *chain.Backend
	reg     *chain.Registry
	signer  *chain.KeySigner
}

func (c *chainFlags) connect(ctx context.Context, e *env, needsKey bool) (*connection, error) {
	if c.rpc == "" {
		return nil, usageErrorf(e, "--rpc is required")
	}
	if needsKey && c.key == "" {
		return nil, usageErrorf(e, "--key is required")
	}
	addr := chain.RegistryAddress(chain.DefaultRegistrySalt)
	if c.registry != "" {
		a, err := cert.ParseAddress(c.registry)
		if err != nil {
			return nil, usageErrorf(e, "--registry: %v", err)
		}
		addr = a
	}
	var signer *chain.KeySigner
	if needsKey {
		pw, err := readPassword(e, c.passwordFile, "password of "+c.key, false)
		if err != nil {
			return nil, err
		}
		if signer, err = chain.LoadKeystoreSigner(c.key, pw); err != nil {
			return nil, fmt.Errorf("load key: %w", err)
		}
	}
	rc, err := dialRegistry(ctx, c.rpc, addr, c.confirmations)
	if err != nil {
		return nil, err
	}
	if c.timeout > 0 {
		rc.reg.SetReceiptTimeout(c.timeout)
	}
	return &connection{backend: rc.backend, reg: rc.reg, signer: signer}, nil
}

// transact sends calldata as the connection's signer, showing progress, and prints the result.
func (c *chainFlags) transact(ctx context.Context, e *env, conn *connection, what string, calldata []byte) error {
	tx, err := conn.reg.Submit(ctx, conn.signer, calldata)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if !c.json {
		fmt.Fprintf(e.stderr, "%s: sent %s, waiting for the receipt…\n", what, tx.Hash().Hex())
	}
	rcpt, err := conn.reg.Wait(ctx, tx.Hash())
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	res := map[string]any{"action": what, "transaction": rcpt.TxHash.Hex(), "block": rcpt.BlockNumber.Uint64(), "gasUsed": rcpt.GasUsed, "from": conn.signer.Address().Hex()}
	if c.json {
		return printJSON(e, res)
	}
	fmt.Fprintf(e.stdout, "%s: done — transaction %s, block %d, gas %d\n", what, rcpt.TxHash.Hex(), rcpt.BlockNumber.Uint64(), rcpt.GasUsed)
	return nil
}

func parsePolicy(s string) (uint8, error) {
	switch s {
	case "open":
		return uint8(chain.PolicyOpen), nil
	case "permissioned":
		return uint8(chain.PolicyPermissioned), nil
	case "private":
		return uint8(chain.PolicyPrivate), nil
	}
	return 0, fmt.Errorf("policy must be open, permissioned or private, not %q", s)
}

// addressFlag parses a required address flag.
func addressFlag(e *env, name, v string) (common.Address, error) {
	if v == "" {
		return common.Address{}, usageErrorf(e, "--%s is required", name)
	}
	a, err := cert.ParseAddress(v)
	if err != nil {
		return common.Address{}, usageErrorf(e, "--%s: %v", name, err)
	}
	return a, nil
}

// addressFlags registers required address flags with the given names and descriptions
// (name, description, name, description, …); the returned function parses them in order.
func addressFlags(fs *flag.FlagSet, namesAndUsage ...string) func(e *env) ([]common.Address, error) {
	vals := make([]*string, 0, len(namesAndUsage)/2)
	names := make([]string, 0, len(namesAndUsage)/2)
	for i := 0; i+1 < len(namesAndUsage); i += 2 {
		names = append(names, namesAndUsage[i])
		vals = append(vals, fs.String(namesAndUsage[i], "", namesAndUsage[i+1]+" (required)"))
	}
	return func(e *env) ([]common.Address, error) {
		out := make([]common.Address, len(vals))
		for i, v := range vals {
			a, err := addressFlag(e, names[i], *v)
			if err != nil {
				return nil, err
			}
			out[i] = a
		}
		return out, nil
	}
}

// oneAddress is the setup of a writeCommand whose only argument is the
// address flag name: pack builds the call data from it.
func oneAddress(name, usage string, pack func(conn *connection, a common.Address) []byte) func(fs *flag.FlagSet) func(*env, *connection) ([]byte, error) {
	return func(fs *flag.FlagSet) func(*env, *connection) ([]byte, error) {
		addrs := addressFlags(fs, name, usage)
		return func(e *env, conn *connection) ([]byte, error) {
			a, err := addrs(e)
			if err != nil {
				return nil, err
			}
			return pack(conn, a[0]), nil
		}
	}
}

// writeCommand builds a subcommand that sends one registry transaction.
func writeCommand(name, summary, synopsis, description string, setup func(fs *flag.FlagSet) func(e *env, conn *connection) ([]byte, error)) command {
	return command{name, summary, func(ctx context.Context, e *env, args []string) error {
		var c chainFlags
		fs := newFlags(e, name, synopsis, description)
		c.register(fs, true)
		build := setup(fs)
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		conn, err := c.connect(ctx, e, true)
		if err != nil {
			return err
		}
		defer conn.backend.Close()
		calldata, err := build(e, conn)
		if err != nil {
			return err
		}
		return c.transact(ctx, e, conn, name, calldata)
	}}
}

func runRoot(ctx context.Context, e *env, args []string) error {
	return subcommand(ctx, e, "root", args, []command{
		writeCommand("register", "register --key's address as a standalone trustroot", "root register --rpc URL --key KEYSTORE --policy open|permissioned|private",
			"Registers the key's address as a standalone trustroot with an Operator-CA admission policy.",
			func(fs *flag.FlagSet) func(*env, *connection) ([]byte, error) {
				policy := fs.String("policy", "private", "admission policy: open, permissioned or private")
				return func(e *env, conn *connection) ([]byte, error) {
					p, err := parsePolicy(*policy)
					if err != nil {
						return nil, usageErrorf(e, "root register: %v", err)
					}
					return conn.reg.ABI.PackRegisterRoot(p), nil
				}
			}),
		writeCommand("revoke-all", "bump the root's epoch: revoke everything it issued so far, in O(1)", "root revoke-all --rpc URL --key KEYSTORE",
			"Revokes every admission and delegate authorization the root issued up to this block.",
			func(fs *flag.FlagSet) func(*env, *connection) ([]byte, error) {
				return func(e *env, conn *connection) ([]byte, error) { return conn.reg.ABI.PackBumpEpoch(), nil }
			}),
		writeCommand("retire", "retire the root for good", "root retire --rpc URL --key KEYSTORE",
			"Retires the trustroot: nothing it issued is trusted any more. Final.",
			func(fs *flag.FlagSet) func(*env, *connection) ([]byte, error) {
				return func(e *env, conn *connection) ([]byte, error) { return conn.reg.ABI.PackRetire(), nil }
			}),
	})
}

func runRealm(ctx context.Context, e *env, args []string) error {
	return subcommand(ctx, e, "realm", args, []command{
		writeCommand("request-ca", "the realm's key asks a root to become its Realm-CA", "realm request-ca --rpc URL --key REALM_KEYSTORE --root ADDR",
			"Signed by the realm's key: asks --root to become the realm's Realm-CA (the root then runs 'realm accept').\nA root that is its own realm is set at once.",
			oneAddress("root", "the trustroot address", func(conn *connection, a common.Address) []byte { return conn.reg.ABI.PackRequestRealmCA(a) })),
		writeCommand("cancel-request", "the realm's key withdraws its pending Realm-CA request", "realm cancel-request --rpc URL --key REALM_KEYSTORE",
			"Signed by the realm's key: withdraws the request made with 'realm request-ca' before the root accepted it.\nFails (RealmRegistryRealmCANotPending) when nothing is pending.",
			func(fs *flag.FlagSet) func(*env, *connection) ([]byte, error) {
				return func(e *env, conn *connection) ([]byte, error) { return conn.reg.ABI.PackCancelRealmCARequest(), nil }
			}),
		writeCommand("accept", "the root accepts to be a realm's Realm-CA", "realm accept --rpc URL --key ROOT_KEYSTORE --realm ADDR",
			"Signed by the root: accepts to be the Realm-CA of --realm, which must have requested it.",
			oneAddress("realm", "the realm address", func(conn *connection, a common.Address) []byte { return conn.reg.ABI.PackAcceptRealm(a) })),
		writeCommand("admit", "the Realm-CA admits an Operator-CA with capabilities", "realm admit --rpc URL --key ROOT_KEYSTORE --realm ADDR --operator ADDR --capabilities CAPS",
			"Signed by the realm's Realm-CA: admits --operator into --realm with --capabilities\n(intermediate_ca lets it authorize delegates).",
			func(fs *flag.FlagSet) func(*env, *connection) ([]byte, error) {
				addrs := addressFlags(fs, "realm", "the realm address", "operator", "the Operator-CA address")
				caps := fs.String("capabilities", "intermediate_ca", "capability bits: a number or names joined by commas")
				return func(e *env, conn *connection) ([]byte, error) {
					a, err := addrs(e)
					if err != nil {
						return nil, err
					}
					c, err := parseCapabilities(*caps)
					if err != nil {
						return nil, usageErrorf(e, "--capabilities: %v", err)
					}
					return conn.reg.ABI.PackAdmitOperator(a[0], a[1], c), nil
				}
			}),
		{"show", "read a realm's Realm-CA, pending Realm-CA request and Operator-CA admissions", runRealmShow},
		attestationPolicyCommand(),
		measurementCommand(true),
		measurementCommand(false),
	})
}

// timeFlag parses a time given as RFC 3339 or Unix seconds; empty means zero.
func timeFlag(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.Unix(n, 0), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, errors.New("want RFC 3339 (2026-12-01T00:00:00Z) or Unix seconds")
	}
	return t, nil
}

func runDelegate(ctx context.Context, e *env, args []string) error {
	return subcommand(ctx, e, "delegate", args, []command{
		writeCommand("authorize", "authorize a delegate in a realm (as --key, the issuer)", "delegate authorize --rpc URL --key ISSUER_KEYSTORE --realm ADDR --delegate ADDR [--valid-from T] [--valid-until T] [--ak-digest DIGEST]",
			"Signed by the issuer (the realm's Realm-CA or an admitted Operator-CA with intermediate_ca): authorizes\n--delegate in --realm for [valid-from, valid-until). Times are RFC 3339 or Unix seconds.\n"+
				"--ak-digest enrolls the delegate's TPM attestation key (as 'attest enroll' prints it) with the\n"+
				"authorization; in a realm that requires attestation only quotes by that key count. Authorizing\nagain without it drops the enrollment.",
			func(fs *flag.FlagSet) func(*env, *connection) ([]byte, error) {
				addrs := addressFlags(fs, "realm", "the realm address", "delegate", "the delegate address")
				from := fs.String("valid-from", "", "start of validity (default: now)")
				until := fs.String("valid-until", "", "end of validity (default: none)")
				akDigest := fs.String("ak-digest", "", "digest of the delegate's TPM attestation key to enroll (default: none)")
				return func(e *env, conn *connection) ([]byte, error) {
					a, err := addrs(e)
					if err != nil {
						return nil, err
					}
					vf, err := timeFlag(*from)
					if err != nil {
						return nil, usageErrorf(e, "--valid-from: %v", err)
					}
					if vf.IsZero() {
						vf = time.Now().Add(-time.Minute)
					}
					vu, err := timeFlag(*until)
					if err != nil {
						return nil, usageErrorf(e, "--valid-until: %v", err)
					}
					var ak common.Hash
					if *akDigest != "" {
						if ak, err = parseDigest(*akDigest); err != nil {
							return nil, usageErrorf(e, "--ak-digest: %v", err)
						}
						if ak == (common.Hash{}) {
							return nil, usageErrorf(e, "--ak-digest: the zero digest enrolls nothing; omit the flag")
						}
					}
					return conn.reg.AuthorizeWithAttestationKeyCall(a[0], a[1], vf, vu, ak)
				}
			}),
		writeCommand("revoke", "revoke a delegate's authorization (as --key, the issuer)", "delegate revoke --rpc URL --key ISSUER_KEYSTORE --realm ADDR --delegate ADDR",
			"Signed by the issuer: revokes its authorization of --delegate in --realm. Subscribed verifiers drop it\nwithin one block and nodes rotate the keys it may hold.",
			func(fs *flag.FlagSet) func(*env, *connection) ([]byte, error) {
				addrs := addressFlags(fs, "realm", "the realm address", "delegate", "the delegate address")
				return func(e *env, conn *connection) ([]byte, error) {
					a, err := addrs(e)
					if err != nil {
						return nil, err
					}
					return conn.reg.ABI.PackRevoke(a[0], a[1]), nil
				}
			}),
		writeCommand("revoke-all", "an Operator-CA revokes every authorization it wrote in a realm", "delegate revoke-all --rpc URL --key OPERATOR_KEYSTORE --realm ADDR",
			"Signed by an admitted Operator-CA: revokes, in O(1), every authorization it wrote in --realm so far.\n(A root revokes everything with 'root revoke-all'.)",
			oneAddress("realm", "the realm address", func(conn *connection, a common.Address) []byte { return conn.reg.ABI.PackRevokeAllDelegates(a) })),
		{"status", "the registry's verdict on (issuer, realm, delegate) now", runDelegateStatus},
	})
}

func runDelegateStatus(ctx context.Context, e *env, args []string) error {
	var c chainFlags
	var issuer, realm, delegate string
	fs := newFlags(e, "delegate status", "delegate status --rpc URL --realm ADDR --delegate ADDR [--issuer ADDR] [--json]",
		"Reads the registry's full authorization check for --issuer, or, without it, for the issuer found\non-chain (the realm's Realm-CA or an Operator-CA that authorized the delegate), and names the issuer\nchecked and the realm's root, with the realm's attestation policy and the attestation key enrolled for the delegate\nby that issuer. Exit status 0 when the delegate is authorized now, 1 otherwise (the output names the\nrule that failed).")
	c.register(fs, false)
	fs.StringVar(&issuer, "issuer", "", "the issuer address (default: found on-chain)")
	fs.StringVar(&realm, "realm", "", "the realm address (required)")
	fs.StringVar(&delegate, "delegate", "", "the delegate address (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var i common.Address
	if issuer != "" {
		var err error
		if i, err = addressFlag(e, "issuer", issuer); err != nil {
			return err
		}
	}
	r, err := addressFlag(e, "realm", realm)
	if err != nil {
		return err
	}
	d, err := addressFlag(e, "delegate", delegate)
	if err != nil {
		return err
	}
	conn, err := c.connect(ctx, e, false)
	if err != nil {
		return err
	}
	defer conn.backend.Close()
	chk, err := conn.reg.CheckDelegate(ctx, r, d, i)
	if err != nil {
		return err
	}
	res := map[string]any{
		"status": chk.Status.String(), "root": chk.Root.Hex(), "issuer": chk.Issuer.Hex(), "issuerRole": chk.IssuerRole,
		"issuerCapabilities": capabilityString(chk.IssuerCapabilities), "authorized": chk.Status == chain.StatusValid,
	}
	if chk.ValidUntil != 0 && chk.ValidUntil < 1<<48 {
		res["validUntil"] = time.Unix(int64(chk.ValidUntil), 0).UTC().Format(time.RFC3339)
	}
	if chk.Found != (common.Address{}) {
		res["authorizedBy"] = chk.Found.Hex()
	}
	att, err := conn.reg.AttestationStatus(ctx, chk.Issuer, r, d, common.Hash{})
	if err != nil {
		return err
	}
	attestationJSON(res, att)
	if c.json {
		if err := printJSON(e, res); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(e.stdout, "status: %s\nissuer: %s (%s)\nroot:   %s\n%s", chk.Status, chk.Issuer.Hex(), chk.IssuerRole, chk.Root.Hex(), attestationStatusLines(att))
	}
	if err := chk.Err(); err != nil {
		e.errorf("%v", err)
		return failure{chk.Status.String()}
	}
	return nil
}

func runRealmShow(ctx context.Context, e *env, args []string) error {
	var c chainFlags
	var realm string
	fs := newFlags(e, "realm show", "realm show --rpc URL --realm ADDR [--registry ADDR] [--json]",
		"Reads what the registry holds about a realm: its Realm-CA, a pending Realm-CA request and every\nOperator-CA that asked for or was given an admission, with its standing now (an admission made before\nthe realm's current Realm-CA was set no longer counts).")
	c.register(fs, false)
	fs.StringVar(&realm, "realm", "", "the realm address (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	r, err := addressFlag(e, "realm", realm)
	if err != nil {
		return err
	}
	conn, err := c.connect(ctx, e, false)
	if err != nil {
		return err
	}
	defer conn.backend.Close()
	st, err := conn.reg.ReadRealm(ctx, r)
	if err != nil {
		return err
	}
	type operator struct {
		Operator     string `json:"operator"`
		Status       string `json:"status"`
		Capabilities string `json:"capabilities"`
		Block        uint64 `json:"block"`
		Current      bool   `json:"current"`
	}
	out := struct {
		Realm        string     `json:"realm"`
		RealmCA      string     `json:"realmCA,omitempty"`
		RootSetBlock uint64     `json:"rootSetBlock,omitempty"`
		Pending      string     `json:"pendingRealmCA,omitempty"`
		Operators    []operator `json:"operators"`
	}{Realm: st.Realm.Hex(), RootSetBlock: st.RootSetBlock, Operators: []operator{}}
	if st.Root != (common.Address{}) {
		out.RealmCA = st.Root.Hex()
	}
	if st.PendingRoot != (common.Address{}) {
		out.Pending = st.PendingRoot.Hex()
	}
	for _, o := range st.Operators {
		out.Operators = append(out.Operators, operator{o.Operator.Hex(), o.Status.String(), capabilityString(o.Capabilities), o.Block, o.Current})
	}
	if c.json {
		return printJSON(e, out)
	}
	fmt.Fprintf(e.stdout, "realm:    %s\n", out.Realm)
	if out.RealmCA != "" {
		fmt.Fprintf(e.stdout, "realm CA: %s (since block %d)\n", out.RealmCA, out.RootSetBlock)
	} else {
		fmt.Fprintln(e.stdout, "realm CA: none")
	}
	if out.Pending != "" {
		fmt.Fprintf(e.stdout, "pending:  %s asked to become the Realm-CA ('realm accept' by that root)\n", out.Pending)
	}
	if len(out.Operators) == 0 {
		fmt.Fprintln(e.stdout, "operators: none")
	}
	for _, o := range out.Operators {
		note := ""
		if !o.Current && o.Status != "None" {
			note = ", void (before the current Realm-CA)"
		}
		fmt.Fprintf(e.stdout, "operator: %s %s, capabilities %s, block %d%s\n", o.Operator, o.Status, o.Capabilities, o.Block, note)
	}
	return nil
}
