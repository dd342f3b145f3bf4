package e2ee

import "strings"

// URI match policies of scopes and rules, named as in WAMP.
const (
	MatchExact    = "exact"
	MatchPrefix   = "prefix"
	MatchWildcard = "wildcard"
)

// MatchURI reports whether the concrete URI uri lies in pattern under the match policy:
//
//   - "exact" (or ""): uri equals pattern;
//   - "prefix": uri is pattern, or pattern followed by "." and more — a component boundary, stricter
//     than WAMP's plain string prefix, so that "com.app" never covers "com.apple";
//   - "wildcard": see [WildcardMatch].
//
// Any other policy matches nothing.
func MatchURI(pattern, match, uri string) bool {
	switch match {
	case MatchExact, "":
		return uri == pattern
	case MatchPrefix:
		return uri == pattern || (len(uri) > len(pattern) && strings.HasPrefix(uri, pattern) && uri[len(pattern)] == '.')
	case MatchWildcard:
		return WildcardMatch(pattern, uri)
	}
	return false
}

// WildcardMatch reports whether uri matches the WAMP wildcard pattern: the same number of
// "."-separated components, each empty pattern component matching any non-empty component and
// every other component matching itself. Empty components of uri never match.
func WildcardMatch(pattern, uri string) bool {
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
