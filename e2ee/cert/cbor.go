package cert

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// The CBOR forms are read by a small strict decoder written for exactly the
// certificate-file shape, and written by an encoder with one fixed output
// per certificate. The decoder accepts what the generic decoder this
// package used before (fxamacker/cbor with duplicate keys, indefinite
// lengths and tags forbidden and UTF-8 checked) accepted for these shapes:
// definite lengths only, no tags, no duplicate map keys, text map keys,
// exact CBOR major types for every value, valid UTF-8 in kept text, no
// trailing data. Integer and length arguments may use any of the 1-, 2-,
// 4- or 8-byte forms (as before); the encoder always writes the shortest.

// CBOR major types.
const (
	cborUint   = 0
	cborNegInt = 1
	cborBytes  = 2
	cborText   = 3
	cborArray  = 4
	cborMap    = 5
	cborTag    = 6
	cborSimple = 7
)

var cborMajorNames = [8]string{"unsigned integer", "negative integer", "byte string", "text string", "array", "map", "tag", "simple value or float"}

var errCBOREnd = errors.New("unexpected end of CBOR data")

// cborReader reads data items from b, never past its end.
type cborReader struct {
	b   []byte
	off int
}

// head reads the initial byte and argument of the next data item. It
// rejects what the strict decoder never accepts: reserved additional
// information, indefinite lengths, breaks, tags and malformed simple values.
func (r *cborReader) head() (major byte, arg uint64, err error) {
	if r.off >= len(r.b) {
		return 0, 0, errCBOREnd
	}
	ib := r.b[r.off]
	r.off++
	major, ai := ib>>5, ib&0x1f
	switch {
	case ai < 24:
		arg = uint64(ai)
	case ai <= 27:
		n := 1 << (ai - 24)
		if len(r.b)-r.off < n {
			return 0, 0, errCBOREnd
		}
		for _, c := range r.b[r.off : r.off+n] {
			arg = arg<<8 | uint64(c)
		}
		r.off += n
	case ai == 31 && major == cborSimple:
		return 0, 0, errors.New("CBOR break outside an indefinite-length item")
	case ai == 31 && major >= cborBytes && major <= cborMap:
		return 0, 0, errors.New("indefinite-length CBOR items are forbidden")
	default:
		return 0, 0, fmt.Errorf("malformed CBOR: reserved additional information %d", ai)
	}
	if major == cborTag {
		return 0, 0, errors.New("CBOR tags are forbidden")
	}
	if major == cborSimple && ai == 24 && arg < 32 {
		return 0, 0, fmt.Errorf("malformed CBOR: two-byte simple value %d", arg)
	}
	return major, arg, nil
}

// expect reads a head of the given major type.
func (r *cborReader) expect(major byte) (uint64, error) {
	got, arg, err := r.head()
	if err != nil {
		return 0, err
	}
	if got != major {
		return 0, fmt.Errorf("CBOR %s, want %s", cborMajorNames[got], cborMajorNames[major])
	}
	return arg, nil
}

// take returns the next n bytes.
func (r *cborReader) take(n uint64) ([]byte, error) {
	if n > uint64(len(r.b)-r.off) {
		return nil, errCBOREnd
	}
	s := r.b[r.off : r.off+int(n)]
	r.off += int(n)
	return s, nil
}

// str reads a byte string (cborBytes) or text string (cborText); the text is
// not checked for UTF-8 here (see msgValues.setText, the only kept text).
func (r *cborReader) str(major byte) ([]byte, error) {
	n, err := r.expect(major)
	if err != nil {
		return nil, err
	}
	return r.take(n)
}

// bytesN reads a byte string of exactly n bytes.
func (r *cborReader) bytesN(n int) ([]byte, error) {
	b, err := r.str(cborBytes)
	if err != nil {
		return nil, err
	}
	if len(b) != n {
		return nil, fmt.Errorf("%d bytes, want %d", len(b), n)
	}
	return b, nil
}

