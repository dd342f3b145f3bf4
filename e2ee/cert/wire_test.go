package cert_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/fxamacker/cbor/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// TestMarshalCBORDeterministic: the same chain always encodes to the same
// bytes, and parse → marshal reproduces them.
func TestMarshalCBORDeterministic(t *testing.T) {
	for _, chain := range seedChains(t) {
		first, err := cert.MarshalChainCBOR(chain)
		require.NoError(t, err)
		for range 50 { // Go map order used to vary between calls
			again, err := cert.MarshalChainCBOR(chain)
			require.NoError(t, err)
			require.Equal(t, first, again)
		}
		parsed, err := cert.ParseChainCBOR(first)
		require.NoError(t, err)
		require.Equal(t, chain, parsed)
		back, err := cert.MarshalChainCBOR(parsed)
		require.NoError(t, err)
		require.Equal(t, first, back, "parse → marshal changed the bytes")
		for i := range chain {
			one, err := cert.MarshalCertificateCBOR(chain[i])
			require.NoError(t, err)
			assert.True(t, bytes.Contains(first, one), "chain element %d is its certificate file", i)
		}
	}
}

// TestVectorCBORRoundTrip: every vector certificate round-trips through the
// CBOR file form byte for byte, the file carries the vector's digest, and
// the bytes are exactly what a generic CBOR encoder writes for Autobahn's
// key order (types {EIP712Domain, primary}, primaryType, domain, message in
// EIP712 order).
func TestVectorCBORRoundTrip(t *testing.T) {
	type field struct {
		Name string `cbor:"name"`
		Type string `cbor:"type"`
	}
	type domain struct {
		Name    string `cbor:"name"`
		Version string `cbor:"version"`
	}
	fields := func(names, types []string) []field {
		out := make([]field, len(names))
		for i := range names {
			out[i] = field{names[i], types[i]}
		}
		return out
	}
	domainFields := fields([]string{"name", "version"}, []string{"string", "string"})
	for _, vc := range loadVectors(t).Certificates {
		t.Run(vc.Name, func(t *testing.T) {
			c, err := cert.ParseCertificateJSON(vc.pairJSON())
			require.NoError(t, err)
			raw, err := cert.MarshalCertificateCBOR(c)
			require.NoError(t, err)
			back, err := cert.ParseCertificateCBOR(raw)
			require.NoError(t, err)
			require.Equal(t, c, back)
			again, err := cert.MarshalCertificateCBOR(back)
			require.NoError(t, err)
			require.Equal(t, raw, again)
			assert.Equal(t, mustHex(t, vc.EIP712.Digest), raw[3:35], "file hash")

			// Reference encoding with fxamacker/cbor, fixed order via structs.
			var td any
			sig := [][]byte{c.Signature[:]}
			d, err := c.Digest()
			require.NoError(t, err)
			if m := c.Delegate; m != nil {
				td = struct {
					Types struct {
						Domain []field `cbor:"EIP712Domain"`
						Cert   []field `cbor:"EIP712DelegateCertificate"`
					} `cbor:"types"`
					PrimaryType string `cbor:"primaryType"`
					Domain      domain `cbor:"domain"`
					Message     struct {
						ChainID           uint64 `cbor:"chainId"`
						VerifyingContract []byte `cbor:"verifyingContract"`
						ValidFrom         uint64 `cbor:"validFrom"`
						Delegate          []byte `cbor:"delegate"`
						CSPubKey          []byte `cbor:"csPubKey"`
						BootedAt          uint64 `cbor:"bootedAt"`
						Meta              string `cbor:"meta"`
					} `cbor:"message"`
				}{
					Types: struct {
						Domain []field `cbor:"EIP712Domain"`
						Cert   []field `cbor:"EIP712DelegateCertificate"`
					}{domainFields, fields(
						[]string{"chainId", "verifyingContract", "validFrom", "delegate", "csPubKey", "bootedAt", "meta"},
						[]string{"uint256", "address", "uint256", "address", "bytes32", "uint64", "string"})},
					PrimaryType: cert.DelegateCertificateType,
					Domain:      domain{"WMP", "1"},
					Message: struct {
						ChainID           uint64 `cbor:"chainId"`
						VerifyingContract []byte `cbor:"verifyingContract"`
						ValidFrom         uint64 `cbor:"validFrom"`
						Delegate          []byte `cbor:"delegate"`
						CSPubKey          []byte `cbor:"csPubKey"`
						BootedAt          uint64 `cbor:"bootedAt"`
						Meta              string `cbor:"meta"`
					}{m.ChainID, m.VerifyingContract[:], m.ValidFrom, m.Delegate[:], m.CSPubKey[:], m.BootedAt, m.Meta},
				}
			} else {
				m := c.Authority
				type msg struct {
					ChainID           uint64 `cbor:"chainId"`
					VerifyingContract []byte `cbor:"verifyingContract"`
					ValidFrom         uint64 `cbor:"validFrom"`
					Issuer            []byte `cbor:"issuer"`
					Subject           []byte `cbor:"subject"`
					Realm             []byte `cbor:"realm"`
					Capabilities      uint64 `cbor:"capabilities"`
					Meta              string `cbor:"meta"`
				}
				type types struct {
					Domain []field `cbor:"EIP712Domain"`
					Cert   []field `cbor:"EIP712AuthorityCertificate"`
				}
				td = struct {
					Types       types  `cbor:"types"`
					PrimaryType string `cbor:"primaryType"`
					Domain      domain `cbor:"domain"`
					Message     msg    `cbor:"message"`
				}{
					types{domainFields, fields(
						[]string{"chainId", "verifyingContract", "validFrom", "issuer", "subject", "realm", "capabilities", "meta"},
						[]string{"uint256", "address", "uint256", "address", "address", "address", "uint64", "string"})},
					cert.AuthorityCertificateType, domain{"WMP", "1"},
					msg{m.ChainID, m.VerifyingContract[:], m.ValidFrom, m.Issuer[:], m.Subject[:], m.Realm[:], m.Capabilities, m.Meta},
				}
			}
			ref, err := cbor.Marshal([]any{d[:], td, sig})
			require.NoError(t, err)
			require.Equal(t, ref, raw)
		})
	}
}

