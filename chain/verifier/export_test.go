package verifier

import (
	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/trust"
)

// RulesAllow applies the verifier's URI rule check to a delegate holding caps.
func RulesAllow(rules []trust.Rule, uri string, role e2ee.Role, caps uint64) (bool, error) {
	rs, err := newRules(rules)
	if err != nil {
		return false, err
	}
	need, reason := rs.Allow(uri, role)
	return reason == "" && caps&need == need, nil
}

// Processed returns the follower's processed block P, the block decisions are read at.
func (v *Verifier) Processed() uint64 { return v.processed.Load() }
