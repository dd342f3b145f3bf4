package cert

import (
	"errors"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/fxamacker/cbor/v2"
)

// CBOR major types checked before decoding a field.
const (
	cborUint  = 0
	cborBytes = 2
	cborText  = 3
)

// cborDecMode returns the strict decoder used for untrusted CBOR: no
// duplicate map keys, no indefinite lengths, no tags, bounded nesting and
// sizes, valid UTF-8.
func cborDecMode() (cbor.DecMode, error) {
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

// cborFields reads message fields from a decoded CBOR map (Autobahn's
// binary form: 20-byte addresses, 32-byte csPubKey, unsigned integers).
type cborFields struct {
	dm cbor.DecMode
	m  map[string]cbor.RawMessage
}

func (f cborFields) keys() []string {
	ks := make([]string, 0, len(f.m))
	for k := range f.m {
		ks = append(ks, k)
	}
	return ks
}

// decode decodes field name, requiring CBOR major type major.
func (f cborFields) decode(name string, major byte, v any) error {
	r, ok := f.m[name]
	if !ok {
		return errors.New("missing")
	}
	if len(r) == 0 || r[0]>>5 != major {
		return fmt.Errorf("wrong CBOR type, want major type %d", major)
	}
	return f.dm.Unmarshal(r, v)
}

func (f cborFields) uint64Field(name string) (uint64, error) {
	var v uint64
	err := f.decode(name, cborUint, &v)
	return v, err
}

func (f cborFields) bytesField(name string, n int) ([]byte, error) {
	var b []byte
	if err := f.decode(name, cborBytes, &b); err != nil {
		return nil, err
	}
	if len(b) != n {
		return nil, fmt.Errorf("%d bytes, want %d", len(b), n)
	}
	return b, nil
}

func (f cborFields) addressField(name string) (common.Address, error) {
	b, err := f.bytesField(name, common.AddressLength)
	if err != nil {
		return common.Address{}, err
	}
	return common.Address(b), nil
}

func (f cborFields) bytes32Field(name string) ([32]byte, error) {
	b, err := f.bytesField(name, 32)
	if err != nil {
		return [32]byte{}, err
	}
	return [32]byte(b), nil
}

func (f cborFields) stringField(name string) (string, error) {
	var s string
	err := f.decode(name, cborText, &s)
	return s, err
}

// parseTypedDataCBOR parses the binary-form typed data of a certificate.
func parseTypedDataCBOR(dm cbor.DecMode, raw cbor.RawMessage) (Certificate, error) {
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
	kind, err := kindOf(primaryType)
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
	if err := checkTypes(kind, pairs); err != nil {
		return Certificate{}, fmt.Errorf("typed data: %w", err)
	}
	var domain map[string]string
	if err := dm.Unmarshal(top["domain"], &domain); err != nil {
		return Certificate{}, fmt.Errorf("typed data: domain: %w", err)
	}
	if err := checkDomain(domain["name"], domain["version"], len(domain)); err != nil {
		return Certificate{}, fmt.Errorf("typed data: %w", err)
	}
	var msg map[string]cbor.RawMessage
	if err := dm.Unmarshal(top["message"], &msg); err != nil || msg == nil {
		return Certificate{}, fmt.Errorf("typed data: message is not a map: %v", err)
	}
	c, err := buildMessage(kind, cborFields{dm: dm, m: msg})
	if err != nil {
		return Certificate{}, fmt.Errorf("typed data: message: %w", err)
	}
	return c, nil
}

// parseFileCBOR parses one [hash, typed_data, [signature]] array.
func parseFileCBOR(dm cbor.DecMode, raw []byte) (Certificate, error) {
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
	if len(parts[0]) == 0 || parts[0][0]>>5 != cborBytes {
		return Certificate{}, errors.New("hash: not a byte string")
	}
	if err := dm.Unmarshal(parts[0], &hash); err != nil || len(hash) != 32 {
		return Certificate{}, fmt.Errorf("hash: want 32 bytes (%v)", err)
	}
	c, err := parseTypedDataCBOR(dm, parts[1])
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
	sig, err := cborFields{dm: dm, m: map[string]cbor.RawMessage{"signature": sigs[0]}}.bytesField("signature", SignatureLength)
	if err != nil {
		return Certificate{}, fmt.Errorf("signature: %w", err)
	}
	c.Signature = [SignatureLength]byte(sig)
	if d, _ := c.Digest(); d != common.Hash(hash) {
		return Certificate{}, fmt.Errorf("hash %x does not match the EIP712 digest %x", hash, d)
	}
	return c, nil
}

// ParseCertificateCBOR parses Autobahn's CBOR certificate file
// [hash: bytes32, typed_data (binary form), [signature]]. The hash must equal
// the EIP712 digest; exactly one 65-byte signature is accepted.
func ParseCertificateCBOR(data []byte) (Certificate, error) {
	dm, err := cborDecMode()
	if err != nil {
		return Certificate{}, fmt.Errorf("cert: parse CBOR: %w", err)
	}
	c, err := parseFileCBOR(dm, data)
	if err != nil {
		return Certificate{}, fmt.Errorf("cert: parse CBOR: %w", err)
	}
	return c, nil
}

// ParseChainCBOR parses a CBOR array of 1…MaxChainLength certificates, each
// in the certificate-file form of ParseCertificateCBOR.
func ParseChainCBOR(data []byte) ([]Certificate, error) {
	if len(data) > MaxChainSize {
		return nil, fmt.Errorf("cert: parse CBOR chain: %d bytes, more than %d", len(data), MaxChainSize)
	}
	dm, err := cborDecMode()
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
		c, err := parseFileCBOR(dm, item)
		if err != nil {
			return nil, fmt.Errorf("cert: parse CBOR chain: certificate %d: %w", i, err)
		}
		chain = append(chain, c)
	}
	return chain, nil
}

