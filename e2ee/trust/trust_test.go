package trust_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
	"github.com/wamp-e2ee/e2ee-node/e2ee/trust"
)

var (
	realmA   = common.HexToAddress("0xA6e693CC4A2b4F1400391a728D26369D9b82ef96")
	realmB   = common.HexToAddress("0x00000000000000000000000000000000000000bb")
	contract = common.HexToAddress("0xf766Dc789CF04CD18aE75af2c5fAf2DA6650Ff57")
)

type world struct {
	root, root2, delegate *keys.DelegateKey
	rootCert              cert.Certificate
}

func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{}
	var err error
	for _, k := range []**keys.DelegateKey{&w.root, &w.root2, &w.delegate} {
		*k, err = keys.GenerateDelegateKey()
		require.NoError(t, err)
	}
	w.rootCert = w.authority(t, w.root, w.root.Address(), realmA, 0xff)
	return w
}

func (w *world) authority(t *testing.T, issuer *keys.DelegateKey, subject, realm common.Address, caps uint64) cert.Certificate {
	t.Helper()
	c, err := cert.SignAuthority(issuer, cert.AuthorityCertificate{ChainID: 1, VerifyingContract: contract, ValidFrom: 1, Issuer: issuer.Address(), Subject: subject, Realm: realm, Capabilities: caps})
	require.NoError(t, err)
	return c
}

// chain returns a verified [delegate, intermediate, root] chain under root,
// or a lone delegate certificate when root is nil.
func (w *world) chain(t *testing.T, root *keys.DelegateKey, realm common.Address, caps uint64) *cert.VerifiedChain {
	t.Helper()
	d, err := cert.SignDelegate(w.delegate, cert.DelegateCertificate{ChainID: 1, VerifyingContract: contract, ValidFrom: 2, Delegate: w.delegate.Address()})
	require.NoError(t, err)
	chain := []cert.Certificate{d}
	if root != nil {
		chain = append(chain,
			w.authority(t, root, w.delegate.Address(), realm, caps),
			w.authority(t, root, root.Address(), realm, 0xff))
	}
	vc, err := cert.Verify(chain, cert.Expect{ChainID: 1, VerifyingContract: contract, Block: 10})
	require.NoError(t, err)
	return vc
}