// container reads an array or map head and bounds its count by the bytes
// left (every element takes at least one byte).
func (r *cborReader) container(major byte) (int, error) {
	n, err := r.expect(major)
	if err != nil {
		return 0, err
	}
	per := uint64(1)
	if major == cborMap {
		per = 2
	}
	if n > uint64(len(r.b)-r.off)/per {
		return 0, errCBOREnd
	}
	return int(n), nil
}

// done requires that all of b was read.
func (r *cborReader) done() error {
	if r.off != len(r.b) {
		return fmt.Errorf("%d bytes of extraneous data after the CBOR item", len(r.b)-r.off)
	}
	return nil
}

// typedData reads the binary-form typed data of a certificate.
func (r *cborReader) typedData() (Certificate, error) {
	n, err := r.container(cborMap)
	if err != nil {
		return Certificate{}, fmt.Errorf("typed data: %w", err)
	}
	var td typedData
	for range n {
		key, err := r.str(cborText)
		if err != nil {
			return Certificate{}, fmt.Errorf("typed data: key: %w", err)
		}
		bit, err := td.topKey(key)
		if err != nil {
			return Certificate{}, fmt.Errorf("typed data: %w", err)
		}
		switch bit {
		case tdTypes:
			err = r.types(&td)
		case tdPrimaryType:
			var name []byte
			if name, err = r.str(cborText); err == nil {
				err = td.setPrimaryType(name)
			}
			if err != nil {
				err = fmt.Errorf("primaryType: %w", err)
			}
		case tdDomain:
			err = r.domain()
		case tdMessage:
			err = r.message(&td.msg)
		}
		if err != nil {
			return Certificate{}, fmt.Errorf("typed data: %w", err)
		}
	}
	return td.finish()
}

// types reads the "types" map: EIP712Domain and one primary type, field
// for field as in WMP/1.
func (r *cborReader) types(td *typedData) error {
	n, err := r.container(cborMap)
	if err != nil {
		return fmt.Errorf("types: %w", err)
	}
	if n != 2 {
		return fmt.Errorf("types has %d entries, want EIP712Domain and the primary type", n)
	}
	for range n {
		name, err := r.str(cborText)
		if err != nil {
			return fmt.Errorf("types: key: %w", err)
		}
		want, err := td.typeEntry(name)
		if err != nil {
			return err
		}
		if err := r.typeFields(want); err != nil {
			return fmt.Errorf("types of %.64s: %w", name, err)
		}
	}
	return nil
}

var errTypeFields = errors.New("types differ from WMP/1")

// typeFields reads one type's field list [{name, type}, …] and requires it
// to equal want.
func (r *cborReader) typeFields(want []eipField) error {
	n, err := r.container(cborArray)
	if err != nil {
		return err
	}
	if n != len(want) {
		return errTypeFields
	}
	for i := range n {
		m, err := r.container(cborMap)
		if err != nil {
			return err
		}
		if m != 2 {
			return errTypeFields
		}
		var seen uint8
		for range m {
			key, err := r.str(cborText)
			if err != nil {
				return err
			}
			val, err := r.str(cborText)
			if err != nil {
				return err
			}
			if !fieldEntry(&seen, want[i], key, val) {
				return errTypeFields
			}
		}
	}
	return nil
}

// domain reads the domain map, exactly {name: "WMP", version: "1"}.
func (r *cborReader) domain() error {
	n, err := r.container(cborMap)
	if err != nil {
		return fmt.Errorf("domain: %w", err)
	}
	if n != 2 {
		return errDomain
	}
	var seen uint8
	for range n {
		key, err := r.str(cborText)
		if err != nil {
			return fmt.Errorf("domain: %w", err)
		}
		val, err := r.str(cborText)
		if err != nil {
			return fmt.Errorf("domain: %w", err)
		}
		if err := domainEntry(&seen, key, val); err != nil {
			return err
		}
	}
	return nil
}

