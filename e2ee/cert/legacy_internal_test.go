package cert

// The decoders this package used before the strict single-pass ones
// (generic fxamacker/cbor and encoding/json decoding into maps), kept
// verbatim as a reference: FuzzStrictNotLooser proves the new decoders
// accept nothing the old ones rejected and decode the same certificates.

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/fxamacker/cbor/v2"
)

// legacyFieldReader reads the message fields of one encoded certificate. JSON and
// CBOR each implement it, so both wire forms apply the same field rules.
type legacyFieldReader interface {
	keys() []string
	uint64Field(name string) (uint64, error)
	addressField(name string) (common.Address, error)
	bytes32Field(name string) ([32]byte, error)
	stringField(name string) (string, error)
}

// legacyMessageKeys are the message keys of each primary type, in EIP712 order.
func legacyMessageKeys(k Kind) []string {
	if k == KindDelegate {
		return []string{"chainId", "verifyingContract", "validFrom", "delegate", "csPubKey", "bootedAt", "meta"}
	}
	return []string{"chainId", "verifyingContract", "validFrom", "issuer", "subject", "realm", "capabilities", "meta"}
}

// legacyKindOf maps a primaryType string to a Kind.
func legacyKindOf(primaryType string) (Kind, error) {
	switch primaryType {
	case DelegateCertificateType:
		return KindDelegate, nil
	case AuthorityCertificateType:
		return KindAuthority, nil
	default:
		return KindInvalid, fmt.Errorf("unknown primaryType %.64q", primaryType)
	}
}

// legacyCheckTypes requires the EIP712 "types" to be exactly the WMP/1 domain and
// the primary type, field for field. types maps a type name to its fields
// as (name, type) pairs.
func legacyCheckTypes(k Kind, types map[string][][2]string) error {
	if len(types) != 2 {
		return fmt.Errorf("types has %d entries, want EIP712Domain and %s", len(types), k)
	}
	flatten := func(ts []apitypes.Type) []string {
		out := make([]string, 0, 2*len(ts))
		for _, t := range ts {
			out = append(out, t.Name, t.Type)
		}
		return out
	}
	want := map[string][]string{
		"EIP712Domain": flatten(domainTypes()),
		k.String():     flatten(typeFieldsOf(k)),
	}
	for name, wantFields := range want {
		got, ok := types[name]
		if !ok {
			return fmt.Errorf("types lacks %s", name)
		}
		flat := make([]string, 0, 2*len(got))
		for _, f := range got {
			flat = append(flat, f[0], f[1])
		}
		if !slices.Equal(flat, wantFields) {
			return fmt.Errorf("types of %s differ from WMP/1", name)
		}
	}
	return nil
}

// legacyCheckDomain requires the domain to be exactly {name: "WMP", version: "1"}.
func legacyCheckDomain(name, version string, n int) error {
	if n != 2 || name != DomainName || version != DomainVersion {
		return errors.New(`domain must be exactly {"name": "WMP", "version": "1"}`)
	}
	return nil
}

