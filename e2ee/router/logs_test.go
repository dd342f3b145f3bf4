package router_test

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Debug logs of rejections, nexus aborts and normal routing carry no payload
// bytes and no option values.
func TestLogsHaveNoPayload(t *testing.T) {
	const marker = "PAYLOADMARKER"
	var buf syncBuffer
	r := startRouter(t, func(c *router.Config) {
		c.Logger = slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	honest := newHonestPair(t, r)
	c := dialJoin(t, r, tWS, serialize.JSON)
	payload := []byte(marker)
	c.send(&wamp.Publish{Request: 1, Options: pptOpts(router.OptKeyID, strings.Repeat(marker, 20)), Topic: "t", Arguments: wamp.List{payload}})
	c.send(&wamp.Publish{Request: 2, Options: pptOpts(router.OptSerializer, marker), Topic: "t", Arguments: wamp.List{payload}})
	c.send(&wamp.Call{Request: 3, Options: pptOpts(), Procedure: "p", Arguments: wamp.List{payload, marker}, ArgumentsKw: wamp.Dict{"k": marker}})
	c.send(&wamp.Publish{Request: 4, Options: pptOpts(wamp.OptAcknowledge, true), Topic: "t", Arguments: wamp.List{payload}})
	expect[*wamp.Error](c) // CALL 3
	expect[*wamp.Published](c)
	honest.roundTrip(t)
	// An ERROR of the wrong type makes nexus abort the session and log it.
	c.send(&wamp.Error{Type: wamp.CALL, Request: 5, Details: wamp.Dict{}, Error: "x", Arguments: wamp.List{marker}})
	// nexus sends ABORT and closes; under load the close may win the race with the ABORT.
	if msg := c.recv(); msg != nil {
		_, aborted := msg.(*wamp.Abort)
		assert.True(t, aborted, "want ABORT, got %T", msg)
	}
	honest.roundTrip(t)
	r.Close()
	logs := buf.String()
	assert.Contains(t, logs, "router guard rejected")
	assert.NotContains(t, logs, marker)
	assert.NotContains(t, logs, "UEFZTE9BRE1BUktFUg") // base64 of the marker
}
