package session

import (
	"context"
	"crypto/rand"
	"errors"
	"maps"
	"strings"
	"sync"
	"time"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
)

// outQueue is the capacity of the channels between nexus and the peer's
// goroutines (both ways): the peer opens the next message while nexus
// dispatches the previous one.
const outQueue = 64

type subInfo struct {
	uri, match string
}

type callInfo struct {
	uri string // procedure (concrete)
	enc bool   // the call (or invocation) was encrypted
	// inv is the INVOCATION an invs entry was made for: fail removes the
	// entry only if it still belongs to that message.
	inv *wamp.Invocation
	// resultTag names the key ring slot of the answer's key: the
	// originator of the key the invocation opened under (the caller), so
	// that only it may fetch the key of results and errors ("" unknown).
	resultTag string
	// cid is the call id: generated for an encrypted CALL, echoed from an
	// encrypted INVOCATION (hasCID), bound into the answer's plaintext.
	cid    [envelope.CallIDSize]byte
	hasCID bool
	// chunks, for an encrypted CALL, counts the results received
	// (docs/protocol.md §1.4): each sealed YIELD must carry the next index.
	chunks *chunkState
	// yields, for an INVOCATION, is the index of the next YIELD.
	yields uint64
}

// chunkState is the index the next result of an encrypted call must carry.
// failed is set by the first rejected result: the call has then been
// ended with one ERROR, and later results are dropped silently.
type chunkState struct {
	next   uint64
	failed bool
}

// delivery is what the receiver knows about an incoming message.
type delivery struct {
	uri    string // envelope.Delivery.URI
	keyURI string // URI the key is requested for (the procedure for errors)
	kind   e2ee.MessageKind
	role   e2ee.Role
	rule   *ruleState
	// ch names the stream the message belongs to (a subscription,
	// registration or call). Messages of one stream under the keys of one
	// key RPC (an originator's key ring: the key id's locator) are
	// delivered in order: one waiting for its key holds back the ones
	// behind it from the same key RPC, never those under another key RPC's
	// keys (another sender's, or a bogus one that never answers).
	ch stream
	// requireEnc rejects plaintext.
	requireEnc bool
	// cid and proc, for a RESULT or ERROR of an encrypted call: the call id
	// the answer must echo and the procedure an ERROR must name.
	cid  []byte
	proc string
	// chunks and progress, for a RESULT of an encrypted call: the call's
	// result counter and the router's details.progress, both checked
	// against the sealed "idx" and "prog".
	chunks   *chunkState
	progress bool
}

// stream names a subscription ('s'), registration ('r') or call ('c').
type stream struct {
	t  byte
	id wamp.ID
}

// queueKey names the messages of one stream under the keys of one key RPC
// (locator): the unit of ordering while a key is fetched, and of
// buffering.
type queueKey struct {
	ch  stream
	loc envelope.Locator
}

// locatorOf returns the locator of a ppt_keyid (zero if malformed: such a
// message is rejected, never queued).
func locatorOf(keyID string) envelope.Locator {
	kid, err := envelope.ParseKeyID(keyID)
	if err != nil {
		return envelope.Locator{}
	}
	return kid.Locator
}

type waiter struct {
	msg   wamp.Message
	d     delivery
	keyID string // ppt_keyid as received ("" if none)
}

type keyReady struct {
	fk  fetchID
	err error
}

// fetchID names one key fetch: a key id for one URI and role. A router
// that redirects a message to another URI (whose fetch then fails) must not
// fail the messages waiting for the same key id on its genuine URI.
type fetchID struct {
	keyID, uri string
	role       e2ee.Role
}

func (w *waiter) fetchID() fetchID { return fetchID{keyID: w.keyID, uri: w.d.keyURI, role: w.d.role} }

// cryptoPeer is the wamp.Peer given to nexus's client: it seals outgoing
// messages on its outbound goroutine and validates, opens and strips
// incoming ones on its inbound goroutine, before nexus sees them.
type cryptoPeer struct {
	n     *node
	inner wamp.Peer
	json  bool
	// exclusive: the inner peer is a network transport, whose decoded
	// messages own their bytes (an in-process peer may share a payload with
	// other subscribers): payloads are decrypted in place.
	exclusive bool

	in      chan wamp.Message // to nexus; closed by the inbound goroutine
	out     chan wamp.Message // from nexus
	local   chan wamp.Message // to nexus, from other goroutines (via inbound)
	ready   chan keyReady
	jobs    chan fetchID // key fetches handed to an idle fetchWorker
	closing chan struct{}
	ctx     context.Context
	cancel  context.CancelFunc
	once    sync.Once
	wg      sync.WaitGroup

	smu    sync.RWMutex // guards inner sends against Close
	closed bool

	// outbound goroutine only
	sealer *envelope.Sealer
	sk     envelope.SealKey
	// ppt holds the PPT options of the last key sealed under (pptKey,
	// its SealKey.ID, cipher and key RPC); messages without options of
	// their own get a clone (cheaper than building the map).
	ppt    wamp.Dict
	pptKey [3]string

	// inbound goroutine only
	opener   *envelope.Opener
	queues   map[queueKey][]waiter // (stream, key RPC) → messages held back, in order
	nWaiting int
	fetching map[fetchID]bool  // key fetches running
	failed   map[fetchID]error // fetch errors, while queues drain

	mu          sync.Mutex // tracking state, shared by both goroutines
	pendingSubs map[wamp.ID]subInfo
	// pendingUnsubs and pendingUnregs: UNSUBSCRIBE/UNREGISTER request →
	// the subscription/registration it ends, forgotten on the answer.
	pendingUnsubs, pendingUnregs map[wamp.ID]wamp.ID
	subs                         map[wamp.ID]subInfo
	pendingRegs                  map[wamp.ID]subInfo
	regs                         map[wamp.ID]subInfo
	calls                        map[wamp.ID]callInfo
	invs                         map[wamp.ID]callInfo
}

