package router

import (
	"fmt"
	"sync"
	"time"

	"github.com/gammazero/nexus/v3/wamp"
)

// drainGrace bounds how long a closed guardPeer keeps draining an inner peer
// whose receive channel does not close (an in-process client that never
// closes its side).
const drainGrace = 2 * time.Second

// attachGrace bounds how long Close waits for nexus's AttachClient to return
// before it closes only the network connection (see Close).
const attachGrace = 10 * time.Second

// guardPeer sits between a transport peer and nexus: every message the client
// sends passes guard.inspect on the pump goroutine before nexus sees it.
// Messages from nexus to the client go straight to the inner peer.
type guardPeer struct {
	inner wamp.Peer
	g     *guard
	json  bool

	rd   chan wamp.Message // to nexus; closed by the pump only
	done chan struct{}     // closed by Close

	mu     sync.Mutex // guards closed against sends to a closed inner peer
	closed bool
	once   sync.Once
	stop   sync.Once // closes done

	conn   uint64 // connection number, for logs and OnReject
	remote string // remote address, for logs and OnReject
	// attached is closed once nexus's AttachClient for this peer returned;
	// shutdown closes the network connection (nil for in-process peers).
	// See Close.
	attached chan struct{}
	shutdown func()

	// session state, owned by the pump goroutine
	hello bool
	roles *wamp.Session // features announced in HELLO
	// ppt remembers, per pptRoleIndex, whether HELLO announced payload
	// passthru mode for the role: 0 not asked yet, 1 yes, 2 no.
	ppt   [3]uint8
	realm wamp.URI

	// calls are the CALL request ids in flight (network sessions only;
	// nil otherwise): added by the pump, removed by sent on the transport's
	// intake goroutine.
	cmu   sync.Mutex
	calls map[wamp.ID]struct{}
}

func newGuardPeer(inner wamp.Peer, g *guard, jsonSession bool, conn uint64, remote string) *guardPeer {
	return &guardPeer{
		inner:    inner,
		g:        g,
		json:     jsonSession,
		conn:     conn,
		remote:   remote,
		rd:       make(chan wamp.Message),
		done:     make(chan struct{}),
		attached: make(chan struct{}),
	}
}

// Recv is the channel nexus reads the client's messages from.
func (p *guardPeer) Recv() <-chan wamp.Message { return p.rd }

// Send is the inner peer's outgoing channel.
func (p *guardPeer) Send() chan<- wamp.Message { return p.inner.Send() }

// IsLocal reports true for every guarded peer, network peers included. nexus v3.3.0 shares one
// EVENT details map (and arguments) among all subscribers of a publication and writes
// per-subscriber fields (the pattern topic, disclosure) into it while earlier subscribers'
// transports may still be serializing it: a concurrent map read and write, which is a fatal,
// unrecoverable Go runtime error that any client could provoke with a pattern subscription. For
// local subscribers nexus copies details and arguments per subscriber, so marking every guarded
// peer local removes the race. The only other effect of locality in nexus — skipping
// authentication and authorization — is turned off by RequireLocalAuth and RequireLocalAuthz on
// every realm (see New).
func (p *guardPeer) IsLocal() bool { return true }

// Close stops forwarding to nexus, closes Recv promptly (so that nexus ends the
// session instead of sending to a closed peer) and closes the inner peer once
// nexus's AttachClient for it has returned.
//
// nexus v3.3.0 sends WELCOME on the inner peer's send channel from its
// attach goroutine without ordering it after the session's end: a client
// that hangs up right after HELLO makes the realm's session goroutine call
// Close while the attach goroutine sends, and closing the inner peer closes
// that channel — a send on a closed channel, a panic that takes down the
// router (TestHangUpAfterHelloCannotPanic). So the inner peer is closed on
// another goroutine after AttachClient returned (Close itself does not wait:
// nexus also calls it from inside AttachClient). WELCOME always finds room
// in the queue (reply leaves half of it to nexus). Should AttachClient still
// not have returned after attachGrace, only the network connection is closed
// (shutdown), which ends the transport without closing the channel.
func (p *guardPeer) Close() {
	p.once.Do(func() {
		p.stopForwarding()
		go func() {
			t := time.NewTimer(attachGrace)
			defer t.Stop()
			select {
			case <-p.attached:
				p.inner.Close()
			case <-t.C:
				if p.shutdown != nil {
					p.shutdown()
				}
			}
		}()
	})
}

