package cert_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// Seed corpora live in testdata/fuzz/FuzzXxx (vector certificates and chains
// in every wire form); run e.g. go test -fuzz FuzzParseChainJSON ./e2ee/cert/.

// fuzzExpect accepts the vectors' and the test chains' parameters.
func fuzzExpect() cert.Expect {
	return cert.Expect{ChainID: 1, VerifyingContract: testContract, Block: 1 << 40}
}

// checkRoundTrip asserts that a parsed certificate re-encodes to a value
// that parses to the same certificate, in every form.
func checkRoundTrip(t *testing.T, c cert.Certificate) {
	for _, f := range []cert.Form{cert.FormPair, cert.FormTriple} {
		raw, err := cert.MarshalCertificateJSON(c, f)
		require.NoError(t, err)
		back, err := cert.ParseCertificateJSON(raw)
		require.NoError(t, err)
		require.Equal(t, c, back)
	}
	raw, err := cert.MarshalCertificateCBOR(c)
	require.NoError(t, err)
	back, err := cert.ParseCertificateCBOR(raw)
	require.NoError(t, err)
	require.Equal(t, c, back)
	again, err := cert.MarshalCertificateCBOR(back)
	require.NoError(t, err)
	require.Equal(t, raw, again, "CBOR encoding is not deterministic")
	d, err := c.Digest()
	require.NoError(t, err)
	ref, err := c.DigestAPITypes()
	require.NoError(t, err)
	require.Equal(t, ref, d)
	_ = c.Verify()
}

func FuzzParseCertificateJSON(f *testing.F) {
	for _, vc := range loadVectors(f).Certificates {
		f.Add(vc.pairJSON())
		f.Add(vc.tripleJSON())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := cert.ParseCertificateJSON(data)
		if err != nil {
			return
		}
		checkRoundTrip(t, c)
	})
}

func FuzzParseCertificateCBOR(f *testing.F) {
	for _, vc := range loadVectors(f).Certificates {
		c, err := cert.ParseCertificateJSON(vc.pairJSON())
		require.NoError(f, err)
		raw, err := cert.MarshalCertificateCBOR(c)
		require.NoError(f, err)
		f.Add(raw)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := cert.ParseCertificateCBOR(data)
		if err != nil {
			return
		}
		checkRoundTrip(t, c)
	})
}

// verifyBoth verifies a parsed chain directly and through a cache and
// requires the same verdict.
func verifyBoth(t *testing.T, chain []cert.Certificate) {
	v1, err1 := cert.Verify(chain, fuzzExpect())
	v2, err2 := cert.NewCache(2).Verify(chain, fuzzExpect())
	require.Equal(t, err1 == nil, err2 == nil)
	if err1 == nil {
		require.Equal(t, v1.Digests(), v2.Digests())
	}
}

func FuzzParseChainJSON(f *testing.F) {
	for _, raw := range seedChains(f) {
		b, err := cert.MarshalChainJSON(raw, cert.FormPair)
		require.NoError(f, err)
		f.Add(b)
		b, err = cert.MarshalChainJSON(raw, cert.FormTriple)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = cert.NewCache(1).VerifyJSON(data, fuzzExpect())
		chain, err := cert.ParseChainJSON(data)
		if err != nil {
			return
		}
		verifyBoth(t, chain)
	})
}

func FuzzParseChainCBOR(f *testing.F) {
	for _, raw := range seedChains(f) {
		b, err := cert.MarshalChainCBOR(raw)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = cert.NewCache(1).VerifyCBOR(data, fuzzExpect())
		chain, err := cert.ParseChainCBOR(data)
		if err != nil {
			return
		}
		verifyBoth(t, chain)
	})
}

// FuzzDigestMatchesAPITypes proves the fixed-layout digest equal to
// go-ethereum apitypes for arbitrary field values.
func FuzzDigestMatchesAPITypes(f *testing.F) {
	f.Add(uint64(1), uint64(15212703), uint64(1658765756680628959), uint64(63), []byte("0123456789abcdef0123"), []byte("fedcba9876543210fedcba9876543210"), "meta")
	f.Add(uint64(0), uint64(0), uint64(0), uint64(0), []byte{}, []byte{}, "")
	f.Add(^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), []byte{0xff}, []byte{0xff}, "\x00\xff")
	f.Fuzz(func(t *testing.T, chainID, validFrom, u64, caps uint64, addr, b32 []byte, meta string) {
		if len(meta) > cert.MaxMetaLength {
			return
		}
		a := common.BytesToAddress(addr)
		var k [32]byte
		copy(k[:], b32)
		for _, c := range []cert.Certificate{
			{Delegate: &cert.DelegateCertificate{ChainID: chainID, VerifyingContract: a, ValidFrom: validFrom, Delegate: common.BytesToAddress(b32), CSPubKey: k, BootedAt: u64, Meta: meta}},
			{Authority: &cert.AuthorityCertificate{ChainID: chainID, VerifyingContract: a, ValidFrom: validFrom, Issuer: common.BytesToAddress(b32), Subject: a, Realm: common.BytesToAddress(k[:]), Capabilities: caps, Meta: meta}},
		} {
			d, err := c.Digest()
			require.NoError(t, err)
			ref, err := c.DigestAPITypes()
			require.NoError(t, err)
			require.Equal(t, ref, d)
		}
	})
}

// seedChains returns valid chains of several lengths.
func seedChains(tb testing.TB) [][]cert.Certificate {
	return [][]cert.Certificate{goodChain3(tb), goodChain5(tb), buildChain(tb, 1, 100, nil)}
}
