package session

import (
	"testing"

	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
)

// TestSubscriptionBookkeepingBounded: subscriptions and registrations are
// forgotten when they end (UNSUBSCRIBED, UNREGISTERED) or are refused
// (ERROR), so their tables do not grow with local churn.
func TestSubscriptionBookkeepingBounded(t *testing.T) {
	p, _ := testPeer(t)
	done := make(chan struct{})
	defer close(done)
	go func() { // nexus's side: take what the peer hands over
		for {
			select {
			case <-p.in:
			case <-done:
				return
			}
		}
	}()
	subs, regs := len(p.subs), len(p.regs)
	req := wamp.ID(100)
	for i := range 50 {
		id := wamp.ID(1000 + i)
		req++
		p.outbound(&wamp.Subscribe{Request: req, Options: wamp.Dict{}, Topic: "com.churn"})
		p.inbound(&wamp.Subscribed{Request: req, Subscription: id})
		req++
		p.outbound(&wamp.Register{Request: req, Options: wamp.Dict{}, Procedure: "com.churn"})
		p.inbound(&wamp.Registered{Request: req, Registration: id})
		assert.Len(t, p.subs, subs+1)
		assert.Len(t, p.regs, regs+1)
		req++
		p.outbound(&wamp.Unsubscribe{Request: req, Subscription: id})
		p.inbound(&wamp.Unsubscribed{Request: req})
		req++
		p.outbound(&wamp.Unregister{Request: req, Registration: id})
		p.inbound(&wamp.Unregistered{Request: req})
		// Refused requests leave nothing pending either.
		for _, m := range []wamp.Message{
			&wamp.Subscribe{Request: req + 1, Options: wamp.Dict{}, Topic: "com.denied"},
			&wamp.Register{Request: req + 2, Options: wamp.Dict{}, Procedure: "com.denied"},
			&wamp.Unsubscribe{Request: req + 3, Subscription: 1},
			&wamp.Unregister{Request: req + 4, Registration: 1},
		} {
			p.outbound(m)
		}
		for i, typ := range []wamp.MessageType{wamp.SUBSCRIBE, wamp.REGISTER, wamp.UNSUBSCRIBE, wamp.UNREGISTER} {
			p.inbound(&wamp.Error{Type: typ, Request: req + 1 + wamp.ID(i), Details: wamp.Dict{}, Error: wamp.ErrNoSuchSubscription})
		}
		req += 4
	}
	assert.Len(t, p.subs, subs)
	assert.Len(t, p.regs, regs)
	assert.Empty(t, p.pendingSubs)
	assert.Empty(t, p.pendingRegs)
	assert.Empty(t, p.pendingUnsubs)
	assert.Empty(t, p.pendingUnregs)
	assert.Contains(t, p.subs, wamp.ID(1), "refused UNSUBSCRIBE keeps the subscription")
}
