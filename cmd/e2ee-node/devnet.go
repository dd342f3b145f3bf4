package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
	"github.com/wamp-e2ee/e2ee-node/internal/safefile"
)

// devnetNodeNames name the sandbox's nodes in order (node5, node6, … after them).
var devnetNodeNames = []string{"alice", "bob", "carol", "dave"}

// devnetManifest is DIR/devnet.json: what the sandbox holds, and the files devnet wrote (the
// only ones a rerun deletes).
type devnetManifest struct {
	ChainID   uint64                   `json:"chainId"`
	HTTP      string                   `json:"http"`
	WS        string                   `json:"ws"`
	Registry  string                   `json:"registry"`
	Router    string                   `json:"router"`
	RealmURI  string                   `json:"realmUri"`
	Root      string                   `json:"root"`
	Realm     string                   `json:"realm"`
	Operator  string                   `json:"operator"`
	Nodes     map[string]devnetNodeDoc `json:"nodes"`
	Files     []string                 `json:"files"`
	StartedAt time.Time                `json:"startedAt"`
}

type devnetNodeDoc struct {
	Delegate string `json:"delegate"`
	Config   string `json:"config"`
}

const devnetManifestName = "devnet.json"

func runDevnet(ctx context.Context, e *env, args []string) error {
	var host, dir, routerURL, realmURI, nodes, readyFile string
	var port, accounts int
	var chainID uint64
	var blockTime time.Duration
	var noDeployer bool
	fs := newFlags(e, "devnet", "devnet [--port 8545] [--chain-id ID] [--block-time D] [--dir DIR [--nodes N|NAME,…]]",
		`Runs a local development chain: go-ethereum's simulated backend served by go-ethereum's node over
JSON-RPC http and ws on one loopback port, mining a block as soon as a transaction arrives (or every
--block-time), with funded development accounts (anvil's well-known keys — never use them on a real
network), the deterministic deployment proxy, and the trust registry deployed.

With --dir it also writes a sandbox: a root, a realm and an operator CA on-chain (their keystores),
N nodes (delegate and session keystores, a password file, a delegate certificate, the on-chain
authorization by the operator) and one config file per node plus router.json, so that

  e2ee-node router --config DIR/router.json
  e2ee-node sub TOPIC --config DIR/bob.json
  e2ee-node pub TOPIC --config DIR/alice.json

run as separate processes against it. The chain lives in memory: every run starts a new chain, so a
rerun on the same DIR recreates the sandbox (new keys, certificates and authorizations; the same file
names). It deletes only the files a previous devnet listed in DIR/devnet.json, and refuses a
non-empty DIR without that file. Runs until interrupted (Ctrl-C).`)
	fs.StringVar(&host, "host", "127.0.0.1", "loopback address to serve JSON-RPC on")
	fs.IntVar(&port, "port", 8545, "port of JSON-RPC over http and ws (0: any free port)")
	fs.Uint64Var(&chainID, "chain-id", chain.SimulatedChainID, "chain id")
	fs.DurationVar(&blockTime, "block-time", 0, "seal a block every D (e.g. 2s), empty or not; 0: a block per arriving transaction (the set-up transactions of --dir are mined at once either way)")
	fs.BoolVar(&noDeployer, "no-deployer", false, "start without the deterministic deployment proxy, like a private chain with its own genesis: the registry is then deployed with plain CREATE, at the address the configs carry")
	fs.IntVar(&accounts, "accounts", 10, "number of funded development accounts (at least 4 with --dir)")
	fs.StringVar(&dir, "dir", "", "write a sandbox (keys, certificates, configs) to this directory")
	fs.StringVar(&nodes, "nodes", "3", "with --dir: how many nodes, or their names (comma-separated)")
	fs.StringVar(&routerURL, "router-url", "ws://127.0.0.1:8080/ws", "with --dir: the router URL written to the configs")
	fs.StringVar(&realmURI, "realm", "com.example", "with --dir: the WAMP realm written to the configs")
	fs.StringVar(&readyFile, "ready-file", "", "create this file once the chain (and the sandbox) is ready")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErrorf(e, "devnet: unexpected argument %q", fs.Arg(0))
	}
	if chainID == 0 {
		return usageErrorf(e, "devnet: --chain-id must not be 0")
	}
	if blockTime < 0 {
		return usageErrorf(e, "devnet: --block-time must not be negative")
	}
	names, err := parseNodeNames(nodes)
	if err != nil {
		return usageErrorf(e, "devnet: --nodes: %v", err)
	}
	if dir != "" && accounts < 4 {
		return usageErrorf(e, "devnet: --dir needs --accounts ≥ 4 (deployer, root, realm, operator)")
	}
	if accounts < 1 || accounts > 1000 {
		return usageErrorf(e, "devnet: --accounts must be 1…1000")
	}
	start := time.Now()
	if dir != "" {
		if dir, err = filepath.Abs(dir); err != nil {
			return err
		}
	}
	devKeys, err := chain.DevAccounts(accounts)
	if err != nil {
		return err
	}
	funded := make([]common.Address, len(devKeys))
	for i, k := range devKeys {
		funded[i] = crypto.PubkeyToAddress(k.PublicKey)
	}
	dn, err := chain.StartDevnet(chain.DevnetConfig{Host: host, Port: port, ChainID: chainID, BlockTime: blockTime, Funded: funded, NoDeployer: noDeployer})
	if err != nil {
		return err
	}
	// The sandbox is cleared only once the port is ours: a rerun while another devnet still
	// serves the same port must not delete that devnet's keys and configs.
	if dir != "" {
		if err := clearSandbox(dir); err != nil {
			_ = dn.Close()
			return err
		}
		// Listed before anything is written, so that a run stopped half-way is cleared by the next.
		if err := writeManifest(dir, &devnetManifest{Files: sandboxFiles(names)}); err != nil {
			_ = dn.Close()
			return err
		}
	}
	defer func() {
		_ = dn.Close()
		fmt.Fprintln(e.stderr, "devnet stopped")
	}()
	b, err := chain.Connect(ctx, chain.BackendConfig{Simulated: dn.Chain()})
	if err != nil {
		return err
	}
	defer b.Close()
	dep, err := chain.Deploy(ctx, b.Client(), bind.NewKeyedTransactor(devKeys[0], b.ChainID()), chain.DeployOptions{Timeout: time.Minute})
	if err != nil {
		return err
	}
	reg := b.Registry(dep.Address)

	w := e.stdout
	fmt.Fprintf(w, "e2ee-node devnet — go-ethereum simulated chain %d\n\n", dn.ChainID())
	fmt.Fprintf(w, "JSON-RPC   %s\n           %s\n", dn.HTTPURL(), dn.WSURL())
	if blockTime > 0 {
		fmt.Fprintf(w, "mining     a block every %v\n", blockTime)
	} else {
		fmt.Fprintf(w, "mining     a block per arriving transaction\n")
	}
	fmt.Fprintf(w, "registry   %s (%s, deployed by account 0)\n", dep.Address.Hex(), dep.Method)
	if dep.Why != "" {
		fmt.Fprintf(w, "           %s\n", dep.Why)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Funded accounts (%s wei each; mnemonic %q — public, development only):\n", chain.DevAccountBalance(), chain.DevMnemonic)
	for i, k := range devKeys {
		fmt.Fprintf(w, "  (%d) %s  0x%s\n", i, funded[i].Hex(), hex.EncodeToString(crypto.FromECDSA(k)))
	}
	if dir != "" {
		sb := &sandbox{
			dir: dir, ctx: ctx, reg: reg, client: b.Client(), chainID: dn.ChainID(), registry: dep.Address,
			root: devKeys[1], realm: devKeys[2], operator: devKeys[3],
			routerURL: routerURL, realmURI: realmURI, rpcWS: dn.WSURL(),
		}
		m, err := sb.write(names)
		if err != nil {
			return fmt.Errorf("sandbox %s: %w", dir, err)
		}
		m.HTTP = dn.HTTPURL()
		if err := writeManifest(dir, m); err != nil {
			return err
		}
		fmt.Fprintf(w, "\nSandbox %s (root %s, realm %s, operator %s):\n", dir, short(sb.rootAddr()), short(crypto.PubkeyToAddress(sb.realm.PublicKey)), short(crypto.PubkeyToAddress(sb.operator.PublicKey)))
		for _, n := range names {
			fmt.Fprintf(w, "  %-6s delegate %s  %s\n", n, m.Nodes[n].Delegate, m.Nodes[n].Config)
		}
		fmt.Fprintf(w, "\nReady in %.0f ms. Next, in three terminals:\n\n", msSince(start))
		self := selfCommand(os.Args[0])
		fmt.Fprintf(w, "  %s router --config %s\n", self, filepath.Join(dir, "router.json"))
		if len(names) > 1 {
			fmt.Fprintf(w, "  %s sub com.example.telemetry --config %s\n", self, filepath.Join(dir, names[1]+".json"))
		}
		fmt.Fprintf(w, "  %s pub com.example.telemetry --config %s --kwargs '{\"reading\": 7}'\n\n", self, filepath.Join(dir, names[0]+".json"))
		fmt.Fprintf(w, "Revoke a node: %s delegate revoke --rpc %s --key %s --password-file %s --realm %s --delegate ADDRESS\n",
			self, dn.HTTPURL(), filepath.Join(dir, "keys", "operator.json"), filepath.Join(dir, "password"), crypto.PubkeyToAddress(sb.realm.PublicKey).Hex())
	} else {
		fmt.Fprintf(w, "\nReady in %.0f ms. --dir DIR also writes a sandbox of nodes (e2ee-node devnet --help).\n", msSince(start))
	}
	fmt.Fprintln(w, "\nPress Ctrl-C to stop.")
	if readyFile != "" {
		if err := os.WriteFile(readyFile, []byte(dn.HTTPURL()+"\n"), 0o644); err != nil {
			return fmt.Errorf("write --ready-file: %w", err)
		}
	}
	select {
	case <-ctx.Done():
		return nil
	case <-dn.Done():
		return fmt.Errorf("miner stopped: %w", dn.Err())
	}
}