func TestStandalone(t *testing.T) {
	w := newWorld(t)
	rules := []trust.Rule{
		{URI: "com.app.", Match: e2ee.MatchPrefix, Roles: []e2ee.Role{e2ee.RoleSubscriber}},
		{URI: "com.app.admin", Match: e2ee.MatchExact, Roles: []e2ee.Role{e2ee.RoleCaller}, Capabilities: cert.CapGateway},
		{URI: "com..update", Match: e2ee.MatchWildcard, Roles: []e2ee.Role{e2ee.RolePublisher}, Capabilities: cert.CapProvider},
	}
	byCert, err := trust.NewStandalone(trust.StandaloneConfig{RootCertificates: []cert.Certificate{w.rootCert}, Rules: rules})
	require.NoError(t, err)
	byAddr, err := trust.NewStandalone(trust.StandaloneConfig{Roots: []common.Address{w.root.Address()}})
	require.NoError(t, err)

	good := w.chain(t, w.root, realmA, cert.CapProvider)
	tests := []struct {
		name    string
		d       *trust.Standalone
		req     e2ee.TrustRequest
		allowed bool
	}{
		{"no rules, any URI", byAddr, e2ee.TrustRequest{Realm: realmA, URI: "x", Role: e2ee.RoleCallee, Chain: good}, true},
		{"address root, other realm", byAddr, e2ee.TrustRequest{Realm: realmB, URI: "x", Role: e2ee.RoleCallee, Chain: w.chain(t, w.root, realmB, 1)}, true},
		{"prefix rule", byCert, e2ee.TrustRequest{Realm: realmA, URI: "com.app.news", Role: e2ee.RoleSubscriber, Chain: good}, true},
		{"prefix rule, wrong role", byCert, e2ee.TrustRequest{Realm: realmA, URI: "com.app.news", Role: e2ee.RolePublisher, Chain: good}, false},
		{"exact beats prefix", byCert, e2ee.TrustRequest{Realm: realmA, URI: "com.app.admin", Role: e2ee.RoleSubscriber, Chain: good}, false},
		{"exact needs GATEWAY", byCert, e2ee.TrustRequest{Realm: realmA, URI: "com.app.admin", Role: e2ee.RoleCaller, Chain: good}, false},
		{"exact with GATEWAY", byCert, e2ee.TrustRequest{Realm: realmA, URI: "com.app.admin", Role: e2ee.RoleCaller, Chain: w.chain(t, w.root, realmA, cert.CapGateway)}, true},
		{"wildcard", byCert, e2ee.TrustRequest{Realm: realmA, URI: "com.x.update", Role: e2ee.RolePublisher, Chain: good}, true},
		{"wildcard, wrong arity", byCert, e2ee.TrustRequest{Realm: realmA, URI: "com.x.y.update", Role: e2ee.RolePublisher, Chain: good}, false},
		{"default deny", byCert, e2ee.TrustRequest{Realm: realmA, URI: "org.other", Role: e2ee.RoleSubscriber, Chain: good}, false},
		{"cert root, other realm", byCert, e2ee.TrustRequest{Realm: realmB, URI: "com.app.news", Role: e2ee.RoleSubscriber, Chain: w.chain(t, w.root, realmB, 1)}, false},
		{"request realm differs from chain", byAddr, e2ee.TrustRequest{Realm: realmB, URI: "x", Role: e2ee.RoleCaller, Chain: good}, false},
		{"unknown root", byAddr, e2ee.TrustRequest{Realm: realmA, URI: "x", Role: e2ee.RoleCaller, Chain: w.chain(t, w.root2, realmA, 1)}, false},
		{"lone delegate", byAddr, e2ee.TrustRequest{Realm: realmA, URI: "x", Role: e2ee.RoleCaller, Chain: w.chain(t, nil, realmA, 0)}, false},
		{"no chain", byAddr, e2ee.TrustRequest{Realm: realmA, URI: "x", Role: e2ee.RoleCaller}, false},
		{"bad role", byAddr, e2ee.TrustRequest{Realm: realmA, URI: "x", Role: "admin", Chain: good}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dec, err := tt.d.Decide(context.Background(), tt.req)
			if tt.allowed {
				require.NoError(t, err)
				assert.Equal(t, w.root.Address(), dec.Trustroot)
				assert.Equal(t, w.delegate.Address(), dec.Delegate)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, e2ee.ErrUntrusted)
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = byAddr.Decide(ctx, e2ee.TrustRequest{Realm: realmA, URI: "x", Role: e2ee.RoleCaller, Chain: good})
	assert.ErrorIs(t, err, e2ee.ErrTrustUnavailable)
}

// TestPrefixRuleComponentBoundary: a rule prefix:com.app allows com.app and
// com.app.x but not com.apple.secret (it did, as a plain string prefix, while
// key scopes stop at components; issue 13).
func TestPrefixRuleComponentBoundary(t *testing.T) {
	w := newWorld(t)
	d, err := trust.NewStandalone(trust.StandaloneConfig{RootCertificates: []cert.Certificate{w.rootCert},
		Rules: []trust.Rule{{URI: "com.app", Match: e2ee.MatchPrefix, Roles: []e2ee.Role{e2ee.RoleSubscriber}}}})
	require.NoError(t, err)
	good := w.chain(t, w.root, realmA, 0)
	for uri, allowed := range map[string]bool{"com.app": true, "com.app.x": true, "com.apple.secret": false, "com.apple": false} {
		_, err := d.Decide(context.Background(), e2ee.TrustRequest{Realm: realmA, URI: uri, Role: e2ee.RoleSubscriber, Chain: good})
		if allowed {
			assert.NoError(t, err, uri)
		} else {
			assert.ErrorIs(t, err, e2ee.ErrUntrusted, uri)
		}
	}
}

func TestStandaloneConfigErrors(t *testing.T) {
	w := newWorld(t)
	for name, cfg := range map[string]trust.StandaloneConfig{
		"no roots":      {},
		"zero root":     {Roots: []common.Address{{}}},
		"not root cert": {RootCertificates: []cert.Certificate{w.authority(t, w.root, w.delegate.Address(), realmA, 1)}},
		"bad rule":      {Roots: []common.Address{w.root.Address()}, Rules: []trust.Rule{{URI: "a", Match: "regex"}}},
		"bad role":      {Roots: []common.Address{w.root.Address()}, Rules: []trust.Rule{{URI: "a", Match: e2ee.MatchExact, Roles: []e2ee.Role{"x"}}}},
		"reserved caps": {Roots: []common.Address{w.root.Address()}, Rules: []trust.Rule{{URI: "a", Match: e2ee.MatchExact, Capabilities: 1 << 9}}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := trust.NewStandalone(cfg)
			require.Error(t, err)
		})
	}
}

func TestLoadRootCertificates(t *testing.T) {
	w := newWorld(t)
	dir := t.TempDir()
	cborFile, err := cert.MarshalCertificateCBOR(w.rootCert)
	require.NoError(t, err)
	pair, err := cert.MarshalCertificateJSON(w.rootCert, cert.FormPair)
	require.NoError(t, err)
	triples, err := cert.MarshalChainJSON([]cert.Certificate{w.rootCert, w.rootCert}, cert.FormTriple)
	require.NoError(t, err)
	cborChain, err := cert.MarshalChainCBOR([]cert.Certificate{w.rootCert})
	require.NoError(t, err)
	for name, data := range map[string][]byte{"cbor": cborFile, "pair": pair, "triples": triples, "cbor-chain": cborChain} {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o600))
		certs, err := trust.LoadRootCertificates(p)
		require.NoError(t, err, name)
		require.NotEmpty(t, certs)
		assert.Equal(t, w.root.Address(), certs[0].Authority.Issuer)
	}
	notRoot, err := cert.MarshalCertificateJSON(w.authority(t, w.root, w.delegate.Address(), realmA, 1), cert.FormPair)
	require.NoError(t, err)
	bad := w.rootCert
	bad.Signature[3] ^= 1
	badSig, err := cert.MarshalCertificateJSON(bad, cert.FormPair)
	require.NoError(t, err)
	for name, data := range map[string][]byte{"empty": nil, "garbage": []byte("xyz"), "not root": notRoot, "bad signature": badSig} {
		_, err := trust.ParseRootCertificates(data)
		assert.Error(t, err, name)
	}
}

