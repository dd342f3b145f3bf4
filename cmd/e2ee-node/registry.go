package main

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

// registryConn is a connection to a JSON-RPC endpoint and a registry on it.
type registryConn struct {
	backend *chain.Backend
	reg     *chain.Registry
	chainID uint64
	block   uint64
}

// dialRegistry connects to rpcURL (waiting confirmations blocks after each write) and, unless
// addr is zero, checks that a registry is deployed at addr.
func dialRegistry(ctx context.Context, rpcURL string, addr common.Address, confirmations uint64) (*registryConn, error) {
	dctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	b, err := chain.Connect(dctx, chain.BackendConfig{URL: rpcURL, Confirmations: confirmations})
	if err != nil {
		return nil, fmt.Errorf("RPC endpoint %s unreachable: %w", rpcURL, err)
	}
	block, err := b.Client().BlockNumber(dctx)
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("read block number from %s: %w", rpcURL, err)
	}
	if addr != (common.Address{}) {
		code, err := b.Client().CodeAt(dctx, addr, nil)
		if err != nil {
			b.Close()
			return nil, fmt.Errorf("read code at %s: %w", addr.Hex(), err)
		}
		if len(code) == 0 {
			b.Close()
			return nil, fmt.Errorf("no registry at %s on chain %s (deploy it with 'e2ee-node deploy')", addr.Hex(), b.ChainID())
		}
	}
	return &registryConn{backend: b, reg: b.Registry(addr), chainID: b.ChainID().Uint64(), block: block}, nil
}

func (r *registryConn) Close() { r.backend.Close() }

// onChainVerdict is the registry's view of a verified chain.
type onChainVerdict struct {
	Registry string `json:"registry"`
	Issuer   string `json:"issuer"`
	// IssuerRole is what the issuer is in the realm (Realm-CA, Operator-CA).
	IssuerRole string   `json:"issuerRole"`
	Realm      string   `json:"realm"`
	Root       string   `json:"root"`
	Status     string   `json:"status"`
	Detail     string   `json:"detail,omitempty"`
	Revoked    []string `json:"revokedCertificates,omitempty"`
	ChainID    uint64   `json:"chainId"`
	Block      uint64   `json:"block"`
}

// verdict asks the registry whether vchain's delegate is authorized now (by issuer, when not
// zero, else by the chain's own issuer, else by the issuer chain.CheckDelegate finds), and
// whether any of its certificates was revoked by digest.
func (r *registryConn) verdict(ctx context.Context, vchain *cert.VerifiedChain, realm, issuer common.Address, trustroot string) (*onChainVerdict, error) {
	if rr, ok := vchain.Realm(); ok {
		realm = rr
	}
	if realm == (common.Address{}) {
		return nil, errors.New("a lone delegate certificate names no realm: pass --realm")
	}
	a := r.reg.ABI
	if chainIssuer, ok := vchain.Issuer(); ok && issuer == (common.Address{}) {
		issuer = chainIssuer
	}
	chk, err := r.reg.CheckDelegate(ctx, realm, vchain.DelegateAddress(), issuer)
	if err != nil {
		return nil, err
	}
	v := &onChainVerdict{
		Registry: r.reg.Address().Hex(), Issuer: chk.Issuer.Hex(), IssuerRole: chk.IssuerRole, Realm: realm.Hex(), Root: chk.Root.Hex(),
		Status: chk.Status.String(), ChainID: r.chainID, Block: r.block,
	}
	if err := chk.Err(); err != nil {
		v.Detail = ": " + strings.TrimPrefix(err.Error(), chain.ErrUnauthorized.Error()+": ")
	}
	if trustroot != "" {
		want, err := cert.ParseAddress(trustroot)
		if err != nil {
			return nil, err
		}
		if chk.Root != want && v.Status == "Valid" {
			v.Status, v.Detail = "WrongTrustroot", fmt.Sprintf(" (realm's root is %s)", chk.Root.Hex())
		}
	}
	signers := []common.Address{vchain.DelegateAddress()}
	for _, au := range vchain.Authorities() {
		signers = append(signers, au.Issuer)
	}
	for i, d := range vchain.Digests() {
		if i >= len(signers) {
			break
		}
		out, err := r.reg.Call(ctx, a.PackCertificateRevokedAt(signers[i], d))
		if err != nil {
			return nil, fmt.Errorf("read certificate revocation: %w", err)
		}
		at, err := a.UnpackCertificateRevokedAt(out)
		if err != nil {
			return nil, fmt.Errorf("decode certificate revocation: %w", err)
		}
		if at.Sign() != 0 {
			v.Revoked = append(v.Revoked, d.Hex())
		}
	}
	if len(v.Revoked) > 0 && v.Status == "Valid" {
		v.Status, v.Detail = "CertificateRevoked", " ("+strings.Join(v.Revoked, ", ")+")"
	}
	return v, nil
}

func runRegistryAddress(ctx context.Context, e *env, args []string) error {
	var salt string
	fs := newFlags(e, "registry-address", "registry-address [--salt HEX32]",
		"Prints the address the registry has on every chain for a CREATE2 salt (default: the canonical salt).")
	fs.StringVar(&salt, "salt", "", "CREATE2 salt, 32 bytes hex (default keccak256(\"e2ee-node/TrustRegistry/v1\"))")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	s, err := parseSalt(salt)
	if err != nil {
		return usageErrorf(e, "registry-address: %v", err)
	}
	fmt.Fprintln(e.stdout, chain.RegistryAddress(s).Hex())
	return nil
}

