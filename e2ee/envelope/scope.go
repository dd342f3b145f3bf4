package envelope

import "github.com/wamp-e2ee/e2ee-node/e2ee"

// KindSet is a set of message kinds (bit k set for kind k).
type KindSet uint8

// KindSetOf returns the set of the given kinds.
func KindSetOf(kinds ...e2ee.MessageKind) KindSet {
	var s KindSet
	for _, k := range kinds {
		if k.Valid() {
			s |= 1 << k
		}
	}
	return s
}

// Has reports whether k is in s.
func (s KindSet) Has(k e2ee.MessageKind) bool { return k.Valid() && s&(1<<k) != 0 }

// KeyScope is what a received payload key may open, as stated by the
// originator's verified key response: the URI scope (URI and match policy)
// and the message kinds of the originator's role (publisher → publish,
// caller → call, callee → yield and error).
//
// The zero value restricts nothing (keys added without a verified scope);
// a receiver that learned the scope from a key response must set it, or a
// holder of one key could inject messages on every other URI.
type KeyScope struct {
	// URI is the scope URI; "" restricts no URI.
	URI string
	// Match is how URI matches concrete URIs.
	Match e2ee.Match
	// Kinds are the kinds the key may open; 0 restricts no kind.
	Kinds KindSet
}

// Allows reports whether the scope covers a message of kind delivered for
// the concrete URI uri.
func (s *KeyScope) Allows(uri string, kind e2ee.MessageKind) bool {
	if s.Kinds != 0 && !s.Kinds.Has(kind) {
		return false
	}
	if s.URI == "" {
		return true
	}
	return s.Match.Matches(s.URI, uri)
}