func newCryptoPeer(n *node, inner wamp.Peer) (*cryptoPeer, error) {
	sealer, err := envelope.NewSealer(envelope.SealOptions{Signer: n.signer, Limits: n.cfg.Open.Limits})
	if err != nil {
		return nil, err
	}
	opener, err := envelope.NewOpener(n.cfg.Open)
	if err != nil {
		return nil, err
	}
	p := &cryptoPeer{
		n: n, inner: inner, json: n.cfg.Serialization == serialize.JSON, exclusive: !inner.IsLocal(),
		in: make(chan wamp.Message, outQueue), out: make(chan wamp.Message, outQueue),
		local: make(chan wamp.Message, 16), ready: make(chan keyReady, 16), jobs: make(chan fetchID),
		closing: make(chan struct{}),
		sealer:  sealer, opener: opener,
		queues: map[queueKey][]waiter{}, fetching: map[fetchID]bool{}, failed: map[fetchID]error{},
		pendingSubs: map[wamp.ID]subInfo{}, subs: map[wamp.ID]subInfo{},
		pendingRegs: map[wamp.ID]subInfo{}, regs: map[wamp.ID]subInfo{},
		pendingUnsubs: map[wamp.ID]wamp.ID{}, pendingUnregs: map[wamp.ID]wamp.ID{},
		calls: map[wamp.ID]callInfo{}, invs: map[wamp.ID]callInfo{},
	}
	p.ctx, p.cancel = context.WithCancel(context.Background())
	p.wg.Add(2)
	go p.outboundLoop()
	go p.inboundLoop()
	return p, nil
}

// Recv implements wamp.Peer: the decrypted messages for nexus.
func (p *cryptoPeer) Recv() <-chan wamp.Message { return p.in }

// Send implements wamp.Peer: the channel nexus sends into.
func (p *cryptoPeer) Send() chan<- wamp.Message { return p.out }

// IsLocal implements wamp.Peer.
func (p *cryptoPeer) IsLocal() bool { return p.inner.IsLocal() }

// Close implements wamp.Peer: it stops both goroutines and pending key
// fetches, closes Recv and the inner peer.
func (p *cryptoPeer) Close() {
	p.once.Do(func() {
		close(p.closing)
		p.cancel()
		p.smu.Lock()
		p.closed = true
		p.smu.Unlock()
		p.inner.Close()
		p.wg.Wait()
	})
}

// sendInner forwards msg to the router unless the peer is closing.
func (p *cryptoPeer) sendInner(msg wamp.Message) {
	p.smu.RLock()
	defer p.smu.RUnlock()
	if p.closed {
		return
	}
	select {
	case p.inner.Send() <- msg:
	case <-p.closing:
	}
}

// toNexus hands msg to nexus (inbound goroutine only).
func (p *cryptoPeer) toNexus(msg wamp.Message) {
	select {
	case p.in <- msg:
	case <-p.closing:
	}
}

func (p *cryptoPeer) outboundLoop() {
	defer p.wg.Done()
	for {
		select {
		case msg := <-p.out:
			if msg = p.outbound(msg); msg != nil {
				p.sendInner(msg)
			}
		case <-p.closing:
			return
		}
	}
}

func (p *cryptoPeer) inboundLoop() {
	defer p.wg.Done()
	defer close(p.in)
	recv := p.inner.Recv()
	for {
		select {
		case msg, ok := <-recv:
			if !ok {
				p.dropWaiting()
				return
			}
			p.inbound(msg)
		case msg := <-p.local:
			p.toNexus(msg)
		case r := <-p.ready:
			p.keyArrived(r)
		case <-p.closing:
			p.dropWaiting()
			return
		}
	}
}

// ---- outbound ----

