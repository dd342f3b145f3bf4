package cert

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

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

// The JSON forms are read by a strict single-pass decoder written for the
// certificate shapes (RFC 8259 syntax; keys in any order). Compared with
// encoding/json it additionally rejects duplicate object keys, invalid
// UTF-8 and unpaired surrogate escapes (encoding/json would keep the last
// duplicate and substitute U+FFFD, silently changing what was signed).
// Integers are parsed from their digits, never through float64.

// jsonMaxDepth bounds the nesting skip follows (the certificate shapes need
// 6 levels from the chain list down).
const jsonMaxDepth = 32

var errJSONEnd = errors.New("unexpected end of JSON input")

// jsonReader reads JSON values from b, never past its end.
type jsonReader struct {
	b    []byte
	off  int
	memo *addrMemo // EIP-55 results shared by one parse
}

// peek skips white space and returns the next byte (0 at the end).
func (r *jsonReader) peek() byte {
	for r.off < len(r.b) {
		switch c := r.b[r.off]; c {
		case ' ', '\t', '\n', '\r':
			r.off++
		default:
			return c
		}
	}
	return 0
}

// unexpected describes the byte at the current position.
func (r *jsonReader) unexpected(context string) error {
	if r.off >= len(r.b) {
		return errJSONEnd
	}
	return fmt.Errorf("invalid character %q %s", r.b[r.off], context)
}

// consume requires c as the next non-space byte.
func (r *jsonReader) consume(c byte, context string) error {
	if r.peek() != c {
		return r.unexpected(context)
	}
	r.off++
	return nil
}

// done requires that only white space is left.
func (r *jsonReader) done() error {
	if r.peek() != 0 || r.off < len(r.b) {
		return r.unexpected("after top-level value")
	}
	return nil
}

// str reads a string and returns its unescaped bytes (aliasing b when the
// string has no escapes). Control characters, bad escapes, unpaired
// surrogates and invalid UTF-8 are errors.
func (r *jsonReader) str() ([]byte, error) {
	if r.peek() != '"' {
		return nil, r.unexpected("looking for beginning of string")
	}
	r.off++
	start, high := r.off, false
	for i := start; i < len(r.b); i++ {
		switch c := r.b[i]; {
		case c == '"':
			r.off = i + 1
			s := r.b[start:i]
			if high && !utf8.Valid(s) {
				return nil, errors.New("invalid UTF-8 in string")
			}
			return s, nil
		case c == '\\':
			return r.strEscaped(start, i)
		case c < 0x20:
			return nil, fmt.Errorf("invalid control character %q in string", c)
		case c >= utf8.RuneSelf:
			high = true
		}
	}
	return nil, errJSONEnd
}

// strEscaped finishes str from the first backslash at i.
func (r *jsonReader) strEscaped(start, i int) ([]byte, error) {
	out := make([]byte, 0, i-start+32) // grows as needed; never sized by the rest of the input
	out = append(out, r.b[start:i]...)
	hex4 := func(at int) (rune, bool) {
		if at+4 > len(r.b) {
			return 0, false
		}
		var v rune
		for _, c := range r.b[at : at+4] {
			switch {
			case '0' <= c && c <= '9':
				v = v<<4 | rune(c-'0')
			case 'a' <= c && c <= 'f':
				v = v<<4 | rune(c-'a'+10)
			case 'A' <= c && c <= 'F':
				v = v<<4 | rune(c-'A'+10)
			default:
				return 0, false
			}
		}
		return v, true
	}
	for i < len(r.b) {
		c := r.b[i]
		switch {
		case c == '"':
			r.off = i + 1
			if !utf8.Valid(out) {
				return nil, errors.New("invalid UTF-8 in string")
			}
			return out, nil
		case c < 0x20:
			return nil, fmt.Errorf("invalid control character %q in string", c)
		case c != '\\':
			out = append(out, c)
			i++
			continue
		}
		if i+1 >= len(r.b) {
			return nil, errJSONEnd
		}
		switch e := r.b[i+1]; e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			v, ok := hex4(i + 2)
			if !ok {
				return nil, errors.New(`invalid \u escape in string`)
			}
			switch {
			case utf16.IsSurrogate(v) && v < 0xdc00:
				// A high surrogate must be followed by an escaped low one.
				lo, ok := rune(0), i+7 < len(r.b) && r.b[i+6] == '\\' && r.b[i+7] == 'u'
				if ok {
					lo, ok = hex4(i + 8)
				}
				if !ok || lo < 0xdc00 || lo > 0xdfff {
					return nil, errors.New("unpaired surrogate escape in string")
				}
				out = utf8.AppendRune(out, utf16.DecodeRune(v, lo))
				i += 6
			case utf16.IsSurrogate(v):
				return nil, errors.New("unpaired surrogate escape in string")
			default:
				out = utf8.AppendRune(out, v)
			}
			i += 4
		default:
			return nil, fmt.Errorf("invalid escape %q in string", e)
		}
		i += 2
	}
	return nil, errJSONEnd
}