// TestParseJSONStrict covers what the strict decoder accepts beyond the
// obvious (escapes, any key order) and what it rejects that encoding/json
// would have let through (duplicates, invalid UTF-8, unpaired surrogates,
// a doubled 0x prefix).
func TestParseJSONStrict(t *testing.T) {
	v := loadVectors(t)
	base := string(v.cert(t, "spec-ex3-delegate").pairJSON())
	auth := string(v.cert(t, "spec-ex3-intermediate").pairJSON())
	triple := string(v.cert(t, "spec-ex3-delegate").tripleJSON())
	// Reorder the typed data: message first, types last.
	var top map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(v.cert(t, "spec-ex3-delegate").TypedData, &top))
	reordered := `[{"message": ` + string(top["message"]) + `, "primaryType": "EIP712DelegateCertificate", "domain": {"version": "1", "name": "WMP"}, "types": ` +
		string(top["types"]) + `}, "` + v.cert(t, "spec-ex3-delegate").Signature + `"]`
	var buf bytes.Buffer
	require.NoError(t, json.Compact(&buf, []byte(base)))
	compact := buf.String()
	accepts := map[string]string{
		"escaped key":               strings.Replace(base, `"primaryType"`, `"prim\u0061ryType"`, 1),
		"escaped address":           strings.Replace(base, `"0xf5173a6111B2A6B3C20fceD53B2A8405EC142bF6"`, `"\u0030xf5173a6111B2A6B3C20fceD53B2A8405EC142bF6"`, 1),
		"keys in another order":     reordered,
		"white space everywhere":    strings.ReplaceAll(strings.ReplaceAll(base, ":", " \t:\r\n "), ",", "\n,\t"),
		"upper-case hash":           strings.ToUpper(triple[:67]) + triple[67:],
		"hex number with leading 0": strings.Replace(base, `"validFrom": 15212703`, `"validFrom": "0x0000e8209f"`, 1),
		"decimal string with 0s":    strings.Replace(base, `"validFrom": 15212703`, `"validFrom": "0015212703"`, 1),
	}
	for name, raw := range accepts {
		t.Run("accepts/"+name, func(t *testing.T) {
			require.NotEqual(t, base, raw, "replacement must apply")
			c, err := cert.ParseCertificateJSON([]byte(raw))
			require.NoError(t, err)
			require.NoError(t, c.Verify())
		})
	}
	// Meta values the signature cannot cover are rejected before the digest.
	metaCert := func(meta string) string {
		return strings.Replace(auth, `"meta": ""`, `"meta": `+meta, 1)
	}
	rejects := []struct{ name, raw, errPart string }{
		{"duplicate message key", strings.Replace(base, `"meta": ""`, `"meta": "", "meta": ""`, 1), "duplicate message field"},
		{"duplicate top-level key", strings.Replace(base, `"primaryType": "EIP712DelegateCertificate"`, `"primaryType": "EIP712DelegateCertificate", "primaryType": "EIP712DelegateCertificate"`, 1), "duplicate key"},
		{"duplicate domain key", strings.Replace(base, `"version": "1"`, `"name": "WMP", "version": "1"`, 1), "domain"},
		{"duplicate types entry", strings.Replace(base, `"types": {`, `"types": {"EIP712Domain": [{"name": "name", "type": "string"}, {"name": "version", "type": "string"}],`, 1), "types"},
		{"duplicate field key", strings.Replace(compact, `{"name":"meta","type":"string"}`, `{"name":"meta","name":"meta"}`, 1), "types"},
		{"invalid UTF-8 in meta", metaCert("\"\xff\""), "UTF-8"},
		{"unpaired high surrogate", metaCert(`"\ud800"`), "surrogate"},
		{"unpaired low surrogate", metaCert(`"\udc00x"`), "surrogate"},
		{"control character", metaCert("\"a\x01\""), "control character"},
		{"bad escape", metaCert(`"\x41"`), "escape"},
		{"doubled 0x prefix", strings.Replace(base, `"csPubKey": "12ae`, `"csPubKey": "0x0X12ae`, 1), "csPubKey"},
		{"leading zero number", strings.Replace(base, `"validFrom": 15212703`, `"validFrom": 015212703`, 1), "invalid character"},
		{"hex with sign", strings.Replace(base, `"validFrom": 15212703`, `"validFrom": "0x-e8209f"`, 1), "validFrom"},
		{"hex over uint64", strings.Replace(base, `"validFrom": 15212703`, `"validFrom": "0x10000000000000000"`, 1), "validFrom"},
		{"empty hex", strings.Replace(base, `"validFrom": 15212703`, `"validFrom": "0x"`, 1), "validFrom"},
		{"null integer", strings.Replace(base, `"validFrom": 15212703`, `"validFrom": null`, 1), "validFrom"},
		{"message not an object", strings.Replace(base, `"message": {`, `"message": [], "x": {`, 1), "message"},
		{"authority fields in a delegate", strings.Replace(base, `"meta": ""`, `"meta": "", "realm": "0xf5173a6111b2a6b3c20fced53b2a8405ec142bf6"`, 1), "unknown message field"},
		{"types for another primary type", strings.Replace(auth, `"primaryType": "EIP712AuthorityCertificate"`, `"primaryType": "EIP712DelegateCertificate"`, 1), "types"},
		{"unterminated string", base[:len(base)-5], "tuple"},
		{"three elements starting with an object", strings.TrimSuffix(base, "]") + `, null]`, "tuple"},
	}
	for _, tt := range rejects {
		t.Run("rejects/"+tt.name, func(t *testing.T) {
			require.NotEqual(t, base, tt.raw, "replacement must apply")
			_, err := cert.ParseCertificateJSON([]byte(tt.raw))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.errPart)
		})
	}
}