func (p *cryptoPeer) outbound(msg wamp.Message) wamp.Message {
	switch m := msg.(type) {
	case *wamp.Publish:
		uri := string(m.Topic)
		rs := p.n.rule(uri)
		if !rs.rule.Encrypt || p.n.cfg.isKeyRPC(uri) {
			p.countPlain(uri)
			return m
		}
		var ok bool
		m.Options, m.Arguments, ok = p.seal(sealing{rule: rs, keyURI: uri, msgURI: uri, tag: tagPublish, kind: e2ee.KindPublish},
			m.Options, m.Arguments, m.ArgumentsKw)
		if !ok {
			return nil
		}
		m.ArgumentsKw = nil
	case *wamp.Call:
		uri := string(m.Procedure)
		rs := p.n.rule(uri)
		enc := rs.rule.Encrypt && !p.n.cfg.isKeyRPC(uri)
		ci := callInfo{uri: uri, enc: enc}
		if prog, _ := m.Options[wamp.OptProgress].(bool); enc && prog {
			// Progressive call invocations re-send CALL with the same
			// request id; their chunks cannot be bound to one call id
			// (docs/protocol.md §4): refuse them locally. The call's
			// entry, if any, is left to the first CALL.
			p.n.stats.reject(ReasonProgressiveCall)
			p.sendLocal(&wamp.Error{Type: wamp.CALL, Request: m.Request, Details: wamp.Dict{}, Error: ReasonProgressiveCall})
			return nil
		}
		if enc {
			if _, err := rand.Read(ci.cid[:]); err != nil {
				p.n.stats.reject(ReasonSealFailed)
				p.sendLocal(&wamp.Error{Type: wamp.CALL, Request: m.Request, Details: wamp.Dict{}, Error: ReasonSealFailed})
				return nil
			}
			ci.hasCID = true
			ci.chunks = &chunkState{}
		}
		p.mu.Lock()
		p.calls[m.Request] = ci
		p.mu.Unlock()
		if !enc {
			p.countPlain(uri)
			return m
		}
		var ok bool
		m.Options, m.Arguments, ok = p.seal(sealing{rule: rs, keyURI: uri, msgURI: uri, tag: tagCall, kind: e2ee.KindCall, cid: ci.cid[:]},
			m.Options, m.Arguments, m.ArgumentsKw)
		if !ok {
			p.mu.Lock()
			delete(p.calls, m.Request)
			p.mu.Unlock()
			p.sendLocal(&wamp.Error{Type: wamp.CALL, Request: m.Request, Details: wamp.Dict{}, Error: ReasonSealFailed})
			return nil
		}
		m.ArgumentsKw = nil
	case *wamp.Yield:
		progress, _ := m.Options[wamp.OptProgress].(bool)
		inv, known := p.invocation(m.Request, !progress, true)
		if !known {
			// Never send a result in plaintext for an invocation we do
			// not track: the router may have made us forget an encrypted
			// one (docs/protocol.md §4.3).
			p.n.stats.reject(ReasonUnknownInvocation)
			return nil
		}
		rs, plain := p.answerRule(inv)
		if plain {
			p.countPlain(inv.uri)
			return m
		}
		var ok bool
		m.Options, m.Arguments, ok = p.seal(sealing{rule: rs, keyURI: inv.uri, msgURI: inv.uri, tag: inv.resultTag, kind: e2ee.KindYield,
			cid: inv.callID(), chunk: true, progress: progress, index: inv.yields}, m.Options, m.Arguments, m.ArgumentsKw)
		if !ok {
			return &wamp.Error{Type: wamp.INVOCATION, Request: m.Request, Details: wamp.Dict{}, Error: ReasonSealFailed}
		}
		m.ArgumentsKw = nil
	case *wamp.Error:
		if m.Type != wamp.INVOCATION {
			return m
		}
		inv, known := p.invocation(m.Request, true, false)
		if !known {
			p.n.stats.reject(ReasonUnknownInvocation)
			return nil
		}
		rs, plain := p.answerRule(inv)
		if plain {
			p.countPlain(inv.uri)
			return m
		}
		var ok bool
		m.Details, m.Arguments, ok = p.seal(sealing{rule: rs, keyURI: inv.uri, msgURI: string(m.Error), tag: inv.resultTag, kind: e2ee.KindError,
			cid: inv.callID(), proc: inv.uri}, m.Details, m.Arguments, m.ArgumentsKw)
		if !ok {
			return &wamp.Error{Type: wamp.INVOCATION, Request: m.Request, Details: wamp.Dict{}, Error: ReasonSealFailed}
		}
		m.ArgumentsKw = nil
	case *wamp.Cancel:
		// The caller gave up (nexus sends CANCEL when the call's context
		// ends): forget the call, so that calls the router never answers
		// do not accumulate. A later sealed answer is dropped as unknown.
		p.mu.Lock()
		delete(p.calls, m.Request)
		p.mu.Unlock()
	case *wamp.Subscribe:
		match, _ := m.Options[wamp.OptMatch].(string)
		p.mu.Lock()
		p.pendingSubs[m.Request] = subInfo{uri: string(m.Topic), match: match}
		p.mu.Unlock()
	case *wamp.Register:
		match, _ := m.Options[wamp.OptMatch].(string)
		p.mu.Lock()
		p.pendingRegs[m.Request] = subInfo{uri: string(m.Procedure), match: match}
		p.mu.Unlock()
	case *wamp.Unsubscribe:
		p.mu.Lock()
		p.pendingUnsubs[m.Request] = m.Subscription
		p.mu.Unlock()
	case *wamp.Unregister:
		p.mu.Lock()
		p.pendingUnregs[m.Request] = m.Registration
		p.mu.Unlock()
	}
	return msg
}