// legacyBuildMessage reads the message of kind k from r, requiring exactly the
// keys of k (plus an optional Autobahn "type" key equal to the primary type).
func legacyBuildMessage(k Kind, r legacyFieldReader) (Certificate, error) {
	want := legacyMessageKeys(k)
	for _, key := range r.keys() {
		if key == "type" {
			t, err := r.stringField("type")
			if err != nil {
				return Certificate{}, err
			}
			if t != k.String() {
				return Certificate{}, fmt.Errorf("message type %.64q differs from primaryType", t)
			}
			continue
		}
		if !slices.Contains(want, key) {
			return Certificate{}, fmt.Errorf("unknown message field %.64q", key)
		}
	}
	var err error
	u := func(name string) uint64 {
		if err != nil {
			return 0
		}
		var v uint64
		if v, err = r.uint64Field(name); err != nil {
			err = fmt.Errorf("field %s: %w", name, err)
		}
		return v
	}
	a := func(name string) common.Address {
		if err != nil {
			return common.Address{}
		}
		var v common.Address
		if v, err = r.addressField(name); err != nil {
			err = fmt.Errorf("field %s: %w", name, err)
		}
		return v
	}
	s := func(name string) string {
		if err != nil {
			return ""
		}
		var v string
		if v, err = r.stringField(name); err != nil {
			err = fmt.Errorf("field %s: %w", name, err)
		} else if len(v) > MaxMetaLength {
			err = fmt.Errorf("field %s: %d bytes, more than %d", name, len(v), MaxMetaLength)
		}
		return v
	}
	var c Certificate
	if k == KindDelegate {
		d := DelegateCertificate{
			ChainID:           u("chainId"),
			VerifyingContract: a("verifyingContract"),
			ValidFrom:         u("validFrom"),
			Delegate:          a("delegate"),
		}
		if err == nil {
			if d.CSPubKey, err = r.bytes32Field("csPubKey"); err != nil {
				err = fmt.Errorf("field csPubKey: %w", err)
			}
		}
		d.BootedAt = u("bootedAt")
		d.Meta = s("meta")
		c.Delegate = &d
	} else {
		c.Authority = &AuthorityCertificate{
			ChainID:           u("chainId"),
			VerifyingContract: a("verifyingContract"),
			ValidFrom:         u("validFrom"),
			Issuer:            a("issuer"),
			Subject:           a("subject"),
			Realm:             a("realm"),
			Capabilities:      u("capabilities"),
			Meta:              s("meta"),
		}
	}
	if err != nil {
		return Certificate{}, err
	}
	return c, nil
}

// legacyParseAddress parses a 0x-prefixed hex Ethereum address. Mixed-case input
// must carry a valid EIP-55 checksum; all-lower or all-upper case is
// accepted without one.
func legacyParseAddress(s string) (common.Address, error) {
	if len(s) != 42 || (s[:2] != "0x" && s[:2] != "0X") {
		return common.Address{}, fmt.Errorf("address %.50q: want 0x and 40 hex digits", s)
	}
	var a common.Address
	if _, err := hex.Decode(a[:], []byte(s[2:])); err != nil {
		return common.Address{}, fmt.Errorf("address %.50q: %w", s, err)
	}
	body := s[2:]
	if body != strings.ToLower(body) && body != strings.ToUpper(body) {
		if a.Hex()[2:] != body {
			return common.Address{}, fmt.Errorf("address %s: bad EIP-55 checksum", s)
		}
	}
	return a, nil
}

// legacyParseHex32 parses 32 bytes of hex, with or without 0x.
func legacyParseHex32(s string) ([32]byte, error) {
	var out [32]byte
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	if len(s) != 64 {
		return out, fmt.Errorf("want 32 bytes of hex, got %d hex digits", len(s))
	}
	if _, err := hex.Decode(out[:], []byte(s)); err != nil {
		return out, fmt.Errorf("bad hex: %w", err)
	}
	return out, nil
}

// legacyParseSignatureHex parses a 65-byte signature in hex, with or without 0x.
func legacyParseSignatureHex(s string) ([SignatureLength]byte, error) {
	var out [SignatureLength]byte
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	if len(s) != 2*SignatureLength {
		return out, fmt.Errorf("signature: want %d bytes of hex, got %d hex digits", SignatureLength, len(s))
	}
	if _, err := hex.Decode(out[:], []byte(s)); err != nil {
		return out, fmt.Errorf("signature: bad hex: %w", err)
	}
	return out, nil
}

// CBOR major types checked before decoding a field.
const (
	legacyCborUint  = 0
	legacyCborBytes = 2
	legacyCborText  = 3
)

// legacyCborDecMode returns the strict decoder used for untrusted CBOR: no
// duplicate map keys, no indefinite lengths, no tags, bounded nesting and
// sizes, valid UTF-8.
func legacyCborDecMode() (cbor.DecMode, error) {
	return cbor.DecOptions{
		DupMapKey:        cbor.DupMapKeyEnforcedAPF,
		IndefLength:      cbor.IndefLengthForbidden,
		TagsMd:           cbor.TagsForbidden,
		MaxNestedLevels:  8,
		MaxArrayElements: 64,
		MaxMapPairs:      64,
		UTF8:             cbor.UTF8RejectInvalid,
	}.DecMode()
}