// message reads the message map (binary form: 20-byte addresses, 32-byte
// csPubKey, unsigned integers, text meta).
func (r *cborReader) message(m *msgValues) error {
	n, err := r.container(cborMap)
	if err != nil {
		return fmt.Errorf("message is not a map: %w", err)
	}
	for range n {
		key, err := r.str(cborText)
		if err != nil {
			return fmt.Errorf("message: key: %w", err)
		}
		f, ok := lookupMsgField(key)
		if !ok {
			return fmt.Errorf("message: unknown message field %.64q", key)
		}
		if err := m.mark(f); err != nil {
			return fmt.Errorf("message: %w", err)
		}
		switch msgFieldClasses[f] {
		case classUint:
			var v uint64
			if v, err = r.expect(cborUint); err == nil {
				m.setUint(f, v)
			}
		case classAddress:
			var b []byte
			if b, err = r.bytesN(common.AddressLength); err == nil {
				m.setAddress(f, common.Address(b))
			}
		case classBytes32:
			var b []byte
			if b, err = r.bytesN(32); err == nil {
				m.csPubKey = [32]byte(b)
			}
		case classText:
			var b []byte
			if b, err = r.str(cborText); err == nil {
				err = m.setText(f, b)
			}
		}
		if err != nil {
			return fmt.Errorf("message: field %s: %w", f, err)
		}
	}
	return nil
}

// file reads one certificate file [hash, typed_data, [signature]] and
// returns it with its digest (checked equal to hash).
func (r *cborReader) file() (Certificate, common.Hash, error) {
	start := r.off
	n, err := r.container(cborArray)
	if err != nil {
		return Certificate{}, common.Hash{}, fmt.Errorf("certificate array: %w", err)
	}
	if n != 3 {
		return Certificate{}, common.Hash{}, fmt.Errorf("certificate array has %d elements, want [hash, typed_data, signatures]", n)
	}
	hash, err := r.bytesN(32)
	if err != nil {
		return Certificate{}, common.Hash{}, fmt.Errorf("hash: %w", err)
	}
	c, err := r.typedData()
	if err != nil {
		return Certificate{}, common.Hash{}, err
	}
	nsig, err := r.container(cborArray)
	if err != nil {
		return Certificate{}, common.Hash{}, fmt.Errorf("signatures: %w", err)
	}
	if nsig != 1 {
		return Certificate{}, common.Hash{}, fmt.Errorf("signatures: %d present, want exactly 1", nsig)
	}
	sig, err := r.bytesN(SignatureLength)
	if err != nil {
		return Certificate{}, common.Hash{}, fmt.Errorf("signature: %w", err)
	}
	if size := r.off - start; size > MaxCertificateSize {
		return Certificate{}, common.Hash{}, fmt.Errorf("certificate is %d bytes, more than %d", size, MaxCertificateSize)
	}
	c.Signature = [SignatureLength]byte(sig)
	d, err := c.Digest()
	if err != nil {
		return Certificate{}, common.Hash{}, err
	}
	if d != common.Hash(hash) {
		return Certificate{}, common.Hash{}, fmt.Errorf("hash %x does not match the EIP712 digest %x", hash, d)
	}
	return c, d, nil
}

// ParseCertificateCBOR parses Autobahn's CBOR certificate file
// [hash: bytes32, typed_data (binary form), [signature]]. The hash must equal
// the EIP712 digest; exactly one 65-byte signature is accepted. Decoding is
// strict: definite lengths, no tags, no duplicate or unknown keys, exact
// CBOR types, valid UTF-8, no trailing bytes.
func ParseCertificateCBOR(data []byte) (Certificate, error) {
	if len(data) > MaxCertificateSize {
		return Certificate{}, fmt.Errorf("cert: parse CBOR: certificate is %d bytes, more than %d", len(data), MaxCertificateSize)
	}
	r := cborReader{b: data}
	c, _, err := r.file()
	if err == nil {
		err = r.done()
	}
	if err != nil {
		return Certificate{}, fmt.Errorf("cert: parse CBOR: %w", err)
	}
	return c, nil
}

