package cert_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

func BenchmarkDigest(b *testing.B) {
	c, err := cert.ParseCertificateJSON(loadVectors(b).cert(b, "ab-chain1-delegate").pairJSON())
	require.NoError(b, err)
	b.Run("fixed-layout", func(b *testing.B) {
		for b.Loop() {
			_, _ = c.Digest()
		}
	})
	b.Run("apitypes", func(b *testing.B) {
		for b.Loop() {
			_, _ = c.DigestAPITypes()
		}
	})
}

func BenchmarkVerifyCertificate(b *testing.B) {
	c, err := cert.ParseCertificateJSON(loadVectors(b).cert(b, "ab-chain1-delegate").pairJSON())
	require.NoError(b, err)
	for b.Loop() {
		if err := c.Verify(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifyChain3(b *testing.B) {
	chain := goodChain3(b)
	exp := testExpect()
	raw, err := cert.MarshalChainJSON(chain, cert.FormPair)
	require.NoError(b, err)
	rawCBOR, err := cert.MarshalChainCBOR(chain)
	require.NoError(b, err)
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			if _, err := cert.Verify(chain, exp); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cold-parse-json", func(b *testing.B) {
		for b.Loop() {
			parsed, err := cert.ParseChainJSON(raw)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := cert.Verify(parsed, exp); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cold-parse-cbor", func(b *testing.B) {
		for b.Loop() {
			parsed, err := cert.ParseChainCBOR(rawCBOR)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := cert.Verify(parsed, exp); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached-digests", func(b *testing.B) {
		c := cert.NewCache(16)
		_, err := c.Verify(chain, exp)
		require.NoError(b, err)
		for b.Loop() {
			if _, err := c.Verify(chain, exp); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached-json-bytes", func(b *testing.B) {
		c := cert.NewCache(16)
		_, err := c.VerifyJSON(raw, exp)
		require.NoError(b, err)
		b.SetBytes(int64(len(raw)))
		for b.Loop() {
			if _, err := c.VerifyJSON(raw, exp); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached-cbor-bytes", func(b *testing.B) {
		c := cert.NewCache(16)
		_, err := c.VerifyCBOR(rawCBOR, exp)
		require.NoError(b, err)
		b.SetBytes(int64(len(rawCBOR)))
		for b.Loop() {
			if _, err := c.VerifyCBOR(rawCBOR, exp); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkParseChain3 measures parsing alone (no verification) of the
// 3-certificate test chain in every wire form.
func BenchmarkParseChain3(b *testing.B) {
	chain := goodChain3(b)
	pair, err := cert.MarshalChainJSON(chain, cert.FormPair)
	require.NoError(b, err)
	triple, err := cert.MarshalChainJSON(chain, cert.FormTriple)
	require.NoError(b, err)
	rawCBOR, err := cert.MarshalChainCBOR(chain)
	require.NoError(b, err)
	for _, bc := range []struct {
		name  string
		raw   []byte
		parse func([]byte) ([]cert.Certificate, error)
	}{
		{"json-pair", pair, cert.ParseChainJSON},
		{"json-triple", triple, cert.ParseChainJSON},
		{"cbor", rawCBOR, cert.ParseChainCBOR},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.raw)))
			for b.Loop() {
				if _, err := bc.parse(bc.raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMarshalChain3 measures encoding the 3-certificate test chain.
func BenchmarkMarshalChain3(b *testing.B) {
	chain := goodChain3(b)
	b.Run("cbor", func(b *testing.B) {
		for b.Loop() {
			if _, err := cert.MarshalChainCBOR(chain); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json-pair", func(b *testing.B) {
		for b.Loop() {
			if _, err := cert.MarshalChainJSON(chain, cert.FormPair); err != nil {
				b.Fatal(err)
			}
		}
	})
}
