package cert_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

func TestVerifyGoodChains(t *testing.T) {
	for name, chain := range map[string][]cert.Certificate{
		"3":    goodChain3(t),
		"5":    goodChain5(t),
		"lone": buildChain(t, 1, 100, nil),
		// N=2: the delegate is its own root CA.
		"2": buildChain(t, 1, 100, []authSpec{{issuer: 1, subject: 1, caps: 0xff, validFrom: 100}}),
	} {
		t.Run(name, func(t *testing.T) {
			vc, err := cert.Verify(chain, testExpect())
			require.NoError(t, err)
			assert.Equal(t, len(chain), vc.Len())
			assert.Equal(t, testKeys(t)[1].Address(), vc.DelegateAddress())
			assert.Equal(t, testCSKey, vc.CSPubKey())
			assert.Equal(t, len(chain) > 1, vc.Complete())
			assert.Len(t, vc.Digests(), len(chain))
			assert.NotContains(t, vc.String(), "0x0102")
		})
	}
}

// mutate returns a copy of chain with deep-copied messages, changed by f.
func mutate(chain []cert.Certificate, f func([]cert.Certificate) []cert.Certificate) []cert.Certificate {
	out := make([]cert.Certificate, len(chain))
	for i, c := range chain {
		if c.Delegate != nil {
			d := *c.Delegate
			c.Delegate = &d
		}
		if c.Authority != nil {
			a := *c.Authority
			c.Authority = &a
		}
		out[i] = c
	}
	return f(out)
}

// highS returns the malleable twin (r, N−s, v^1) of a low-s signature.
func highS(sig [65]byte) [65]byte {
	n := crypto.S256().Params().N
	s := new(big.Int).SetBytes(sig[32:64])
	s.Sub(n, s)
	s.FillBytes(sig[32:64])
	sig[64] ^= 1 // 27 <-> 28
	return sig
}