// number reads a number token (RFC 8259 grammar) and returns its text.
func (r *jsonReader) number() ([]byte, error) {
	r.peek()
	b, i := r.b, r.off
	digits := func() bool {
		j := i
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		return i > j
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case !digits():
		r.off = i
		return nil, r.unexpected("in numeric literal")
	}
	if i < len(b) && b[i] == '.' {
		i++
		if !digits() {
			r.off = i
			return nil, r.unexpected("after decimal point in numeric literal")
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			r.off = i
			return nil, r.unexpected("in exponent of numeric literal")
		}
	}
	s := b[r.off:i]
	r.off = i
	return s, nil
}

// literal reads true, false or null.
func (r *jsonReader) literal() error {
	for _, lit := range []string{"true", "false", "null"} {
		if bytes.HasPrefix(r.b[r.off:], []byte(lit)) {
			r.off += len(lit)
			return nil
		}
	}
	return r.unexpected("looking for beginning of value")
}

// null reports whether the next value is null, reading it if so.
func (r *jsonReader) null() bool {
	if r.peek() == 'n' && bytes.HasPrefix(r.b[r.off:], []byte("null")) {
		r.off += 4
		return true
	}
	return false
}

// object reads an object, calling member with each key and the reader at
// the member's value, which member must read.
func (r *jsonReader) object(member func(key []byte) error) error {
	if err := r.consume('{', "looking for beginning of object"); err != nil {
		return err
	}
	if r.peek() == '}' {
		r.off++
		return nil
	}
	for {
		key, err := r.str()
		if err != nil {
			return err
		}
		if err := r.consume(':', "after object key"); err != nil {
			return err
		}
		if err := member(key); err != nil {
			return err
		}
		switch r.peek() {
		case ',':
			r.off++
		case '}':
			r.off++
			return nil
		default:
			return r.unexpected("after object key:value pair")
		}
	}
}

// array reads an array, calling elem with each index and the reader at the
// element, which elem must read.
func (r *jsonReader) array(elem func(i int) error) error {
	if err := r.consume('[', "looking for beginning of array"); err != nil {
		return err
	}
	if r.peek() == ']' {
		r.off++
		return nil
	}
	for i := 0; ; i++ {
		if err := elem(i); err != nil {
			return err
		}
		switch r.peek() {
		case ',':
			r.off++
		case ']':
			r.off++
			return nil
		default:
			return r.unexpected("after array element")
		}
	}
}

// skip reads over any one value, checking its syntax.
func (r *jsonReader) skip(depth int) error {
	if depth > jsonMaxDepth {
		return errors.New("JSON nesting too deep")
	}
	switch c := r.peek(); {
	case c == '{':
		return r.object(func([]byte) error { return r.skip(depth + 1) })
	case c == '[':
		return r.array(func(int) error { return r.skip(depth + 1) })
	case c == '"':
		_, err := r.str()
		return err
	case c == '-' || ('0' <= c && c <= '9'):
		_, err := r.number()
		return err
	default:
		return r.literal()
	}
}

// uint64Value reads a JSON integer, a decimal string or a 0x-hex string;
// never a float, a sign or an exponent.
func (r *jsonReader) uint64Value() (uint64, error) {
	switch c := r.peek(); {
	case c == '"':
		s, err := r.str()
		if err != nil {
			return 0, err
		}
		if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
			return parseUintText(s[2:], 16)
		}
		return parseUintText(s, 10)
	case c == '-' || ('0' <= c && c <= '9'):
		s, err := r.number()
		if err != nil {
			return 0, err
		}
		return parseUintText(s, 10)
	default:
		return 0, r.unexpected("looking for an unsigned integer")
	}
}

// typedData reads one EIP712 typed-data object of a WMP/1 certificate,
// checking types, primaryType and domain exactly.
func (r *jsonReader) typedData() (Certificate, error) {
	var td typedData
	err := r.object(func(key []byte) error {
		bit, err := td.topKey(key)
		if err != nil {
			return err
		}
		switch bit {
		case tdTypes:
			return r.types(&td)
		case tdPrimaryType:
			name, err := r.str()
			if err == nil {
				err = td.setPrimaryType(name)
			}
			if err != nil {
				return fmt.Errorf("primaryType: %w", err)
			}
			return nil
		case tdDomain:
			return r.domain()
		default:
			return r.message(&td.msg)
		}
	})
	if err != nil {
		return Certificate{}, fmt.Errorf("typed data: %w", err)
	}
	return td.finish()
}

