package cert

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// Form selects the JSON tuple form of a certificate on the wire.
type Form uint8

const (
	// FormPair is the WAMP specification's [typed_data, signature_hex].
	FormPair Form = iota + 2
	// FormTriple is Autobahn/Crossbar's [hash_hex, typed_data, signature_hex].
	FormTriple
)

// decodeJSON decodes exactly one JSON value from data into v (trailing
// data is an error). Numbers are only ever decoded from json.RawMessage by
// uint64Field, never through float64.
func decodeJSON(data []byte, v any) error {
	return json.Unmarshal(data, v)
}

// jsonFields reads message fields from a decoded JSON object.
type jsonFields map[string]json.RawMessage

func (m jsonFields) keys() []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func (m jsonFields) raw(name string) (json.RawMessage, error) {
	r, ok := m[name]
	if !ok {
		return nil, errors.New("missing")
	}
	return r, nil
}

func (m jsonFields) str(name string) (string, error) {
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
func (m jsonFields) uint64Field(name string) (uint64, error) {
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

func (m jsonFields) addressField(name string) (common.Address, error) {
	s, err := m.str(name)
	if err != nil {
		return common.Address{}, err
	}
	return ParseAddress(s)
}

func (m jsonFields) bytes32Field(name string) ([32]byte, error) {
	s, err := m.str(name)
	if err != nil {
		return [32]byte{}, err
	}
	return parseHex32(s)
}

func (m jsonFields) stringField(name string) (string, error) { return m.str(name) }

// parseTypedDataJSON parses one EIP712 typed-data object of a WMP/1
// certificate, checking types, primaryType and domain exactly.
func parseTypedDataJSON(data []byte) (Certificate, error) {
	var top map[string]json.RawMessage
	if err := decodeJSON(data, &top); err != nil {
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
	kind, err := kindOf(primaryType)
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
	if err := checkTypes(kind, pairs); err != nil {
		return Certificate{}, fmt.Errorf("typed data: %w", err)
	}
	var domain map[string]string
	if err := json.Unmarshal(top["domain"], &domain); err != nil {
		return Certificate{}, fmt.Errorf("typed data: domain: %w", err)
	}
	if err := checkDomain(domain["name"], domain["version"], len(domain)); err != nil {
		return Certificate{}, fmt.Errorf("typed data: %w", err)
	}
	var msg jsonFields
	if err := decodeJSON(top["message"], &msg); err != nil || msg == nil {
		return Certificate{}, fmt.Errorf("typed data: message is not an object: %v", err)
	}
	c, err := buildMessage(kind, msg)
	if err != nil {
		return Certificate{}, fmt.Errorf("typed data: message: %w", err)
	}
	return c, nil
}

// parseTupleJSON parses one certificate in FormPair or FormTriple.
func parseTupleJSON(data []byte) (Certificate, error) {
	if len(data) > MaxCertificateSize {
		return Certificate{}, fmt.Errorf("certificate is %d bytes, more than %d", len(data), MaxCertificateSize)
	}
	var tuple []json.RawMessage
	if err := decodeJSON(data, &tuple); err != nil {
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
	c, err := parseTypedDataJSON(tdRaw)
	if err != nil {
		return Certificate{}, err
	}
	var sigHex string
	if err := json.Unmarshal(sigRaw, &sigHex); err != nil {
		return Certificate{}, fmt.Errorf("signature: %w", err)
	}
	if c.Signature, err = parseSignatureHex(sigHex); err != nil {
		return Certificate{}, err
	}
	if hashRaw != nil && string(hashRaw) != "null" {
		var hashHex string
		if err := json.Unmarshal(hashRaw, &hashHex); err != nil {
			return Certificate{}, fmt.Errorf("hash: %w", err)
		}
		h, err := parseHex32(hashHex)
		if err != nil {
			return Certificate{}, fmt.Errorf("hash: %w", err)
		}
		if d, _ := c.Digest(); d != common.Hash(h) {
			return Certificate{}, fmt.Errorf("hash %x does not match the EIP712 digest %x", h, d)
		}
	}
	return c, nil
}

// ParseCertificateJSON parses one certificate in either JSON tuple form:
// [typed_data, signature_hex] or [hash_hex|null, typed_data, signature_hex].
// A hash, when present, must equal the EIP712 digest. The signature is
// checked for form only; see Certificate.Verify and Verify.
func ParseCertificateJSON(data []byte) (Certificate, error) {
	c, err := parseTupleJSON(data)
	if err != nil {
		return Certificate{}, fmt.Errorf("cert: parse JSON: %w", err)
	}
	return c, nil
}

// ParseChainJSON parses a JSON list of 1…MaxChainLength certificates, each
// in either tuple form (forms may be mixed). It checks encoding only; call
// Verify on the result.
func ParseChainJSON(data []byte) ([]Certificate, error) {
	if len(data) > MaxChainSize {
		return nil, fmt.Errorf("cert: parse JSON chain: %d bytes, more than %d", len(data), MaxChainSize)
	}
	var items []json.RawMessage
	if err := decodeJSON(data, &items); err != nil {
		return nil, fmt.Errorf("cert: parse JSON chain: %w", err)
	}
	if len(items) == 0 || len(items) > MaxChainLength {
		return nil, fmt.Errorf("cert: parse JSON chain: %d certificates, want 1 to %d", len(items), MaxChainLength)
	}
	chain := make([]Certificate, 0, len(items))
	for i, item := range items {
		c, err := parseTupleJSON(item)
		if err != nil {
			return nil, fmt.Errorf("cert: parse JSON chain: certificate %d: %w", i, err)
		}
		chain = append(chain, c)
	}
	return chain, nil
}

// JSON output shapes, field order as in the EIP712 types.
type (
	jsonField struct {
		Name string `json:"name"`
		Type string `json:"type"`
	}
	jsonDomain struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	jsonTypedData struct {
		Types       map[string][]jsonField `json:"types"`
		PrimaryType string                 `json:"primaryType"`
		Domain      jsonDomain             `json:"domain"`
		Message     any                    `json:"message"`
	}
	jsonDelegateMsg struct {
		ChainID           uint64 `json:"chainId"`
		VerifyingContract string `json:"verifyingContract"`
		ValidFrom         uint64 `json:"validFrom"`
		Delegate          string `json:"delegate"`
		CSPubKey          string `json:"csPubKey"`
		BootedAt          uint64 `json:"bootedAt"`
		Meta              string `json:"meta"`
	}
	jsonAuthorityMsg struct {
		ChainID           uint64 `json:"chainId"`
		VerifyingContract string `json:"verifyingContract"`
		ValidFrom         uint64 `json:"validFrom"`
		Issuer            string `json:"issuer"`
		Subject           string `json:"subject"`
		Realm             string `json:"realm"`
		Capabilities      uint64 `json:"capabilities"`
		Meta              string `json:"meta"`
	}
)

// toJSONFields converts apitypes-style fields for output.
func toJSONFields(k Kind) map[string][]jsonField {
	conv := func(pairs []string) []jsonField {
		out := make([]jsonField, 0, len(pairs)/2)
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, jsonField{pairs[i], pairs[i+1]})
		}
		return out
	}
	m := map[string][]jsonField{"EIP712Domain": conv([]string{"name", "string", "version", "string"})}
	for _, t := range typeFieldsOf(k) {
		m[k.String()] = append(m[k.String()], jsonField{t.Name, t.Type})
	}
	return m
}

// typedDataJSON returns the JSON-encodable typed data of c: EIP-55
// addresses, csPubKey as hex without 0x, integers as JSON numbers.
func (c *Certificate) typedDataJSON() (jsonTypedData, error) {
	if err := c.validate(); err != nil {
		return jsonTypedData{}, err
	}
	td := jsonTypedData{Types: toJSONFields(c.Kind()), PrimaryType: c.Kind().String(), Domain: jsonDomain{DomainName, DomainVersion}}
	if d := c.Delegate; d != nil {
		td.Message = jsonDelegateMsg{d.ChainID, d.VerifyingContract.Hex(), d.ValidFrom, d.Delegate.Hex(), hex.EncodeToString(d.CSPubKey[:]), d.BootedAt, d.Meta}
	} else {
		a := c.Authority
		td.Message = jsonAuthorityMsg{a.ChainID, a.VerifyingContract.Hex(), a.ValidFrom, a.Issuer.Hex(), a.Subject.Hex(), a.Realm.Hex(), a.Capabilities, a.Meta}
	}
	return td, nil
}

// tupleJSON returns c as a JSON-encodable tuple in form f.
func (c *Certificate) tupleJSON(f Form) ([]any, error) {
	td, err := c.typedDataJSON()
	if err != nil {
		return nil, err
	}
	sig := hex.EncodeToString(c.Signature[:])
	switch f {
	case FormPair:
		return []any{td, sig}, nil
	case FormTriple:
		d, err := c.Digest()
		if err != nil {
			return nil, err
		}
		return []any{hex.EncodeToString(d[:]), td, sig}, nil
	default:
		return nil, fmt.Errorf("unknown form %d", f)
	}
}

// encodeJSON encodes v without HTML escaping and without a trailing newline.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// MarshalCertificateJSON encodes c as one JSON tuple in form f (hashes and
// signatures as hex without 0x, as Autobahn writes them).
func MarshalCertificateJSON(c Certificate, f Form) ([]byte, error) {
	t, err := c.tupleJSON(f)
	if err != nil {
		return nil, fmt.Errorf("cert: marshal JSON: %w", err)
	}
	return encodeJSON(t)
}

// MarshalChainJSON encodes a chain as a JSON list of tuples in form f.
func MarshalChainJSON(chain []Certificate, f Form) ([]byte, error) {
	if len(chain) == 0 || len(chain) > MaxChainLength {
		return nil, fmt.Errorf("cert: marshal JSON chain: %d certificates, want 1 to %d", len(chain), MaxChainLength)
	}
	out := make([]any, 0, len(chain))
	for i := range chain {
		t, err := chain[i].tupleJSON(f)
		if err != nil {
			return nil, fmt.Errorf("cert: marshal JSON chain: certificate %d: %w", i, err)
		}
		out = append(out, t)
	}
	return encodeJSON(out)
}