// ParseChainCBOR parses a CBOR array of 1…MaxChainLength certificates, each
// in the certificate-file form of ParseCertificateCBOR.
func ParseChainCBOR(data []byte) ([]Certificate, error) {
	chain, _, err := parseChainCBOR(data)
	return chain, err
}

// parseChainCBOR is ParseChainCBOR that also returns the digests it checked.
func parseChainCBOR(data []byte) ([]Certificate, []common.Hash, error) {
	if len(data) > MaxChainSize {
		return nil, nil, fmt.Errorf("cert: parse CBOR chain: %d bytes, more than %d", len(data), MaxChainSize)
	}
	r := cborReader{b: data}
	n, err := r.container(cborArray)
	if err != nil {
		return nil, nil, fmt.Errorf("cert: parse CBOR chain: %w", err)
	}
	if n == 0 || n > MaxChainLength {
		return nil, nil, fmt.Errorf("cert: parse CBOR chain: %d certificates, want 1 to %d", n, MaxChainLength)
	}
	chain := make([]Certificate, n)
	digests := make([]common.Hash, n)
	for i := range n {
		if chain[i], digests[i], err = r.file(); err != nil {
			return nil, nil, fmt.Errorf("cert: parse CBOR chain: certificate %d: %w", i, err)
		}
	}
	if err := r.done(); err != nil {
		return nil, nil, fmt.Errorf("cert: parse CBOR chain: %w", err)
	}
	return chain, digests, nil
}