func TestTOFU(t *testing.T) {
	w := newWorld(t)
	path := filepath.Join(t.TempDir(), "pins.json")
	tofu, err := trust.OpenTOFU(trust.TOFUConfig{Path: path})
	require.NoError(t, err)
	ctx := context.Background()
	req := func(root *keys.DelegateKey) e2ee.TrustRequest {
		return e2ee.TrustRequest{Realm: realmA, URI: "a", Role: e2ee.RoleSubscriber, Chain: w.chain(t, root, realmA, 1)}
	}

	// First use pins root, persisted with 0600.
	dec, err := tofu.Decide(ctx, req(w.root))
	require.NoError(t, err)
	assert.Equal(t, w.root.Address(), dec.Trustroot)
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	_, err = tofu.Decide(ctx, req(w.root))
	require.NoError(t, err)

	// A different root is refused, and stays refused after a restart.
	_, err = tofu.Decide(ctx, req(w.root2))
	require.Error(t, err)
	assert.ErrorIs(t, err, e2ee.ErrUntrusted)
	assert.ErrorIs(t, err, trust.ErrPinMismatch)
	tofu, err = trust.OpenTOFU(trust.TOFUConfig{Path: path})
	require.NoError(t, err)
	_, err = tofu.Decide(ctx, req(w.root2))
	assert.ErrorIs(t, err, trust.ErrPinMismatch)
	pins := tofu.Pins()
	require.Len(t, pins, 1)
	require.NotNil(t, pins[0].Pending)
	assert.Equal(t, w.root2.Address(), pins[0].Pending.Trustroot)

	// Accept needs the exact pending value.
	id := "realm:" + realmA.Hex()
	assert.ErrorIs(t, tofu.Accept(id, w.root.Address()), trust.ErrNoPending)
	assert.ErrorIs(t, tofu.Accept("nobody", w.root2.Address()), trust.ErrNoPending)
	require.NoError(t, tofu.Accept(id, w.root2.Address()))
	_, err = tofu.Decide(ctx, req(w.root2))
	require.NoError(t, err)
	_, err = tofu.Decide(ctx, req(w.root))
	assert.ErrorIs(t, err, trust.ErrPinMismatch)

	// Lone delegates pin the delegate; Peer scopes pins.
	lone := e2ee.TrustRequest{Realm: realmB, URI: "a", Role: e2ee.RoleCaller, Chain: w.chain(t, nil, realmB, 0), Peer: "peer-1"}
	dec, err = tofu.Decide(ctx, lone)
	require.NoError(t, err)
	assert.Equal(t, w.delegate.Address(), dec.Trustroot)
	require.NoError(t, tofu.Forget("peer-1"))
	assert.Len(t, tofu.Pins(), 1)
}

