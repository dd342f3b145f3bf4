package cert

import (
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// fieldReader reads the message fields of one encoded certificate. JSON and
// CBOR each implement it, so both wire forms apply the same field rules.
type fieldReader interface {
	keys() []string
	uint64Field(name string) (uint64, error)
	addressField(name string) (common.Address, error)
	bytes32Field(name string) ([32]byte, error)
	stringField(name string) (string, error)
}

// messageKeys are the message keys of each primary type, in EIP712 order.
func messageKeys(k Kind) []string {
	if k == KindDelegate {
		return []string{"chainId", "verifyingContract", "validFrom", "delegate", "csPubKey", "bootedAt", "meta"}
	}
	return []string{"chainId", "verifyingContract", "validFrom", "issuer", "subject", "realm", "capabilities", "meta"}
}

// kindOf maps a primaryType string to a Kind.
func kindOf(primaryType string) (Kind, error) {
	switch primaryType {
	case DelegateCertificateType:
		return KindDelegate, nil
	case AuthorityCertificateType:
		return KindAuthority, nil
	default:
		return KindInvalid, fmt.Errorf("unknown primaryType %.64q", primaryType)
	}
}

// checkTypes requires the EIP712 "types" to be exactly the WMP/1 domain and
// the primary type, field for field. types maps a type name to its fields
// as (name, type) pairs.
func checkTypes(k Kind, types map[string][][2]string) error {
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

// checkDomain requires the domain to be exactly {name: "WMP", version: "1"}.
func checkDomain(name, version string, n int) error {
	if n != 2 || name != DomainName || version != DomainVersion {
		return errors.New(`domain must be exactly {"name": "WMP", "version": "1"}`)
	}
	return nil
}

// buildMessage reads the message of kind k from r, requiring exactly the
// keys of k (plus an optional Autobahn "type" key equal to the primary type).
func buildMessage(k Kind, r fieldReader) (Certificate, error) {
	want := messageKeys(k)
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

// ParseAddress parses a 0x-prefixed hex Ethereum address. Mixed-case input
// must carry a valid EIP-55 checksum; all-lower or all-upper case is
// accepted without one.
func ParseAddress(s string) (common.Address, error) {
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

// parseHex32 parses 32 bytes of hex, with or without 0x.
func parseHex32(s string) ([32]byte, error) {
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

// parseSignatureHex parses a 65-byte signature in hex, with or without 0x.
func parseSignatureHex(s string) ([SignatureLength]byte, error) {
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