// parseNodeNames reads --nodes: a count or a list of names.
func parseNodeNames(s string) ([]string, error) {
	if n, err := strconv.Atoi(s); err == nil {
		if n < 1 || n > 100 {
			return nil, errors.New("want 1…100 nodes")
		}
		out := make([]string, n)
		for i := range out {
			if i < len(devnetNodeNames) {
				out[i] = devnetNodeNames[i]
			} else {
				out[i] = "node" + strconv.Itoa(i+1)
			}
		}
		return out, nil
	}
	seen := map[string]bool{}
	var out []string
	for _, n := range strings.Split(s, ",") {
		n = strings.TrimSpace(n)
		if n == "" || seen[n] || n == "router" || n == "devnet" || n == "password" || n == "keys" || strings.ContainsAny(n, `/\.`) {
			return nil, fmt.Errorf("bad or repeated node name %q", n)
		}
		seen[n] = true
		out = append(out, n)
	}
	return out, nil
}

// clearSandbox makes dir an empty directory: it creates it, or deletes the files a previous
// devnet listed in its manifest. It refuses a non-empty directory without a manifest.
func clearSandbox(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(dir, 0o700)
	}
	if err != nil {
		return fmt.Errorf("--dir: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	data, err := os.ReadFile(filepath.Join(dir, devnetManifestName))
	if err != nil {
		return fmt.Errorf("--dir %s is not empty and holds no %s of an earlier devnet: choose an empty or new directory", dir, devnetManifestName)
	}
	var m devnetManifest
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("--dir %s: %s: %v (delete the directory to start over)", dir, devnetManifestName, err)
	}
	for _, f := range m.Files {
		if !filepath.IsLocal(f) {
			return fmt.Errorf("--dir %s: %s lists %q outside the directory (delete the directory to start over)", dir, devnetManifestName, f)
		}
		if err := os.Remove(filepath.Join(dir, f)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("--dir: %w", err)
		}
	}
	_ = os.Remove(filepath.Join(dir, "keys")) // only when empty
	return os.Remove(filepath.Join(dir, devnetManifestName))
}

