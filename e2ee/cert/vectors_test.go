package cert_test

import (
	"encoding/hex"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

func TestConstantsMatchVectors(t *testing.T) {
	v := loadVectors(t)
	assert.Equal(t, v.Constants.Domain.DomainSeparator, hex.EncodeToString(cert.DomainSeparator().Bytes()))
	assert.Equal(t, cert.DelegateTypeString, v.Constants.Delegate.Type)
	assert.Equal(t, cert.AuthorityTypeString, v.Constants.Authority.Type)
	assert.Equal(t, v.Constants.Delegate.TypeHash, hex.EncodeToString(cert.DelegateTypeHash().Bytes()))
	assert.Equal(t, v.Constants.Authority.TypeHash, hex.EncodeToString(cert.AuthorityTypeHash().Bytes()))
}

func TestVectorCertificates(t *testing.T) {
	v := loadVectors(t)
	ks := testKeys(t)
	for _, vc := range v.Certificates {
		t.Run(vc.Name, func(t *testing.T) {
			for form, raw := range map[string][]byte{"pair": vc.pairJSON(), "triple": vc.tripleJSON()} {
				c, err := cert.ParseCertificateJSON(raw)
				require.NoError(t, err, form)

				d, err := c.Digest()
				require.NoError(t, err)
				assert.Equal(t, vc.EIP712.Digest, hex.EncodeToString(d[:]), "digest (%s)", form)
				ref, err := c.DigestAPITypes()
				require.NoError(t, err)
				assert.Equal(t, d, ref, "fast digest equals apitypes")

				var structHash common.Hash
				if c.Delegate != nil {
					structHash = c.Delegate.StructHash()
				} else {
					structHash = c.Authority.StructHash()
				}
				assert.Equal(t, vc.EIP712.StructHash, hex.EncodeToString(structHash[:]))

				signer, err := c.Signer()
				require.NoError(t, err)
				assert.Equal(t, vc.Signer, signer.Hex())
				require.NoError(t, c.Verify())

				// RFC 6979: re-signing with the derived key reproduces the signature.
				sig, err := ks[vc.SignerIdx].SignDigest(d)
				require.NoError(t, err)
				assert.Equal(t, vc.Signature, hex.EncodeToString(sig))
			}
		})
	}
}

func TestVectorRoundTrips(t *testing.T) {
	v := loadVectors(t)
	for _, vc := range v.Certificates {
		t.Run(vc.Name, func(t *testing.T) {
			c, err := cert.ParseCertificateJSON(vc.pairJSON())
			require.NoError(t, err)
			for _, f := range []cert.Form{cert.FormPair, cert.FormTriple} {
				raw, err := cert.MarshalCertificateJSON(c, f)
				require.NoError(t, err)
				back, err := cert.ParseCertificateJSON(raw)
				require.NoError(t, err)
				assert.Equal(t, c, back)
			}
			raw, err := cert.MarshalCertificateCBOR(c)
			require.NoError(t, err)
			back, err := cert.ParseCertificateCBOR(raw)
			require.NoError(t, err)
			assert.Equal(t, c, back)
		})
	}
}

func TestVectorChains(t *testing.T) {
	v := loadVectors(t)
	for _, vch := range v.Chains {
		t.Run(vch.Name, func(t *testing.T) {
			var members []vectorCert
			for _, name := range vch.Members {
				members = append(members, v.cert(t, name))
			}
			// spec-ex3 travels as 2-tuples, ab-chain1 as 3-tuples; test both forms for both.
			var pairs, triples []byte
			pairs, triples = []byte("["), []byte("[")
			for i, m := range members {
				if i > 0 {
					pairs, triples = append(pairs, ','), append(triples, ',')
				}
				pairs, triples = append(pairs, m.pairJSON()...), append(triples, m.tripleJSON()...)
			}
			pairs, triples = append(pairs, ']'), append(triples, ']')

			first, err := cert.ParseCertificateJSON(members[0].pairJSON())
			require.NoError(t, err)
			exp := cert.Expect{
				ChainID:           vch.ChainID,
				VerifyingContract: common.HexToAddress(vch.VerifyingContract),
				Realm:             common.HexToAddress(vch.Realm),
				Block:             first.Delegate.ValidFrom,
			}
			for _, raw := range [][]byte{pairs, triples} {
				chain, err := cert.ParseChainJSON(raw)
				require.NoError(t, err)
				vc, err := cert.Verify(chain, exp)
				require.NoError(t, err)
				root, ok := vc.Trustroot()
				require.True(t, ok)
				assert.Equal(t, vch.Trustroot, root.Hex())
				realm, _ := vc.Realm()
				assert.Equal(t, vch.Realm, realm.Hex())
				assert.Equal(t, 3, vc.Len())
				caps, _ := vc.Capabilities()
				assert.Equal(t, uint64(12), caps)
				if vch.HelloPubkey != "" {
					require.NoError(t, vc.CheckCSPubKey(mustHex(t, vch.HelloPubkey)))
				}
				// Via the cache and via CBOR, too.
				cbor, err := cert.MarshalChainCBOR(chain)
				require.NoError(t, err)
				c := cert.NewCache(4)
				for range 2 {
					_, err = c.VerifyCBOR(cbor, exp)
					require.NoError(t, err)
					_, err = c.VerifyJSON(raw, exp)
					require.NoError(t, err)
				}
			}
		})
	}
}