// types reads the "types" object.
func (r *jsonReader) types(td *typedData) error {
	err := r.object(func(name []byte) error {
		want, err := td.typeEntry(name)
		if err != nil {
			return err
		}
		if err := r.typeFields(want); err != nil {
			return fmt.Errorf("types of %.64s: %w", name, err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("types: %w", err)
	}
	return nil
}

// typeFields reads one type's field list and requires it to equal want.
func (r *jsonReader) typeFields(want []eipField) error {
	n := 0
	err := r.array(func(i int) error {
		if i >= len(want) {
			return errTypeFields
		}
		var seen uint8
		err := r.object(func(key []byte) error {
			val, err := r.str()
			if err != nil {
				return err
			}
			if !fieldEntry(&seen, want[i], key, val) {
				return errTypeFields
			}
			return nil
		})
		if err == nil && seen != 3 {
			err = errTypeFields
		}
		n++
		return err
	})
	if err == nil && n != len(want) {
		err = errTypeFields
	}
	return err
}

// domain reads the domain object, exactly {"name": "WMP", "version": "1"}.
func (r *jsonReader) domain() error {
	var seen uint8
	err := r.object(func(key []byte) error {
		val, err := r.str()
		if err != nil {
			return errDomain
		}
		return domainEntry(&seen, key, val)
	})
	if err == nil && seen != 3 {
		err = errDomain
	}
	if err != nil && !errors.Is(err, errDomain) {
		err = fmt.Errorf("domain: %w", err)
	}
	return err
}

// message reads the message object (EIP-55 or lower/upper-case addresses,
// csPubKey as 64 hex digits, integers as JSON integers or strings).
func (r *jsonReader) message(m *msgValues) error {
	if r.peek() != '{' {
		return fmt.Errorf("message is not an object: %w", r.unexpected("looking for beginning of object"))
	}
	err := r.object(func(key []byte) error {
		f, ok := lookupMsgField(key)
		if !ok {
			return fmt.Errorf("unknown message field %.64q", key)
		}
		if err := m.mark(f); err != nil {
			return err
		}
		var err error
		switch msgFieldClasses[f] {
		case classUint:
			var v uint64
			if v, err = r.uint64Value(); err == nil {
				m.setUint(f, v)
			}
		case classAddress:
			var s []byte
			if s, err = r.str(); err == nil {
				var a common.Address
				if a, err = parseAddressText(s, r.memo); err == nil {
					m.setAddress(f, a)
				}
			}
		case classBytes32:
			var s []byte
			if s, err = r.str(); err == nil {
				m.csPubKey, err = parseHex32(s)
			}
		case classText:
			var s []byte
			if s, err = r.str(); err == nil {
				err = m.setText(f, s)
			}
		}
		if err != nil {
			return fmt.Errorf("field %s: %w", f, err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("message: %w", err)
	}
	return nil
}

// tuple reads one certificate in FormPair or FormTriple and returns it
// with its digest when a hash was present (checked equal), else a zero
// hash.
func (r *jsonReader) tuple() (Certificate, common.Hash, error) {
	start := r.off
	c, d, err := r.tupleElems()
	if err != nil {
		// Report a syntax error or a wrong element count first, as a
		// syntax and count check before decoding would.
		cr := jsonReader{b: r.b, off: start}
		n := 0
		switch cerr := cr.array(func(int) error { n++; return cr.skip(0) }); {
		case cerr != nil:
			err = fmt.Errorf("certificate tuple: %w", cerr)
		case n < 2 || n > 3:
			err = fmt.Errorf("certificate tuple has %d elements, want 2 or 3", n)
		}
		return Certificate{}, common.Hash{}, err
	}
	if size := r.off - start; size > MaxCertificateSize {
		return Certificate{}, common.Hash{}, fmt.Errorf("certificate is %d bytes, more than %d", size, MaxCertificateSize)
	}
	return c, d, nil
}

// tupleElems implements tuple: a tuple starting with an object is a pair.
func (r *jsonReader) tupleElems() (Certificate, common.Hash, error) {
	var zero common.Hash
	if err := r.consume('[', "looking for beginning of array"); err != nil {
		return Certificate{}, zero, fmt.Errorf("certificate tuple: %w", err)
	}
	var hash *[32]byte
	if r.peek() != '{' {
		if !r.null() {
			s, err := r.str()
			if err != nil {
				return Certificate{}, zero, fmt.Errorf("hash: %w", err)
			}
			h, err := parseHex32(s)
			if err != nil {
				return Certificate{}, zero, fmt.Errorf("hash: %w", err)
			}
			hash = &h
		}
		if err := r.consume(',', "after array element"); err != nil {
			return Certificate{}, zero, fmt.Errorf("certificate tuple: %w", err)
		}
	}
	c, err := r.typedData()
	if err != nil {
		return Certificate{}, zero, err
	}
	if err := r.consume(',', "after array element"); err != nil {
		return Certificate{}, zero, fmt.Errorf("certificate tuple: %w", err)
	}
	s, err := r.str()
	if err != nil {
		return Certificate{}, zero, fmt.Errorf("signature: %w", err)
	}
	if c.Signature, err = parseSignatureHex(s); err != nil {
		return Certificate{}, zero, err
	}
	if err := r.consume(']', "after the signature, want 2 or 3 elements"); err != nil {
		return Certificate{}, zero, fmt.Errorf("certificate tuple: %w", err)
	}
	if hash == nil {
		return c, zero, nil
	}
	d, err := c.Digest()
	if err != nil {
		return Certificate{}, zero, err
	}
	if d != common.Hash(*hash) {
		return Certificate{}, zero, fmt.Errorf("hash %x does not match the EIP712 digest %x", *hash, d)
	}
	return c, d, nil
}

// ParseCertificateJSON parses one certificate in either JSON tuple form:
// [typed_data, signature_hex] or [hash_hex|null, typed_data, signature_hex].
// A hash, when present, must equal the EIP712 digest. The signature is
// checked for form only; see Certificate.Verify and Verify. Decoding is
// strict (see docs/protocol.md §2.1): exact keys, no duplicates, exact
// types and domain, integers never via float64, valid UTF-8.
func ParseCertificateJSON(data []byte) (Certificate, error) {
	if len(data) > MaxCertificateSize {
		return Certificate{}, fmt.Errorf("cert: parse JSON: certificate is %d bytes, more than %d", len(data), MaxCertificateSize)
	}
	r := jsonReader{b: data, memo: new(addrMemo)}
	c, _, err := r.tuple()
	if err == nil {
		if err = r.done(); err != nil {
			err = fmt.Errorf("certificate tuple: %w", err)
		}
	}
	if err != nil {
		return Certificate{}, fmt.Errorf("cert: parse JSON: %w", err)
	}
	return c, nil
}

// ParseChainJSON parses a JSON list of 1…MaxChainLength certificates, each
// in either tuple form (forms may be mixed). It checks encoding only; call
// Verify on the result.
func ParseChainJSON(data []byte) ([]Certificate, error) {
	chain, _, err := parseChainJSON(data)
	return chain, err
}

// parseChainJSON is ParseChainJSON that also returns the digests it checked
// (zero for certificates sent without a hash).
func parseChainJSON(data []byte) ([]Certificate, []common.Hash, error) {
	if len(data) > MaxChainSize {
		return nil, nil, fmt.Errorf("cert: parse JSON chain: %d bytes, more than %d", len(data), MaxChainSize)
	}
	r := jsonReader{b: data, memo: new(addrMemo)}
	chain := make([]Certificate, 0, 4)
	digests := make([]common.Hash, 0, 4)
	err := r.array(func(i int) error {
		if i >= MaxChainLength {
			return fmt.Errorf("more than %d certificates, want 1 to %d", MaxChainLength, MaxChainLength)
		}
		c, d, err := r.tuple()
		if err != nil {
			return fmt.Errorf("certificate %d: %w", i, err)
		}
		chain, digests = append(chain, c), append(digests, d)
		return nil
	})
	if err == nil {
		err = r.done()
	}
	if err == nil && len(chain) == 0 {
		err = fmt.Errorf("0 certificates, want 1 to %d", MaxChainLength)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("cert: parse JSON chain: %w", err)
	}
	return chain, digests, nil
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

// toJSONFields returns the EIP712 types of k for output.
func toJSONFields(k Kind) map[string][]jsonField {
	conv := func(pairs []string) []jsonField {
		out := make([]jsonField, 0, len(pairs)/2)
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, jsonField{pairs[i], pairs[i+1]})
		}
		return out
	}
	m := map[string][]jsonField{"EIP712Domain": conv([]string{"name", "string", "version", "string"})}
	for _, f := range fieldsOf(k) {
		m[k.String()] = append(m[k.String()], jsonField{f.name, f.typ})
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
