package cert_test

import (
	"strings"
	"testing"

	"github.com/fxamacker/cbor/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

func TestParseJSONAccepts(t *testing.T) {
	v := loadVectors(t)
	base := string(v.cert(t, "spec-ex3-delegate").pairJSON())
	auth := string(v.cert(t, "spec-ex3-intermediate").pairJSON())
	tests := map[string]string{
		"csPubKey with 0x":        strings.Replace(base, `"csPubKey": "12ae`, `"csPubKey": "0x12ae`, 1),
		"lower-case address":      strings.Replace(base, "0xf5173a6111B2A6B3C20fceD53B2A8405EC142bF6", "0xf5173a6111b2a6b3c20fced53b2a8405ec142bf6", 1),
		"bootedAt as string":      strings.Replace(base, `"bootedAt": 1658765756680628959`, `"bootedAt": "1658765756680628959"`, 1),
		"validFrom as hex string": strings.Replace(base, `"validFrom": 15212703`, `"validFrom": "0xe8209f"`, 1),
		"Autobahn type key":       strings.Replace(auth, `"capabilities": 12,`, `"capabilities": 12, "type": "EIP712AuthorityCertificate",`, 1),
		"signature with 0x":       strings.Replace(base, `"8fe06b`, `"0x8fe06b`, 1),
		"null hash triple":        `[null,` + strings.TrimPrefix(base, "["),
	}
	for name, raw := range tests {
		t.Run(name, func(t *testing.T) {
			require.NotEqual(t, base, raw, "replacement must apply")
			c, err := cert.ParseCertificateJSON([]byte(raw))
			require.NoError(t, err)
			require.NoError(t, c.Verify())
		})
	}
}

func TestParseJSONRejects(t *testing.T) {
	v := loadVectors(t)
	base := string(v.cert(t, "spec-ex3-delegate").pairJSON())
	auth := string(v.cert(t, "spec-ex3-intermediate").pairJSON())
	triple := string(v.cert(t, "spec-ex3-delegate").tripleJSON())
	tests := []struct{ name, raw, errPart string }{
		{"not JSON", `[`, "tuple"},
		{"trailing data", base + `x`, "after top-level value"},
		{"one element", `[` + string(v.cert(t, "spec-ex3-delegate").TypedData) + `]`, "want 2 or 3"},
		{"four elements", `[null,null,null,null]`, "want 2 or 3"},
		{"bad primaryType", strings.Replace(base, `"primaryType": "EIP712DelegateCertificate"`, `"primaryType": "Mail"`, 1), "primaryType"},
		{"domain with chainId", strings.Replace(base, `"version": "1"`, `"version": "1", "chainId": 1`, 1), "domain"},
		{"domain name", strings.Replace(base, `"name": "WMP"`, `"name": "XBR"`, 1), "domain"},
		{"extra top-level key", strings.Replace(base, `"primaryType"`, `"x": 1, "primaryType"`, 1), "unknown key"},
		{"types field renamed", strings.Replace(base, `"name": "bootedAt"`, `"name": "bootedAT"`, 1), "types"},
		{"types field retyped", strings.Replace(base, `"type": "uint64"`, `"type": "uint256"`, 1), "types"},
		{"extra type", strings.Replace(base, `"types": {`, `"types": {"Extra": [],`, 1), "types"},
		{"unknown message key", strings.Replace(base, `"meta": ""`, `"meta": "", "extra": 1`, 1), "unknown message field"},
		{"wrong type key", strings.Replace(auth, `"capabilities": 12,`, `"capabilities": 12, "type": "EIP712DelegateCertificate",`, 1), "differs from primaryType"},
		{"missing meta", strings.Replace(base, `"meta": "",`, ``, 1), "meta"},
		{"float", strings.Replace(base, `"validFrom": 15212703`, `"validFrom": 15212703.0`, 1), "validFrom"},
		{"exponent", strings.Replace(base, `"validFrom": 15212703`, `"validFrom": 1e7`, 1), "validFrom"},
		{"negative", strings.Replace(base, `"validFrom": 15212703`, `"validFrom": -1`, 1), "validFrom"},
		{"over uint64", strings.Replace(base, `"bootedAt": 1658765756680628959`, `"bootedAt": 18446744073709551616`, 1), "bootedAt"},
		{"bool number", strings.Replace(base, `"chainId": 1,`, `"chainId": true,`, 1), "chainId"},
		{"bad EIP-55", strings.Replace(base, "0xf5173a6111B2A6B3C20fceD53B2A8405EC142bF6", "0xF5173a6111B2A6B3C20fceD53B2A8405EC142bF6", 1), "EIP-55"},
		{"short address", strings.Replace(base, "0xf5173a6111B2A6B3C20fceD53B2A8405EC142bF6", "0xf5173a6111B2A6B3C20fceD53B2A8405EC142bF", 1), "40 hex"},
		{"short csPubKey", strings.Replace(base, `"csPubKey": "12ae`, `"csPubKey": "2ae`, 1), "csPubKey"},
		{"csPubKey not hex", strings.Replace(base, `"csPubKey": "12ae`, `"csPubKey": "zzae`, 1), "csPubKey"},
		{"meta too long", strings.Replace(base, `"meta": ""`, `"meta": "`+strings.Repeat("a", cert.MaxMetaLength+1)+`"`, 1), "meta"},
		{"short signature", strings.Replace(base, `1b"]`, `"]`, 1), "signature"},
		{"hash mismatch", strings.Replace(triple, `["bbd6`, `["bbd7`, 1), "does not match"},
		{"oversized", `[` + strings.Repeat(" ", cert.MaxCertificateSize) + `]`, "more than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NotEqual(t, base, tt.raw, "replacement must apply")
			_, err := cert.ParseCertificateJSON([]byte(tt.raw))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.errPart)
		})
	}
}

