package cert

import (
	"encoding/hex"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
)

// This file holds what the JSON and CBOR decoders share: the WMP/1 EIP712
// type tables, the message fields and their rules, and the typed-data state
// both decoders fill in a single pass (keys may come in any order).

// eipField is one EIP712 struct member.
type eipField struct{ name, typ string }

// The EIP712 fields of the WMP/1 types, in order. TestTypeTables proves them
// equal to the type strings (and so to the type hashes).
var (
	domainFields = []eipField{{"name", "string"}, {"version", "string"}}

	delegateFields = []eipField{
		{"chainId", "uint256"},
		{"verifyingContract", "address"},
		{"validFrom", "uint256"},
		{"delegate", "address"},
		{"csPubKey", "bytes32"},
		{"bootedAt", "uint64"},
		{"meta", "string"},
	}

	authorityFields = []eipField{
		{"chainId", "uint256"},
		{"verifyingContract", "address"},
		{"validFrom", "uint256"},
		{"issuer", "address"},
		{"subject", "address"},
		{"realm", "address"},
		{"capabilities", "uint64"},
		{"meta", "string"},
	}
)

// fieldsOf returns the EIP712 fields of the primary type of k.
func fieldsOf(k Kind) []eipField {
	if k == KindDelegate {
		return delegateFields
	}
	return authorityFields
}

// kindOfName maps a primary type name to a Kind (KindInvalid if unknown).
func kindOfName(name []byte) Kind {
	switch string(name) {
	case DelegateCertificateType:
		return KindDelegate
	case AuthorityCertificateType:
		return KindAuthority
	default:
		return KindInvalid
	}
}

// msgField identifies a message key of either certificate type.
type msgField uint8

const (
	fChainID msgField = iota
	fVerifyingContract
	fValidFrom
	fDelegate
	fCSPubKey
	fBootedAt
	fMeta
	fIssuer
	fSubject
	fRealm
	fCapabilities
	fType // Autobahn's optional "type" key; must equal the primary type
	numMsgFields
)

// fieldClass is the value type of a message field.
type fieldClass uint8

const (
	classUint fieldClass = iota
	classAddress
	classBytes32
	classText
)

var msgFieldNames = [numMsgFields]string{
	"chainId", "verifyingContract", "validFrom", "delegate", "csPubKey", "bootedAt", "meta",
	"issuer", "subject", "realm", "capabilities", "type",
}

var msgFieldClasses = [numMsgFields]fieldClass{
	classUint, classAddress, classUint, classAddress, classBytes32, classUint, classText,
	classAddress, classAddress, classAddress, classUint, classText,
}

func (f msgField) String() string { return msgFieldNames[f] }

// Required message keys of each kind, in EIP712 order, and the allowed sets.
var (
	delegateOrder  = []msgField{fChainID, fVerifyingContract, fValidFrom, fDelegate, fCSPubKey, fBootedAt, fMeta}
	authorityOrder = []msgField{fChainID, fVerifyingContract, fValidFrom, fIssuer, fSubject, fRealm, fCapabilities, fMeta}
)

func maskOf(fs []msgField) (m uint16) {
	for _, f := range fs {
		m |= 1 << f
	}
	return m
}

// lookupMsgField maps a message key to its field.
func lookupMsgField(key []byte) (msgField, bool) {
	switch string(key) {
	case "chainId":
		return fChainID, true
	case "verifyingContract":
		return fVerifyingContract, true
	case "validFrom":
		return fValidFrom, true
	case "delegate":
		return fDelegate, true
	case "csPubKey":
		return fCSPubKey, true
	case "bootedAt":
		return fBootedAt, true
	case "meta":
		return fMeta, true
	case "issuer":
		return fIssuer, true
	case "subject":
		return fSubject, true
	case "realm":
		return fRealm, true
	case "capabilities":
		return fCapabilities, true
	case "type":
		return fType, true
	}
	return 0, false
}

