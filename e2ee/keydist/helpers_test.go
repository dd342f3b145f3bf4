package keydist_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

const (
	certVectorsPath = "../../testdata/vectors/eip712-certificates.json"
	testChainID     = 1
	testBlock       = 1000
	testKeyID       = "0123456789abcdef.00112233445566778899aabbccddeeff"
	testURI         = "com.example.topic.a"
)

var (
	testRealm    = common.HexToAddress("0xA6e693CC4A2b4F1400391a728D26369D9b82ef96")
	testRegistry = common.HexToAddress("0x66290fA8ADcD901Fd994e4f64Cfb53F4c359a326")
	testNow      = time.UnixMilli(1_760_000_000_000).UTC()
)

// fixture holds the keys of the vectors' seedphrase: delegate keys 0…4
// (0 = root CA, 1 = requester delegate, 2 = responder delegate, 3 = a rogue
// "router" key) and session keys 5…9 (6 = requester, 7 = responder).
type fixture struct {
	del  []*keys.DelegateKey
	sess map[uint32]*keys.SessionKey
}

var (
	fixOnce sync.Once
	fixVal  *fixture
	fixErr  error
)

func loadFixture(t testing.TB) *fixture {
	t.Helper()
	fixOnce.Do(func() {
		var v struct {
			Seedphrase string `json:"seedphrase"`
		}
		data, err := os.ReadFile(certVectorsPath)
		if err != nil {
			fixErr = err
			return
		}
		if fixErr = json.Unmarshal(data, &v); fixErr != nil {
			return
		}
		seed, err := keys.SeedFromMnemonic(v.Seedphrase, "")
		if err != nil {
			fixErr = err
			return
		}
		f := &fixture{sess: map[uint32]*keys.SessionKey{}}
		for i := range uint32(5) {
			k, err := keys.DeriveDelegateKey(seed, i)
			if err != nil {
				fixErr = err
				return
			}
			f.del = append(f.del, k)
		}
		for i := uint32(5); i < 10; i++ {
			k, err := keys.DeriveSessionKey(seed, i)
			if err != nil {
				fixErr = err
				return
			}
			f.sess[i] = k
		}
		fixVal = f
	})
	require.NoError(t, fixErr)
	return fixVal
}

type chainOpts struct {
	realm   common.Address
	chainID uint64
	rootIdx int
	meta    string // of the delegate certificate ("keydist test" if empty)
}

// chain3 builds [delegate(delIdx, csPubKey), A_1 root→delegate, root].
func (f *fixture) chain3(t testing.TB, delIdx int, cs [32]byte, o chainOpts) []cert.Certificate {
	t.Helper()
	if o.realm == (common.Address{}) {
		o.realm = testRealm
	}
	if o.chainID == 0 {
		o.chainID = testChainID
	}
	if o.meta == "" {
		o.meta = "keydist test"
	}
	root := f.del[o.rootIdx]
	d, err := cert.SignDelegate(f.del[delIdx], cert.DelegateCertificate{
		ChainID: o.chainID, VerifyingContract: testRegistry, ValidFrom: 100,
		Delegate: f.del[delIdx].Address(), CSPubKey: cs, BootedAt: 1_760_000_000_000_000_000, Meta: o.meta,
	})
	require.NoError(t, err)
	a1, err := cert.SignAuthority(root, cert.AuthorityCertificate{
		ChainID: o.chainID, VerifyingContract: testRegistry, ValidFrom: 50,
		Issuer: root.Address(), Subject: f.del[delIdx].Address(), Realm: o.realm,
		Capabilities: cert.CapProvider | cert.CapConsumer,
	})
	require.NoError(t, err)
	r, err := cert.SignAuthority(root, cert.AuthorityCertificate{
		ChainID: o.chainID, VerifyingContract: testRegistry, ValidFrom: 10,
		Issuer: root.Address(), Subject: root.Address(), Realm: o.realm, Capabilities: cert.CapDefined,
	})
	require.NoError(t, err)
	return []cert.Certificate{d, a1, r}
}

// trustRoot is a test e2ee.TrustDecider: it admits complete chains rooted
// at root and, when lone is set, lone delegate certificates whose issuer
// hint is lone. It counts its decisions, records the last request, and can
// be told to deny a role (e2ee.ErrUntrusted) or to be unavailable
// (e2ee.ErrTrustUnavailable).
type trustRoot struct {
	root        common.Address
	lone        common.Address
	deny        map[e2ee.Role]bool
	unavailable bool
	calls       atomic.Int64
	mu          sync.Mutex
	last        e2ee.TrustRequest
}

