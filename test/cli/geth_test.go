package cli_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
)

// gethBinary is the geth that scripts/test.sh builds from the pinned go-ethereum module and
// names in $E2EE_GETH. Without it the geth tests skip (scripts/test.sh, and so CI, always sets it).
func gethBinary(t *testing.T) string {
	t.Helper()
	p := os.Getenv("E2EE_GETH")
	if p == "" {
		t.Skip("E2EE_GETH is not set: scripts/test.sh builds geth from the pinned go-ethereum module and sets it")
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("E2EE_GETH=%s: %v", p, err)
	}
	return p
}

// gethNode is a running geth --dev on loopback.
type gethNode struct {
	http, ws string
	proc     *proc
}

// startGeth initialises a datadir from geth's own dev genesis (with or without the
// deterministic deployment proxy, which go-ethereum's dev genesis carries as EIP-7997's factory),
// funds the given accounts in it, and runs geth --dev on it with http and ws on loopback.
func startGeth(t *testing.T, geth string, withProxy bool, funded []common.Address) *gethNode {
	t.Helper()
	dir := t.TempDir()
	out, err := exec.Command(geth, "--dev", "dumpgenesis").Output()
	require.NoError(t, err, "geth --dev dumpgenesis")
	var genesis map[string]any
	require.NoError(t, json.Unmarshal(out, &genesis))
	alloc := genesis["alloc"].(map[string]any)
	factory := strings.ToLower(strings.TrimPrefix(chain.DeterministicDeployer.Hex(), "0x"))
	require.Contains(t, alloc, factory, "geth's dev genesis carries the proxy (EIP-7997)")
	if !withProxy {
		delete(alloc, factory)
	}
	for _, a := range funded {
		alloc[strings.ToLower(strings.TrimPrefix(a.Hex(), "0x"))] = map[string]any{"balance": "0x" + chain.DevAccountBalance().Text(16)}
	}
	data, err := json.Marshal(genesis)
	require.NoError(t, err)
	gfile := filepath.Join(dir, "genesis.json")
	require.NoError(t, os.WriteFile(gfile, data, 0o644))
	datadir := filepath.Join(dir, "data")
	if out, err := exec.Command(geth, "--datadir", datadir, "init", gfile).CombinedOutput(); err != nil {
		t.Fatalf("geth init: %v\n%s", err, out)
	}
	httpPort, wsPort, authPort := freePort(t), freePort(t), freePort(t)
	p := start(t, geth, "--dev", "--datadir", datadir, "--ipcdisable", "--nodiscover", "--maxpeers", "0", "--port", "0",
		"--http", "--http.addr", "127.0.0.1", "--http.port", httpPort, "--http.api", "eth,net,web3",
		"--ws", "--ws.addr", "127.0.0.1", "--ws.port", wsPort, "--ws.api", "eth,net,web3",
		"--authrpc.addr", "127.0.0.1", "--authrpc.port", authPort, "--verbosity", "3")
	p.out.wait(t, regexp.MustCompile(`WebSocket enabled`), time.Minute, p.done)
	p.out.wait(t, regexp.MustCompile(`HTTP server started`), time.Minute, p.done)
	return &gethNode{http: "http://127.0.0.1:" + httpPort, ws: "ws://127.0.0.1:" + wsPort, proc: p}
}

// TestGethRoundTrip runs the operator's sequence against a real geth --dev through the CLI
// binary: deploy, root, realm, operator, authorize; alice serves calls following the registry
// by websocket subscription, carol and bob subscribe following it by http polling, bob calls
// and publishes; then bob is revoked: both followers report it before a later block, a new node
// of bob's refuses to start, and his running subscription gets no key for alice's next event
// while carol's does. Once on geth's dev genesis (the proxy is there: CREATE2) and once on a
// genesis without the proxy (geth refuses its pre-EIP-155 transaction over RPC: plain CREATE,
// the address carried by --registry).
func TestGethRoundTrip(t *testing.T) {
	geth := gethBinary(t)
	for _, tc := range []struct {
		name      string
		withProxy bool
		method    string
	}{
		{"dev-genesis", true, "create2"},
		{"genesis-without-proxy", false, "create"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			began := time.Now()
			gethRoundTrip(t, geth, tc.withProxy, tc.method)
			t.Logf("%s: %v", tc.name, time.Since(began))
		})
	}
}

