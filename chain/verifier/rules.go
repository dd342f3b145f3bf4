package verifier

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/trust"
)

// ruleSet is a validated, immutable copy of Config.Rules. Package trust does not export its
// matcher, so this is a minimal re-implementation of the same semantics (documented on
// trust.Rule); TestRulesMatchTrust holds the two to equal verdicts.
type ruleSet []trust.Rule

// newRuleSet validates rules with package trust's own validation (by building a standalone
// decider with a placeholder trustroot) and copies them.
func newRuleSet(rules []trust.Rule) (ruleSet, error) {
	if len(rules) == 0 {
		return nil, nil
	}
	if _, err := trust.NewStandalone(trust.StandaloneConfig{Roots: []common.Address{{1}}, Rules: rules}); err != nil {
		return nil, fmt.Errorf("verifier: URI rules: %w", err)
	}
	out := make(ruleSet, len(rules))
	for i, r := range rules {
		r.Roles = slices.Clone(r.Roles)
		out[i] = r
	}
	return out, nil
}

// find returns the most specific rule matching uri: an exact rule, else the longest prefix
// rule, else the wildcard rule with the most non-empty components; the first configured on a
// tie.
func (rs ruleSet) find(uri string) (trust.Rule, bool) {
	best, bestRank, bestLen := -1, -1, -1
	for i := range rs {
		r := &rs[i]
		rank, length := -1, 0
		switch r.Match {
		case trust.MatchExact:
			if r.URI == uri {
				rank = 2
			}
		case trust.MatchPrefix:
			if strings.HasPrefix(uri, r.URI) {
				rank, length = 1, len(r.URI)
			}
		case trust.MatchWildcard:
			if e2ee.WildcardMatch(r.URI, uri) {
				rank = 0
				for _, c := range strings.Split(r.URI, ".") {
					if c != "" {
						length++
					}
				}
			}
		}
		if rank > bestRank || (rank == bestRank && rank >= 0 && length > bestLen) {
			best, bestRank, bestLen = i, rank, length
		}
	}
	if best < 0 {
		return trust.Rule{}, false
	}
	return rs[best], true
}

// allow applies the rules to (uri, role) before anything is read: with rules configured, it
// returns the reason for a denial when no rule matches uri or the matching rule does not allow
// role; otherwise "" and the capability bits the rule requires (checked against the
// delegate's capabilities once they are known). With no rules everything is allowed.
func (rs ruleSet) allow(uri string, role e2ee.Role) (need uint64, reason string) {
	if len(rs) == 0 {
		return 0, ""
	}
	r, ok := rs.find(uri)
	switch {
	case !ok:
		return 0, fmt.Sprintf("no rule allows URI %.200q", uri)
	case !slices.Contains(r.Roles, role):
		return 0, fmt.Sprintf("rule %.200q does not allow role %s", r.URI, role)
	}
	return r.Capabilities, ""
}