// stopForwarding stops the pump and closes Recv (after which nexus ends the
// session, or its AttachClient fails) without closing the inner peer, and
// no more error replies are sent. Router.Close uses it on peers still in
// AttachClient: nexus may yet hand them to a realm, which sends on the inner
// peer until it calls Close itself.
func (p *guardPeer) stopForwarding() {
	p.stop.Do(func() {
		p.mu.Lock()
		p.closed = true
		p.mu.Unlock()
		close(p.done)
	})
}

// reply sends msg to the client unless the peer is closed or its queue is
// half full (a client that does not read gets no error reports). Half: the
// rest stays free for nexus, whose WELCOME send blocks — a client that sent
// garbage after HELLO and hung up must not leave nexus's attach goroutine
// blocked on a queue nobody drains.
func (p *guardPeer) reply(msg wamp.Message) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	ch := p.inner.Send()
	if d, ok := p.inner.(interface{ direct() chan<- wamp.Message }); ok {
		ch = d.direct() // not a spill channel, which this may abandon
	}
	if c := cap(ch); c > 0 && len(ch) >= c/2 {
		p.g.log.Debug("router guard: client queue half full, error reply dropped", "conn", p.conn)
		return
	}
	select {
	case ch <- msg:
	default:
		p.g.log.Debug("router guard: client queue full, error reply dropped", "conn", p.conn)
	}
}

// pump forwards the inner peer's messages to nexus through the guard until
// the inner peer's channel closes or the guardPeer is closed.
func (p *guardPeer) pump() {
	defer p.drain()
	in := p.inner.Recv()
	for {
		var msg wamp.Message
		var ok bool
		select {
		case msg, ok = <-in:
			if !ok {
				return
			}
		case <-p.done:
			return
		}
		fwd := p.inspect(msg)
		if fwd == nil {
			continue
		}
		if p.g.observe != nil {
			p.g.observe(p.conn, fwd)
		}
		select {
		case p.rd <- fwd:
		case <-p.done:
			return
		}
	}
}

// drain closes Recv and keeps reading the inner peer so that its receive
// goroutine can exit, until the inner channel closes or after drainGrace
// once the peer is closed.
func (p *guardPeer) drain() {
	close(p.rd)
	in := p.inner.Recv()
	var grace <-chan time.Time
	done := p.done
	for {
		select {
		case _, ok := <-in:
			if !ok {
				return
			}
		case <-done:
			t := time.NewTimer(drainGrace)
			defer t.Stop()
			grace, done = t.C, nil
		case <-grace:
			return
		}
	}
}

