package router_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

// Config.Validate refuses what New refuses, naming the field: a negative
// payload limit (once silently replaced by the default), one no message
// could carry, a listener scheme that is not ws, wss or tcp.
func TestConfigValidate(t *testing.T) {
	ok := router.Config{Realms: []router.RealmConfig{{Name: "r"}}, Listeners: []router.ListenerConfig{{URL: "ws://127.0.0.1:0/ws"}}}
	assert.NoError(t, ok.Validate())
	for name, tc := range map[string]struct {
		mutate func(*router.Config)
		want   string
	}{
		"negative payload":                       {func(c *router.Config) { c.Guard.MaxPayload = -1 }, "max payload -1 is negative"},
		"huge payload":                           {func(c *router.Config) { c.Guard.MaxPayload = 1e12 }, "larger than the max message size"},
		"payload above an explicit message size": {func(c *router.Config) { c.Guard.MaxPayload, c.MaxMessageSize = 2<<20, 1<<20 }, "larger than the max message size"},
		"http listener":                          {func(c *router.Config) { c.Listeners[0].URL = "http://127.0.0.1:0/ws" }, "scheme must be ws, wss or tcp"},
	} {
		c := ok
		c.Listeners = append([]router.ListenerConfig(nil), ok.Listeners...)
		tc.mutate(&c)
		assert.ErrorContains(t, c.Validate(), tc.want, name)
		_, err := router.New(c)
		assert.ErrorContains(t, err, tc.want, name)
	}
}