func TestVerifyRules(t *testing.T) {
	other := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	good := goodChain3(t)
	good5 := goodChain5(t)
	exp := testExpect()
	tests := []struct {
		name     string
		chain    []cert.Certificate
		exp      *cert.Expect
		rule     string
		sentinel error
	}{
		// The vectors' negative_cases_to_derive.
		{"flip delegate signature byte", mutate(good, func(c []cert.Certificate) []cert.Certificate { c[0].Signature[5] ^= 1; return c }), nil, "CCR-12", cert.ErrSignature},
		{"flip intermediate signature byte", mutate(good, func(c []cert.Certificate) []cert.Certificate { c[1].Signature[40] ^= 1; return c }), nil, "CCR-11", cert.ErrSignature},
		{"flip root signature byte", mutate(good, func(c []cert.Certificate) []cert.Certificate { c[2].Signature[1] ^= 1; return c }), nil, "CCR-10", cert.ErrSignature},
		{"intermediate caps 64|12 vs root 63", mutate(good, func(c []cert.Certificate) []cert.Certificate {
			c[1].Authority.Capabilities = 64 | 12
			c[2].Authority.Capabilities = 63
			return c
		}), nil, "CCR-7", cert.ErrCapabilities},
		{"chainId 5 with the same signatures", mutate(good, func(c []cert.Certificate) []cert.Certificate {
			c[0].Delegate.ChainID, c[1].Authority.ChainID, c[2].Authority.ChainID = 5, 5, 5
			return c
		}), &cert.Expect{ChainID: 5, VerifyingContract: testContract, Realm: testRealm, Block: testBlock}, "CCR-12", cert.ErrSignature},
		{"replaced csPubKey", mutate(good, func(c []cert.Certificate) []cert.Certificate { c[0].Delegate.CSPubKey[0] ^= 1; return c }), nil, "CCR-12", cert.ErrSignature},
		{"swapped order", []cert.Certificate{good[2], good[1], good[0]}, nil, "CCR-3", cert.ErrStructure},
		// Our own.
		{"empty", nil, nil, "FORMAT", cert.ErrMalformed},
		{"too long", append(append([]cert.Certificate{}, good5...), good5...), nil, "FORMAT", cert.ErrMalformed},
		{"neither message", []cert.Certificate{{}}, nil, "FORMAT", cert.ErrMalformed},
		{"two delegates", []cert.Certificate{good[0], good[0]}, nil, "CCR-3", cert.ErrStructure},
		{"meta too long", mutate(good, func(c []cert.Certificate) []cert.Certificate {
			c[0].Delegate.Meta = string(make([]byte, cert.MaxMetaLength+1))
			return c
		}), nil, "FORMAT", cert.ErrMalformed},
		{"expected chain id differs", good, &cert.Expect{ChainID: 5, VerifyingContract: testContract, Realm: testRealm, Block: testBlock}, "CCR-1", cert.ErrWrongChain},
		{"expected contract differs", good, &cert.Expect{ChainID: 1, VerifyingContract: other, Realm: testRealm, Block: testBlock}, "CCR-1", cert.ErrWrongChain},
		{"not yet valid", good, &cert.Expect{ChainID: 1, VerifyingContract: testContract, Realm: testRealm, Block: 99}, "CCR-1", cert.ErrNotYetValid},
		{"lone delegate not yet valid", good[:1], &cert.Expect{ChainID: 1, VerifyingContract: testContract, Block: 99}, "CCR-1", cert.ErrNotYetValid},
		{"expected realm differs", good, &cert.Expect{ChainID: 1, VerifyingContract: testContract, Realm: other, Block: testBlock}, "CCR-2", cert.ErrRealm},
		{"realms differ in chain", buildChain(t, 1, 100, []authSpec{
			{issuer: 0, subject: 1, caps: 12, validFrom: 50, realm: &other},
			{issuer: 0, subject: 0, caps: 0xff, validFrom: 10},
		}), &cert.Expect{ChainID: 1, VerifyingContract: testContract, Block: testBlock}, "CCR-2", cert.ErrRealm},
		{"root not self-signed", buildChain(t, 1, 100, []authSpec{
			{issuer: 0, subject: 1, caps: 12, validFrom: 50},
			{issuer: 0, subject: 2, caps: 0xff, validFrom: 10},
		}), nil, "CCR-4", cert.ErrRootNotSelfSigned},
		{"issuer is not next subject", buildChain(t, 1, 100, []authSpec{
			{issuer: 2, subject: 1, caps: 12, validFrom: 50},
			{issuer: 0, subject: 3, caps: 0xff, validFrom: 20},
			{issuer: 0, subject: 0, caps: 0xff, validFrom: 10},
		}), nil, "CCR-5", cert.ErrIssuerSubject},
		{"root validFrom after intermediate", buildChain(t, 1, 100, []authSpec{
			{issuer: 0, subject: 1, caps: 12, validFrom: 50},
			{issuer: 0, subject: 0, caps: 0xff, validFrom: 60},
		}), nil, "CCR-6", cert.ErrValidFromOrder},
		{"reserved capability bit", buildChain(t, 1, 100, []authSpec{
			{issuer: 0, subject: 1, caps: 1 << 8, validFrom: 50},
			{issuer: 0, subject: 0, caps: 0xff | 1<<8, validFrom: 10},
		}), nil, "CCR-7", cert.ErrCapabilities},
		{"root lacks ROOT_CA", buildChain(t, 1, 100, []authSpec{
			{issuer: 0, subject: 1, caps: 12, validFrom: 50},
			{issuer: 0, subject: 0, caps: 0xfe, validFrom: 10},
		}), nil, "CCR-7", cert.ErrCapabilities},
		{"issuing CA lacks INTERMEDIATE_CA", buildChain(t, 1, 100, []authSpec{
			{issuer: 2, subject: 1, caps: 12, validFrom: 50},
			{issuer: 0, subject: 2, caps: 12, validFrom: 20},
			{issuer: 0, subject: 0, caps: 0xff, validFrom: 10},
		}), nil, "CCR-7", cert.ErrCapabilities},
		{"intermediate subject is not the delegate", buildChain(t, 1, 100, []authSpec{
			{issuer: 0, subject: 2, caps: 12, validFrom: 50},
			{issuer: 0, subject: 0, caps: 0xff, validFrom: 10},
		}), nil, "CCR-8", cert.ErrIssuerSubject},
		{"intermediate validFrom after delegate", buildChain(t, 1, 100, []authSpec{
			{issuer: 0, subject: 1, caps: 12, validFrom: 150},
			{issuer: 0, subject: 0, caps: 0xff, validFrom: 10},
		}), nil, "CCR-9", cert.ErrValidFromOrder},
		{"intermediate signed by another key", mutate(good, func(c []cert.Certificate) []cert.Certificate {
			resigned, err := cert.SignAuthority(testKeys(t)[3], func() cert.AuthorityCertificate {
				a := *c[1].Authority
				a.Issuer = testKeys(t)[3].Address()
				return a
			}())
			require.NoError(t, err)
			c[1].Signature = resigned.Signature
			return c
		}), nil, "CCR-11", cert.ErrSignature},
		{"high-s delegate signature", mutate(good, func(c []cert.Certificate) []cert.Certificate { c[0].Signature = highS(c[0].Signature); return c }), nil, "CCR-12", cert.ErrSignature},
		{"v = 0", mutate(good, func(c []cert.Certificate) []cert.Certificate { c[0].Signature[64] -= 27; return c }), nil, "CCR-12", cert.ErrSignature},
		{"5-chain middle signature", mutate(good5, func(c []cert.Certificate) []cert.Certificate { c[2].Signature[3] ^= 1; return c }), nil, "CCR-11", cert.ErrSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := exp
			if tt.exp != nil {
				e = *tt.exp
			}
			vc, err := cert.Verify(tt.chain, e)
			require.Error(t, err)
			assert.Nil(t, vc)
			var re *cert.RuleError
			require.True(t, errors.As(err, &re), "want a *RuleError, got %v", err)
			assert.Equal(t, tt.rule, re.Rule, "%v", err)
			assert.ErrorIs(t, err, tt.sentinel)
			assert.ErrorIs(t, err, cert.ErrChain)

			// The cache gives the same verdict and caches nothing.
			c := cert.NewCache(8)
			_, err2 := c.Verify(tt.chain, e)
			require.Error(t, err2)
			assert.Equal(t, err.Error(), err2.Error())
			assert.Zero(t, c.Len())
		})
	}
}