// inspect returns the message to forward to nexus (msg itself, a sanitized
// replacement, or nil to drop it) and reports rejections.
func (p *guardPeer) inspect(msg wamp.Message) wamp.Message {
	if msg == nil {
		p.g.rejected(p, 0, &RejectError{Reason: ReasonInvalidFrame, Field: "frame", Problem: "reserved rawsocket message type"})
		return nil
	}
	if u, ok := msg.(*undecodable); ok {
		return p.answerUndecodable(u)
	}
	if rerr := p.g.policy.checkLimits(msg); rerr != nil {
		if !p.hello {
			p.g.rejected(p, msg.MessageType(), rerr)
			p.reply(&wamp.Abort{Details: wamp.Dict{"message": rerr.Error(), "reason": rerr.Reason.String()}, Reason: wamp.ErrProtocolViolation})
			p.Close()
			return nil
		}
		return p.refuse(msg, rerr)
	}
	if !p.hello {
		// The first message must be HELLO; nexus aborts otherwise. Keep
		// its roles to check feature use later.
		p.hello = true
		if h, ok := msg.(*wamp.Hello); ok {
			p.roles = wamp.NewSession(nil, 0, nil, wamp.NormalizeDict(h.Details))
			p.realm = h.Realm
		}
		return msg
	}
	dropUndefined(msg)
	if rerr := checkRouting(msg); rerr != nil {
		return p.refuse(msg, rerr)
	}
	switch m := msg.(type) {
	case *wamp.Error:
		if m.Type != wamp.INVOCATION {
			// nexus aborts the session and logs the whole message: strip
			// the payload first.
			return &wamp.Error{Type: m.Type, Request: m.Request, Details: wamp.Dict{}, Error: m.Error}
		}
	case *wamp.Call:
		if d, _ := m.Options[wamp.OptDiscloseMe].(bool); d && !p.g.allowDisclose(p.realm) {
			p.g.rejected(p, msg.MessageType(), &RejectError{Reason: ReasonDiscloseMe, Field: wamp.OptDiscloseMe, Problem: "not allowed on this realm"})
			p.reply(&wamp.Error{Type: wamp.CALL, Request: m.Request, Details: wamp.Dict{"reason": ReasonDiscloseMe.String()}, Error: wamp.ErrOptionDisallowedDiscloseMe})
			return nil
		}
		if prog, _ := m.Options[wamp.OptProgress].(bool); prog && !p.has(wamp.RoleCaller, wamp.FeatureProgCallInvocations) {
			return p.refuse(msg, &RejectError{Reason: ReasonNotAnnounced, Field: wamp.OptProgress,
				Problem: "used without announcing " + wamp.FeatureProgCallInvocations + " in HELLO"})
		}
	case *wamp.Publish, *wamp.Yield:
	default:
		return msg
	}

	rerr := p.g.policy.check(msg, p.json) // dropUndefined ran above
	if rerr == nil {
		if isPPT(msg) {
			if role := pptRole(msg); !p.has(role, wamp.FeaturePayloadPassthruMode) {
				return p.refuse(msg, &RejectError{Reason: ReasonNotAnnounced, Field: OptScheme,
					Problem: "used without announcing " + wamp.FeaturePayloadPassthruMode + " for role " + role + " in HELLO"})
			}
			p.g.stats.ppt.Add(1)
		}
		if c, ok := msg.(*wamp.Call); ok && !p.pending(c.Request) {
			return p.refuse(msg, &RejectError{Reason: ReasonPendingCalls, Field: "CALL",
				Problem: fmt.Sprintf("more than %d calls in flight", p.g.policy.MaxPendingCalls)})
		}
		return msg
	}
	return p.refuse(msg, rerr)
}

// pending records a CALL in flight; false if the session has
// MaxPendingCalls already.
func (p *guardPeer) pending(req wamp.ID) bool {
	if p.calls == nil {
		return true
	}
	p.cmu.Lock()
	defer p.cmu.Unlock()
	if _, dup := p.calls[req]; !dup && len(p.calls) >= p.g.policy.MaxPendingCalls {
		return false
	}
	p.calls[req] = struct{}{}
	return true
}

// sent sees what nexus sends the client and forgets a call once its final
// RESULT or ERROR goes out — except for the refusals after which nexus
// keeps the call until the session ends (feature_not_supported), which stay
// counted.
func (p *guardPeer) sent(msg wamp.Message) {
	var req wamp.ID
	switch m := msg.(type) {
	case *wamp.Result:
		if prog, _ := m.Details[wamp.OptProgress].(bool); prog {
			return
		}
		req = m.Request
	case *wamp.Error:
		if m.Type != wamp.CALL || m.Error == wamp.ErrFeatureNotSupported {
			return
		}
		req = m.Request
	default:
		return
	}
	p.cmu.Lock()
	delete(p.calls, req)
	p.cmu.Unlock()
}

// answerUndecodable counts a frame that did not decode and answers it: a
// request whose type and id were recovered gets ERROR
// wamp.error.invalid_argument (nothing reaches nexus); anything else — a
// frame before or instead of HELLO, a YIELD or ERROR, unrecognisable bytes —
// gets ABORT wamp.error.protocol_violation and the session ends, as nexus
// ends sessions that break the protocol.
func (p *guardPeer) answerUndecodable(u *undecodable) wamp.Message {
	rerr := &RejectError{Reason: ReasonUndecodable, Field: "message", Problem: "cannot be decoded: " + u.err}
	p.g.rejected(p, u.typ, rerr)
	if p.hello && u.request != 0 {
		switch u.typ {
		case wamp.SUBSCRIBE, wamp.UNSUBSCRIBE, wamp.PUBLISH, wamp.REGISTER, wamp.UNREGISTER, wamp.CALL:
			p.reply(&wamp.Error{
				Type:      u.typ,
				Request:   u.request,
				Details:   wamp.Dict{"reason": rerr.Reason.String()},
				Error:     wamp.ErrInvalidArgument,
				Arguments: wamp.List{rerr.Error()},
			})
			return nil
		}
	}
	p.reply(&wamp.Abort{Details: wamp.Dict{"message": rerr.Error(), "reason": rerr.Reason.String()}, Reason: wamp.ErrProtocolViolation})
	p.Close()
	return nil
}

