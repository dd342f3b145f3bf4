package test

import (
	"context"
	"maps"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

// Progressive results of an encrypted call carry a sealed progress flag and
// chunk index (docs/protocol.md §1.4): the router can neither end a call
// early by deleting details.progress, nor pass off the final result as a
// progressive one, nor reorder chunks.
func TestProgressiveResultsAuthenticated(t *testing.T) {
	const proc = "com.prog.stream"
	chunks := []string{"one", "two", "three"}
	setup := func(t *testing.T, hook func(r *wamp.Result, _ func() *mitmPeer) wamp.Message) (*session.Session, *testRouter) {
		p := newPKI(t)
		tr := startRouter(t, "", nil)
		t.Cleanup(tr.stop)
		ser := serialize.MSGPACK
		callee := newSession(t, tr, p, ser, nil)
		require.NoError(t, callee.Register(proc, func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
			for _, c := range chunks {
				if err := callee.Client().SendProgress(ctx, wamp.List{c}, nil); err != nil {
					return client.InvokeResult{Err: "app.error"}
				}
			}
			return client.InvokeResult{Args: wamp.List{"end"}}
		}, nil))
		var cur func() *mitmPeer
		opt, c := withMitm(tr, ser, func(m wamp.Message) wamp.Message {
			if r, ok := m.(*wamp.Result); ok && hook != nil {
				return hook(r, cur)
			}
			return m
		})
		cur = c
		return newSession(t, tr, p, ser, nil, opt), tr
	}
	call := func(s *session.Session) ([]string, *wamp.Result, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		var got []string
		res, err := s.Call(ctx, proc, nil, nil, nil, func(r *wamp.Result) {
			if len(r.Arguments) == 1 {
				s, _ := r.Arguments[0].(string)
				got = append(got, s)
			}
		})
		return got, res, err
	}
	isProg := func(r *wamp.Result) bool { b, _ := r.Details[wamp.OptProgress].(bool); return b }
	withDetails := func(r *wamp.Result, f func(wamp.Dict)) *wamp.Result {
		d := make(wamp.Dict, len(r.Details)+1)
		maps.Copy(d, r.Details)
		f(d)
		c := *r
		c.Details = d
		return &c
	}

	t.Run("honest", func(t *testing.T) {
		s, _ := setup(t, nil)
		got, res, err := call(s)
		require.NoError(t, err)
		require.Equal(t, chunks, got)
		require.Equal(t, wamp.List{"end"}, res.Arguments)
		require.Zero(t, s.Stats().Rejected[session.ReasonWrongProgress])
	})
	t.Run("progress stripped", func(t *testing.T) {
		done := false
		s, _ := setup(t, func(r *wamp.Result, _ func() *mitmPeer) wamp.Message {
			if !done && isProg(r) {
				done = true
				return withDetails(r, func(d wamp.Dict) { delete(d, wamp.OptProgress) })
			}
			return r
		})
		_, res, err := call(s)
		require.Error(t, err, "truncated call accepted: %v", res)
		require.Contains(t, err.Error(), session.ReasonWrongProgress)
		require.EqualValues(t, 1, s.Stats().Rejected[session.ReasonWrongProgress])
	})
	t.Run("final relabelled progressive", func(t *testing.T) {
		s, _ := setup(t, func(r *wamp.Result, _ func() *mitmPeer) wamp.Message {
			if !isProg(r) {
				return withDetails(r, func(d wamp.Dict) { d[wamp.OptProgress] = true })
			}
			return r
		})
		_, _, err := call(s)
		require.Error(t, err)
		require.Contains(t, err.Error(), session.ReasonWrongProgress)
	})
	t.Run("chunk dropped", func(t *testing.T) {
		dropped := false
		s, _ := setup(t, func(r *wamp.Result, _ func() *mitmPeer) wamp.Message {
			if !dropped && isProg(r) {
				dropped = true
				return nil
			}
			return r
		})
		got, _, err := call(s)
		require.Error(t, err, "call with a dropped chunk accepted: %v", got)
		require.Contains(t, err.Error(), session.ReasonWrongProgress)
	})
}

// A progressive CALL (options.progress, re-sent with the same request id)
// cannot be bound to one call id: it is refused locally on an encrypted URI.
func TestProgressiveCallRefused(t *testing.T) {
	p := newPKI(t)
	tr := startRouter(t, "", nil)
	defer tr.stop()
	ser := serialize.MSGPACK
	callee := newSession(t, tr, p, ser, nil)
	invoked := make(chan struct{}, 4)
	require.NoError(t, callee.Register("com.prog.in", func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
		invoked <- struct{}{}
		return client.InvokeResult{Args: wamp.List{"ok"}}
	}, nil))
	caller := newSession(t, tr, p, ser, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	_, err := caller.Client().Call(ctx, "com.prog.in", wamp.Dict{wamp.OptProgress: true}, wamp.List{"chunk"}, nil, nil)
	require.Error(t, err)
	require.Contains(t, err.Error(), session.ReasonProgressiveCall)
	require.EqualValues(t, 1, caller.Stats().Rejected[session.ReasonProgressiveCall])
	select {
	case <-invoked:
		t.Fatal("progressive CALL reached the callee")
	default:
	}
	// An ordinary call still works.
	res, err := caller.Call(ctx, "com.prog.in", nil, wamp.List{"x"}, nil, nil)
	require.NoError(t, err)
	require.Equal(t, wamp.List{"ok"}, res.Arguments)
}