// CBOR output shapes (Autobahn's binary form, field order as in EIP712).
type (
	cborTypedData struct {
		Types       map[string][]jsonField `cbor:"types"`
		PrimaryType string                 `cbor:"primaryType"`
		Domain      jsonDomain             `cbor:"domain"`
		Message     any                    `cbor:"message"`
	}
	cborDelegateMsg struct {
		ChainID           uint64 `cbor:"chainId"`
		VerifyingContract []byte `cbor:"verifyingContract"`
		ValidFrom         uint64 `cbor:"validFrom"`
		Delegate          []byte `cbor:"delegate"`
		CSPubKey          []byte `cbor:"csPubKey"`
		BootedAt          uint64 `cbor:"bootedAt"`
		Meta              string `cbor:"meta"`
	}
	cborAuthorityMsg struct {
		ChainID           uint64 `cbor:"chainId"`
		VerifyingContract []byte `cbor:"verifyingContract"`
		ValidFrom         uint64 `cbor:"validFrom"`
		Issuer            []byte `cbor:"issuer"`
		Subject           []byte `cbor:"subject"`
		Realm             []byte `cbor:"realm"`
		Capabilities      uint64 `cbor:"capabilities"`
		Meta              string `cbor:"meta"`
	}
)

// fileCBOR returns c in Autobahn's certificate-file shape.
func (c *Certificate) fileCBOR() ([]any, error) {
	d, err := c.Digest()
	if err != nil {
		return nil, err
	}
	td := cborTypedData{Types: toJSONFields(c.Kind()), PrimaryType: c.Kind().String(), Domain: jsonDomain{DomainName, DomainVersion}}
	if m := c.Delegate; m != nil {
		td.Message = cborDelegateMsg{m.ChainID, m.VerifyingContract[:], m.ValidFrom, m.Delegate[:], m.CSPubKey[:], m.BootedAt, m.Meta}
	} else {
		m := c.Authority
		td.Message = cborAuthorityMsg{m.ChainID, m.VerifyingContract[:], m.ValidFrom, m.Issuer[:], m.Subject[:], m.Realm[:], m.Capabilities, m.Meta}
	}
	return []any{d[:], td, [][]byte{c.Signature[:]}}, nil
}

// MarshalCertificateCBOR encodes c as Autobahn's CBOR certificate file.
func MarshalCertificateCBOR(c Certificate) ([]byte, error) {
	f, err := c.fileCBOR()
	if err != nil {
		return nil, fmt.Errorf("cert: marshal CBOR: %w", err)
	}
	return cbor.Marshal(f)
}

// MarshalChainCBOR encodes a chain as a CBOR array of certificate files.
func MarshalChainCBOR(chain []Certificate) ([]byte, error) {
	if len(chain) == 0 || len(chain) > MaxChainLength {
		return nil, fmt.Errorf("cert: marshal CBOR chain: %d certificates, want 1 to %d", len(chain), MaxChainLength)
	}
	out := make([]any, 0, len(chain))
	for i := range chain {
		f, err := chain[i].fileCBOR()
		if err != nil {
			return nil, fmt.Errorf("cert: marshal CBOR chain: certificate %d: %w", i, err)
		}
		out = append(out, f)
	}
	return cbor.Marshal(out)
}