// msgValues collects the message fields of one certificate while its typed
// data is decoded; finish checks them against the primary type.
type msgValues struct {
	seen                                       uint16
	chainID, validFrom, bootedAt, caps         uint64
	contract, delegate, issuer, subject, realm common.Address
	csPubKey                                   [32]byte
	meta                                       string
	typeName                                   Kind // value of "type", if present
}

// mark records f as present, rejecting a duplicate key.
func (m *msgValues) mark(f msgField) error {
	if m.seen&(1<<f) != 0 {
		return fmt.Errorf("duplicate message field %q", f)
	}
	m.seen |= 1 << f
	return nil
}

func (m *msgValues) setUint(f msgField, v uint64) {
	switch f {
	case fChainID:
		m.chainID = v
	case fValidFrom:
		m.validFrom = v
	case fBootedAt:
		m.bootedAt = v
	case fCapabilities:
		m.caps = v
	}
}

func (m *msgValues) setAddress(f msgField, a common.Address) {
	switch f {
	case fVerifyingContract:
		m.contract = a
	case fDelegate:
		m.delegate = a
	case fIssuer:
		m.issuer = a
	case fSubject:
		m.subject = a
	case fRealm:
		m.realm = a
	}
}

// setText stores a text field: meta (bounded, valid UTF-8) or type.
func (m *msgValues) setText(f msgField, b []byte) error {
	if f == fType {
		if m.typeName = kindOfName(b); m.typeName == KindInvalid {
			return fmt.Errorf("message type %.64q is not a WMP/1 primary type", b)
		}
		return nil
	}
	if len(b) > MaxMetaLength {
		return fmt.Errorf("%d bytes, more than %d", len(b), MaxMetaLength)
	}
	if !utf8.Valid(b) {
		return errors.New("invalid UTF-8")
	}
	m.meta = string(b)
	return nil
}

// finish builds the certificate of kind k, requiring exactly the keys of k
// (plus an optional "type" equal to the primary type).
func (m *msgValues) finish(k Kind) (Certificate, error) {
	order := delegateOrder
	if k == KindAuthority {
		order = authorityOrder
	}
	if extra := m.seen &^ (maskOf(order) | 1<<fType); extra != 0 {
		for f := range numMsgFields {
			if extra&(1<<f) != 0 {
				return Certificate{}, fmt.Errorf("unknown message field %q for %s", f, k)
			}
		}
	}
	for _, f := range order {
		if m.seen&(1<<f) == 0 {
			return Certificate{}, fmt.Errorf("field %s: missing", f)
		}
	}
	if m.seen&(1<<fType) != 0 && m.typeName != k {
		return Certificate{}, fmt.Errorf("message type %s differs from primaryType %s", m.typeName, k)
	}
	if k == KindDelegate {
		return Certificate{Delegate: &DelegateCertificate{
			ChainID: m.chainID, VerifyingContract: m.contract, ValidFrom: m.validFrom,
			Delegate: m.delegate, CSPubKey: m.csPubKey, BootedAt: m.bootedAt, Meta: m.meta,
		}}, nil
	}
	return Certificate{Authority: &AuthorityCertificate{
		ChainID: m.chainID, VerifyingContract: m.contract, ValidFrom: m.validFrom,
		Issuer: m.issuer, Subject: m.subject, Realm: m.realm, Capabilities: m.caps, Meta: m.meta,
	}}, nil
}

// Top-level keys of the typed data.
const (
	tdTypes = 1 << iota
	tdPrimaryType
	tdDomain
	tdMessage
	tdAll = tdTypes | tdPrimaryType | tdDomain | tdMessage
)

// typedData is the decoding state of one typed-data map/object. The keys
// may come in any order, so the message is read before the primary type
// may be known and everything is reconciled in finish.
type typedData struct {
	seen      uint8
	kind      Kind // from primaryType
	typesKind Kind // the primary type named in types
	typesSeen uint8
	msg       msgValues
}