// sendLocal queues a message for nexus from a goroutine other than the
// inbound one.
// answerRule returns the rule for an answer (YIELD or ERROR) to inv and
// whether it goes out in plaintext: only when neither the call was encrypted
// nor the procedure's rule encrypts, or it answers a key RPC.
// countPlain counts a message passed in plaintext by policy — an
// application message only: the node's own key-RPC calls and answers are
// plaintext by design, and counting them would make the counter (and any
// alert on it) move with every key fetch.
func (p *cryptoPeer) countPlain(uri string) {
	if !p.n.cfg.isKeyRPC(uri) {
		p.n.stats.plain.Add(1)
	}
}

func (p *cryptoPeer) answerRule(inv callInfo) (*ruleState, bool) {
	rs := p.n.rule(inv.uri)
	return rs, !(inv.enc || rs.rule.Encrypt) || p.n.cfg.isKeyRPC(inv.uri)
}

func (p *cryptoPeer) sendLocal(msg wamp.Message) {
	select {
	case p.local <- msg:
	case <-p.closing:
	}
}

// callID returns the call id to bind into (or expect in) an answer, nil
// if none.
func (c *callInfo) callID() []byte {
	if !c.hasCID {
		return nil
	}
	return c.cid[:]
}

// invocation returns the entry of an invocation, removing it if remove;
// yield counts a YIELD (the returned entry's yields is this YIELD's index).
func (p *cryptoPeer) invocation(req wamp.ID, remove, yield bool) (callInfo, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	inv, ok := p.invs[req]
	if ok && remove {
		delete(p.invs, req)
	} else if ok && yield {
		e := inv
		e.yields++
		p.invs[req] = e
	}
	return inv, ok
}

// sealing is what seal binds into one outgoing message besides its
// payload.
type sealing struct {
	rule   *ruleState
	keyURI string // the URI whose key (of rule's ring) seals it
	msgURI string // the URI sealed in (an ERROR's error URI)
	tag    string // the ring tag: the kind of reader its key is served to
	kind   e2ee.MessageKind
	cid    []byte // call id of a CALL or its answer (nil: none)
	proc   string // procedure of an ERROR ("" otherwise)
	// chunk marks a YIELD, with its progress flag and index.
	chunk    bool
	progress bool
	index    uint64
}

// seal encrypts args/kwargs as s describes and returns the new options (a
// copy of opts with the ppt_* options) and arguments.
func (p *cryptoPeer) seal(s sealing, opts wamp.Dict, args wamp.List, kwargs wamp.Dict) (wamp.Dict, wamp.List, bool) {
	rs, keyURI, msgURI, tag := s.rule, s.keyURI, s.msgURI, s.tag
	ring := rs.currentRing()
	if ring == nil || tag == "" {
		// No ring, or a result for a caller we could not identify (its
		// key would be served to no one).
		p.n.stats.reject(ReasonSealFailed)
		return opts, args, false
	}
	defer p.sk.Wipe()
	if err := ring.NextTagged(keyURI, tag, &p.sk); err != nil {
		p.n.stats.reject(ReasonSealFailed)
		p.n.cfg.Logf("session: no key for %s: %v", keyURI, err)
		return opts, args, false
	}
	if p.sk.Seq == 1 && tag == tagPublish && p.n.pushOn() {
		// A new key: push it to the readers of the one it replaces ahead
		// of this message, on the same connection, so that they have it
		// when the message arrives (docs/protocol.md §3.10).
		for _, m := range p.n.pushes(ring, p.sk.ID) {
			p.sendInner(m)
		}
	}
	// The payload is handed to the transport's goroutine: a fresh buffer,
	// sized so that secretbox seals in place (no second allocation and copy).
	em := envelope.Message{
		URI: msgURI, Kind: s.kind, Args: args, Kwargs: kwargs, Sign: rs.rule.Sign, CallID: s.cid, Proc: s.proc,
		HasIndex: s.chunk, Progress: s.progress, Index: s.index,
	}
	payload, err := p.sealer.Seal(make([]byte, 0, sealSizeHint(args, kwargs)), &p.sk, &em)
	if err != nil {
		p.n.stats.reject(ReasonSealFailed)
		p.n.cfg.Logf("session: sealing for %s: %v", msgURI, err)
		return opts, args, false
	}
	var o wamp.Dict
	if len(opts) == 0 {
		if k := [3]string{p.sk.ID, p.sk.Cipher, p.sk.KeyRPC}; k != p.pptKey || p.ppt == nil {
			p.ppt, p.pptKey = envelope.PutCipherOptions(nil, p.sk.Cipher, p.sk.ID, p.sk.KeyRPC), k
		}
		o = maps.Clone(p.ppt)
	} else {
		o = make(wamp.Dict, len(opts)+5)
		maps.Copy(o, opts)
		envelope.PutCipherOptions(o, p.sk.Cipher, p.sk.ID, p.sk.KeyRPC)
	}
	p.n.stats.encrypted.Add(1)
	if p.json {
		return o, wamp.List{serialize.BinaryData(payload)}, true
	}
	return o, wamp.List{payload}, true
}