func writeManifest(dir string, m *devnetManifest) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return safefile.WriteFile(filepath.Join(dir, devnetManifestName), append(data, '\n'), 0o644)
}

// sandbox writes the identities, certificates and configs of a devnet directory.
type sandbox struct {
	dir                   string
	ctx                   context.Context
	reg                   *chain.Registry
	client                chain.Client
	chainID               uint64
	registry              common.Address
	root, realm, operator *ecdsa.PrivateKey
	routerURL, realmURI   string
	rpcWS                 string
	password              string
}

func (s *sandbox) rootAddr() common.Address { return crypto.PubkeyToAddress(s.root.PublicKey) }

// path returns the absolute path of a file of the sandbox (one of sandboxFiles).
func (s *sandbox) path(rel string) string { return filepath.Join(s.dir, rel) }

// sandboxFiles are the files a sandbox with these nodes consists of, relative to its directory.
func sandboxFiles(names []string) []string {
	files := []string{"password", "router.json", filepath.Join("keys", "root.json"), filepath.Join("keys", "realm.json"), filepath.Join("keys", "operator.json")}
	for _, n := range names {
		files = append(files, n+".json", n+".cert", filepath.Join("keys", n+"-delegate.json"), filepath.Join("keys", n+"-session.json"))
	}
	return files
}

