package e2ee_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

func TestRoleValid(t *testing.T) {
	for _, r := range []e2ee.Role{e2ee.RolePublisher, e2ee.RoleSubscriber, e2ee.RoleCaller, e2ee.RoleCallee} {
		assert.True(t, r.Valid(), r)
	}
	for _, r := range []e2ee.Role{"", "admin", "Publisher"} {
		assert.False(t, r.Valid(), r)
	}
}

func TestTrustSentinelsDistinct(t *testing.T) {
	err := fmt.Errorf("decider: %w: reason", e2ee.ErrUntrusted)
	assert.ErrorIs(t, err, e2ee.ErrUntrusted)
	assert.NotErrorIs(t, err, e2ee.ErrTrustUnavailable)
}