func (tr *trustRoot) Decide(_ context.Context, req e2ee.TrustRequest) (e2ee.TrustDecision, error) {
	tr.calls.Add(1)
	tr.mu.Lock()
	tr.last = req
	tr.mu.Unlock()
	if tr.unavailable {
		return e2ee.TrustDecision{}, fmt.Errorf("registry RPC down: %w", e2ee.ErrTrustUnavailable)
	}
	if tr.deny[req.Role] {
		return e2ee.TrustDecision{}, fmt.Errorf("role denied: %w", e2ee.ErrUntrusted)
	}
	if !req.Chain.Complete() {
		if tr.lone == (common.Address{}) || req.IssuerHint != tr.lone {
			return e2ee.TrustDecision{}, fmt.Errorf("unknown issuer: %w", e2ee.ErrUntrusted)
		}
		return e2ee.TrustDecision{Trustroot: tr.lone, Issuer: tr.lone, Delegate: req.Chain.DelegateAddress()}, nil
	}
	r, _ := req.Chain.Trustroot()
	if r != tr.root {
		return e2ee.TrustDecision{}, fmt.Errorf("unknown trustroot: %w", e2ee.ErrUntrusted)
	}
	iss, _ := req.Chain.Issuer()
	return e2ee.TrustDecision{Trustroot: r, Issuer: iss, Delegate: req.Chain.DelegateAddress()}, nil
}

func (tr *trustRoot) lastRequest() e2ee.TrustRequest {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.last
}

func (f *fixture) policy(trust e2ee.TrustDecider, now *time.Time) keydist.Policy {
	return keydist.Policy{
		ChainID: testChainID, Registry: testRegistry, Realm: testRealm, Trust: trust,
		Block: func() uint64 { return testBlock },
		Now:   func() time.Time { return *now },
	}
}

// fillReader is a deterministic "random" source for vectors.
type fillReader byte

func (r fillReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// fillSeq is a deterministic source for vectors: its n-th Read fills with
// the n-th byte (the last one from then on).
type fillSeq struct {
	b []byte
	n int
}

func (r *fillSeq) Read(p []byte) (int, error) {
	c := r.b[min(r.n, len(r.b)-1)]
	r.n++
	for i := range p {
		p[i] = c
	}
	return len(p), nil
}

type world struct {
	f     *fixture
	now   time.Time
	trust *trustRoot
	resp  *keydist.Responder
	req   *keydist.Requester
	key   [32]byte
	scope keydist.Scope
}

func newWorld(t testing.TB) *world {
	t.Helper()
	f := loadFixture(t)
	w := &world{f: f, now: testNow, trust: &trustRoot{root: f.del[0].Address()}}
	for i := range w.key {
		w.key[i] = byte(0xa0 + i)
	}
	w.scope = keydist.Scope{URI: "com.example.topic", Match: e2ee.MatchPrefix}
	var err error
	w.resp, err = keydist.NewResponder(keydist.ResponderConfig{
		Policy:   f.policy(w.trust, &w.now),
		Identity: keydist.Identity{Delegate: f.del[2], Session: f.sess[7], Chain: f.chain3(t, 2, f.sess[7].PublicKey32(), chainOpts{})},
	})
	require.NoError(t, err)
	w.req, err = keydist.NewRequester(keydist.RequesterConfig{
		Policy:   f.policy(w.trust, &w.now),
		Identity: keydist.Identity{Delegate: f.del[1], Session: f.sess[6], Chain: f.chain3(t, 1, f.sess[6].PublicKey32(), chainOpts{})},
	})
	require.NoError(t, err)
	return w
}

// resign re-signs a request with key k (after the test modified it).
func resignRequest(t testing.TB, r *keydist.KeyRequest, k cert.Signer) {
	t.Helper()
	d, err := r.Digest()
	require.NoError(t, err)
	sig, err := k.SignDigest(d)
	require.NoError(t, err)
	copy(r.Signature[:], sig)
}

func resignResponse(t testing.TB, r *keydist.KeyResponse, k cert.Signer) {
	t.Helper()
	d, err := r.Digest()
	require.NoError(t, err)
	sig, err := k.SignDigest(d)
	require.NoError(t, err)
	copy(r.Signature[:], sig)
}

// wireChain encodes a chain for a request or response.
func wireChain(t testing.TB, c []cert.Certificate) []byte {
	t.Helper()
	b, err := cert.MarshalChainCBOR(c)
	require.NoError(t, err)
	return b
}