// legacyCborFields reads message fields from a decoded CBOR map (Autobahn's
// binary form: 20-byte addresses, 32-byte csPubKey, unsigned integers).
type legacyCborFields struct {
	dm cbor.DecMode
	m  map[string]cbor.RawMessage
}

func (f legacyCborFields) keys() []string {
	ks := make([]string, 0, len(f.m))
	for k := range f.m {
		ks = append(ks, k)
	}
	return ks
}

// decode decodes field name, requiring CBOR major type major.
func (f legacyCborFields) decode(name string, major byte, v any) error {
	r, ok := f.m[name]
	if !ok {
		return errors.New("missing")
	}
	if len(r) == 0 || r[0]>>5 != major {
		return fmt.Errorf("wrong CBOR type, want major type %d", major)
	}
	return f.dm.Unmarshal(r, v)
}

func (f legacyCborFields) uint64Field(name string) (uint64, error) {
	var v uint64
	err := f.decode(name, legacyCborUint, &v)
	return v, err
}

func (f legacyCborFields) bytesField(name string, n int) ([]byte, error) {
	var b []byte
	if err := f.decode(name, legacyCborBytes, &b); err != nil {
		return nil, err
	}
	if len(b) != n {
		return nil, fmt.Errorf("%d bytes, want %d", len(b), n)
	}
	return b, nil
}

func (f legacyCborFields) addressField(name string) (common.Address, error) {
	b, err := f.bytesField(name, common.AddressLength)
	if err != nil {
		return common.Address{}, err
	}
	return common.Address(b), nil
}

func (f legacyCborFields) bytes32Field(name string) ([32]byte, error) {
	b, err := f.bytesField(name, 32)
	if err != nil {
		return [32]byte{}, err
	}
	return [32]byte(b), nil
}

func (f legacyCborFields) stringField(name string) (string, error) {
	var s string
	err := f.decode(name, legacyCborText, &s)
	return s, err
}

// legacyParseTypedDataCBOR parses the binary-form typed data of a certificate.
func legacyParseTypedDataCBOR(dm cbor.DecMode, raw cbor.RawMessage) (Certificate, error) {
	var top map[string]cbor.RawMessage
	if err := dm.Unmarshal(raw, &top); err != nil {
		return Certificate{}, fmt.Errorf("typed data: %w", err)
	}
	for k := range top {
		if !slices.Contains([]string{"types", "primaryType", "domain", "message"}, k) {
			return Certificate{}, fmt.Errorf("typed data: unknown key %.64q", k)
		}
	}
	var primaryType string
	if err := dm.Unmarshal(top["primaryType"], &primaryType); err != nil {
		return Certificate{}, fmt.Errorf("typed data: primaryType: %w", err)
	}
	kind, err := legacyKindOf(primaryType)
	if err != nil {
		return Certificate{}, fmt.Errorf("typed data: %w", err)
	}
	var types map[string][]map[string]string
	if err := dm.Unmarshal(top["types"], &types); err != nil {
		return Certificate{}, fmt.Errorf("typed data: types: %w", err)
	}
	pairs := make(map[string][][2]string, len(types))
	for name, fields := range types {
		pairs[name] = make([][2]string, 0, len(fields))
		for _, f := range fields {
			if len(f) != 2 {
				return Certificate{}, fmt.Errorf("typed data: types of %.64q: each field needs exactly name and type", name)
			}
			pairs[name] = append(pairs[name], [2]string{f["name"], f["type"]})
		}
	}
	if err := legacyCheckTypes(kind, pairs); err != nil {
		return Certificate{}, fmt.Errorf("typed data: %w", err)
	}
	var domain map[string]string
	if err := dm.Unmarshal(top["domain"], &domain); err != nil {
		return Certificate{}, fmt.Errorf("typed data: domain: %w", err)
	}
	if err := legacyCheckDomain(domain["name"], domain["version"], len(domain)); err != nil {
		return Certificate{}, fmt.Errorf("typed data: %w", err)
	}
	var msg map[string]cbor.RawMessage
	if err := dm.Unmarshal(top["message"], &msg); err != nil || msg == nil {
		return Certificate{}, fmt.Errorf("typed data: message is not a map: %v", err)
	}
	c, err := legacyBuildMessage(kind, legacyCborFields{dm: dm, m: msg})
	if err != nil {
		return Certificate{}, fmt.Errorf("typed data: message: %w", err)
	}
	return c, nil
}