func TestParseChainJSONBounds(t *testing.T) {
	v := loadVectors(t)
	one := string(v.cert(t, "spec-ex3-delegate").pairJSON())
	_, err := cert.ParseChainJSON([]byte(`[]`))
	assert.ErrorContains(t, err, "want 1 to")
	_, err = cert.ParseChainJSON([]byte(`[` + strings.Repeat(one+",", cert.MaxChainLength) + one + `]`))
	assert.ErrorContains(t, err, "want 1 to")
	_, err = cert.ParseChainJSON([]byte(`{}`))
	assert.Error(t, err)
	_, err = cert.ParseChainJSON(make([]byte, cert.MaxChainSize+1))
	assert.ErrorContains(t, err, "more than")
}

func TestParseCBORRejects(t *testing.T) {
	good, err := cert.ParseCertificateJSON(loadVectors(t).cert(t, "ab-chain1-root").pairJSON())
	require.NoError(t, err)
	raw, err := cert.MarshalCertificateCBOR(good)
	require.NoError(t, err)
	var parts []any
	require.NoError(t, cbor.Unmarshal(raw, &parts))

	enc := func(v any) []byte {
		b, err := cbor.Marshal(v)
		require.NoError(t, err)
		return b
	}
	withMessage := func(f func(m map[any]any)) []byte {
		var p []any
		require.NoError(t, cbor.Unmarshal(raw, &p))
		td := p[1].(map[any]any)
		f(td["message"].(map[any]any))
		return enc(p)
	}
	tests := []struct {
		name    string
		raw     []byte
		errPart string
	}{
		{"not an array", enc(map[string]int{"a": 1}), "array"},
		{"two elements", enc(parts[:2]), "want [hash"},
		{"hash wrong length", enc([]any{[]byte{1}, parts[1], parts[2]}), "hash"},
		{"hash as text", enc([]any{"00", parts[1], parts[2]}), "hash"},
		{"hash mismatch", enc([]any{make([]byte, 32), parts[1], parts[2]}), "does not match"},
		{"no signature", enc([]any{parts[0], parts[1], [][]byte{}}), "want exactly 1"},
		{"two signatures", enc([]any{parts[0], parts[1], [][]byte{good.Signature[:], good.Signature[:]}}), "want exactly 1"},
		{"short signature", enc([]any{parts[0], parts[1], [][]byte{{1, 2}}}), "signature"},
		{"address as text", withMessage(func(m map[any]any) { m["issuer"] = "0xf766Dc789CF04CD18aE75af2c5fAf2DA6650Ff57" }), "issuer"},
		{"address 19 bytes", withMessage(func(m map[any]any) { m["issuer"] = make([]byte, 19) }), "issuer"},
		{"negative caps", withMessage(func(m map[any]any) { m["capabilities"] = -1 }), "capabilities"},
		{"float caps", withMessage(func(m map[any]any) { m["capabilities"] = 1.5 }), "capabilities"},
		{"unknown field", withMessage(func(m map[any]any) { m["x"] = 1 }), "unknown message field"},
		{"trailing garbage", append(append([]byte{}, raw...), 0), "extraneous"},
		{"indefinite array", []byte{0x9f, 0xff}, "indefinite"},
		{"tag", []byte{0xc2, 0x41, 0x01}, "tag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cert.ParseCertificateCBOR(tt.raw)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.errPart)
		})
	}
}