// TestParseCBORStrict: the strict CBOR decoder accepts non-shortest integer
// heads (as the generic decoder did) and any key order, and rejects
// duplicate keys, byte-string keys, invalid UTF-8 and nested tags.
func TestParseCBORStrict(t *testing.T) {
	good, err := cert.ParseCertificateJSON(loadVectors(t).cert(t, "spec-ex3-delegate").pairJSON())
	require.NoError(t, err)
	require.Empty(t, good.Delegate.Meta)
	raw, err := cert.MarshalCertificateCBOR(good)
	require.NoError(t, err)
	replace := func(old, new []byte) []byte {
		require.True(t, bytes.Contains(raw, old), "%x not in the encoding", old)
		return bytes.Replace(raw, old, new, 1)
	}
	text := func(s string) []byte { b, _ := cbor.Marshal(s); return b }
	// chainId 1 as the shortest head and as an 8-byte head.
	chainID := append(text("chainId"), 0x01)
	long := append(text("chainId"), 0x1b, 0, 0, 0, 0, 0, 0, 0, 1)
	// A generic encoder's map order (random in Go) must parse too.
	var generic []any
	require.NoError(t, cbor.Unmarshal(raw, &generic))
	shuffled, err := cbor.Marshal(generic)
	require.NoError(t, err)

	for name, in := range map[string][]byte{"8-byte integer head": replace(chainID, long), "generic key order": shuffled} {
		t.Run("accepts/"+name, func(t *testing.T) {
			c, err := cert.ParseCertificateCBOR(in)
			require.NoError(t, err)
			require.Equal(t, good, c)
		})
	}

	meta := append(text("meta"), 0x60) // "meta": ""
	rejects := []struct {
		name    string
		raw     []byte
		errPart string
	}{
		{"duplicate message key", replace(append([]byte{0xa7}, chainID...), append(append([]byte{0xa8}, chainID...), chainID...)), "duplicate message field"},
		{"byte-string key", replace(meta, append([]byte{0x44}, "meta\x60"...)), "key"},
		{"invalid UTF-8 meta", replace(meta, append(text("meta"), 0x61, 0xff)), "UTF-8"},
		{"tagged integer", replace(chainID, append(text("chainId"), 0xc2, 0x41, 0x01)), "tag"},
		{"indefinite map", replace([]byte{0xa4, 0x65, 't', 'y', 'p', 'e', 's'}, []byte{0xbf, 0x65, 't', 'y', 'p', 'e', 's'}), "indefinite"},
		{"reserved additional information", replace(chainID, append(text("chainId"), 0x1c)), "reserved"},
		{"truncated", raw[:len(raw)-1], "end of CBOR"},
		{"huge length", replace(meta, append(text("meta"), 0x7b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)), "end of CBOR"},
	}
	for _, tt := range rejects {
		t.Run("rejects/"+tt.name, func(t *testing.T) {
			_, err := cert.ParseCertificateCBOR(tt.raw)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.errPart)
		})
	}
}

