package e2ee

import "strings"

// Match is a URI match policy of key scopes and trust and session rules,
// named as in WAMP. The string values are part of the wire format and of the
// EIP712 key messages.
//
// Prefix matching stops at component boundaries, unlike WAMP's plain string
// prefix: "com.app" covers "com.app" and "com.app.x" but never "com.apple".
// Every scope and rule of the protocol matches this way, so that a rule
// never allows more than the key scopes it guards (docs/protocol.md).
type Match string

// The match policies.
const (
	// MatchExact: the URI equals the pattern. The empty Match means the same.
	MatchExact Match = "exact"
	// MatchPrefix: the URI equals the pattern or continues it after a "."
	// (a pattern that ends in "." covers the URIs that continue it, and
	// the empty pattern covers every URI).
	MatchPrefix Match = "prefix"
	// MatchWildcard: the URI has as many "."-separated components as the
	// pattern, each empty pattern component matching any non-empty
	// component and every other component matching itself. Empty components
	// of the URI never match.
	MatchWildcard Match = "wildcard"
)

// Valid reports whether m is one of the three defined policies.
func (m Match) Valid() bool { return m == MatchExact || m == MatchPrefix || m == MatchWildcard }

// Matches reports whether the concrete URI uri lies in pattern under m (see
// the constants). An undefined policy matches nothing.
func (m Match) Matches(pattern, uri string) bool {
	switch m {
	case MatchExact, "":
		return uri == pattern
	case MatchPrefix:
		if pattern == "" || uri == pattern {
			return true
		}
		if len(uri) <= len(pattern) || !strings.HasPrefix(uri, pattern) {
			return false
		}
		return pattern[len(pattern)-1] == '.' || uri[len(pattern)] == '.'
	case MatchWildcard:
		return wildcardMatch(pattern, uri)
	}
	return false
}

// wildcardMatch implements MatchWildcard.
func wildcardMatch(pattern, uri string) bool {
	for {
		pi := strings.IndexByte(pattern, '.')
		ui := strings.IndexByte(uri, '.')
		if (pi < 0) != (ui < 0) {
			return false
		}
		pc, uc := pattern, uri
		if pi >= 0 {
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