// legacyParseFileCBOR parses one [hash, typed_data, [signature]] array.
func legacyParseFileCBOR(dm cbor.DecMode, raw []byte) (Certificate, error) {
	if len(raw) > MaxCertificateSize {
		return Certificate{}, fmt.Errorf("certificate is %d bytes, more than %d", len(raw), MaxCertificateSize)
	}
	var parts []cbor.RawMessage
	if err := dm.Unmarshal(raw, &parts); err != nil {
		return Certificate{}, fmt.Errorf("certificate array: %w", err)
	}
	if len(parts) != 3 {
		return Certificate{}, fmt.Errorf("certificate array has %d elements, want [hash, typed_data, signatures]", len(parts))
	}
	var hash []byte
	if len(parts[0]) == 0 || parts[0][0]>>5 != legacyCborBytes {
		return Certificate{}, errors.New("hash: not a byte string")
	}
	if err := dm.Unmarshal(parts[0], &hash); err != nil || len(hash) != 32 {
		return Certificate{}, fmt.Errorf("hash: want 32 bytes (%v)", err)
	}
	c, err := legacyParseTypedDataCBOR(dm, parts[1])
	if err != nil {
		return Certificate{}, err
	}
	var sigs []cbor.RawMessage
	if err := dm.Unmarshal(parts[2], &sigs); err != nil {
		return Certificate{}, fmt.Errorf("signatures: %w", err)
	}
	if len(sigs) != 1 {
		return Certificate{}, fmt.Errorf("signatures: %d present, want exactly 1", len(sigs))
	}
	sig, err := legacyCborFields{dm: dm, m: map[string]cbor.RawMessage{"signature": sigs[0]}}.bytesField("signature", SignatureLength)
	if err != nil {
		return Certificate{}, fmt.Errorf("signature: %w", err)
	}
	c.Signature = [SignatureLength]byte(sig)
	if d, _ := c.Digest(); d != common.Hash(hash) {
		return Certificate{}, fmt.Errorf("hash %x does not match the EIP712 digest %x", hash, d)
	}
	return c, nil
}

// legacyParseCertificateCBOR parses Autobahn's CBOR certificate file
// [hash: bytes32, typed_data (binary form), [signature]]. The hash must equal
// the EIP712 digest; exactly one 65-byte signature is accepted.
func legacyParseCertificateCBOR(data []byte) (Certificate, error) {
	dm, err := legacyCborDecMode()
	if err != nil {
		return Certificate{}, fmt.Errorf("cert: parse CBOR: %w", err)
	}
	c, err := legacyParseFileCBOR(dm, data)
	if err != nil {
		return Certificate{}, fmt.Errorf("cert: parse CBOR: %w", err)
	}
	return c, nil
}

// legacyParseChainCBOR parses a CBOR array of 1…MaxChainLength certificates, each
// in the certificate-file form of legacyParseCertificateCBOR.
func legacyParseChainCBOR(data []byte) ([]Certificate, error) {
	if len(data) > MaxChainSize {
		return nil, fmt.Errorf("cert: parse CBOR chain: %d bytes, more than %d", len(data), MaxChainSize)
	}
	dm, err := legacyCborDecMode()
	if err != nil {
		return nil, fmt.Errorf("cert: parse CBOR chain: %w", err)
	}
	var items []cbor.RawMessage
	if err := dm.Unmarshal(data, &items); err != nil {
		return nil, fmt.Errorf("cert: parse CBOR chain: %w", err)
	}
	if len(items) == 0 || len(items) > MaxChainLength {
		return nil, fmt.Errorf("cert: parse CBOR chain: %d certificates, want 1 to %d", len(items), MaxChainLength)
	}
	chain := make([]Certificate, 0, len(items))
	for i, item := range items {
		c, err := legacyParseFileCBOR(dm, item)
		if err != nil {
			return nil, fmt.Errorf("cert: parse CBOR chain: certificate %d: %w", i, err)
		}
		chain = append(chain, c)
	}
	return chain, nil
}