// TestCacheVerifyKeyCoversFields: Cache.Verify keys parsed chains by every
// field, so changing a certificate in place after a hit is a miss (and
// here a signature failure), never a stale hit.
func TestCacheVerifyKeyCoversFields(t *testing.T) {
	chain := goodChain3(t)
	c := cert.NewCache(4)
	v1, err := c.Verify(chain, testExpect())
	require.NoError(t, err)
	v2, err := c.Verify(chain, testExpect())
	require.NoError(t, err)
	require.Same(t, v1, v2, "second call is a hit")

	for name, change := range map[string]func(){
		"meta":         func() { chain[0].Delegate.Meta = "other" },
		"capabilities": func() { chain[1].Authority.Capabilities = 0xff },
		"realm":        func() { chain[1].Authority.Realm = common.Address{1} },
		"signature":    func() { chain[2].Signature[3] ^= 1 },
	} {
		t.Run(name, func(t *testing.T) {
			chain = goodChain3(t)
			_, err := c.Verify(chain, testExpect())
			require.NoError(t, err)
			change()
			_, err = c.Verify(chain, testExpect())
			require.ErrorIs(t, err, cert.ErrChain)
		})
	}
	// Bad shapes fail as Verify fails.
	_, err = c.Verify(nil, testExpect())
	require.ErrorIs(t, err, cert.ErrMalformed)
	_, err = c.Verify([]cert.Certificate{{}}, testExpect())
	require.ErrorIs(t, err, cert.ErrMalformed)
}
