package router_test

import (
	"maps"
	"strings"
	"testing"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

// wireCases are the checkCases whose values survive the given serializer
// unchanged (JSON has no binary type: bytes become base64 strings).
func wireCases(jsonSession bool) []checkCase {
	var out []checkCase
	for _, c := range checkCases() {
		if c.reason == router.NumReasons || c.json != jsonSession && c.json {
			continue
		}
		if jsonSession && (strings.HasSuffix(c.name, " bytes (N1)") || c.name == "string on binary session") {
			continue
		}
		if strings.HasPrefix(c.name, "json ") && !jsonSession {
			continue
		}
		out = append(out, c)
	}
	return out
}

// TestAdversarialClient sends every malformed PPT message as PUBLISH and CALL
// from a client on each transport and serializer, and as YIELD and ERROR from
// a callee. The offender gets wamp.error.invalid_argument naming the rule,
// its session stays up, and an honest publisher/subscriber pair keeps working.
func TestAdversarialClient(t *testing.T) {
	var rejections []router.Rejection
	r := startRouter(t, func(c *router.Config) {
		c.OnReject = func(rej router.Rejection) { rejections = append(rejections, rej) }
	})
	honest := newHonestPair(t, r)
	honest.roundTrip(t)

	// An honest caller for the callee-side attacks.
	caller := dialJoin(t, r, tWS, serialize.MSGPACK)

	total := 0
	for _, kind := range []transportKind{tWS, tRaw} {
		for _, ser := range serializations {
			t.Run(string(kind)+"/"+ser.name, func(t *testing.T) {
				attacker := dialJoin(t, r, kind, ser.s)
				proc := "attacker.proc." + string(kind) + "." + ser.name
				attacker.register(proc)
				for _, c := range wireCases(attacker.json) {
					// PUBLISH with acknowledgement.
					req := attacker.nextReq()
					opts := with(cloneDict(c.opts), wamp.OptAcknowledge, true)
					attacker.send(&wamp.Publish{Request: req, Options: opts, Topic: "attack.topic", Arguments: c.args, ArgumentsKw: c.kwargs})
					assertRejected(t, attacker, wamp.PUBLISH, req, c)

					// CALL.
					req = attacker.nextReq()
					attacker.send(&wamp.Call{Request: req, Options: cloneDict(c.opts), Procedure: "any.proc", Arguments: c.args, ArgumentsKw: c.kwargs})
					assertRejected(t, attacker, wamp.CALL, req, c)

					// YIELD and ERROR in answer to an honest caller's CALL.
					for _, asError := range []bool{false, true} {
						callReq := caller.nextReq()
						caller.send(&wamp.Call{Request: callReq, Options: pptOpts(), Procedure: wamp.URI(proc), Arguments: wamp.List{[]byte("call payload")}})
						inv := expect[*wamp.Invocation](attacker)
						if asError {
							attacker.send(&wamp.Error{Type: wamp.INVOCATION, Request: inv.Request, Details: cloneDict(c.opts), Error: "app.failed", Arguments: c.args, ArgumentsKw: c.kwargs})
						} else {
							attacker.send(&wamp.Yield{Request: inv.Request, Options: cloneDict(c.opts), Arguments: c.args, ArgumentsKw: c.kwargs})
						}
						assertRejected(t, caller, wamp.CALL, callReq, c)
						total++
					}
					total += 2
					honest.roundTrip(t)
				}
			})
		}
	}
	st := r.Stats()
	assert.Equal(t, uint64(total), st.TotalRejected())
	assert.Len(t, rejections, total)
	assert.NotZero(t, st.Rejected[router.ReasonOptionType])
	assert.NotZero(t, st.Rejected[router.ReasonPayloadSize])
	assert.NotZero(t, st.PPT)
	t.Logf("rejected %d messages: %+v", total, st.Rejected)
}

func cloneDict(d wamp.Dict) wamp.Dict {
	if d == nil {
		return nil
	}
	out := make(wamp.Dict, len(d))
	maps.Copy(out, d)
	return out
}

// assertRejected reads the ERROR for a rejected request.
func assertRejected(t *testing.T, c *rawClient, typ wamp.MessageType, req wamp.ID, cc checkCase) {
	t.Helper()
	e := expect[*wamp.Error](c)
	require.Equal(t, typ, e.Type, cc.name)
	require.Equal(t, req, e.Request, cc.name)
	require.Equal(t, wamp.ErrInvalidArgument, e.Error, cc.name)
	require.Equal(t, cc.reason.String(), e.Details["reason"], cc.name)
	require.Len(t, e.Arguments, 1)
	msg, _ := e.Arguments[0].(string)
	require.Contains(t, msg, cc.field, cc.name)
}

// A PUBLISH without acknowledge gets no reply (WAMP), but is still dropped
// and counted; the session stays up.
func TestRejectedPublishWithoutAck(t *testing.T) {
	r := startRouter(t, nil)
	honest := newHonestPair(t, r)
	attacker := dialJoin(t, r, tWS, serialize.CBOR)
	attacker.send(&wamp.Publish{Request: attacker.nextReq(), Options: pptOpts(router.OptSerializer, 7), Topic: wamp.URI(honest.topic), Arguments: wamp.List{[]byte("x")}})
	// The next acknowledged publish is answered: nothing came in between.
	req := attacker.nextReq()
	attacker.send(&wamp.Publish{Request: req, Options: wamp.Dict{wamp.OptAcknowledge: true}, Topic: "plain.topic", Arguments: wamp.List{"hello"}})
	require.Equal(t, req, expect[*wamp.Published](attacker).Request)
	honest.roundTrip(t)
	assert.Equal(t, uint64(1), r.Stats().Rejected[router.ReasonOptionType])
}

// A session that did not announce payload_passthru_mode gets an ERROR instead
// of nexus's ABORT, and progressive calls need their feature too.
func TestFeatureNotAnnounced(t *testing.T) {
	r := startRouter(t, nil)
	honest := newHonestPair(t, r)
	c := join(t, dialPeer(t, r, tWS, serialize.CBOR), false)

	req := c.nextReq()
	c.send(&wamp.Publish{Request: req, Options: pptOpts(wamp.OptAcknowledge, true), Topic: "t", Arguments: wamp.List{[]byte("x")}})
	e := expect[*wamp.Error](c)
	assert.Equal(t, req, e.Request)
	assert.Equal(t, "feature_not_announced", e.Details["reason"])
	// The answer is remembered per role: the next one is refused alike.
	req = c.nextReq()
	c.send(&wamp.Publish{Request: req, Options: pptOpts(wamp.OptAcknowledge, true), Topic: "t", Arguments: wamp.List{[]byte("x")}})
	e = expect[*wamp.Error](c)
	assert.Equal(t, req, e.Request)
	assert.Equal(t, "feature_not_announced", e.Details["reason"])

	req = c.nextReq()
	c.send(&wamp.Call{Request: req, Options: wamp.Dict{wamp.OptProgress: true}, Procedure: "p"})
	e = expect[*wamp.Error](c)
	assert.Equal(t, req, e.Request)
	assert.Equal(t, "feature_not_announced", e.Details["reason"])
	assert.Contains(t, e.Arguments[0], "progress")

	// Plain traffic still flows on that session.
	req = c.nextReq()
	c.send(&wamp.Publish{Request: req, Options: wamp.Dict{wamp.OptAcknowledge: true}, Topic: "plain", Arguments: wamp.List{1}})
	assert.Equal(t, req, expect[*wamp.Published](c).Request)
	honest.roundTrip(t)
	assert.Equal(t, uint64(3), r.Stats().Rejected[router.ReasonNotAnnounced])
}