func (s *sandbox) write(names []string) (*devnetManifest, error) {
	pw := make([]byte, 24)
	if _, err := rand.Read(pw); err != nil {
		return nil, err
	}
	s.password = hex.EncodeToString(pw)
	pwFile := s.path("password")
	if err := safefile.WriteFile(pwFile, []byte(s.password+"\n"), 0o600); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(s.dir, "keys"), 0o700); err != nil {
		return nil, err
	}
	// Light scrypt: these keystores guard development keys on a throwaway chain.
	n, p := keystore.LightScryptN, keystore.LightScryptP
	for _, a := range []struct {
		name string
		key  *ecdsa.PrivateKey
	}{{"root", s.root}, {"realm", s.realm}, {"operator", s.operator}} {
		k, err := keys.NewDelegateKey(a.key)
		if err != nil {
			return nil, err
		}
		if err := keys.SaveDelegateKey(s.path(filepath.Join("keys", a.name+".json")), k, s.password, n, p); err != nil {
			return nil, err
		}
	}
	rootS, realmS, opS := chain.NewKeySigner(s.root), chain.NewKeySigner(s.realm), chain.NewKeySigner(s.operator)
	realm := realmS.Address()
	if _, err := s.reg.RegisterRoot(s.ctx, rootS, chain.PolicyPrivate); err != nil {
		return nil, err
	}
	if _, err := s.reg.SetRealmCA(s.ctx, realmS, rootS); err != nil {
		return nil, err
	}
	if _, err := s.reg.AdmitOperator(s.ctx, rootS, realm, opS.Address(), cert.CapIntermediateCA|cert.CapProvider|cert.CapConsumer); err != nil {
		return nil, err
	}
	m := &devnetManifest{
		ChainID: s.chainID, WS: s.rpcWS, Registry: s.registry.Hex(), Router: s.routerURL, RealmURI: s.realmURI,
		Root: rootS.Address().Hex(), Realm: realm.Hex(), Operator: opS.Address().Hex(),
		Nodes: map[string]devnetNodeDoc{}, StartedAt: time.Now().UTC(),
	}
	router := map[string]map[string]any{"router": {"listen": []string{s.routerURL}, "realm": []string{s.realmURI}}}
	if err := writeJSONFile(s.path("router.json"), router); err != nil {
		return nil, err
	}
	for _, name := range names {
		d, err := keys.GenerateDelegateKey()
		if err != nil {
			return nil, err
		}
		sk, err := keys.GenerateSessionKey()
		if err != nil {
			return nil, err
		}
		keyFile, sessFile := s.path(filepath.Join("keys", name+"-delegate.json")), s.path(filepath.Join("keys", name+"-session.json"))
		if err := keys.SaveDelegateKey(keyFile, d, s.password, n, p); err != nil {
			return nil, err
		}
		if err := keys.SaveSessionKey(sessFile, sk, s.password, n, p); err != nil {
			return nil, err
		}
		if _, err := s.reg.Authorize(s.ctx, opS, realm, d.Address(), time.Now().Add(-time.Minute), time.Time{}); err != nil {
			return nil, fmt.Errorf("node %s: %w", name, err)
		}
		head, err := s.client.BlockNumber(s.ctx)
		if err != nil {
			return nil, fmt.Errorf("read block number: %w", err)
		}
		dc, err := cert.SignDelegate(d, cert.DelegateCertificate{
			ChainID: s.chainID, VerifyingContract: s.registry, ValidFrom: head,
			Delegate: d.Address(), CSPubKey: sk.PublicKey32(), BootedAt: uint64(time.Now().UnixNano()),
			Meta: name,
		})
		if err != nil {
			return nil, err
		}
		certData, err := cert.MarshalChainJSON([]cert.Certificate{dc}, cert.FormPair)
		if err != nil {
			return nil, err
		}
		certFile := s.path(name + ".cert")
		if err := safefile.WriteFile(certFile, append(certData, '\n'), 0o644); err != nil {
			return nil, err
		}
		cfgFile := s.path(name + ".json")
		cfg := map[string]map[string]any{"client": {
			"url": s.routerURL, "realm": s.realmURI,
			"key": keyFile, "session-key": sessFile, "chain": certFile, "password-file": filepath.Join(s.dir, "password"),
			"trust": "onchain", "rpc": s.rpcWS, "registry": s.registry.Hex(),
			"realm-address": realm.Hex(), "trustroot": rootS.Address().Hex(), "issuer": opS.Address().Hex(),
		}}
		if err := writeJSONFile(cfgFile, cfg); err != nil {
			return nil, err
		}
		m.Nodes[name] = devnetNodeDoc{Delegate: d.Address().Hex(), Config: cfgFile}
	}
	m.Files = sandboxFiles(names)
	return m, nil
}

func writeJSONFile(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return safefile.WriteFile(path, append(data, '\n'), 0o644)
}

// selfCommand is how the printed commands invoke this binary: the path it
// was started by (./e2ee-node, a name on $PATH), or "go run ./cmd/e2ee-node"
// when that path is a temporary build of go run, which is gone once it exits.
func selfCommand(arg0 string) string {
	if strings.Contains(filepath.ToSlash(arg0), "/go-build") {
		return "go run ./cmd/e2ee-node"
	}
	return arg0
}