func (p *guardPeer) has(role, feature string) bool {
	if p.roles == nil {
		return false
	}
	if feature != wamp.FeaturePayloadPassthruMode {
		return p.roles.HasFeature(role, feature)
	}
	// Asked for every PPT message: remembered per role (HELLO's roles do
	// not change).
	i := pptRoleIndex(role)
	if i < 0 {
		return p.roles.HasFeature(role, feature)
	}
	if p.ppt[i] == 0 {
		p.ppt[i] = 2
		if p.roles.HasFeature(role, feature) {
			p.ppt[i] = 1
		}
	}
	return p.ppt[i] == 1
}

// pptRoleIndex numbers the roles pptRole names (-1 for any other).
func pptRoleIndex(role string) int {
	switch role {
	case wamp.RolePublisher:
		return 0
	case wamp.RoleCaller:
		return 1
	case wamp.RoleCallee:
		return 2
	}
	return -1
}

// refuse counts a rejection, answers the sender where WAMP allows it and
// returns what nexus gets instead of msg.
//
//   - PUBLISH: ERROR(PUBLISH) to the publisher if it asked for an
//     acknowledgement (WAMP sends no other reply to a PUBLISH); dropped.
//   - CALL, REGISTER, SUBSCRIBE: ERROR to the sender; dropped.
//   - YIELD, ERROR(INVOCATION) from a callee: replaced by
//     ERROR(INVOCATION, wamp.error.invalid_argument) so the caller gets a
//     clear error instead of waiting (WAMP has no reply to a callee's YIELD).
func (p *guardPeer) refuse(msg wamp.Message, rerr *RejectError) wamp.Message {
	p.g.rejected(p, msg.MessageType(), rerr)
	errMsg := func(typ wamp.MessageType, req wamp.ID) *wamp.Error {
		return &wamp.Error{
			Type:      typ,
			Request:   req,
			Details:   wamp.Dict{"reason": rerr.Reason.String()},
			Error:     wamp.ErrInvalidArgument,
			Arguments: wamp.List{rerr.Error()},
		}
	}
	switch m := msg.(type) {
	case *wamp.Publish:
		if ack, _ := m.Options[wamp.OptAcknowledge].(bool); ack {
			p.reply(errMsg(wamp.PUBLISH, m.Request))
		}
	case *wamp.Call:
		p.reply(errMsg(wamp.CALL, m.Request))
	case *wamp.Register:
		p.reply(errMsg(wamp.REGISTER, m.Request))
	case *wamp.Subscribe:
		p.reply(errMsg(wamp.SUBSCRIBE, m.Request))
	case *wamp.Yield:
		return errMsg(wamp.INVOCATION, m.Request)
	case *wamp.Error:
		return errMsg(wamp.INVOCATION, m.Request)
	}
	return nil
}

// isPPT reports whether a message that passed Check carries ppt_scheme.
func isPPT(msg wamp.Message) bool {
	var opts wamp.Dict
	switch m := msg.(type) {
	case *wamp.Publish:
		opts = m.Options
	case *wamp.Call:
		opts = m.Options
	case *wamp.Yield:
		opts = m.Options
	case *wamp.Error:
		opts = m.Details
	}
	_, ok := opts[OptScheme]
	return ok
}

// pptRole is the HELLO role that must announce payload passthru mode to send
// msg with ppt_* options.
func pptRole(msg wamp.Message) string {
	switch msg.(type) {
	case *wamp.Publish:
		return wamp.RolePublisher
	case *wamp.Call:
		return wamp.RoleCaller
	default:
		return wamp.RoleCallee
	}
}
