package envelope

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
)

// Key id format: "<locator>.<keytag>", 16 + 1 + 32 lowercase hex characters.
const (
	// LocatorSize is the size of a locator in bytes (16 hex characters).
	LocatorSize = 8
	// KeyTagSize is the size of a key tag in bytes (32 hex characters).
	KeyTagSize = 16
	// KeyIDLen is the length of a key id string.
	KeyIDLen = 2*LocatorSize + 1 + 2*KeyTagSize
	// DefaultKeyRPCPrefix is the key-RPC URI prefix used unless the realm
	// configures another one. (Not under "wamp.": routers such as nexus and
	// Crossbar refuse client registrations there.)
	DefaultKeyRPCPrefix = "e2ee.key"
)

// Locator identifies an originator's key RPC: 8 bytes the originator chooses
// at random (NewLocator) and keeps for the lifetime of its key ring. The key
// RPC is registered under "<prefix>.<hex(locator)>".
type Locator [LocatorSize]byte

// NewLocator returns a random locator from crypto/rand.
func NewLocator() (Locator, error) {
	var l Locator
	if _, err := rand.Read(l[:]); err != nil {
		return l, fmt.Errorf("envelope: random locator: %w", err)
	}
	return l, nil
}

// String returns the 16 lowercase hex characters of l.
func (l Locator) String() string { return hex.EncodeToString(l[:]) }

// KeyRPCURI returns the URI of the key RPC for l: prefix + "." + l.String().
// An empty prefix means DefaultKeyRPCPrefix.
func (l Locator) KeyRPCURI(prefix string) string {
	if prefix == "" {
		prefix = DefaultKeyRPCPrefix
	}
	return prefix + "." + l.String()
}

// KeyID is a parsed ppt_keyid: the originator's locator and a 16-byte tag
// that names one payload key. Key tags are random, so key ids do not reveal
// anything about the key.
type KeyID struct {
	Locator Locator
	Tag     [KeyTagSize]byte
}

// NewKeyID returns a key id with locator l and a random tag from crypto/rand.
func NewKeyID(l Locator) (KeyID, error) {
	id := KeyID{Locator: l}
	if _, err := rand.Read(id.Tag[:]); err != nil {
		return id, fmt.Errorf("envelope: random key tag: %w", err)
	}
	return id, nil
}

// String returns the wire form "<16 hex>.<32 hex>", lowercase.
func (id KeyID) String() string {
	var b [KeyIDLen]byte
	hex.Encode(b[:2*LocatorSize], id.Locator[:])
	b[2*LocatorSize] = '.'
	hex.Encode(b[2*LocatorSize+1:], id.Tag[:])
	return string(b[:])
}

// KeyRPCURI returns the URI of the key RPC that serves this key id (see
// Locator.KeyRPCURI). A receiver derives it from ppt_keyid alone because
// routers forward only the ppt_* options.
func (id KeyID) KeyRPCURI(prefix string) string { return id.Locator.KeyRPCURI(prefix) }

// ParseKeyID parses a ppt_keyid strictly: exactly KeyIDLen bytes, 16
// lowercase hex characters, '.', 32 lowercase hex characters. Errors wrap
// ErrMalformed and do not echo the input.
func ParseKeyID(s string) (KeyID, error) {
	var id KeyID
	if !ValidKeyID(s) {
		return id, fmt.Errorf("%w: ppt_keyid is not <16 hex>.<32 hex> (lowercase)", ErrMalformed)
	}
	// Cannot fail after ValidKeyID.
	_, _ = hex.Decode(id.Locator[:], []byte(s[:2*LocatorSize]))
	_, _ = hex.Decode(id.Tag[:], []byte(s[2*LocatorSize+1:]))
	return id, nil
}

// lowerHex[c] is 1 for the 16 lowercase hex digits, 0 otherwise.
const lowerHex = "" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x01\x01\x01\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"

// ValidKeyID reports whether s is a well-formed key id, without allocating.
func ValidKeyID(s string) bool {
	if len(s) != KeyIDLen || s[2*LocatorSize] != '.' {
		return false
	}
	ok := byte(1)
	for i := range 2 * LocatorSize {
		ok &= lowerHex[s[i]]
	}
	for i := 2*LocatorSize + 1; i < KeyIDLen; i++ {
		ok &= lowerHex[s[i]]
	}
	return ok == 1
}