// sealSizeHint estimates the sealed size of args/kwargs: their byte strings
// and strings plus room for the envelope's fields, nonce and tag. Nested
// values count as a small constant; an underestimate only costs secretbox a
// reallocation.
func sealSizeHint(args wamp.List, kwargs wamp.Dict) int {
	n := 256 // nonce 24, tag 16, uri, kid, seq, ts, kind, map heads
	size := func(v any) int {
		switch x := v.(type) {
		case []byte:
			return len(x) + 9
		case string:
			return len(x) + 9
		}
		return 16
	}
	for _, v := range args {
		n += size(v)
	}
	for k, v := range kwargs {
		n += len(k) + 9 + size(v)
	}
	return n
}

// ---- inbound ----

func (p *cryptoPeer) inbound(msg wamp.Message) {
	switch m := msg.(type) {
	case *wamp.Event:
		p.inEvent(m)
		return
	case *wamp.Invocation:
		p.inInvocation(m)
		return
	case *wamp.Result:
		p.inResult(m)
		return
	case *wamp.Error:
		if p.inError(m) {
			return
		}
	case *wamp.Unsubscribed:
		p.mu.Lock()
		if id, ok := p.pendingUnsubs[m.Request]; ok {
			delete(p.pendingUnsubs, m.Request)
			delete(p.subs, id)
		}
		p.mu.Unlock()
	case *wamp.Unregistered:
		p.mu.Lock()
		if id, ok := p.pendingUnregs[m.Request]; ok {
			delete(p.pendingUnregs, m.Request)
			delete(p.regs, id)
		}
		p.mu.Unlock()
	case *wamp.Subscribed:
		p.mu.Lock()
		if s, ok := p.pendingSubs[m.Request]; ok {
			delete(p.pendingSubs, m.Request)
			p.subs[m.Subscription] = s
		}
		p.mu.Unlock()
	case *wamp.Registered:
		p.mu.Lock()
		if s, ok := p.pendingRegs[m.Request]; ok {
			delete(p.pendingRegs, m.Request)
			p.regs[m.Registration] = s
		}
		p.mu.Unlock()
	}
	p.toNexus(msg)
}

// concrete returns the concrete URI of a delivery to a subscription or
// registration s, taking it from details[key] for pattern-based ones and
// checking that it lies in the pattern.
func concrete(s subInfo, details wamp.Dict, key string) (string, bool) {
	if s.match == "" || s.match == wamp.MatchExact {
		return s.uri, true
	}
	u, ok := details[key].(string)
	if !ok {
		if w, ok2 := details[key].(wamp.URI); ok2 {
			u, ok = string(w), true
		}
	}
	if !ok || !patternMatches(s.uri, s.match, u) {
		return "", false
	}
	return u, true
}

func (p *cryptoPeer) inEvent(m *wamp.Event) {
	ppt := envelope.IsPPT(m.Details)
	p.mu.Lock()
	s, ok := p.subs[m.Subscription]
	p.mu.Unlock()
	if ok && s.uri == p.n.pushTopic && s.match == "" {
		// A key push: handled here, before the events after it, so that
		// the message it precedes finds the key (docs/protocol.md §3.10).
		if len(m.Arguments) != 0 || ppt {
			p.n.stats.rejectPush(pushReason(keydist.ErrMalformed))
			return
		}
		p.n.acceptPush(m.ArgumentsKw)
		return
	}
	if !ok {
		if ppt {
			p.n.stats.reject(ReasonUnknownDelivery)
			return
		}
		p.toNexus(m)
		return
	}
	uri, ok := concrete(s, m.Details, "topic")
	if !ok {
		if ppt || p.n.rule(s.uri).rule.Encrypt {
			p.n.stats.reject(ReasonBadDetails)
			return
		}
		p.toNexus(m)
		return
	}
	rs := p.n.rule(uri)
	p.receive(m, delivery{uri: uri, keyURI: uri, kind: e2ee.KindPublish, role: e2ee.RoleSubscriber, rule: rs,
		ch: stream{'s', m.Subscription}, requireEnc: rs.rule.Encrypt})
}

func (p *cryptoPeer) inInvocation(m *wamp.Invocation) {
	ppt := envelope.IsPPT(m.Details)
	p.mu.Lock()
	s, ok := p.regs[m.Registration]
	p.mu.Unlock()
	if !ok {
		if ppt {
			p.n.stats.reject(ReasonUnknownDelivery)
			p.sendInner(&wamp.Error{Type: wamp.INVOCATION, Request: m.Request, Details: wamp.Dict{}, Error: ReasonUnknownDelivery})
			return
		}
		p.toNexus(m)
		return
	}
	uri, ok := concrete(s, m.Details, "procedure")
	if !ok {
		if ppt || p.n.rule(s.uri).rule.Encrypt {
			p.n.stats.reject(ReasonBadDetails)
			p.sendInner(&wamp.Error{Type: wamp.INVOCATION, Request: m.Request, Details: wamp.Dict{}, Error: ReasonBadDetails})
			return
		}
		p.toNexus(m)
		return
	}
	p.mu.Lock()
	if _, busy := p.invs[m.Request]; busy {
		// A second INVOCATION with a request id in use can only come from
		// a misbehaving router. Answering it (even with an ERROR) or
		// replacing the entry would detach the first invocation's result
		// from its encryption state: drop it, leave the entry alone.
		p.mu.Unlock()
		p.n.stats.reject(ReasonDuplicateRequest)
		return
	}
	p.invs[m.Request] = callInfo{uri: uri, enc: ppt, inv: m}
	p.mu.Unlock()
	rs := p.n.rule(uri)
	p.receive(m, delivery{uri: uri, keyURI: uri, kind: e2ee.KindCall, role: e2ee.RoleCallee, rule: rs,
		ch: stream{'r', m.Registration}, requireEnc: rs.rule.Encrypt})
}