// legacyDecodeJSON decodes exactly one JSON value from data into v (trailing
// data is an error). Numbers are only ever decoded from json.RawMessage by
// uint64Field, never through float64.
func legacyDecodeJSON(data []byte, v any) error {
	return json.Unmarshal(data, v)
}

// legacyJsonFields reads message fields from a decoded JSON object.
type legacyJsonFields map[string]json.RawMessage

func (m legacyJsonFields) keys() []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func (m legacyJsonFields) raw(name string) (json.RawMessage, error) {
	r, ok := m[name]
	if !ok {
		return nil, errors.New("missing")
	}
	return r, nil
}

func (m legacyJsonFields) str(name string) (string, error) {
	r, err := m.raw(name)
	if err != nil {
		return "", err
	}
	if len(r) == 0 || r[0] != '"' {
		return "", errors.New("not a string")
	}
	var s string
	if err := json.Unmarshal(r, &s); err != nil {
		return "", err
	}
	return s, nil
}

// uint64Field accepts a JSON integer, a decimal string or a 0x-hex string;
// never a float.
func (m legacyJsonFields) uint64Field(name string) (uint64, error) {
	r, err := m.raw(name)
	if err != nil {
		return 0, err
	}
	var text string
	base := 10
	if len(r) > 0 && r[0] == '"' {
		if text, err = m.str(name); err != nil {
			return 0, err
		}
		if strings.HasPrefix(text, "0x") || strings.HasPrefix(text, "0X") {
			text, base = text[2:], 16
		}
	} else {
		text = string(r)
	}
	if text == "" || (base == 10 && strings.ContainsAny(text, "+-.eE_")) {
		return 0, fmt.Errorf("%.40q is not an unsigned integer", text)
	}
	v, err := strconv.ParseUint(text, base, 64)
	if err != nil {
		return 0, fmt.Errorf("%.40q is not a uint64: %w", text, errors.Unwrap(err))
	}
	return v, nil
}

func (m legacyJsonFields) addressField(name string) (common.Address, error) {
	s, err := m.str(name)
	if err != nil {
		return common.Address{}, err
	}
	return legacyParseAddress(s)
}

func (m legacyJsonFields) bytes32Field(name string) ([32]byte, error) {
	s, err := m.str(name)
	if err != nil {
		return [32]byte{}, err
	}
	return legacyParseHex32(s)
}

func (m legacyJsonFields) stringField(name string) (string, error) { return m.str(name) }

// legacyParseTypedDataJSON parses one EIP712 typed-data object of a WMP/1
// certificate, checking types, primaryType and domain exactly.
func legacyParseTypedDataJSON(data []byte) (Certificate, error) {
	var top map[string]json.RawMessage
	if err := legacyDecodeJSON(data, &top); err != nil {
		return Certificate{}, fmt.Errorf("typed data: %w", err)
	}
	for k := range top {
		if !slices.Contains([]string{"types", "primaryType", "domain", "message"}, k) {
			return Certificate{}, fmt.Errorf("typed data: unknown key %.64q", k)
		}
	}
	var primaryType string
	if err := json.Unmarshal(top["primaryType"], &primaryType); err != nil {
		return Certificate{}, fmt.Errorf("typed data: primaryType: %w", err)
	}
	kind, err := legacyKindOf(primaryType)
	if err != nil {
		return Certificate{}, fmt.Errorf("typed data: %w", err)
	}
	var types map[string][]map[string]string
	if err := json.Unmarshal(top["types"], &types); err != nil {
		return Certificate{}, fmt.Errorf("typed data: types: %w", err)
	}
	pairs := make(map[string][][2]string, len(types))
	for name, fields := range types {
		pairs[name] = make([][2]string, 0, len(fields))
		for _, f := range fields {
			if len(f) != 2 {
				return Certificate{}, fmt.Errorf("typed data: types of %.64q: each field needs exactly name and type", name)
			}
			pairs[name] = append(pairs[name], [2]string{f["name"], f["type"]})
		}
	}
	if err := legacyCheckTypes(kind, pairs); err != nil {
		return Certificate{}, fmt.Errorf("typed data: %w", err)
	}
	var domain map[string]string
	if err := json.Unmarshal(top["domain"], &domain); err != nil {
		return Certificate{}, fmt.Errorf("typed data: domain: %w", err)
	}
	if err := legacyCheckDomain(domain["name"], domain["version"], len(domain)); err != nil {
		return Certificate{}, fmt.Errorf("typed data: %w", err)
	}
	var msg legacyJsonFields
	if err := legacyDecodeJSON(top["message"], &msg); err != nil || msg == nil {
		return Certificate{}, fmt.Errorf("typed data: message is not an object: %v", err)
	}
	c, err := legacyBuildMessage(kind, msg)
	if err != nil {
		return Certificate{}, fmt.Errorf("typed data: message: %w", err)
	}
	return c, nil
}