// appendCBORHead appends a head in its shortest form.
func appendCBORHead(b []byte, major byte, n uint64) []byte {
	m := major << 5
	switch {
	case n < 24:
		return append(b, m|byte(n))
	case n <= 0xff:
		return append(b, m|24, byte(n))
	case n <= 0xffff:
		return append(b, m|25, byte(n>>8), byte(n))
	case n <= 0xffffffff:
		return append(b, m|26, byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
	default:
		return append(b, m|27, byte(n>>56), byte(n>>48), byte(n>>40), byte(n>>32), byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
	}
}

func appendCBORText(b []byte, s string) []byte {
	return append(appendCBORHead(b, cborText, uint64(len(s))), s...)
}

func appendCBORBytes(b []byte, p []byte) []byte {
	return append(appendCBORHead(b, cborBytes, uint64(len(p))), p...)
}

// appendCBORFields appends an EIP712 field list [{name, type}, …].
func appendCBORFields(b []byte, fs []eipField) []byte {
	b = appendCBORHead(b, cborArray, uint64(len(fs)))
	for _, f := range fs {
		b = appendCBORHead(b, cborMap, 2)
		b = appendCBORText(appendCBORText(b, "name"), f.name)
		b = appendCBORText(appendCBORText(b, "type"), f.typ)
	}
	return b
}

// appendFileCBOR appends c as Autobahn's certificate file. The encoding is
// fixed: shortest heads, definite lengths, and map keys in the order
// Autobahn writes them (types {EIP712Domain, primary type}, primaryType,
// domain {name, version}, message fields in EIP712 order).
func (c *Certificate) appendFileCBOR(b []byte) ([]byte, error) {
	d, err := c.Digest()
	if err != nil {
		return nil, err
	}
	k := c.Kind()
	b = appendCBORHead(b, cborArray, 3)
	b = appendCBORBytes(b, d[:])
	b = appendCBORHead(b, cborMap, 4)
	b = appendCBORText(b, "types")
	b = appendCBORHead(b, cborMap, 2)
	b = appendCBORFields(appendCBORText(b, "EIP712Domain"), domainFields)
	b = appendCBORFields(appendCBORText(b, k.String()), fieldsOf(k))
	b = appendCBORText(appendCBORText(b, "primaryType"), k.String())
	b = appendCBORText(b, "domain")
	b = appendCBORHead(b, cborMap, 2)
	b = appendCBORText(appendCBORText(b, "name"), DomainName)
	b = appendCBORText(appendCBORText(b, "version"), DomainVersion)
	b = appendCBORText(b, "message")
	if m := c.Delegate; m != nil {
		b = appendCBORHead(b, cborMap, uint64(len(delegateFields)))
		b = appendCBORHead(appendCBORText(b, "chainId"), cborUint, m.ChainID)
		b = appendCBORBytes(appendCBORText(b, "verifyingContract"), m.VerifyingContract[:])
		b = appendCBORHead(appendCBORText(b, "validFrom"), cborUint, m.ValidFrom)
		b = appendCBORBytes(appendCBORText(b, "delegate"), m.Delegate[:])
		b = appendCBORBytes(appendCBORText(b, "csPubKey"), m.CSPubKey[:])
		b = appendCBORHead(appendCBORText(b, "bootedAt"), cborUint, m.BootedAt)
		b = appendCBORText(appendCBORText(b, "meta"), m.Meta)
	} else {
		m := c.Authority
		b = appendCBORHead(b, cborMap, uint64(len(authorityFields)))
		b = appendCBORHead(appendCBORText(b, "chainId"), cborUint, m.ChainID)
		b = appendCBORBytes(appendCBORText(b, "verifyingContract"), m.VerifyingContract[:])
		b = appendCBORHead(appendCBORText(b, "validFrom"), cborUint, m.ValidFrom)
		b = appendCBORBytes(appendCBORText(b, "issuer"), m.Issuer[:])
		b = appendCBORBytes(appendCBORText(b, "subject"), m.Subject[:])
		b = appendCBORBytes(appendCBORText(b, "realm"), m.Realm[:])
		b = appendCBORHead(appendCBORText(b, "capabilities"), cborUint, m.Capabilities)
		b = appendCBORText(appendCBORText(b, "meta"), m.Meta)
	}
	b = appendCBORHead(b, cborArray, 1)
	return appendCBORBytes(b, c.Signature[:]), nil
}

// cborFileSizeHint is a capacity hint for one encoded certificate file.
const cborFileSizeHint = 720

// MarshalCertificateCBOR encodes c as Autobahn's CBOR certificate file.
// The output is deterministic: the same certificate always gives the same
// bytes (shortest integer and length forms, definite lengths, map keys in
// Autobahn's fixed order, see docs/protocol.md §2.2), and
// ParseCertificateCBOR followed by MarshalCertificateCBOR reproduces any
// input in that form.
func MarshalCertificateCBOR(c Certificate) ([]byte, error) {
	b, err := c.appendFileCBOR(make([]byte, 0, cborFileSizeHint+len(c.meta())))
	if err != nil {
		return nil, fmt.Errorf("cert: marshal CBOR: %w", err)
	}
	return b, nil
}

// MarshalChainCBOR encodes a chain as a CBOR array of certificate files,
// deterministically (see MarshalCertificateCBOR).
func MarshalChainCBOR(chain []Certificate) ([]byte, error) {
	if len(chain) == 0 || len(chain) > MaxChainLength {
		return nil, fmt.Errorf("cert: marshal CBOR chain: %d certificates, want 1 to %d", len(chain), MaxChainLength)
	}
	size := 1
	for i := range chain {
		size += cborFileSizeHint + len(chain[i].meta())
	}
	b := appendCBORHead(make([]byte, 0, size), cborArray, uint64(len(chain)))
	for i := range chain {
		var err error
		if b, err = chain[i].appendFileCBOR(b); err != nil {
			return nil, fmt.Errorf("cert: marshal CBOR chain: certificate %d: %w", i, err)
		}
	}
	return b, nil
}