func (p *cryptoPeer) inResult(m *wamp.Result) {
	progress, _ := m.Details[wamp.OptProgress].(bool)
	p.mu.Lock()
	c, ok := p.calls[m.Request]
	if ok && !progress {
		delete(p.calls, m.Request)
	}
	p.mu.Unlock()
	if !ok {
		if envelope.IsPPT(m.Details) {
			p.n.stats.reject(ReasonUnknownDelivery)
			return
		}
		p.toNexus(m)
		return
	}
	p.receive(m, delivery{uri: c.uri, keyURI: c.uri, kind: e2ee.KindYield, role: e2ee.RoleCaller, rule: p.n.rule(c.uri),
		ch: stream{'c', m.Request}, requireEnc: c.enc, cid: c.callID(), chunks: c.chunks, progress: progress})
}

// inError handles an ERROR; it reports whether it consumed the message.
func (p *cryptoPeer) inError(m *wamp.Error) bool {
	if isPushError(m) {
		p.n.stats.pushesSkipped.Add(1) // the router refused a push: the reader fetches
		return true
	}
	switch m.Type {
	case wamp.SUBSCRIBE:
		p.mu.Lock()
		delete(p.pendingSubs, m.Request)
		p.mu.Unlock()
	case wamp.REGISTER:
		p.mu.Lock()
		delete(p.pendingRegs, m.Request)
		p.mu.Unlock()
	case wamp.UNSUBSCRIBE:
		p.mu.Lock()
		delete(p.pendingUnsubs, m.Request)
		p.mu.Unlock()
	case wamp.UNREGISTER:
		p.mu.Lock()
		delete(p.pendingUnregs, m.Request)
		p.mu.Unlock()
	case wamp.CALL:
		p.mu.Lock()
		c, ok := p.calls[m.Request]
		delete(p.calls, m.Request)
		p.mu.Unlock()
		if !envelope.IsPPT(m.Details) {
			if !ok || !(c.enc || p.n.rule(c.uri).rule.Encrypt) {
				return false
			}
			// A plaintext ERROR ending an encrypted call: accept only
			// the router's own wamp.* errors and the reasons a callee's
			// session sends unsealed, and never their payload.
			if !plainErrorOK(string(m.Error)) {
				p.n.stats.reject(ReasonPlaintext)
				p.toNexus(&wamp.Error{Type: wamp.CALL, Request: m.Request, Details: wamp.Dict{}, Error: ReasonPlaintext})
				return true
			}
			if len(m.Arguments) != 0 || len(m.ArgumentsKw) != 0 {
				p.n.stats.reject(ReasonPlaintextArgs)
			}
			m.Details, m.Arguments, m.ArgumentsKw = wamp.Dict{}, nil, nil
			return false
		}
		if !ok {
			p.n.stats.reject(ReasonUnknownDelivery)
			return true
		}
		p.receive(m, delivery{uri: string(m.Error), keyURI: c.uri, kind: e2ee.KindError, role: e2ee.RoleCaller, rule: p.n.rule(c.uri),
			ch: stream{'c', m.Request}, cid: c.callID(), proc: c.uri})
		return true
	}
	if envelope.IsPPT(m.Details) {
		p.n.stats.reject(ReasonUnknownDelivery)
		return true
	}
	return false
}

// plainErrorOK reports whether a plaintext ERROR URI may end an encrypted
// call: a router error (wamp.*, including wamp.e2ee.error.*) or a reason a
// callee's session sends unsealed (the Reason* constants).
func plainErrorOK(uri string) bool {
	if strings.HasPrefix(uri, "wamp.") {
		return true
	}
	switch uri {
	case ReasonPlaintext, ReasonUnknownDelivery, ReasonBadDetails, ReasonKeyRPC, ReasonKeyFetch,
		ReasonBufferOverflow, ReasonBufferTimeout, ReasonSealFailed:
		return true
	}
	return false
}

// fields returns the details, arguments and keyword arguments of an
// incoming message that deliver handles.
func fields(msg wamp.Message) (wamp.Dict, wamp.List, wamp.Dict) {
	switch m := msg.(type) {
	case *wamp.Event:
		return m.Details, m.Arguments, m.ArgumentsKw
	case *wamp.Invocation:
		return m.Details, m.Arguments, m.ArgumentsKw
	case *wamp.Result:
		return m.Details, m.Arguments, m.ArgumentsKw
	case *wamp.Error:
		return m.Details, m.Arguments, m.ArgumentsKw
	}
	return nil, nil, nil
}