// topKey marks a top-level key and returns its bit.
func (td *typedData) topKey(key []byte) (uint8, error) {
	var bit uint8
	switch string(key) {
	case "types":
		bit = tdTypes
	case "primaryType":
		bit = tdPrimaryType
	case "domain":
		bit = tdDomain
	case "message":
		bit = tdMessage
	default:
		return 0, fmt.Errorf("unknown key %.64q", key)
	}
	if td.seen&bit != 0 {
		return 0, fmt.Errorf("duplicate key %q", key)
	}
	td.seen |= bit
	return bit, nil
}

// setPrimaryType records primaryType.
func (td *typedData) setPrimaryType(name []byte) error {
	if td.kind = kindOfName(name); td.kind == KindInvalid {
		return fmt.Errorf("unknown primaryType %.64q", name)
	}
	return nil
}

// typeEntry returns the expected fields for a key of "types", recording it.
func (td *typedData) typeEntry(name []byte) ([]eipField, error) {
	var bit uint8
	var want []eipField
	switch k := kindOfName(name); {
	case string(name) == "EIP712Domain":
		bit, want = 1, domainFields
	case k != KindInvalid && td.typesSeen&2 == 0:
		bit, want, td.typesKind = 2, fieldsOf(k), k
	default:
		return nil, fmt.Errorf("types has an unexpected entry %.64q, want EIP712Domain and the primary type", name)
	}
	if td.typesSeen&bit != 0 {
		return nil, fmt.Errorf("types has a duplicate entry %.64q", name)
	}
	td.typesSeen |= bit
	return want, nil
}

// finish checks that the typed data was complete and consistent and builds
// the certificate.
func (td *typedData) finish() (Certificate, error) {
	for _, k := range []struct {
		bit  uint8
		name string
	}{{tdTypes, "types"}, {tdPrimaryType, "primaryType"}, {tdDomain, "domain"}, {tdMessage, "message"}} {
		if td.seen&k.bit == 0 {
			return Certificate{}, fmt.Errorf("typed data: missing %s", k.name)
		}
	}
	if td.typesSeen != 3 || td.typesKind != td.kind {
		return Certificate{}, fmt.Errorf("typed data: types lacks EIP712Domain or %s", td.kind)
	}
	c, err := td.msg.finish(td.kind)
	if err != nil {
		return Certificate{}, fmt.Errorf("typed data: message: %w", err)
	}
	return c, nil
}

// errDomain is the error for any domain other than {name: "WMP", version: "1"}.
var errDomain = errors.New(`domain must be exactly {"name": "WMP", "version": "1"}`)

// domainEntry checks one domain member; seen tracks name (1) and version (2).
func domainEntry(seen *uint8, key, val []byte) error {
	var bit uint8
	switch {
	case string(key) == "name" && string(val) == DomainName:
		bit = 1
	case string(key) == "version" && string(val) == DomainVersion:
		bit = 2
	default:
		return errDomain
	}
	if *seen&bit != 0 {
		return errDomain
	}
	*seen |= bit
	return nil
}

// fieldEntry checks one member of a types field object {name, type} against
// want; seen tracks name (1) and type (2).
func fieldEntry(seen *uint8, want eipField, key, val []byte) bool {
	var bit uint8
	switch {
	case string(key) == "name" && string(val) == want.name:
		bit = 1
	case string(key) == "type" && string(val) == want.typ:
		bit = 2
	default:
		return false
	}
	if *seen&bit != 0 {
		return false
	}
	*seen |= bit
	return true
}

// addrMemo remembers mixed-case address texts whose EIP-55 checksum was
// already verified during one parse (a chain repeats its contract, realm
// and issuers), so each distinct address costs one Keccak-256 at most.
type addrMemo struct {
	n    int
	seen [16][40]byte
}

func (m *addrMemo) has(body []byte) bool {
	if m == nil {
		return false
	}
	for i := range m.n {
		if string(m.seen[i][:]) == string(body) {
			return true
		}
	}
	return false
}

func (m *addrMemo) add(body []byte) {
	if m != nil && m.n < len(m.seen) {
		copy(m.seen[m.n][:], body)
		m.n++
	}
}