func TestTOFULimitsAndFiles(t *testing.T) {
	w := newWorld(t)
	dir := t.TempDir()
	tofu, err := trust.OpenTOFU(trust.TOFUConfig{Path: filepath.Join(dir, "pins.json"), MaxPins: 1})
	require.NoError(t, err)
	ctx := context.Background()
	r := e2ee.TrustRequest{Realm: realmA, URI: "a", Role: e2ee.RoleCaller, Chain: w.chain(t, w.root, realmA, 1)}
	_, err = tofu.Decide(ctx, r)
	require.NoError(t, err)
	r.Peer = "second"
	_, err = tofu.Decide(ctx, r)
	assert.ErrorIs(t, err, e2ee.ErrTrustUnavailable)
	r.Peer = string(make([]byte, trust.MaxIdentityLength+1))
	_, err = tofu.Decide(ctx, r)
	assert.ErrorIs(t, err, e2ee.ErrUntrusted)

	for name, data := range map[string]string{
		"garbage":   "{",
		"version":   `{"version":2,"pins":[]}`,
		"empty pin": `{"version":1,"pins":[{"identity":"a"}]}`,
		"duplicate": `{"version":1,"pins":[{"identity":"a","delegate":"0x00000000000000000000000000000000000000aa"},{"identity":"a","delegate":"0x00000000000000000000000000000000000000aa"}]}`,
	} {
		p := filepath.Join(dir, name+".json")
		require.NoError(t, os.WriteFile(p, []byte(data), 0o600))
		_, err := trust.OpenTOFU(trust.TOFUConfig{Path: p})
		assert.Error(t, err, name)
	}

	// Unwritable directory: the first pin fails closed and is not kept.
	ro := filepath.Join(dir, "ro")
	require.NoError(t, os.Mkdir(ro, 0o700))
	tofu, err = trust.OpenTOFU(trust.TOFUConfig{Path: filepath.Join(ro, "pins.json")})
	require.NoError(t, err)
	require.NoError(t, os.Chmod(ro, 0o500))
	defer os.Chmod(ro, 0o700)
	if os.Geteuid() != 0 { // root ignores directory permissions
		r.Peer = "x"
		_, err = tofu.Decide(ctx, r)
		assert.ErrorIs(t, err, e2ee.ErrTrustUnavailable)
		assert.Empty(t, tofu.Pins())
	}
}

func TestTOFUConcurrent(t *testing.T) {
	w := newWorld(t)
	tofu, err := trust.OpenTOFU(trust.TOFUConfig{Path: filepath.Join(t.TempDir(), "pins.json")})
	require.NoError(t, err)
	chains := []*cert.VerifiedChain{w.chain(t, w.root, realmA, 1), w.chain(t, w.root2, realmA, 1)}
	var wg sync.WaitGroup
	var mu sync.Mutex
	okRoots := map[common.Address]int{}
	for g := range 8 {
		wg.Go(func() {
			for i := range 20 {
				dec, err := tofu.Decide(context.Background(), e2ee.TrustRequest{Realm: realmA, URI: "a", Role: e2ee.RoleCaller, Chain: chains[(g+i)%2]})
				if err == nil {
					mu.Lock()
					okRoots[dec.Trustroot]++
					mu.Unlock()
				} else if !errors.Is(err, trust.ErrPinMismatch) {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	assert.Len(t, okRoots, 1, "exactly one root is ever trusted")
}