func setPayload(msg wamp.Message, args wamp.List, kwargs wamp.Dict) {
	switch m := msg.(type) {
	case *wamp.Event:
		m.Arguments, m.ArgumentsKw = args, kwargs
	case *wamp.Invocation:
		m.Arguments, m.ArgumentsKw = args, kwargs
	case *wamp.Result:
		m.Arguments, m.ArgumentsKw = args, kwargs
	case *wamp.Error:
		m.Arguments, m.ArgumentsKw = args, kwargs
	}
}

// receive delivers msg now, or queues it behind earlier messages of its
// stream from the same key RPC that wait for a key.
func (p *cryptoPeer) receive(msg wamp.Message, d delivery) {
	details, _, _ := fields(msg)
	if len(p.queues) == 0 { // nothing waits for a key: the common case
		p.deliver(msg, d, false)
		return
	}
	keyID, _ := details[envelope.OptKeyID].(string)
	if len(p.queues[queueKey{d.ch, locatorOf(keyID)}]) > 0 {
		p.enqueue(msg, d, keyID)
		return
	}
	p.deliver(msg, d, false)
}

// deliver checks, opens and hands an incoming message to nexus. buffered
// marks a message that was queued (its key is not fetched again).
func (p *cryptoPeer) deliver(msg wamp.Message, d delivery, buffered bool) {
	requireEnc := d.requireEnc
	details, args, kwargs := fields(msg)
	ppt := envelope.IsPPT(details)
	if p.n.cfg.isKeyRPC(d.keyURI) {
		if ppt {
			p.n.stats.reject(ReasonKeyRPC)
			p.fail(msg, ReasonKeyRPC)
			return
		}
		p.toNexus(msg)
		return
	}
	if !ppt {
		if requireEnc {
			p.n.stats.reject(ReasonPlaintext)
			p.fail(msg, ReasonPlaintext)
			return
		}
		p.n.stats.plain.Add(1)
		p.toNexus(msg)
		return
	}
	opened, err := p.opener.Open(details, args, kwargs,
		envelope.Delivery{URI: d.uri, ScopeURI: d.keyURI, Kind: d.kind, RequireSignature: d.rule.rule.Sign,
			CallID: d.cid, Proc: d.proc, Cipher: d.rule.rule.Cipher, Exclusive: p.exclusive}, p.n.cache)
	if err != nil {
		if errors.Is(err, envelope.ErrUnknownKey) && !buffered {
			keyID, _ := details[envelope.OptKeyID].(string) // validated by Open
			p.enqueue(msg, d, keyID)
			return
		}
		reason := envelope.ErrorURI(err)
		p.n.stats.reject(reason)
		p.fail(msg, reason)
		return
	}
	if d.chunks != nil {
		if ok, first := p.checkChunk(d, &opened); !ok {
			p.n.stats.reject(ReasonWrongProgress)
			if first {
				p.fail(msg, ReasonWrongProgress)
			}
			return
		}
	}
	if !buffered {
		p.n.stats.cacheHits.Add(1)
	}
	p.n.stats.decrypted.Add(1)
	if inv, ok := msg.(*wamp.Invocation); ok {
		p.noteInvocation(inv, &opened)
	}
	envelope.StripOptions(details)
	kw := wamp.Dict(opened.Kwargs)
	if len(kw) == 0 {
		kw = nil
	}
	setPayload(msg, wamp.List(opened.Args), kw)
	p.toNexus(msg)
}

// checkChunk checks the sealed "prog" and "idx" of a RESULT of an encrypted
// call: present, prog equal to details.progress (the router can neither
// pass a progressive chunk off as the final result nor the reverse), and idx
// the next index of the call (no chunk dropped, reordered or replayed).
// first reports the call's first rejection (only it ends the call with an
// ERROR: nexus must not see several answers to one request).
func (p *cryptoPeer) checkChunk(d delivery, o *envelope.Opened) (ok, first bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if d.chunks.failed {
		return false, false
	}
	if !o.HasIndex || o.Progress != d.progress || o.Index != d.chunks.next {
		d.chunks.failed = true
		return false, true
	}
	d.chunks.next++
	return true, false
}

// noteInvocation records, for the answer to an opened INVOCATION, the
// originator of the key it opened under (the caller).
func (p *cryptoPeer) noteInvocation(inv *wamp.Invocation, opened *envelope.Opened) {
	tag := ""
	if origin, ok := p.n.cache.Originator(opened.KeyID); ok {
		tag = resultTag(origin)
	}
	p.mu.Lock()
	if e, ok := p.invs[inv.Request]; ok && e.inv == inv {
		e.resultTag = tag
		e.cid, e.hasCID = opened.CallID, opened.HasCallID
		p.invs[inv.Request] = e
	}
	p.mu.Unlock()
}

