package envelope

import (
	"strings"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

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
	// Match is "exact", "prefix" (URI or URI + "." + …) or "wildcard"
	// (same number of components; empty scope components match any).
	Match string
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
	switch s.Match {
	case "exact", "":
		return uri == s.URI
	case "prefix":
		return uri == s.URI || (strings.HasPrefix(uri, s.URI) && len(uri) > len(s.URI) && uri[len(s.URI)] == '.')
	case "wildcard":
		return wildcardCovers(s.URI, uri)
	}
	return false
}

func wildcardCovers(pattern, uri string) bool {
	for {
		pi := strings.IndexByte(pattern, '.')
		ui := strings.IndexByte(uri, '.')
		if (pi < 0) != (ui < 0) {
			return false
		}
		var pc, uc string
		if pi < 0 {
			pc, uc = pattern, uri
		} else {
			pc, uc = pattern[:pi], uri[:ui]
		}
		if uc == "" || (pc != "" && pc != uc) {
			return false
		}
		if pi < 0 {
			return true
		}
		pattern, uri = pattern[pi+1:], uri[ui+1:]
	}
}