func gethRoundTrip(t *testing.T, geth string, withProxy bool, method string) {
	devKeys, err := chain.DevAccounts(4)
	require.NoError(t, err)
	var funded []common.Address
	for _, k := range devKeys {
		funded = append(funded, crypto.PubkeyToAddress(k.PublicKey))
	}
	g := startGeth(t, geth, withProxy, funded)
	dir := t.TempDir()
	f := func(name string) string { return filepath.Join(dir, name) }
	require.NoError(t, os.WriteFile(f("pw"), []byte("pw\n"), 0o600))
	for i, name := range []string{"deployer", "root", "realm", "operator"} {
		require.NoError(t, os.WriteFile(f(name+".hex"), []byte(common.Bytes2Hex(crypto.FromECDSA(devKeys[i]))), 0o600))
		run(t, "keys", "import", "--type", "delegate", "--private-key-file", f(name+".hex"), "--out", f(name+".json"), "--password-file", f("pw"), "--light-kdf")
	}
	root, realm, operator := funded[1].Hex(), funded[2].Hex(), funded[3].Hex()

	// Deploy: CREATE2 where geth's genesis has the proxy, plain CREATE where it does not.
	var dep struct {
		Registry  string `json:"registry"`
		Method    string `json:"method"`
		Canonical bool   `json:"canonical"`
		Note      string `json:"note"`
		ChainID   uint64 `json:"chainId"`
	}
	require.NoError(t, json.Unmarshal([]byte(run(t, "deploy", "--rpc", g.http, "--key", f("deployer.json"), "--password-file", f("pw"), "--json")), &dep))
	require.Equal(t, method, dep.Method)
	require.Equal(t, withProxy, dep.Canonical)
	if !withProxy {
		require.Contains(t, dep.Note, "EIP-155")
	}
	reg := dep.Registry
	tx := func(args ...string) string {
		return run(t, append(args, "--rpc", g.http, "--registry", reg, "--password-file", f("pw"))...)
	}
	tx("root", "register", "--key", f("root.json"), "--policy", "private")
	tx("realm", "request-ca", "--key", f("realm.json"), "--root", root)
	tx("realm", "accept", "--key", f("root.json"), "--realm", realm)
	tx("realm", "admit", "--key", f("root.json"), "--realm", realm, "--operator", operator, "--capabilities", "intermediate_ca,provider,consumer")
	delegates := map[string]string{}
	for _, n := range []string{"alice", "bob", "carol"} {
		run(t, "keys", "new", "--type", "delegate", "--out", f(n+".json"), "--password-file", f("pw"), "--light-kdf")
		run(t, "keys", "new", "--type", "session", "--out", f(n+"-s.json"), "--password-file", f("pw"), "--light-kdf")
		addr := regexp.MustCompile(`0x[0-9a-fA-F]{40}`).FindString(run(t, "keys", "show", "--password-file", f("pw"), f(n+".json")))
		require.NotEmpty(t, addr)
		delegates[n] = addr
		tx("delegate", "authorize", "--key", f("operator.json"), "--realm", realm, "--delegate", addr)
		run(t, "cert", "issue", "delegate", "--key", f(n+".json"), "--session-key", f(n+"-s.json"), "--password-file", f("pw"),
			"--chain-id", strconv.FormatUint(dep.ChainID, 10), "--verifying-contract", reg, "--out", f(n+".cert"))
	}
	cfg := map[string]map[string]any{"client": {
		"realm": "com.example", "password-file": f("pw"), "trust": "onchain", "registry": reg,
		"realm-address": realm, "trustroot": root, "issuer": operator, "timeout": "5s",
	}}
	data, err := json.Marshal(cfg)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(f("onchain.json"), data, 0o644))

	routerURL := "ws://127.0.0.1:" + freePort(t) + "/ws"
	router := node(t, "router", "--listen", routerURL, "--realm", "com.example", "--ready-file", f("router.ready"), "--log-level", "warn")
	waitFile(t, f("router.ready"), 30*time.Second, router)
	id := func(n, rpc string) []string {
		return []string{"--config", f("onchain.json"), "--url", routerURL, "--rpc", rpc, "--key", f(n + ".json"), "--session-key", f(n + "-s.json"), "--chain", f(n + ".cert")}
	}
	// alice follows the registry by subscription (ws), carol by polling (http).
	alice := node(t, append([]string{"serve", "com.example.echo", "--echo", "--ready-file", f("alice.ready")}, id("alice", g.ws)...)...)
	carol := node(t, append([]string{"sub", "com.example.telemetry", "--ready-file", f("carol.ready")}, id("carol", g.http)...)...)
	// bob subscribes too, before he is revoked.
	bobSub := node(t, append([]string{"sub", "com.example.telemetry", "--ready-file", f("bob.ready")}, id("bob", g.http)...)...)
	waitFile(t, f("alice.ready"), 30*time.Second, alice)
	waitFile(t, f("carol.ready"), 30*time.Second, carol)
	waitFile(t, f("bob.ready"), 30*time.Second, bobSub)

	out := run(t, append([]string{"call", "com.example.echo", "--args", `["authorized"]`}, id("bob", g.http)...)...)
	require.Contains(t, out, `"args":["authorized"]`)
	run(t, append([]string{"pub", "com.example.telemetry", "--kwargs", `{"reading": 1}`}, id("bob", g.ws)...)...)
	carol.out.wait(t, regexp.MustCompile(`"reading":1`), 30*time.Second, carol.done)

	// Revoke bob. geth --dev mines only on transactions, so the head stays at the revocation's
	// block until something else is sent: a verifier that reports it now saw it within the block.
	revoked := tx("delegate", "revoke", "--key", f("operator.json"), "--realm", realm, "--delegate", delegates["bob"])
	m := regexp.MustCompile(`block (\d+)`).FindStringSubmatch(revoked)
	require.NotNil(t, m, revoked)
	block, _ := strconv.ParseUint(m[1], 10, 64)
	seen := time.Now()
	revocation := regexp.MustCompile(`on-chain revocation.*` + regexp.QuoteMeta(delegates["bob"]))
	alice.out.wait(t, revocation, 30*time.Second, alice.done)
	t.Logf("revocation in block %d: subscribed verifier (ws) reported it %v after the CLI had its receipt", block, time.Since(seen))
	carol.out.wait(t, revocation, 30*time.Second, carol.done)
	t.Logf("revocation in block %d: polling verifier (http) reported it %v after the CLI had its receipt", block, time.Since(seen))
	c, err := ethclient.Dial(g.http)
	require.NoError(t, err)
	defer c.Close()
	head, err := c.BlockNumber(context.Background())
	require.NoError(t, err)
	require.Equal(t, block, head, "the verifiers reported the revocation before any later block")

	// bob is refused: a new node of his refuses to start, naming the revocation; the session he
	// opened before gets no key for what alice publishes next, while carol does.
	cmd := exec.Command(bin, append([]string{"call", "com.example.echo", "--args", `["revoked"]`, "--timeout", "4s"}, id("bob", g.http)...)...)
	outb, err := cmd.CombinedOutput()
	require.Error(t, err, "a revoked node must not start:\n%s", outb)
	require.NotContains(t, string(outb), `"args":["revoked"]`)
	require.Contains(t, string(outb), "Revoked")
	run(t, append([]string{"pub", "com.example.telemetry", "--kwargs", `{"reading": 2}`}, id("alice", g.ws)...)...)
	carol.out.wait(t, regexp.MustCompile(`"reading":2`), 30*time.Second, carol.done)
	bobSub.out.wait(t, regexp.MustCompile(`key fetch for com.example.telemetry \(subscriber\) failed`), 30*time.Second, bobSub.done)
	alice.stop(t)
	carol.stop(t)
	bobSub.stop(t)
	require.NotContains(t, bobSub.out.String(), `"reading":2`)
}