// fail tells the other side of a call that an incoming message was dropped:
// an INVOCATION is answered with an ERROR to the router, a RESULT or ERROR
// of a call becomes a local ERROR for nexus. Events are only dropped.
func (p *cryptoPeer) fail(msg wamp.Message, reason string) {
	switch m := msg.(type) {
	case *wamp.Invocation:
		p.mu.Lock()
		if e, ok := p.invs[m.Request]; ok && e.inv == m {
			delete(p.invs, m.Request)
		}
		p.mu.Unlock()
		p.sendInner(&wamp.Error{Type: wamp.INVOCATION, Request: m.Request, Details: wamp.Dict{}, Error: wamp.URI(reason)})
	case *wamp.Result:
		p.mu.Lock()
		delete(p.calls, m.Request)
		p.mu.Unlock()
		p.toNexus(&wamp.Error{Type: wamp.CALL, Request: m.Request, Details: wamp.Dict{}, Error: wamp.URI(reason)})
	case *wamp.Error:
		p.toNexus(&wamp.Error{Type: wamp.CALL, Request: m.Request, Details: wamp.Dict{}, Error: wamp.URI(reason)})
	}
}

// enqueue holds msg back behind the messages of its stream from keyID's
// key RPC until keyID is available, starting the key's fetch unless it is
// cached or already being fetched. The buffer is bounded per (stream, key
// RPC) and per connection: a key RPC that never answers loses its own
// messages, not those of others.
func (p *cryptoPeer) enqueue(msg wamp.Message, d delivery, keyID string) {
	if !envelope.ValidKeyID(keyID) {
		p.deliver(msg, d, true) // rejected as malformed: nothing to wait for
		return
	}
	qk := queueKey{d.ch, locatorOf(keyID)}
	q := p.queues[qk]
	if len(q) >= p.n.cfg.BufferPerKey || p.nWaiting >= p.n.cfg.BufferTotal {
		p.n.stats.reject(ReasonBufferOverflow)
		p.n.stats.dropped.Add(1)
		p.fail(msg, ReasonBufferOverflow)
		return
	}
	p.queues[qk] = append(q, waiter{msg: msg, d: d, keyID: keyID})
	p.nWaiting++
	p.n.stats.buffered.Add(1)
	fk := fetchID{keyID: keyID, uri: d.keyURI, role: d.role}
	if p.fetching[fk] {
		return
	}
	var tmp [envelope.KeySize]byte
	_, err := p.n.cache.LookupKey(keyID, &tmp)
	tmp = [envelope.KeySize]byte{}
	if err == nil {
		// The key arrived since Open missed it (e.g. a fetch of another
		// stream or from before a reconnect): no keyArrived will come for
		// it, so deliver what of the queue can go now.
		p.drain(qk)
		return
	}
	p.fetching[fk] = true
	select {
	case p.jobs <- fk: // an idle fetch worker takes it
	default:
		p.wg.Go(func() { p.fetchWorker(fk) })
	}
}

// fetchWorkerIdle is how long a fetch worker waits for its next fetch.
const fetchWorkerIdle = time.Minute

// fetchWorker fetches fk, reports it to the inbound goroutine, then takes
// the next fetch handed to p.jobs until none came for fetchWorkerIdle. A
// worker's stack has grown to what a fetch needs (the key request, the
// trust decision, opening the response): the next fetch reuses it instead
// of a new goroutine that grows its stack again, which measured 10–30 µs
// of a warm late joiner's key exchange.
func (p *cryptoPeer) fetchWorker(fk fetchID) {
	idle := time.NewTimer(fetchWorkerIdle)
	defer idle.Stop()
	for {
		err := p.n.fetchKey(p.ctx, fk.keyID, fk.uri, fk.role)
		select {
		case p.ready <- keyReady{fk: fk, err: err}:
		case <-p.closing:
			return
		}
		idle.Reset(fetchWorkerIdle)
		select {
		case fk = <-p.jobs:
		case <-idle.C:
			return
		case <-p.closing:
			return
		}
	}
}

func (p *cryptoPeer) keyArrived(r keyReady) {
	delete(p.fetching, r.fk)
	if r.err != nil {
		p.failed[r.fk] = r.err
	}
	loc := locatorOf(r.fk.keyID)
	for qk := range p.queues {
		if qk.loc == loc {
			p.drain(qk)
		}
	}
	clear(p.failed)
}

// drain delivers the messages at the head of queue qk whose keys are no
// longer being fetched.
func (p *cryptoPeer) drain(qk queueKey) {
	q := p.queues[qk]
	for len(q) > 0 {
		w := q[0]
		if w.keyID != "" && p.fetching[w.fetchID()] {
			break
		}
		q[0] = waiter{}
		q = q[1:]
		p.nWaiting--
		if err, bad := p.failed[w.fetchID()]; bad && w.keyID != "" {
			reason := ReasonKeyFetch
			if errors.Is(err, context.DeadlineExceeded) {
				reason = ReasonBufferTimeout
			}
			p.n.stats.reject(reason)
			p.n.stats.dropped.Add(1)
			p.fail(w.msg, reason)
			continue
		}
		p.deliver(w.msg, w.d, true)
	}
	if len(q) == 0 {
		delete(p.queues, qk)
	} else {
		p.queues[qk] = q
	}
}

func (p *cryptoPeer) dropWaiting() {
	for qk, q := range p.queues {
		p.n.stats.dropped.Add(uint64(len(q)))
		delete(p.queues, qk)
	}
	p.nWaiting = 0
}