// legacyParseTupleJSON parses one certificate in FormPair or FormTriple.
func legacyParseTupleJSON(data []byte) (Certificate, error) {
	if len(data) > MaxCertificateSize {
		return Certificate{}, fmt.Errorf("certificate is %d bytes, more than %d", len(data), MaxCertificateSize)
	}
	var tuple []json.RawMessage
	if err := legacyDecodeJSON(data, &tuple); err != nil {
		return Certificate{}, fmt.Errorf("certificate tuple: %w", err)
	}
	var hashRaw, tdRaw, sigRaw json.RawMessage
	switch len(tuple) {
	case 2:
		tdRaw, sigRaw = tuple[0], tuple[1]
	case 3:
		hashRaw, tdRaw, sigRaw = tuple[0], tuple[1], tuple[2]
	default:
		return Certificate{}, fmt.Errorf("certificate tuple has %d elements, want 2 or 3", len(tuple))
	}
	c, err := legacyParseTypedDataJSON(tdRaw)
	if err != nil {
		return Certificate{}, err
	}
	var sigHex string
	if err := json.Unmarshal(sigRaw, &sigHex); err != nil {
		return Certificate{}, fmt.Errorf("signature: %w", err)
	}
	if c.Signature, err = legacyParseSignatureHex(sigHex); err != nil {
		return Certificate{}, err
	}
	if hashRaw != nil && string(hashRaw) != "null" {
		var hashHex string
		if err := json.Unmarshal(hashRaw, &hashHex); err != nil {
			return Certificate{}, fmt.Errorf("hash: %w", err)
		}
		h, err := legacyParseHex32(hashHex)
		if err != nil {
			return Certificate{}, fmt.Errorf("hash: %w", err)
		}
		if d, _ := c.Digest(); d != common.Hash(h) {
			return Certificate{}, fmt.Errorf("hash %x does not match the EIP712 digest %x", h, d)
		}
	}
	return c, nil
}

// legacyParseCertificateJSON parses one certificate in either JSON tuple form:
// [typed_data, signature_hex] or [hash_hex|null, typed_data, signature_hex].
// A hash, when present, must equal the EIP712 digest. The signature is
// checked for form only; see Certificate.Verify and Verify.
func legacyParseCertificateJSON(data []byte) (Certificate, error) {
	c, err := legacyParseTupleJSON(data)
	if err != nil {
		return Certificate{}, fmt.Errorf("cert: parse JSON: %w", err)
	}
	return c, nil
}

// legacyParseChainJSON parses a JSON list of 1…MaxChainLength certificates, each
// in either tuple form (forms may be mixed). It checks encoding only; call
// Verify on the result.
func legacyParseChainJSON(data []byte) ([]Certificate, error) {
	if len(data) > MaxChainSize {
		return nil, fmt.Errorf("cert: parse JSON chain: %d bytes, more than %d", len(data), MaxChainSize)
	}
	var items []json.RawMessage
	if err := legacyDecodeJSON(data, &items); err != nil {
		return nil, fmt.Errorf("cert: parse JSON chain: %w", err)
	}
	if len(items) == 0 || len(items) > MaxChainLength {
		return nil, fmt.Errorf("cert: parse JSON chain: %d certificates, want 1 to %d", len(items), MaxChainLength)
	}
	chain := make([]Certificate, 0, len(items))
	for i, item := range items {
		c, err := legacyParseTupleJSON(item)
		if err != nil {
			return nil, fmt.Errorf("cert: parse JSON chain: certificate %d: %w", i, err)
		}
		chain = append(chain, c)
	}
	return chain, nil
}