func parseSalt(s string) (common.Hash, error) {
	if s == "" {
		return chain.DefaultRegistrySalt, nil
	}
	b := common.FromHex(s)
	if len(b) != 32 || !strings.HasPrefix(strings.ToLower(s), "0x") && len(s) != 64 {
		return common.Hash{}, errors.New("--salt must be 32 bytes of hex")
	}
	return common.BytesToHash(b), nil
}

func runDeploy(ctx context.Context, e *env, args []string) error {
	var rpcURL, keyFile, passwordFile, salt, existing string
	var timeout time.Duration
	var asJSON, noCreate bool
	fs := newFlags(e, "deploy", "deploy --rpc URL --key KEYSTORE [--password-file F] [--salt HEX32] [--registry ADDR] [--no-create] [--json]",
		`Deploys the TrustRegistry through the deterministic CREATE2 proxy (0x4e59b448…4956C), so it lands
at the same address on every chain. Idempotent: an existing deployment is reported, not repeated.
The key pays the gas; it comes from a go-ethereum keystore, never from the command line.

On a chain without the proxy (a private chain with its own genesis) it installs the proxy with its
pre-signed transaction, funding the one-time signer with 0.01 ether, where the chain accepts
transactions without EIP-155 replay protection; where it refuses them (go-ethereum's default over
RPC) it deploys with plain CREATE: the address then depends on the key and its nonce, and every node
and command needs --registry ADDR (deploy --registry ADDR then checks that deployment instead of
making another). It says which way it took.`)
	fs.StringVar(&rpcURL, "rpc", "", "JSON-RPC endpoint: http(s)://, ws(s):// or an IPC path (required)")
	fs.StringVar(&keyFile, "key", "", "keystore of the paying account (required)")
	fs.StringVar(&passwordFile, "password-file", "", "password file of --key (default $E2EE_PASSWORD_FILE, else prompt)")
	fs.StringVar(&salt, "salt", "", "CREATE2 salt, 32 bytes hex (default: the canonical salt)")
	fs.StringVar(&existing, "registry", "", "a registry deployed earlier with plain CREATE: report it instead of deploying again")
	fs.BoolVar(&noCreate, "no-create", false, "fail rather than deploy with plain CREATE where the proxy is missing and cannot be installed")
	fs.DurationVar(&timeout, "timeout", 2*time.Minute, "how long to wait for each receipt")
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if rpcURL == "" || keyFile == "" {
		return usageErrorf(e, "deploy: --rpc and --key are required")
	}
	s, err := parseSalt(salt)
	if err != nil {
		return usageErrorf(e, "deploy: %v", err)
	}
	var prior common.Address
	if existing != "" {
		if prior, err = cert.ParseAddress(existing); err != nil {
			return usageErrorf(e, "deploy: --registry: %v", err)
		}
	}
	pw, err := readPassword(e, passwordFile, "password of "+keyFile, false)
	if err != nil {
		return err
	}
	key, err := keys.LoadDelegateKey(keyFile, pw)
	if err != nil {
		return fmt.Errorf("load key: %w", err)
	}
	conn, err := dialRegistry(ctx, rpcURL, common.Address{}, 0)
	if err != nil {
		return err
	}
	defer conn.Close()
	opts := bind.NewKeyedTransactor(key.PrivateKey(), new(big.Int).SetUint64(conn.chainID))
	if !asJSON {
		fmt.Fprintf(e.stderr, "deploying the registry on chain %d (CREATE2 address %s), waiting for the receipt…\n", conn.chainID, chain.RegistryAddress(s).Hex())
	}
	dep, err := chain.Deploy(ctx, conn.backend.Client(), opts, chain.DeployOptions{Salt: s, Timeout: timeout, Existing: prior, NoCREATE: noCreate})
	if err != nil {
		return err
	}
	res := map[string]any{"registry": dep.Address.Hex(), "chainId": conn.chainID, "alreadyDeployed": dep.Receipt == nil,
		"method": string(dep.Method), "canonical": dep.Address == chain.RegistryAddress(s)}
	if dep.Why != "" {
		res["note"] = dep.Why
	}
	if dep.Receipt != nil {
		res["transaction"] = dep.Receipt.TxHash.Hex()
		res["block"] = dep.Receipt.BlockNumber.Uint64()
		res["gasUsed"] = dep.Receipt.GasUsed
	}
	if asJSON {
		return printJSON(e, res)
	}
	if dep.Why != "" {
		fmt.Fprintf(e.stderr, "note: %s\n", dep.Why)
	}
	if dep.Receipt == nil {
		fmt.Fprintf(e.stdout, "registry already deployed at %s\n", dep.Address.Hex())
		return nil
	}
	fmt.Fprintf(e.stdout, "registry deployed at %s (%s)\ntransaction %s, block %d, gas %d\n", dep.Address.Hex(), dep.Method, dep.Receipt.TxHash.Hex(), dep.Receipt.BlockNumber.Uint64(), dep.Receipt.GasUsed)
	return nil
}
