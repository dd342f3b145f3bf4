package testkit

import (
	"bytes"
	"compress/flate"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/nacl/box"
	"golang.org/x/crypto/nacl/secretbox"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

var update = flag.Bool("update", false, "rewrite testdata/vectors/testkit from the generator")

// TestGenerate builds every vector, checks that the real code gives it its
// expected class, and compares it with the committed file (-update writes
// the files instead).
func TestGenerate(t *testing.T) {
	g := newGen(t)
	g.certificates()
	g.chains()
	g.envelopes()
	g.keyRequests()
	g.keyResponses()

	names := make([]string, 0, len(g.cases))
	for n := range g.cases {
		names = append(names, n)
	}
	sort.Strings(names)
	if *update {
		require.NoError(t, os.RemoveAll(vectorDir))
	}
	for _, n := range names {
		c := g.cases[n]
		class, res := run(t, c)
		require.Equal(t, c.Expect, class, "%s: %s", n, c.Description)
		if class == Success {
			c.Result = res
			if n == "certificate/good_booted_at_above_2_53_json" {
				c.Result.DigestIfDouble = g.doubleDigest
			}
		}
		out, err := json.MarshalIndent(c, "", "  ")
		require.NoError(t, err)
		out = append(out, '\n')
		path := filepath.Join(vectorDir, n+".json")
		if *update {
			require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
			require.NoError(t, os.WriteFile(path, out, 0o644))
			continue
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "run go generate ./test/testkit")
		require.Equal(t, string(want), string(out), "%s differs from the generator; run go generate ./test/testkit", n)
	}
	files, err := filepath.Glob(filepath.Join(vectorDir, "*", "*.json"))
	require.NoError(t, err)
	require.Len(t, files, len(names), "stale vector files; run go generate ./test/testkit")
}

const (
	chainID = 31337
	block   = 1000
	keyID   = "0123456789abcdef.00112233445566778899aabbccddeeff"
	topic   = "com.example.topic"
)

var (
	registry = common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	nowMs    = uint64(1_790_000_000_000)
)

type gen struct {
	t                             *testing.T
	root, op, alice, bob, rogue   *keys.DelegateKey
	aliceCS, bobCS, rogueCS       *keys.SessionKey
	realm, otherRealm             common.Address
	cases                         map[string]*Case
	doubleDigest                  string
	nonces                        int
	aliceChain, bobChain          []cert.Certificate
	aliceWire, bobWire, rogueWire []byte
}

func seed(name string) []byte {
	s := sha256.Sum256([]byte("e2ee-node testkit " + name))
	return s[:]
}

func newGen(t *testing.T) *gen {
	g := &gen{t: t, cases: map[string]*Case{}}
	del := func(n string) *keys.DelegateKey {
		k, err := keys.DelegateKeyFromBytes(seed("delegate " + n))
		require.NoError(t, err)
		return k
	}
	sess := func(n string) *keys.SessionKey {
		k, err := keys.SessionKeyFromSeed(seed("session " + n))
		require.NoError(t, err)
		return k
	}
	g.root, g.op, g.alice, g.bob, g.rogue = del("root"), del("operator"), del("alice"), del("bob"), del("rogue")
	g.aliceCS, g.bobCS, g.rogueCS = sess("alice"), sess("bob"), sess("rogue")
	g.realm, g.otherRealm = del("realm").Address(), del("other realm").Address()
	g.aliceChain = g.chain3(g.alice, g.aliceCS.PublicKey32(), g.root, nil)
	g.bobChain = g.chain3(g.bob, g.bobCS.PublicKey32(), g.root, nil)
	g.aliceWire, g.bobWire = g.wire(g.aliceChain), g.wire(g.bobChain)
	g.rogueWire = g.wire(g.chain3(g.rogue, g.rogueCS.PublicKey32(), g.rogue, nil))
	return g
}

func (g *gen) add(name string, c *Case) {
	_, dup := g.cases[name]
	require.False(g.t, dup, name)
	g.cases[name] = c
}

// sign signs c with k, whoever c names as its signer.
func (g *gen) sign(k *keys.DelegateKey, c cert.Certificate) cert.Certificate {
	d, err := c.Digest()
	require.NoError(g.t, err)
	sig, err := k.SignDigest(d)
	require.NoError(g.t, err)
	copy(c.Signature[:], sig)
	return c
}

func (g *gen) delegate(k *keys.DelegateKey, cs [32]byte, mod func(*cert.DelegateCertificate)) cert.DelegateCertificate {
	d := cert.DelegateCertificate{ChainID: chainID, VerifyingContract: registry, ValidFrom: 100,
		Delegate: k.Address(), CSPubKey: cs, BootedAt: 1_790_000_000_123_456_789, Meta: "testkit"}
	if mod != nil {
		mod(&d)
	}
	return d
}

func (g *gen) authority(issuer, subject common.Address, caps, validFrom uint64) cert.AuthorityCertificate {
	return cert.AuthorityCertificate{ChainID: chainID, VerifyingContract: registry, ValidFrom: validFrom,
		Issuer: issuer, Subject: subject, Realm: g.realm, Capabilities: caps}
}

const (
	leafCaps = cert.CapProvider | cert.CapConsumer
	rootCaps = cert.CapRootCA | cert.CapIntermediateCA | leafCaps
)

// chain3 is [delegate, root→delegate, root]; mod may change the three
// messages before they are signed (by their rightful signers).
func (g *gen) chain3(k *keys.DelegateKey, cs [32]byte, root *keys.DelegateKey, mod func(d *cert.DelegateCertificate, a1, r *cert.AuthorityCertificate)) []cert.Certificate {
	d := g.delegate(k, cs, nil)
	a1 := g.authority(root.Address(), k.Address(), leafCaps, 50)
	r := g.authority(root.Address(), root.Address(), rootCaps, 10)
	if mod != nil {
		mod(&d, &a1, &r)
	}
	return []cert.Certificate{g.sign(k, cert.Certificate{Delegate: &d}), g.sign(root, cert.Certificate{Authority: &a1}), g.sign(root, cert.Certificate{Authority: &r})}
}

func (g *gen) wire(c []cert.Certificate) []byte {
	b, err := cert.MarshalChainCBOR(c)
	require.NoError(g.t, err)
	return b
}

func (g *gen) policy() *Policy {
	return &Policy{ChainID: chainID, Registry: registry.Hex(), Realm: g.realm.Hex(), Block: block, NowMs: nowMs,
		Trustroots: []string{g.root.Address().Hex()}}
}

// ---- certificates (docs/protocol.md §2.1, §2.2) ----

func (g *gen) certificates() {
	t := g.t
	d := g.sign(g.alice, cert.Certificate{Delegate: ptr(g.delegate(g.alice, g.aliceCS.PublicKey32(), nil))})
	js, err := cert.MarshalCertificateJSON(d, cert.FormPair)
	require.NoError(t, err)
	require.Contains(t, string(js), `"bootedAt":1790000000123456789`)
	// What a parser that reads JSON numbers as doubles would hash.
	dd := *d.Delegate
	dd.BootedAt = uint64(float64(dd.BootedAt))
	require.NotEqual(t, d.Delegate.BootedAt, dd.BootedAt)
	dh := dd.Digest()
	g.doubleDigest = hex.EncodeToString(dh[:])
	g.add("certificate/good_booted_at_above_2_53_json", &Case{Suite: "certificate", Expect: Success,
		Description: "Delegate certificate, JSON pair form, bootedAt 1790000000123456789 (> 2^53): it must be parsed exactly; " +
			"digest_if_parsed_as_double is the digest of the value a float64 parser reads (1790000000123456768), for diagnosis only",
		CertificateJSON: js})
	cb, err := cert.MarshalCertificateCBOR(d)
	require.NoError(t, err)
	g.add("certificate/good_delegate_cbor_file", &Case{Suite: "certificate", Expect: Success, Canonical: true,
		Description:        "The same delegate certificate as an Autobahn CBOR certificate file [hash, typed_data, [signature]], byte for byte as this implementation encodes it",
		CertificateCBORHex: hex.EncodeToString(cb)})
	rb, err := cert.MarshalCertificateCBOR(g.aliceChain[2])
	require.NoError(t, err)
	g.add("certificate/good_root_cbor_file", &Case{Suite: "certificate", Expect: Success, Canonical: true,
		Description:        "A self-signed root CA authority certificate as a CBOR certificate file (a trustroot file)",
		CertificateCBORHex: hex.EncodeToString(rb)})

	tr, err := cert.MarshalCertificateJSON(d, cert.FormTriple)
	require.NoError(t, err)
	g.add("certificate/good_triple_json", &Case{Suite: "certificate", Expect: Success,
		Description:     "The same certificate in Autobahn's triple form [hash_hex, typed_data, signature_hex]",
		CertificateJSON: tr})
	hashHex := hex.EncodeToString(dh[:])
	want, _ := d.Digest()
	require.Contains(t, string(tr), hex.EncodeToString(want[:]))
	g.add("certificate/fail_triple_wrong_hash", &Case{Suite: "certificate", Expect: "malformed",
		Description:     "triple form whose hash is not the certificate's digest",
		CertificateJSON: json.RawMessage(strings.Replace(string(tr), hex.EncodeToString(want[:]), hashHex, 1))})
	bad := func(name, desc, from, to string) {
		require.Contains(t, string(js), from)
		g.add("certificate/fail_"+name, &Case{Suite: "certificate", Expect: "malformed", Description: desc,
			CertificateJSON: json.RawMessage(strings.Replace(string(js), from, to, 1))})
	}
	bad("booted_at_float", "bootedAt written as a float (1.790000000123456789e18): integers are never floats", `"bootedAt":1790000000123456789`, `"bootedAt":1.790000000123456789e18`)
	bad("booted_at_2_64", "bootedAt = 2^64 does not fit uint64", `"bootedAt":1790000000123456789`, `"bootedAt":18446744073709551616`)
	bad("booted_at_negative", "bootedAt negative", `"bootedAt":1790000000123456789`, `"bootedAt":-1`)
	bad("unknown_message_key", "an unknown key in the message", `"meta":"testkit"`, `"meta":"testkit","extra":1`)
	addr := g.alice.Address().Hex()
	wrongCase := strings.ToLower(addr[:3]) + strings.ToUpper(addr[3:5]) + addr[5:]
	if wrongCase == addr {
		wrongCase = addr[:2] + strings.ToLower(addr[2:4]) + strings.ToUpper(addr[4:6]) + addr[6:]
	}
	bad("bad_eip55_checksum", "a mixed-case address that is not its EIP-55 checksum", addr, wrongCase)
	g.add("certificate/fail_tampered_meta", &Case{Suite: "certificate", Expect: "signature",
		Description:     "meta changed after signing: the signature recovers to another address than the delegate",
		CertificateJSON: json.RawMessage(strings.Replace(string(js), `"meta":"testkit"`, `"meta":"testkiT"`, 1))})
}

func ptr[T any](v T) *T { return &v }

// ---- chains (docs/protocol.md §2.3) ----

func (g *gen) chains() {
	cs := g.aliceCS.PublicKey32()
	good := func(name, desc string, c []cert.Certificate, canonical bool) {
		g.add("chain/good_"+name, &Case{Suite: "chain", Expect: Success, Description: desc, Canonical: canonical,
			ChainCBORHex: hex.EncodeToString(g.wire(c)), Policy: g.chainPolicy()})
	}
	fail := func(rule, name, desc string, c []cert.Certificate, pol *Policy) {
		if pol == nil {
			pol = g.chainPolicy()
		}
		g.add("chain/fail_"+strings.ToLower(strings.ReplaceAll(rule, "-", ""))+"_"+name, &Case{Suite: "chain", Expect: rule,
			Description: desc, ChainCBORHex: hex.EncodeToString(g.wire(c)), Policy: pol})
	}
	good("chain3", "[delegate, root→delegate, root] as carried in a key request's certificates (a CBOR array of certificate files), byte for byte", g.aliceChain, true)
	good("lone_delegate", "a lone delegate certificate (the rest on-chain): CCR-1, CCR-3, CCR-12 only", g.aliceChain[:1], true)
	// Four certificates: root → operator (intermediate CA) → alice.
	chain4 := func(mod func(d *cert.DelegateCertificate, a1, a2, r *cert.AuthorityCertificate), signers ...*keys.DelegateKey) []cert.Certificate {
		d := g.delegate(g.alice, cs, nil)
		a1 := g.authority(g.op.Address(), g.alice.Address(), leafCaps, 50)
		a2 := g.authority(g.root.Address(), g.op.Address(), cert.CapIntermediateCA|leafCaps, 30)
		r := g.authority(g.root.Address(), g.root.Address(), rootCaps, 10)
		if mod != nil {
			mod(&d, &a1, &a2, &r)
		}
		s := []*keys.DelegateKey{g.alice, g.op, g.root, g.root}
		copy(s, signers)
		return []cert.Certificate{g.sign(s[0], cert.Certificate{Delegate: &d}), g.sign(s[1], cert.Certificate{Authority: &a1}),
			g.sign(s[2], cert.Certificate{Authority: &a2}), g.sign(s[3], cert.Certificate{Authority: &r})}
	}
	good("chain4_intermediate", "[delegate, operator→delegate, root→operator (INTERMEDIATE_CA), root]", chain4(nil), false)
	{
		d := g.delegate(g.alice, cs, nil)
		a := g.authority(g.alice.Address(), g.alice.Address(), rootCaps, 50)
		good("chain2_own_root", "[delegate, delegate's own root certificate]: n = 2, the delegate is its own root CA",
			[]cert.Certificate{g.sign(g.alice, cert.Certificate{Delegate: &d}), g.sign(g.alice, cert.Certificate{Authority: &a})}, false)
	}
	m3 := func(mod func(d *cert.DelegateCertificate, a1, r *cert.AuthorityCertificate)) []cert.Certificate {
		return g.chain3(g.alice, cs, g.root, mod)
	}
	fail("CCR-1", "wrong_chain_id", "the root certificate names chainId 1, the verifier expects 31337",
		m3(func(_ *cert.DelegateCertificate, _, r *cert.AuthorityCertificate) { r.ChainID = 1 }), nil)
	fail("CCR-1", "wrong_verifying_contract", "the delegate certificate names another verifyingContract",
		m3(func(d *cert.DelegateCertificate, _, _ *cert.AuthorityCertificate) { d.VerifyingContract = g.realm }), nil)
	fail("CCR-1", "not_yet_valid", "the delegate certificate's validFrom (1001) is after the current block (1000)",
		m3(func(d *cert.DelegateCertificate, _, _ *cert.AuthorityCertificate) { d.ValidFrom = block + 1 }), nil)
	fail("CCR-2", "realms_differ", "the delegate's authority certificate names another realm than the root",
		m3(func(_ *cert.DelegateCertificate, a1, _ *cert.AuthorityCertificate) { a1.Realm = g.otherRealm }), nil)
	{
		pol := g.chainPolicy()
		pol.Realm = g.otherRealm.Hex()
		fail("CCR-2", "wrong_realm", "a consistent chain for another realm than the expected one", g.aliceChain, pol)
	}
	{
		c := append([]cert.Certificate{}, g.aliceChain...)
		c[0] = c[1]
		fail("CCR-3", "authority_first", "the first certificate is an authority certificate", c, nil)
	}
	{
		c := append([]cert.Certificate{}, g.aliceChain...)
		c[1] = c[0]
		fail("CCR-3", "delegate_second", "a delegate certificate where an authority certificate belongs", c, nil)
	}
	{
		d := g.delegate(g.alice, cs, nil)
		a1 := g.authority(g.root.Address(), g.alice.Address(), leafCaps, 50)
		r := g.authority(g.op.Address(), g.root.Address(), rootCaps, 10)
		fail("CCR-4", "root_not_self_signed", "the last certificate's issuer (operator) is not its subject (root)",
			[]cert.Certificate{g.sign(g.alice, cert.Certificate{Delegate: &d}), g.sign(g.root, cert.Certificate{Authority: &a1}), g.sign(g.op, cert.Certificate{Authority: &r})}, nil)
	}
	fail("CCR-5", "issuer_not_next_subject", "the delegate's authority certificate is issued by rogue, the next certificate's subject is operator",
		chain4(func(_ *cert.DelegateCertificate, a1, _, _ *cert.AuthorityCertificate) { a1.Issuer = g.rogue.Address() }, g.alice, g.rogue), nil)
	fail("CCR-6", "root_valid_later", "the root certificate's validFrom (60) is after the certificate it issued (50)",
		m3(func(_ *cert.DelegateCertificate, _, r *cert.AuthorityCertificate) { r.ValidFrom = 60 }), nil)
	fail("CCR-7", "capability_not_subset", "the delegate's authority grants GATEWAY, which the root does not have",
		m3(func(_ *cert.DelegateCertificate, a1, _ *cert.AuthorityCertificate) {
			a1.Capabilities |= cert.CapGateway
		}), nil)
	fail("CCR-7", "reserved_bit", "capability bit 8 (reserved) set in every authority certificate",
		m3(func(_ *cert.DelegateCertificate, a1, r *cert.AuthorityCertificate) {
			a1.Capabilities |= 1 << 8
			r.Capabilities |= 1 << 8
		}), nil)
	fail("CCR-7", "root_without_root_ca", "the root certificate lacks ROOT_CA",
		m3(func(_ *cert.DelegateCertificate, _, r *cert.AuthorityCertificate) { r.Capabilities &^= cert.CapRootCA }), nil)
	fail("CCR-7", "intermediate_without_ca_bit", "the operator issued an authority certificate without INTERMEDIATE_CA",
		chain4(func(_ *cert.DelegateCertificate, _, a2, _ *cert.AuthorityCertificate) {
			a2.Capabilities &^= cert.CapIntermediateCA
		}), nil)
	fail("CCR-8", "subject_not_delegate", "the delegate's authority certificate names bob, the delegate is alice",
		m3(func(_ *cert.DelegateCertificate, a1, _ *cert.AuthorityCertificate) { a1.Subject = g.bob.Address() }), nil)
	fail("CCR-9", "delegate_valid_before_issuer", "the delegate certificate's validFrom (40) is before its authority's (50)",
		m3(func(d *cert.DelegateCertificate, _, _ *cert.AuthorityCertificate) { d.ValidFrom = 40 }), nil)
	{
		c := append([]cert.Certificate{}, g.aliceChain...)
		c[2] = g.sign(g.rogue, c[2])
		fail("CCR-10", "root_signed_by_other", "the root certificate is signed by rogue, not by its issuer", c, nil)
	}
	{
		c := append([]cert.Certificate{}, g.aliceChain...)
		c[1] = g.sign(g.rogue, c[1])
		fail("CCR-11", "authority_signed_by_other", "the delegate's authority certificate is signed by rogue, not by the root", c, nil)
	}
	{
		c := append([]cert.Certificate{}, g.aliceChain...)
		c[0] = g.sign(g.rogue, c[0])
		fail("CCR-12", "delegate_signed_by_other", "the delegate certificate is signed by rogue, not by the delegate", c, nil)
	}
	{
		c := append([]cert.Certificate{}, g.aliceChain...)
		c[0].Signature[64] = 29
		fail("CCR-12", "delegate_signature_v29", "the delegate certificate's signature has v = 29 (only 27, 28 are valid)", c, nil)
	}
	nine := append(append(append([]cert.Certificate{}, g.aliceChain...), g.aliceChain...), g.aliceChain...)
	g.add("chain/fail_format_nine_certificates", &Case{Suite: "chain", Expect: "FORMAT", Policy: g.chainPolicy(),
		Description: "nine certificates: more than 8", ChainCBORHex: hex.EncodeToString(nineCBOR(g.t, nine))})
	w := g.wire(g.aliceChain)
	g.add("chain/fail_format_truncated", &Case{Suite: "chain", Expect: "FORMAT", Policy: g.chainPolicy(),
		Description: "the chain's last byte is missing", ChainCBORHex: hex.EncodeToString(w[:len(w)-1])})
	g.add("chain/fail_format_trailing_byte", &Case{Suite: "chain", Expect: "FORMAT", Policy: g.chainPolicy(),
		Description: "one byte after the chain's array", ChainCBORHex: hex.EncodeToString(append(append([]byte{}, w...), 0))})
	g.add("chain/fail_format_empty", &Case{Suite: "chain", Expect: "FORMAT", Policy: g.chainPolicy(),
		Description: "an empty array", ChainCBORHex: "80"})
}

// nineCBOR encodes more certificates than MarshalChainCBOR accepts.
func nineCBOR(t *testing.T, c []cert.Certificate) []byte {
	out := []byte{0x80 | byte(len(c))}
	for _, x := range c {
		b, err := cert.MarshalCertificateCBOR(x)
		require.NoError(t, err)
		out = append(out, b...)
	}
	return out
}

func (g *gen) chainPolicy() *Policy {
	return &Policy{ChainID: chainID, Registry: registry.Hex(), Realm: g.realm.Hex(), Block: block}
}

// ---- envelopes (docs/protocol.md §1) ----

// WAMP message codes.
const (
	codeError      = 8
	codeCall       = 48
	codeResult     = 50
	codeEvent      = 36
	codeInvocation = 68
)

func pptOptions(kid string) map[string]any {
	return map[string]any{"ppt_scheme": "wamp", "ppt_serializer": "cbor", "ppt_cipher": "xsalsa20poly1305", "ppt_keyid": kid}
}

func event(details map[string]any, args ...any) []any {
	return []any{uint64(codeEvent), uint64(1001), uint64(2002), details, args}
}

func cborStep(msg []any) Step {
	return Step{Serializer: "cbor", MessageHex: hex.EncodeToString(encodeCBOR(msg))}
}
func jsonStep(msg []any) Step { return Step{Serializer: "json", Message: encodeJSON(msg)} }
func msgpackStep(msg []any) Step {
	return Step{Serializer: "msgpack", MessageHex: hex.EncodeToString(encodeMsgpack(msg))}
}

type sealIn struct {
	uri      string
	kind     e2ee.MessageKind
	seq      uint64
	args     []any
	kwargs   map[string]any
	cid      []byte
	proc     string
	sign     bool
	signer   ed25519.PrivateKey
	compress bool
	ts       uint64
	kid      string
	cipher   string
}

var payloadKey = [32]byte{0: 0x70, 1: 0x61, 2: 0x79, 31: 0x01}

func (g *gen) seal(in sealIn) []byte {
	if in.uri == "" {
		in.uri = topic
	}
	if in.kind == 0 {
		in.kind = e2ee.KindPublish
	}
	if in.seq == 0 {
		in.seq = 7
	}
	if in.ts == 0 {
		in.ts = nowMs - 1000
	}
	if in.kid == "" {
		in.kid = keyID
	}
	if in.signer == nil {
		in.signer = ed25519.NewKeyFromSeed(seed("session bob"))
	}
	so := envelope.SealOptions{Rand: bytes.NewReader(g.nonce()),
		Now: func() time.Time { return time.UnixMilli(int64(in.ts)) }, Signer: in.signer}
	if in.compress {
		so.CompressMin = envelope.DefaultCompressMin
	}
	s, err := envelope.NewSealer(so)
	require.NoError(g.t, err)
	p, err := s.Seal(nil, &envelope.SealKey{ID: in.kid, Key: payloadKey, Seq: in.seq, Cipher: in.cipher},
		&envelope.Message{URI: in.uri, Kind: in.kind, Args: in.args, Kwargs: in.kwargs, CallID: in.cid, Proc: in.proc, Sign: in.sign})
	require.NoError(g.t, err)
	return p
}

// nonce returns the next of a deterministic sequence of distinct nonces
// (a vector set should not reuse a nonce under one key either).
func (g *gen) nonce() []byte {
	g.nonces++
	h := sha256.Sum256([]byte{'n', byte(g.nonces >> 8), byte(g.nonces)})
	return h[:envelope.NonceSize]
}

// sealRaw seals arbitrary sealed_plaintext bytes under payloadKey.
func (g *gen) sealRaw(pt []byte) []byte {
	nonce := [24]byte(g.nonce())
	return secretbox.Seal(nonce[:], pt, &nonce, &payloadKey)
}

// sealRawGCM seals arbitrary plaintext bytes with aes256gcm under payloadKey
// (the senders' Sealer refuses what some cases need).
func (g *gen) sealRawGCM(pt []byte) []byte {
	b, err := aes.NewCipher(payloadKey[:])
	require.NoError(g.t, err)
	a, err := cipher.NewGCM(b)
	require.NoError(g.t, err)
	nonce := g.nonce()[:envelope.GCMNonceSize]
	return a.Seal(append([]byte{}, nonce...), nonce, pt, []byte(envelope.CipherAESGCM))
}

// plainMap is a plaintext map with valid defaults; nil values delete keys.
func plainMap(mod map[string]any) []byte {
	m := map[string]any{"uri": topic, "kid": keyID, "kind": uint64(1), "seq": uint64(7), "ts": nowMs - 1000,
		"args": []any{"hello"}, "kwargs": map[string]any{}}
	for k, v := range mod {
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
	}
	return encodeCBOR(m)
}

func deflate(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	require.NoError(t, err)
	_, err = w.Write(b)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return buf.Bytes()
}

// envCase is one envelope case; nil key and delivery take the defaults.
type envCase struct {
	expect, name, desc string
	step               Step
	key                *Key
	d                  *Delivery
	max                int
	pol                *Policy
}

func (g *gen) envelopes() {
	t := g.t
	bobPub := hex.EncodeToString(g.bobCS.Public())
	key := func() *Key { return &Key{KeyID: keyID, KeyHex: hex.EncodeToString(payloadKey[:])} }
	dl := func() *Delivery { return &Delivery{URI: topic} }
	add := func(c envCase) {
		prefix := "fail_"
		if c.expect == Success {
			prefix = "good_"
		}
		if c.key == nil {
			c.key = key()
		}
		if c.d == nil {
			c.d = dl()
		}
		g.add("envelope/"+prefix+c.name, &Case{Suite: "envelope", Expect: c.expect, Description: c.desc, Step: c.step,
			Key: c.key, Delivery: c.d, MaxPlaintext: c.max, Policy: c.pol})
	}
	args := []any{"hello", uint64(42), []byte{0xde, 0xad}}
	kwargs := map[string]any{"unit": "C"}
	p := g.seal(sealIn{args: args, kwargs: kwargs})
	opts := pptOptions(keyID)
	add(envCase{expect: Success, name: "event_cbor", desc: "EVENT over CBOR: options in details, Arguments = [payload], no ArgumentsKw",
		step: cborStep(event(opts, p))})
	add(envCase{expect: Success, name: "event_json", desc: "EVENT over JSON, payload as \"\\u0000\" + base64", step: jsonStep(event(opts, p))})
	add(envCase{expect: Success, name: "event_msgpack", desc: "EVENT over MessagePack, payload as bin", step: msgpackStep(event(opts, p))})
	{
		msg := event(opts, "PLAIN")
		s := jsonStep(msg)
		s.Message = json.RawMessage(strings.Replace(string(s.Message), `"PLAIN"`, `"`+b64(p)+`"`, 1))
		add(envCase{expect: Success, name: "event_json_plain_base64", desc: "EVENT over JSON, payload as plain base64 (what nexus's JSON serializer writes)", step: s})
	}
	add(envCase{expect: Success, name: "event_cbor_tag64_payload", desc: "EVENT over CBOR with the payload as tag 64 (RFC 8746 uint8 typed array, what JavaScript encoders write for a Uint8Array): accepted as the bytes",
		step: cborStep(event(opts, tagged{64, p}))})
	{
		o := pptOptions(keyID)
		o["ppt_scheme"] = "wamp.eth"
		add(envCase{expect: Success, name: "event_scheme_wamp_eth", desc: "ppt_scheme \"wamp.eth\", the spec's former name, is accepted", step: cborStep(event(o, p))})
	}
	{
		o := pptOptions(keyID)
		o["e2ee_request_key_rpc"] = "e2ee.key.0123456789abcdef"
		o["x_other"] = uint64(1)
		add(envCase{expect: Success, name: "event_other_options", desc: "options other than ppt_* (e2ee_request_key_rpc, anything) are not read", step: cborStep(event(o, p))})
	}
	add(envCase{expect: Success, name: "event_compressed", desc: "compressed plaintext [1, size, deflate(map)]",
		step: cborStep(event(opts, g.seal(sealIn{args: []any{strings.Repeat("compressible text ", 40)}, compress: true})))})
	{
		k := key()
		k.SenderPublicHex = bobPub
		d := dl()
		d.RequireSignature = true
		add(envCase{expect: Success, name: "event_signed", desc: "a sender signature by the originator's CS key, required by the receiver",
			step: cborStep(event(opts, g.seal(sealIn{args: args, sign: true}))), key: k, d: d})
		add(envCase{expect: "bad_sender_signature", name: "signature_by_other_key", desc: "signed by another Ed25519 key than the sender key the receiver learned",
			step: cborStep(event(opts, g.seal(sealIn{args: args, sign: true, signer: ed25519.NewKeyFromSeed(seed("session rogue"))}))), key: k, d: d})
		add(envCase{expect: "bad_sender_signature", name: "signature_missing", desc: "the receiver requires a sender signature, the payload has none",
			step: cborStep(event(opts, p)), key: k, d: d})
	}
	{
		cid := bytes.Repeat([]byte{0xc1}, 16)
		inv := []any{uint64(codeInvocation), uint64(3), uint64(4), opts, []any{g.seal(sealIn{kind: e2ee.KindCall, uri: "com.example.add", cid: cid, args: []any{uint64(1), uint64(2)}})}}
		add(envCase{expect: Success, name: "invocation_with_call_id", desc: "INVOCATION (kind 2) with a call id", step: cborStep(inv), d: &Delivery{URI: "com.example.add"}})
		res := []any{uint64(codeResult), uint64(5), opts, []any{g.seal(sealIn{kind: e2ee.KindYield, uri: "com.example.add", cid: cid, args: []any{uint64(3)}})}}
		add(envCase{expect: Success, name: "result_echoes_call_id", desc: "RESULT (kind 3) echoing the CALL's call id", step: cborStep(res),
			d: &Delivery{URI: "com.example.add", CallIDHex: hex.EncodeToString(cid)}})
		add(envCase{expect: "wrong_call", name: "result_other_call_id", desc: "RESULT whose call id is not the one the caller sent", step: cborStep(res),
			d: &Delivery{URI: "com.example.add", CallIDHex: hex.EncodeToString(bytes.Repeat([]byte{0xc2}, 16))}})
		errMsg := []any{uint64(codeError), uint64(codeCall), uint64(6), opts, "com.example.error.overflow",
			[]any{g.seal(sealIn{kind: e2ee.KindError, uri: "com.example.error.overflow", cid: cid, proc: "com.example.add", args: []any{"too big"}})}}
		add(envCase{expect: Success, name: "error_with_proc", desc: "ERROR (kind 4): uri = error URI, proc = the called procedure", step: cborStep(errMsg),
			d: &Delivery{URI: "com.example.error.overflow", ScopeURI: "com.example.add", CallIDHex: hex.EncodeToString(cid), Proc: "com.example.add"}})
		add(envCase{expect: "wrong_call", name: "error_for_other_procedure", desc: "ERROR sealed for a call to com.example.add, delivered as the answer to com.example.mul", step: cborStep(errMsg),
			d: &Delivery{URI: "com.example.error.overflow", ScopeURI: "com.example.mul", CallIDHex: hex.EncodeToString(cid), Proc: "com.example.mul"}})
		add(envCase{expect: "wrong_kind", name: "call_payload_as_event", desc: "a CALL payload (kind 2) delivered in an EVENT",
			step: cborStep(event(opts, g.seal(sealIn{kind: e2ee.KindCall, args: args})))})
	}
	{
		k := key()
		k.AcceptedSeqs = []uint64{10}
		add(envCase{expect: Success, name: "reordered_within_window", desc: "seq 7 after seq 10: reordering within the window is accepted", step: cborStep(event(opts, p)), key: k})
		k = key()
		k.AcceptedSeqs = []uint64{7}
		add(envCase{expect: "replay", name: "replayed_seq", desc: "seq 7 was accepted before under this key", step: cborStep(event(opts, p)), key: k})
		k = key()
		k.AcceptedSeqs = []uint64{7 + 1024}
		add(envCase{expect: "replay", name: "seq_below_window", desc: "seq 7 ≤ highest (1031) − 1024", step: cborStep(event(opts, p)), key: k})
		k = key()
		k.AcceptedSeqs = []uint64{6}
		add(envCase{expect: "replay", name: "seq_jump", desc: "seq 6 + 2^24 + 1 after 6: more than 2^24 ahead",
			step: cborStep(event(opts, g.seal(sealIn{seq: 6 + 1<<24 + 1, args: args}))), key: k})
		pol := &Policy{NowMs: nowMs}
		add(envCase{expect: "replay", name: "stale_timestamp", desc: "ts 3 minutes old with max_age 2 minutes (now_ms in policy)",
			step: cborStep(event(opts, g.seal(sealIn{ts: nowMs - 180_000, args: args}))), d: &Delivery{URI: topic, MaxAgeMs: 120_000}, pol: pol})
	}
	mal := func(name, desc string, o map[string]any, arg ...any) {
		add(envCase{expect: "malformed", name: name, desc: desc, step: cborStep(event(o, arg...))})
	}
	with := func(k string, v any) map[string]any {
		o := pptOptions(keyID)
		if v == nil {
			delete(o, k)
		} else {
			o[k] = v
		}
		return o
	}
	mal("scheme_x_custom", "ppt_scheme \"x_custom\" is not this protocol", with("ppt_scheme", "x_custom"), p)
	mal("cipher_aes256gcm", "ppt_cipher aes256gcm where the receiver's rule allows only xsalsa20poly1305 (delivery.cipher absent)", with("ppt_cipher", "aes256gcm"), p)
	mal("cipher_unknown", "ppt_cipher \"chacha20poly1305\" is not a cipher of the protocol", with("ppt_cipher", "chacha20poly1305"), p)
	mal("serializer_json", "ppt_serializer other than cbor", with("ppt_serializer", "json"), p)
	mal("keyid_uppercase", "ppt_keyid in upper case", with("ppt_keyid", strings.ToUpper(keyID)), p)
	mal("keyid_missing", "ppt_keyid absent", with("ppt_keyid", nil), p)
	mal("keyid_not_string", "ppt_keyid an integer", with("ppt_keyid", uint64(1)), p)
	mal("two_arguments", "Arguments with two elements", opts, p, p)
	mal("payload_integer", "the payload is not binary", opts, uint64(1))
	mal("payload_tag65", "the payload inside tag 65 (uint16 typed array): only tag 64 is binary", opts, tagged{65, p})
	mal("truncated_payload", "a payload of 40 bytes: nonce and tag, no ciphertext", opts, p[:40])
	{
		msg := []any{uint64(codeEvent), uint64(1001), uint64(2002), opts, []any{p}, map[string]any{"leak": "plaintext"}}
		add(envCase{expect: "malformed", name: "kwargs_present", desc: "ArgumentsKw beside the payload", step: cborStep(msg)})
	}
	big := g.seal(sealIn{args: []any{bytes.Repeat([]byte{0x61}, 1100)}})
	add(envCase{expect: "malformed", name: "oversized_payload", desc: "a payload longer than max_plaintext (1024) + 40", step: cborStep(event(opts, big)), max: 1024})
	add(envCase{expect: "unknown_key", name: "unknown_key_id", desc: "ppt_keyid names a key the receiver does not hold",
		step: cborStep(event(pptOptions("0123456789abcdef.ffffffffffffffffffffffffffffffff"), p))})
	{
		k := key()
		k.Scope = &Scope{URI: "com.example.other", Match: "exact", Kinds: []int{1}}
		add(envCase{expect: "key_scope", name: "key_for_other_uri", desc: "the key's verified scope is another URI", step: cborStep(event(opts, p)), key: k})
		k = key()
		k.Scope = &Scope{URI: "com.example", Match: "prefix", Kinds: []int{2}}
		add(envCase{expect: "key_scope", name: "key_for_other_kind", desc: "the key was issued for CALL payloads (a caller's key), used in an EVENT", step: cborStep(event(opts, p)), key: k})
		k = key()
		k.Scope = &Scope{URI: "com.example", Match: "prefix", Kinds: []int{1}}
		add(envCase{expect: Success, name: "key_scope_prefix", desc: "the key's scope com.example (prefix, publish) covers com.example.topic", step: cborStep(event(opts, p)), key: k})
	}
	flip := func(i int) []byte {
		b := append([]byte{}, p...)
		b[i] ^= 1
		return b
	}
	add(envCase{expect: "bad_mac", name: "tampered_ciphertext", desc: "last byte of the ciphertext flipped", step: cborStep(event(opts, flip(len(p)-1)))})
	add(envCase{expect: "bad_mac", name: "tampered_nonce", desc: "first byte of the nonce flipped", step: cborStep(event(opts, flip(0)))})
	add(envCase{expect: "bad_mac", name: "tampered_tag", desc: "first byte of the Poly1305 tag flipped", step: cborStep(event(opts, flip(24)))})
	{
		k := key()
		k.KeyHex = strings.Repeat("11", 32)
		add(envCase{expect: "bad_mac", name: "wrong_key", desc: "the receiver's key for this key id is another key", step: cborStep(event(opts, p)), key: k})
	}
	mpt := func(name, desc string, pt []byte) {
		add(envCase{expect: "malformed_plaintext", name: name, desc: desc, step: cborStep(event(opts, g.sealRaw(pt)))})
	}
	mpt("not_a_map", "the sealed plaintext is a CBOR text string", encodeCBOR("hello"))
	mpt("seq_zero", "seq 0", plainMap(map[string]any{"seq": uint64(0)}))
	mpt("unknown_key", "an unknown key in the plaintext map", plainMap(map[string]any{"extra": uint64(1)}))
	mpt("missing_ts", "the required key ts is missing", plainMap(map[string]any{"ts": nil}))
	mpt("kind_5", "kind 5 is undefined", plainMap(map[string]any{"kind": uint64(5)}))
	mpt("tag_in_args", "a tag inside args: the plaintext admits no tags", plainMap(map[string]any{"args": []any{tagged{64, []byte{1}}}}))
	mpt("trailing_byte", "a byte after the map", append(plainMap(nil), 0))
	{
		good := plainMap(nil)
		add(envCase{expect: Success, name: "plaintext_any_key_order", desc: "a plaintext map in sorted key order (not the encoder's): receivers accept any order",
			step: cborStep(event(opts, g.sealRaw(good)))})
		bomb := make([]byte, 2<<20)
		z := deflate(t, bomb)
		mpt("compressed_bomb", "[1, 2097152, deflate(2 MiB of zeros)]: the declared size exceeds max_plaintext (1 MiB) and is refused before inflating",
			encodeCBOR([]any{uint64(1), uint64(len(bomb)), z}))
		z2 := deflate(t, good)
		mpt("compressed_size_lies", "[1, size − 1, deflate(map)]: the stream yields more than the declared size",
			encodeCBOR([]any{uint64(1), uint64(len(good) - 1), z2}))
		mpt("compressed_algorithm_2", "[2, size, deflate(map)]: only algorithm 1 exists",
			encodeCBOR([]any{uint64(2), uint64(len(good)), z2}))
		add(envCase{expect: Success, name: "compressed_any_level", desc: "[1, size, deflate(map)] compressed at another level than the sender's default",
			step: cborStep(event(opts, g.sealRaw(encodeCBOR([]any{uint64(1), uint64(len(good)), z2}))))})
		// A bomb under the limit is just a big plaintext: with max_plaintext
		// 1024 a 64 KiB one is refused.
		small := deflate(t, make([]byte, 64<<10))
		add(envCase{expect: "malformed_plaintext", name: "compressed_over_max_plaintext", desc: "[1, 65536, deflate(zeros)] with max_plaintext 1024",
			step: cborStep(event(opts, g.sealRaw(encodeCBOR([]any{uint64(1), uint64(64 << 10), small})))), max: 1024})
	}
	add(envCase{expect: "key_id_mismatch", name: "kid_differs", desc: "the plaintext's kid is not ppt_keyid",
		step: cborStep(event(opts, g.sealRaw(plainMap(map[string]any{"kid": "0123456789abcdef.ffffffffffffffffffffffffffffffff"}))))})
	add(envCase{expect: "wrong_uri", name: "sealed_for_other_topic", desc: "sealed for com.example.other, delivered under com.example.topic",
		step: cborStep(event(opts, g.seal(sealIn{uri: "com.example.other", args: args})))})
	add(envCase{expect: "wrong_call", name: "call_id_in_publish", desc: "a cid in a publish payload",
		step: cborStep(event(opts, g.sealRaw(plainMap(map[string]any{"cid": bytes.Repeat([]byte{1}, 16)}))))})
	g.gcmEnvelopes(add, args, kwargs, p)
}

// gcmEnvelopes adds the aes256gcm cases (docs/protocol.md §1.2): the payload
// is nonce(12) ‖ ciphertext ‖ tag(16), additional data "aes256gcm".
func (g *gen) gcmEnvelopes(add func(ec envCase), args []any, kwargs map[string]any, xsalsa []byte) {
	gcmOpts := pptOptions(keyID)
	gcmOpts["ppt_cipher"] = envelope.CipherAESGCM
	gd := func() *Delivery { return &Delivery{URI: topic, Cipher: envelope.CipherAESGCM} }
	p := g.seal(sealIn{args: args, kwargs: kwargs, cipher: envelope.CipherAESGCM})
	add(envCase{expect: Success, name: "aes256gcm_event_cbor", desc: "aes256gcm, allowed by the receiver's rule: payload = nonce(12) ‖ AES-256-GCM(key, nonce, plaintext, ad = \"aes256gcm\") ‖ tag(16)",
		step: cborStep(event(gcmOpts, p)), d: gd()})
	add(envCase{expect: Success, name: "aes256gcm_event_json", desc: "aes256gcm over JSON, payload as \"\\u0000\" + base64", step: jsonStep(event(gcmOpts, p)), d: gd()})
	add(envCase{expect: Success, name: "aes256gcm_compressed", desc: "aes256gcm with a compressed plaintext",
		step: cborStep(event(gcmOpts, g.seal(sealIn{args: []any{strings.Repeat("compressible text ", 40)}, compress: true, cipher: envelope.CipherAESGCM}))), d: gd()})
	xs := pptOptions(keyID)
	add(envCase{expect: "malformed", name: "aes256gcm_not_allowed", desc: "an aes256gcm message where the receiver's rule allows only xsalsa20poly1305",
		step: cborStep(event(gcmOpts, p))})
	add(envCase{expect: "malformed", name: "aes256gcm_downgraded_label", desc: "the receiver's rule wants aes256gcm; a router relabelled the message xsalsa20poly1305",
		step: cborStep(event(xs, p)), d: gd()})
	add(envCase{expect: "malformed", name: "xsalsa_where_aes256gcm_required", desc: "an xsalsa20poly1305 message where the receiver's rule wants aes256gcm",
		step: cborStep(event(xs, xsalsa)), d: gd()})
	add(envCase{expect: "bad_mac", name: "aes256gcm_payload_as_xsalsa", desc: "an aes256gcm payload relabelled xsalsa20poly1305 for a receiver whose rule allows xsalsa20poly1305: the secretbox does not open",
		step: cborStep(event(xs, p))})
	add(envCase{expect: "bad_mac", name: "xsalsa_payload_as_aes256gcm", desc: "an xsalsa20poly1305 payload relabelled aes256gcm for a receiver whose rule allows aes256gcm: the GCM tag does not verify",
		step: cborStep(event(gcmOpts, xsalsa)), d: gd()})
	flip := func(i int) []byte {
		b := append([]byte{}, p...)
		b[i] ^= 1
		return b
	}
	add(envCase{expect: "bad_mac", name: "aes256gcm_tampered_tag", desc: "last byte of the GCM tag flipped", step: cborStep(event(gcmOpts, flip(len(p)-1))), d: gd()})
	add(envCase{expect: "bad_mac", name: "aes256gcm_tampered_nonce", desc: "first byte of the 12-byte nonce flipped", step: cborStep(event(gcmOpts, flip(0))), d: gd()})
	add(envCase{expect: "malformed", name: "aes256gcm_truncated", desc: "a payload of 28 bytes: nonce and tag, no ciphertext", step: cborStep(event(gcmOpts, p[:envelope.GCMOverhead])), d: gd()})
	add(envCase{expect: "replay", name: "aes256gcm_seq_beyond_budget", desc: "seq 2^24 + 1: beyond the aes256gcm key budget of 2^24 messages",
		step: cborStep(event(gcmOpts, g.sealRawGCM(plainMap(map[string]any{"seq": uint64(1<<24 + 1)})))), d: gd()})
}

func b64(b []byte) string { return strings.TrimPrefix(jsonValue(b).(string), "\x00") }

// ---- key requests (docs/protocol.md §3.2–3.5, §3.8) ----

const (
	reqURI   = "com.example.topic"
	reqKeyID = "b0b0b0b0b0b0b0b0.00112233445566778899aabbccddeeff"
	keyRPC   = "e2ee.key.b0b0b0b0b0b0b0b0"
)

func party(k *keys.DelegateKey, cs *keys.SessionKey, wire []byte) *Party {
	return &Party{DelegateKeyHex: hex.EncodeToString(k.Bytes()), SessionSeedHex: hex.EncodeToString(cs.Seed()), ChainCBORHex: hex.EncodeToString(wire)}
}

func (g *gen) kdPolicy() keydist.Policy {
	pol := g.policy()
	return pol.keydist(g.t)
}

// fill returns n bytes of b.
func fill(b byte, n int) []byte { return bytes.Repeat([]byte{b}, n) }

// pair is a requester (alice) and a responder (bob) with deterministic nonces.
type pair struct {
	q    *keydist.Requester
	r    *keydist.Responder
	qr   *fixedRand
	rr   *fixedRand
	pend *keydist.Pending
}

func (g *gen) newPair(aliceWire, bobWire []byte) *pair {
	p := &pair{qr: &fixedRand{}, rr: &fixedRand{}}
	var err error
	p.q, err = keydist.NewRequester(keydist.RequesterConfig{Policy: g.kdPolicy(), Rand: p.qr, Identity: party(g.alice, g.aliceCS, aliceWire).identity(g.t)})
	require.NoError(g.t, err)
	p.r, err = keydist.NewResponder(keydist.ResponderConfig{Policy: g.kdPolicy(), Rand: p.rr, Identity: party(g.bob, g.bobCS, bobWire).identity(g.t)})
	require.NoError(g.t, err)
	return p
}

func (p *pair) request(t *testing.T, nonce byte) *keydist.KeyRequest {
	p.qr.b = fill(nonce, keydist.NonceSize)
	var err error
	p.pend, err = p.q.NewRequest(reqKeyID, reqURI, e2ee.RoleSubscriber)
	require.NoError(t, err)
	return p.pend.Request
}

var theKey = [32]byte{0: 0x6b, 1: 0x65, 2: 0x79, 31: 0x02}

// respond verifies req at the responder and answers it.
func (p *pair) respond(t *testing.T, req *keydist.KeyRequest, boxNonce byte) *keydist.KeyResponse {
	vr, err := p.r.VerifyRequest(context.Background(), req)
	require.NoError(t, err)
	p.rr.b = fill(boxNonce, keydist.BoxNonceSize)
	resp, err := p.r.Respond(vr, &theKey, keydist.Scope{URI: "com.example", Match: e2ee.MatchPrefix}, time.UnixMilli(int64(nowMs)).Add(time.Hour))
	require.NoError(t, err)
	return resp
}

func requestKw(t *testing.T, r *keydist.KeyRequest) map[string]any {
	m, err := keydist.EncodeRequest(r)
	require.NoError(t, err)
	return m
}

func responseKw(t *testing.T, r *keydist.KeyResponse) map[string]any {
	m, err := keydist.EncodeResponse(r)
	require.NoError(t, err)
	return m
}

func callMsg(kw map[string]any) []any {
	return []any{uint64(codeCall), uint64(77), map[string]any{}, keyRPC, []any{}, kw}
}

func resultMsg(kw map[string]any) []any {
	return []any{uint64(codeResult), uint64(77), map[string]any{}, []any{}, kw}
}

func (g *gen) resignRequest(r *keydist.KeyRequest, k *keys.DelegateKey) {
	d, err := r.Digest()
	require.NoError(g.t, err)
	sig, err := k.SignDigest(d)
	require.NoError(g.t, err)
	copy(r.Signature[:], sig)
}

func (g *gen) resignResponse(r *keydist.KeyResponse, k *keys.DelegateKey) {
	d, err := r.Digest()
	require.NoError(g.t, err)
	sig, err := k.SignDigest(d)
	require.NoError(g.t, err)
	copy(r.Signature[:], sig)
}

func clone[T any](v *T) *T { c := *v; return &c }

func sharedKey(t *testing.T, ours *keys.SessionKey, peer [32]byte) *[32]byte {
	px, err := keys.Ed25519PublicToX25519(peer[:])
	require.NoError(t, err)
	priv := ours.X25519PrivateKey()
	var k [32]byte
	box.Precompute(&k, &px, &priv)
	return &k
}

func hmacOf(key []byte, parts ...[]byte) []byte {
	m := hmac.New(sha256.New, key)
	for _, p := range parts {
		m.Write(p)
	}
	return m.Sum(nil)
}

// lowOrderEd25519 is an Ed25519 point of order 8 (its X25519 form is of low
// order): the identity's twin (0, -1).
var lowOrderEd25519 = [32]byte{0: 0xec, 1: 0xff, 2: 0xff, 3: 0xff, 4: 0xff, 5: 0xff, 6: 0xff, 7: 0xff, 8: 0xff, 9: 0xff, 10: 0xff, 11: 0xff, 12: 0xff, 13: 0xff,
	14: 0xff, 15: 0xff, 16: 0xff, 17: 0xff, 18: 0xff, 19: 0xff, 20: 0xff, 21: 0xff, 22: 0xff, 23: 0xff, 24: 0xff, 25: 0xff, 26: 0xff, 27: 0xff, 28: 0xff, 29: 0xff, 30: 0xff, 31: 0x7f}

// highS turns a low-s signature into its malleable high-s twin.
func highS(sig [65]byte) [65]byte {
	n := crypto.S256().Params().N
	s := new(big.Int).SetBytes(sig[32:64])
	s.Sub(n, s)
	s.FillBytes(sig[32:64])
	sig[64] ^= 1 // 27 ↔ 28
	return sig
}

func (g *gen) keyRequests() {
	t := g.t
	bob := party(g.bob, g.bobCS, g.bobWire)
	type rc struct {
		expect, name, desc string
		step               Step
		before             []Step
		canonical          bool
		pol                *Policy
	}
	add := func(c rc) {
		prefix := "fail_"
		if c.expect == Success {
			prefix = "good_"
		}
		if c.pol == nil {
			c.pol = g.policy()
		}
		g.add("key_request/"+prefix+c.name, &Case{Suite: "key_request", Expect: c.expect, Description: c.desc, Policy: c.pol,
			Responder: bob, Before: c.before, Step: c.step, Canonical: c.canonical})
	}
	withKw := func(s Step, kw map[string]any) Step {
		s.ArgumentsKwHex = hex.EncodeToString(encodeCBOR(kw))
		return s
	}
	pr := g.newPair(g.aliceWire, g.bobWire)
	signed := pr.request(t, 0x16)
	signedKw := requestKw(t, signed)
	signedStep := cborStep(callMsg(signedKw))
	add(rc{expect: Success, name: "signed", canonical: true, step: withKw(signedStep, signedKw),
		desc: "a signed key request: the complete CALL to the key RPC and its ArgumentsKw (keys in RFC 8949 §4.2.1 order), byte for byte"})
	add(rc{expect: Success, name: "signed_msgpack", step: msgpackStep(callMsg(signedKw)),
		desc: "the same request over MessagePack: binary values as bin"})
	add(rc{expect: Success, name: "signed_json", step: jsonStep(callMsg(signedKw)),
		desc: "the same request over JSON: binary values as \"\\u0000\" + base64"})
	resp := pr.respond(t, signed, 0x24)
	_, err := pr.q.Open(context.Background(), pr.pend, resp)
	require.NoError(t, err)
	resumed := pr.request(t, 0x18)
	require.Equal(t, keydist.AuthMAC, resumed.Auth)
	resumedKw := requestKw(t, resumed)
	add(rc{expect: Success, name: "resumed", canonical: true, before: []Step{signedStep}, step: withKw(cborStep(callMsg(resumedKw)), resumedKw),
		desc: "the next request of the same requester, MAC-authenticated (resumed), after the signed one in before"})
	{
		kw := requestKw(t, signed)
		kw["v"], kw["chain_id"], kw["issued"] = float64(1), float64(chainID), float64(signed.IssuedAt)
		add(rc{expect: Success, name: "integral_floats", step: cborStep(callMsg(kw)),
			desc: "v, chain_id and issued as CBOR float64 (JavaScript encoders write integers above 2^32 so): integral values ≤ 2^53 are accepted"})
		add(rc{expect: Success, name: "integral_floats_msgpack", step: msgpackStep(callMsg(kw)),
			desc: "the same over MessagePack: v, chain_id and issued as float64"})
		kw = requestKw(t, signed)
		for _, k := range []string{"registry", "realm", "pubkey", "nonce", "signature", "certificates"} {
			kw[k] = tagged{64, kw[k]}
		}
		add(rc{expect: Success, name: "tag64_binary", step: cborStep(callMsg(kw)),
			desc: "binary fields as tag 64 (RFC 8746 uint8 typed array, JavaScript's Uint8Array): accepted as byte strings"})
	}
	mal := func(name, desc string, mod func(kw map[string]any)) {
		kw := requestKw(t, signed)
		mod(kw)
		add(rc{expect: "malformed", name: name, desc: desc, step: cborStep(callMsg(kw))})
	}
	mal("issued_fractional", "issued = 1790000000000.5: not an integer", func(kw map[string]any) { kw["issued"] = float64(nowMs) + 0.5 })
	mal("chain_id_float_above_2_53", "chain_id as a float above 2^53", func(kw map[string]any) { kw["chain_id"] = float64(1 << 54) })
	mal("unknown_key", "an unknown key", func(kw map[string]any) { kw["extra"] = uint64(1) })
	mal("missing_nonce", "nonce missing", func(kw map[string]any) { delete(kw, "nonce") })
	mal("version_2", "v = 2", func(kw map[string]any) { kw["v"] = uint64(2) })
	mal("signature_and_mac", "both signature and mac", func(kw map[string]any) {
		kw["mac"], kw["responder_pubkey"] = fill(1, 32), []byte(g.bobCS.Public())
	})
	mal("pubkey_tag65", "pubkey inside tag 65: only tag 64 is binary", func(kw map[string]any) { kw["pubkey"] = tagged{65, kw["pubkey"]} })
	mal("pubkey_31_bytes", "pubkey of 31 bytes", func(kw map[string]any) { kw["pubkey"] = kw["pubkey"].([]byte)[:31] })
	mal("nine_certificates", "certificates: an array of 9", func(kw map[string]any) {
		kw["certificates"] = nineCBOR(t, append(append(append([]cert.Certificate{}, g.aliceChain...), g.aliceChain...), g.aliceChain...))
	})
	{
		kw := requestKw(t, signed)
		msg := callMsg(kw)
		msg[4] = []any{"x"}
		add(rc{expect: "malformed", name: "arguments_not_empty", desc: "the CALL's Arguments are not empty", step: cborStep(msg)})
	}
	re := func(expect, name, desc string, mod func(r *keydist.KeyRequest), signer *keys.DelegateKey, before ...Step) {
		r := clone(signed)
		mod(r)
		if signer != nil {
			g.resignRequest(r, signer)
		}
		add(rc{expect: expect, name: name, desc: desc, step: cborStep(callMsg(requestKw(t, r))), before: before})
	}
	re("wrong_domain", "wrong_chain_id", "chain_id 1 (signed so): the responder's chain is 31337", func(r *keydist.KeyRequest) { r.ChainID = 1 }, g.alice)
	re("wrong_domain", "wrong_registry", "registry is another address (the EIP712 verifyingContract)", func(r *keydist.KeyRequest) { r.Registry = g.realm }, g.alice)
	re("wrong_domain", "wrong_realm", "realm is another realm address", func(r *keydist.KeyRequest) { r.Realm = g.otherRealm }, g.alice)
	{
		kw := requestKw(t, signed)
		kw["peer_type"] = string(e2ee.RolePublisher)
		add(rc{expect: "role", name: "publisher_role", desc: "peer_type publisher: not a requester role", step: cborStep(callMsg(kw))})
	}
	re("stale", "issued_too_old", "issued 61 s before now (window ±60 s)", func(r *keydist.KeyRequest) { r.IssuedAt = nowMs - 61_000 }, g.alice)
	re("stale", "issued_in_future", "issued 61 s after now", func(r *keydist.KeyRequest) { r.IssuedAt = nowMs + 61_000 }, g.alice)
	re("bad_signature", "high_s", "the malleable high-s twin of a valid signature", func(r *keydist.KeyRequest) { r.Signature = highS(r.Signature) }, nil)
	re("bad_signature", "v_29", "v = 29", func(r *keydist.KeyRequest) { r.Signature[64] = 29 }, nil)
	re("bad_signature", "r_zero", "r = 0", func(r *keydist.KeyRequest) { clear(r.Signature[:32]) }, nil)
	re("wrong_signer", "signed_by_other", "signed by rogue's key, not by the delegate of the chain", func(r *keydist.KeyRequest) {}, g.rogue)
	re("wrong_signer", "tampered_uri", "uri changed after signing (the signature recovers to some other address)", func(r *keydist.KeyRequest) { r.URI = "com.example.topic2" }, nil)
	re("cs_key_mismatch", "pubkey_not_certified", "pubkey is not the csPubKey of the delegate certificate (signed so)", func(r *keydist.KeyRequest) { r.CSPubKey = g.rogueCS.PublicKey32() }, g.alice)
	add(rc{expect: "replay", name: "replayed", desc: "the same request a second time", step: signedStep, before: []Step{signedStep}})
	{
		broken := append([]cert.Certificate{}, g.aliceChain...)
		broken[1] = g.sign(g.rogue, broken[1])
		re("chain", "chain_breaks_ccr11", "the requester's chain breaks CCR-11", func(r *keydist.KeyRequest) { r.Chain = g.wire(broken) }, g.alice)
		foreign := g.chain3(g.alice, g.aliceCS.PublicKey32(), g.rogue, nil)
		re("untrusted", "other_trustroot", "a valid chain under rogue's root, which the responder does not trust", func(r *keydist.KeyRequest) { r.Chain = g.wire(foreign) }, g.alice)
		re("untrusted", "lone_delegate_standalone", "a lone delegate certificate with an issuer hint: standalone trust needs the chain",
			func(r *keydist.KeyRequest) { r.Chain, r.Issuer = g.wire(g.aliceChain[:1]), g.root.Address() }, g.alice)
		low := g.chain3(g.alice, lowOrderEd25519, g.root, nil)
		re("unsafe_key", "low_order_cs_key", "the requester's certified CS key is an Ed25519 point of order 8: no box is made to it",
			func(r *keydist.KeyRequest) { r.Chain, r.CSPubKey = g.wire(low), lowOrderEd25519 }, g.alice)
	}
	{
		// Resumed requests.
		rer := func(expect, name, desc string, mod func(r *keydist.KeyRequest), before ...Step) {
			r := clone(resumed)
			mod(r)
			add(rc{expect: expect, name: name, desc: desc, step: cborStep(callMsg(requestKw(t, r))), before: before})
		}
		rer("unknown_peer", "resumed_without_signed_exchange", "a resumed request to a responder that holds no signed exchange with the requester", func(*keydist.KeyRequest) {})
		rer("unknown_peer", "resumed_for_other_responder", "responder_pubkey is not this responder's CS key",
			func(r *keydist.KeyRequest) { r.ResponderCSPubKey = g.rogueCS.PublicKey32() }, signedStep)
		rer("bad_mac", "resumed_mac_flipped", "the MAC's first byte flipped", func(r *keydist.KeyRequest) { r.MAC[0] ^= 1 }, signedStep)
		rer("bad_mac", "resumed_uri_changed", "uri changed after MACing", func(r *keydist.KeyRequest) { r.URI = "com.example.topic2" }, signedStep)
		shared := sharedKey(t, g.aliceCS, g.bobCS.PublicKey32())
		d, err := resumed.Digest()
		require.NoError(t, err)
		bobCS := g.bobCS.PublicKey32()
		rer("bad_mac", "resumed_mac_reflected", "the MAC computed with the response direction's key (label \"WAMP-E2EE KeyResponse MAC v1\"): directions are separated",
			func(r *keydist.KeyRequest) {
				copy(r.MAC[:], hmacOf(hmacOf(shared[:], []byte(keydist.ResponseMACLabel)), d[:], bobCS[:]))
			}, signedStep)
		rer("bad_mac", "resumed_mac_with_box_key", "the MAC keyed with the box key itself instead of the derived request MAC key",
			func(r *keydist.KeyRequest) { copy(r.MAC[:], hmacOf(shared[:], d[:], bobCS[:])) }, signedStep)
	}
}

// ---- key responses (docs/protocol.md §3.6, §3.8) ----

func (g *gen) keyResponses() {
	t := g.t
	alice := party(g.alice, g.aliceCS, g.aliceWire)
	type rc struct {
		expect, name, desc string
		step               Step
		before             []Step
		canonical          bool
	}
	add := func(c rc) {
		prefix := "fail_"
		if c.expect == Success {
			prefix = "good_"
		}
		g.add("key_response/"+prefix+c.name, &Case{Suite: "key_response", Expect: c.expect, Description: c.desc, Policy: g.policy(),
			Requester: alice, Before: c.before, Step: c.step, Canonical: c.canonical})
	}
	reqOf := func(r *keydist.KeyRequest, nonce byte) *Request {
		return &Request{KeyID: reqKeyID, URI: reqURI, Role: string(e2ee.RoleSubscriber), NonceHex: hex.EncodeToString(fill(nonce, keydist.NonceSize)),
			Step: cborStep(callMsg(requestKw(t, r)))}
	}
	step := func(req *Request, resp *keydist.KeyResponse) Step {
		s := cborStep(resultMsg(responseKw(t, resp)))
		s.Request = req
		return s
	}
	pr := g.newPair(g.aliceWire, g.bobWire)
	signed := pr.request(t, 0x16)
	resp := pr.respond(t, signed, 0x24)
	sreq := reqOf(signed, 0x16)
	s := step(sreq, resp)
	s.ArgumentsKwHex = hex.EncodeToString(encodeCBOR(responseKw(t, resp)))
	add(rc{expect: Success, name: "signed", canonical: true, step: s,
		desc: "the signed response to the signed request in request: the complete RESULT and its ArgumentsKw, byte for byte; result.key_hex is the payload key in the box"})
	signedStep := step(sreq, resp)
	{
		ms := msgpackStep(resultMsg(responseKw(t, resp)))
		ms.Request = sreq
		add(rc{expect: Success, name: "signed_msgpack", step: ms, desc: "the signed response over MessagePack"})
		js := jsonStep(resultMsg(responseKw(t, resp)))
		js.Request = sreq
		add(rc{expect: Success, name: "signed_json", step: js, desc: "the signed response over JSON: binary values as \"\\u0000\" + base64"})
	}
	_, err := pr.q.Open(context.Background(), pr.pend, resp)
	require.NoError(t, err)
	resumed := pr.request(t, 0x18)
	rresp := pr.respond(t, resumed, 0x25)
	rreq := reqOf(resumed, 0x18)
	s = step(rreq, rresp)
	s.ArgumentsKwHex = hex.EncodeToString(encodeCBOR(responseKw(t, rresp)))
	add(rc{expect: Success, name: "resumed", canonical: true, step: s, before: []Step{signedStep},
		desc: "the resumed (MAC) response to the resumed request that follows the signed exchange in before"})

	re := func(expect, name, desc string, mod func(r *keydist.KeyResponse), signer *keys.DelegateKey) {
		r := clone(resp)
		mod(r)
		if signer != nil {
			g.resignResponse(r, signer)
		}
		add(rc{expect: expect, name: name, desc: desc, step: step(sreq, r)})
	}
	re("not_our_request", "other_request_nonce", "request_nonce of another request (signed so)", func(r *keydist.KeyResponse) { r.RequestNonce[0] ^= 1 }, g.bob)
	re("not_our_request", "other_requester_key", "request_pubkey is not our CS key (signed so)", func(r *keydist.KeyResponse) { r.RequesterCSPubKey = g.rogueCS.PublicKey32() }, g.bob)
	re("not_our_request", "other_key_id", "keyid of another key (signed so)", func(r *keydist.KeyResponse) {
		r.KeyID = "b0b0b0b0b0b0b0b0.ffffffffffffffffffffffffffffffff"
	}, g.bob)
	re("scope", "scope_other_uri", "scope com.example.other does not cover com.example.topic (signed so)", func(r *keydist.KeyResponse) { r.Scope.URI = "com.example.other" }, g.bob)
	re("scope", "prefix_not_on_dot", "prefix scope com.example.top covers com.example.top.x, not com.example.topic", func(r *keydist.KeyResponse) { r.Scope.URI = "com.example.top" }, g.bob)
	re("expired", "expired", "expires = now (signed so)", func(r *keydist.KeyResponse) { r.ExpiresAt = nowMs }, g.bob)
	re("wrong_domain", "wrong_chain_id", "chain_id 1 (signed so)", func(r *keydist.KeyResponse) { r.ChainID = 1 }, g.bob)
	re("role", "responder_role_caller", "peer_type caller (signed so): a subscriber's key comes from a publisher", func(r *keydist.KeyResponse) { r.Role = e2ee.RoleCaller }, g.bob)
	re("bad_signature", "high_s", "the high-s twin of the signature", func(r *keydist.KeyResponse) { r.Signature = highS(r.Signature) }, nil)
	re("wrong_signer", "signed_by_other", "signed by rogue's key (the router answering the key RPC itself)", func(r *keydist.KeyResponse) {}, g.rogue)
	re("wrong_signer", "tampered_box", "the box changed after signing (boxHash is signed)", func(r *keydist.KeyResponse) { r.Box[0] ^= 1 }, nil)
	re("cs_key_mismatch", "pubkey_not_certified", "pubkey is not the csPubKey of the responder's delegate certificate (signed so)", func(r *keydist.KeyResponse) { r.CSPubKey = g.rogueCS.PublicKey32() }, g.bob)
	{
		broken := append([]cert.Certificate{}, g.bobChain...)
		broken[0] = g.sign(g.rogue, broken[0])
		re("chain", "chain_breaks_ccr12", "the responder's chain breaks CCR-12", func(r *keydist.KeyResponse) { r.Chain = g.wire(broken) }, g.bob)
		foreign := g.chain3(g.bob, g.bobCS.PublicKey32(), g.rogue, nil)
		re("untrusted", "other_trustroot", "a valid chain under rogue's root", func(r *keydist.KeyResponse) { r.Chain = g.wire(foreign) }, g.bob)
		low := g.chain3(g.bob, lowOrderEd25519, g.root, nil)
		re("unsafe_key", "low_order_cs_key", "the responder's certified CS key is of low order (signed so)",
			func(r *keydist.KeyResponse) { r.Chain, r.CSPubKey = g.wire(low), lowOrderEd25519 }, g.bob)
	}
	re("box_open", "box_for_other_key", "a correctly signed response whose box was sealed between rogue's and alice's keys",
		func(r *keydist.KeyResponse) {
			box.SealAfterPrecomputation(r.Box[:0], theKey[:], &r.BoxNonce, sharedKey(t, g.rogueCS, g.aliceCS.PublicKey32()))
		}, g.bob)
	{
		// A signed answer to the resumed request, and a resumed answer to
		// the signed one: no downgrade or mode switch.
		sr := clone(rresp)
		sr.Auth = keydist.AuthSignature
		g.resignResponse(sr, g.bob)
		add(rc{expect: "not_our_request", name: "signed_answer_to_resumed", step: step(rreq, sr), before: []Step{signedStep},
			desc: "a signed response to a resumed request: the mode must be the request's"})
		mr := clone(resp)
		mr.Auth = keydist.AuthMAC
		d, err := mr.Digest()
		require.NoError(t, err)
		mr.MAC = keydist.ResponseMAC(sharedKey(t, g.bobCS, g.aliceCS.PublicKey32()), d)
		add(rc{expect: "not_our_request", name: "resumed_answer_to_signed", step: step(sreq, mr),
			desc: "a MAC-authenticated response to a signed request (a downgrade)"})
	}
	rmod := func(expect, name, desc string, mod func(r *keydist.KeyResponse)) {
		r := clone(rresp)
		mod(r)
		add(rc{expect: expect, name: name, desc: desc, step: step(rreq, r), before: []Step{signedStep}})
	}
	shared := sharedKey(t, g.aliceCS, g.bobCS.PublicKey32())
	rmod("bad_mac", "resumed_mac_flipped", "the response MAC's first byte flipped", func(r *keydist.KeyResponse) { r.MAC[0] ^= 1 })
	rmod("bad_mac", "resumed_expiry_changed", "expires changed after MACing", func(r *keydist.KeyResponse) { r.ExpiresAt += 1000 })
	rmod("bad_mac", "resumed_mac_reflected", "the MAC computed with the request direction's key (label \"WAMP-E2EE KeyRequest MAC v1\") over the response digest and the responder key",
		func(r *keydist.KeyResponse) {
			d, err := r.Digest()
			require.NoError(t, err)
			bobCS := g.bobCS.PublicKey32()
			copy(r.MAC[:], hmacOf(hmacOf(shared[:], []byte(keydist.RequestMACLabel)), d[:], bobCS[:]))
		})
	rmod("bad_mac", "resumed_request_mac_echoed", "the request's own MAC echoed back as the response MAC",
		func(r *keydist.KeyResponse) { r.MAC = resumed.MAC })
}