// parseAddressText parses "0x" + 40 hex digits; mixed case must carry a
// valid EIP-55 checksum.
func parseAddressText(s []byte, memo *addrMemo) (common.Address, error) {
	var a common.Address
	if len(s) != 42 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X') {
		return a, fmt.Errorf("address %.50q: want 0x and 40 hex digits", s)
	}
	body := s[2:]
	if _, err := hex.Decode(a[:], body); err != nil {
		return common.Address{}, fmt.Errorf("address %.50q: %w", s, err)
	}
	var lower, upper bool
	for _, c := range body {
		lower = lower || ('a' <= c && c <= 'f')
		upper = upper || ('A' <= c && c <= 'F')
	}
	if lower && upper && !memo.has(body) {
		if !eip55Valid(a, body) {
			return common.Address{}, fmt.Errorf("address %s: bad EIP-55 checksum", s)
		}
		memo.add(body)
	}
	return a, nil
}

// eip55Valid reports whether body (40 hex digits of a) has the EIP-55
// capitalisation: letter i is upper case iff nibble i of
// keccak256(lower-case hex) is ≥ 8.
func eip55Valid(a common.Address, body []byte) bool {
	h := getHasher()
	defer putHasher(h)
	lowerHex := h.buf[:40]
	hex.Encode(lowerHex, a[:])
	sum := h.Sum(lowerHex)
	for i, c := range body {
		if c < 'A' { // a digit
			continue
		}
		nibble := sum[i/2] >> 4
		if i%2 == 1 {
			nibble = sum[i/2] & 0x0f
		}
		if (nibble >= 8) != (c <= 'F') {
			return false
		}
	}
	return true
}

// ParseAddress parses a 0x-prefixed hex Ethereum address. Mixed-case input
// must carry a valid EIP-55 checksum; all-lower or all-upper case is
// accepted without one.
func ParseAddress(s string) (common.Address, error) {
	return parseAddressText([]byte(s), nil)
}

// trimHexPrefix removes one optional "0x" or "0X".
func trimHexPrefix(s []byte) []byte {
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		return s[2:]
	}
	return s
}

// parseHex32 parses 32 bytes of hex, with or without one 0x.
func parseHex32(s []byte) ([32]byte, error) {
	var out [32]byte
	s = trimHexPrefix(s)
	if len(s) != 64 {
		return out, fmt.Errorf("want 32 bytes of hex, got %d hex digits", len(s))
	}
	if _, err := hex.Decode(out[:], s); err != nil {
		return out, fmt.Errorf("bad hex: %w", err)
	}
	return out, nil
}

// parseSignatureHex parses a 65-byte signature in hex, with or without one 0x.
func parseSignatureHex(s []byte) ([SignatureLength]byte, error) {
	var out [SignatureLength]byte
	s = trimHexPrefix(s)
	if len(s) != 2*SignatureLength {
		return out, fmt.Errorf("signature: want %d bytes of hex, got %d hex digits", SignatureLength, len(s))
	}
	if _, err := hex.Decode(out[:], s); err != nil {
		return out, fmt.Errorf("signature: bad hex: %w", err)
	}
	return out, nil
}

// parseUintText parses a non-empty run of digits in base 10 or 16 into a
// uint64, rejecting anything else (signs, underscores, overflow).
func parseUintText(s []byte, base uint64) (uint64, error) {
	if len(s) == 0 {
		return 0, errors.New(`"" is not an unsigned integer`)
	}
	var v uint64
	for _, c := range s {
		var d uint64
		switch {
		case '0' <= c && c <= '9':
			d = uint64(c - '0')
		case base == 16 && 'a' <= c && c <= 'f':
			d = uint64(c-'a') + 10
		case base == 16 && 'A' <= c && c <= 'F':
			d = uint64(c-'A') + 10
		default:
			return 0, fmt.Errorf("%.40q is not an unsigned integer", s)
		}
		if v > (^uint64(0)-d)/base {
			return 0, fmt.Errorf("%.40q is not a uint64: value out of range", s)
		}
		v = v*base + d
	}
	return v, nil
}