func TestCheckCSPubKey(t *testing.T) {
	vc, err := cert.Verify(goodChain3(t), testExpect())
	require.NoError(t, err)
	require.NoError(t, vc.CheckCSPubKey(testCSKey[:]))
	other := testCSKey
	other[31] = 9
	err = vc.CheckCSPubKey(other[:])
	assert.ErrorIs(t, err, cert.ErrCSPubKey)
	assert.ErrorIs(t, vc.CheckCSPubKey(nil), cert.ErrCSPubKey)
}

func TestSignRefusesWrongSigner(t *testing.T) {
	ks := testKeys(t)
	_, err := cert.SignDelegate(ks[0], cert.DelegateCertificate{Delegate: ks[1].Address()})
	require.Error(t, err)
	_, err = cert.SignAuthority(ks[0], cert.AuthorityCertificate{Issuer: ks[1].Address()})
	require.Error(t, err)
}

func TestCacheHitRechecksExpect(t *testing.T) {
	chain := goodChain3(t)
	raw, err := cert.MarshalChainJSON(chain, cert.FormPair)
	require.NoError(t, err)
	c := cert.NewCache(2)
	_, err = c.VerifyJSON(raw, testExpect())
	require.NoError(t, err)
	require.Equal(t, 1, c.Len())

	// Same bytes, stricter expectation: the hit must not bypass CCR-1/CCR-2.
	e := testExpect()
	e.Block = 10
	_, err = c.VerifyJSON(raw, e)
	assert.ErrorIs(t, err, cert.ErrNotYetValid)
	e = testExpect()
	e.Realm = common.HexToAddress("0x01")
	_, err = c.VerifyJSON(raw, e)
	assert.ErrorIs(t, err, cert.ErrRealm)

	// Bounded: LRU eviction.
	_, err = c.Verify(chain, testExpect())
	require.NoError(t, err)
	_, err = c.Verify(goodChain5(t), testExpect())
	require.NoError(t, err)
	assert.Equal(t, 2, c.Len())
	c.Purge()
	assert.Zero(t, c.Len())
}

func TestCacheConcurrent(t *testing.T) {
	chains := [][]cert.Certificate{goodChain3(t), goodChain5(t), buildChain(t, 1, 100, nil)}
	c := cert.NewCache(2)
	done := make(chan error)
	for g := range 8 {
		go func() {
			var err error
			for i := range 50 {
				if _, e := c.Verify(chains[(g+i)%len(chains)], testExpect()); e != nil {
					err = e
				}
			}
			done <- err
		}()
	}
	for range 8 {
		require.NoError(t, <-done)
	}
}
