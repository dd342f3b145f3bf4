package trust

import (
	"fmt"
	"slices"
	"strings"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// MaxRules bounds the number of URI rules of one decider.
const MaxRules = 4096

// Rule allows roles on the URIs it matches (under e2ee.Match: a prefix rule
// stops at component boundaries, and the empty prefix matches every URI) to
// peers holding its capabilities. When several rules match a URI, the most
// specific decides: an exact rule, else the longest prefix rule, else the
// wildcard rule with the most non-empty components (the first configured on
// a tie).
type Rule struct {
	URI   string     `json:"uri"`
	Match e2ee.Match `json:"match"`
	// Roles are the roles allowed; empty allows none.
	Roles []e2ee.Role `json:"roles"`
	// Capabilities are the cert.Cap* bits the peer's chain must grant
	// (all of them); 0 requires none.
	Capabilities uint64 `json:"capabilities"`
}

// validate checks one rule.
func (r Rule) validate() error {
	switch r.Match {
	case e2ee.MatchExact, e2ee.MatchWildcard:
		if r.URI == "" {
			return fmt.Errorf("%s rule needs a URI", r.Match)
		}
	case e2ee.MatchPrefix:
	default:
		return fmt.Errorf("unknown match policy %.20q", r.Match)
	}
	for _, role := range r.Roles {
		if !role.Valid() {
			return fmt.Errorf("unknown role %.20q", role)
		}
	}
	if r.Capabilities&cert.CapReserved != 0 {
		return fmt.Errorf("capabilities %#x set reserved bits", r.Capabilities)
	}
	return nil
}

// ruleSet is a validated, immutable list of rules.
type ruleSet []Rule

// newRuleSet validates and copies rules.
func newRuleSet(rules []Rule) (ruleSet, error) {
	if len(rules) > MaxRules {
		return nil, fmt.Errorf("trust: %d rules, more than %d", len(rules), MaxRules)
	}
	out := make(ruleSet, len(rules))
	for i, r := range rules {
		if err := r.validate(); err != nil {
			return nil, fmt.Errorf("trust: rule %d (%.80q): %w", i, r.URI, err)
		}
		r.Roles = slices.Clone(r.Roles)
		out[i] = r
	}
	return out, nil
}

// find returns the most specific rule matching uri.
func (rs ruleSet) find(uri string) (Rule, bool) {
	var best *Rule
	bestRank, bestLen := -1, -1
	for i := range rs {
		r := &rs[i]
		rank, length := -1, 0
		switch r.Match {
		case e2ee.MatchExact:
			if r.URI == uri {
				rank = 2
			}
		case e2ee.MatchPrefix:
			if e2ee.MatchPrefix.Matches(r.URI, uri) {
				rank, length = 1, len(r.URI)
			}
		case e2ee.MatchWildcard:
			if e2ee.MatchWildcard.Matches(r.URI, uri) {
				rank = 0
				for c := range strings.SplitSeq(r.URI, ".") {
					if c != "" {
						length++
					}
				}
			}
		}
		if rank > bestRank || (rank == bestRank && rank >= 0 && length > bestLen) {
			best, bestRank, bestLen = r, rank, length
		}
	}
	if best == nil {
		return Rule{}, false
	}
	return *best, true
}

// check applies the rules (if any) to a URI, role and capability set and
// returns the reason for a denial, or "" to allow.
func (rs ruleSet) check(uri string, role e2ee.Role, caps uint64, capsKnown bool) string {
	r, reason := rs.allow(uri, role)
	switch {
	case reason != "":
		return reason
	case r.Capabilities != 0 && !capsKnown:
		return fmt.Sprintf("rule %.200q requires capabilities %#x and the chain carries none", r.URI, r.Capabilities)
	case caps&r.Capabilities != r.Capabilities:
		return fmt.Sprintf("rule %.200q requires capabilities %#x, chain grants %#x", r.URI, r.Capabilities, caps)
	}
	return ""
}

// allow applies the rules to (uri, role) before a peer's capabilities are
// known: the reason for a denial when rules are configured and none matches
// uri or the deciding rule does not allow role; otherwise "" and the
// deciding rule (the zero Rule, requiring nothing, when there are no rules).
func (rs ruleSet) allow(uri string, role e2ee.Role) (Rule, string) {
	if len(rs) == 0 {
		return Rule{}, ""
	}
	r, ok := rs.find(uri)
	switch {
	case !ok:
		return Rule{}, fmt.Sprintf("no rule allows URI %.200q", uri)
	case !slices.Contains(r.Roles, role):
		return Rule{}, fmt.Sprintf("rule %.200q does not allow role %s", r.URI, role)
	}
	return r, ""
}

// RuleSet is a validated, immutable set of Rules for deciders outside this
// package (the on-chain verifier) that apply the same URI rules. The zero
// value has no rules and allows everything.
type RuleSet struct{ rs ruleSet }

// NewRuleSet validates and copies rules (at most MaxRules).
func NewRuleSet(rules []Rule) (RuleSet, error) {
	rs, err := newRuleSet(rules)
	return RuleSet{rs}, err
}

// Allow reports, for a peer about to act in role on uri, the capability bits
// the deciding rule requires of its chain, or the reason it is refused ("" if
// not). With no rules everything is allowed and nothing required.
func (r RuleSet) Allow(uri string, role e2ee.Role) (need uint64, reason string) {
	rule, reason := r.rs.allow(uri, role)
	return rule.Capabilities, reason
}
