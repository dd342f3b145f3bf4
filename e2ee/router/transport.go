package router

import (
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"

	"github.com/wamp-e2ee/e2ee-node/e2ee/internal/wsread"
	"github.com/wamp-e2ee/e2ee-node/e2ee/msgpack"
)

// closeGrace bounds how long a closed netPeer keeps writing what is queued
// (a GOODBYE, an ABORT) before it closes the connection.
const closeGrace = time.Second

// framer reads and writes whole WAMP messages on one network connection.
type framer interface {
	// readFrame returns the next message's bytes; nil bytes and a nil
	// error for a frame that holds no message (a reserved rawsocket type).
	readFrame() ([]byte, error)
	// writeFrame writes one message, failing after deadline.
	writeFrame(b []byte, deadline time.Time) error
	// close says goodbye where the transport has a way to, and closes.
	close()
}

// budget is the router-wide bound on bytes queued for clients.
type budget struct {
	limit int64
	used  atomic.Int64
}

// take reserves n bytes unless that would exceed the limit.
func (b *budget) take(n int64) bool {
	for {
		u := b.used.Load()
		if u+n > b.limit {
			return false
		}
		if b.used.CompareAndSwap(u, u+n) {
			return true
		}
	}
}

func (b *budget) give(n int64) { b.used.Add(-n) }

// netPeer is the router's transport peer for a network client, websocket or
// rawsocket. Unlike nexus's peers it
//
//   - answers what it cannot decode: a frame that fails to deserialize
//     becomes an *undecodable message, which the guard answers (ERROR or
//     ABORT) and counts, instead of a debug log line and silence;
//   - serializes outgoing messages as nexus hands them over and queues the
//     bytes against a per-client budget (Config.ClientQueueBytes) and the
//     router-wide one (Config.QueueBytes), applying the slow-consumer policy
//     (see Config.ClientQueueBytes) when they do not fit;
//   - writes every frame under a deadline (Config.WriteTimeout): a client
//     that does not read is disconnected.
type netPeer struct {
	f      framer
	ser    serialize.Serializer
	kind   serializerKind
	stats  *transportCounters
	global *budget
	limit  int64 // per-client queue bytes
	wt     time.Duration
	// onSend, if set, sees every message nexus sends to the client (on the
	// intake goroutine), before the queue policy applies.
	onSend func(wamp.Message)

	rd chan wamp.Message // to the guard; closed by the reader
	wr chan wamp.Message // from nexus; never closed (sends after Close drop)
	sp spill             // what nexus sends while wr is half full

	mu     sync.Mutex
	queue  [][]byte
	queued int64
	gone   bool          // the connection is closed: queue nothing more
	wake   chan struct{} // capacity 1: the writer has work or must stop

	closing   chan struct{} // Close was called: flush, then close
	taken     chan struct{} // closed by intake once it took its last message
	closeOnce sync.Once
	dead      chan struct{} // the connection is closed
	deadOnce  sync.Once
}

// serializerKind names a session's serializer, for recovering the type and
// request id of an undecodable message.
type serializerKind uint8

const (
	serJSON serializerKind = iota
	serMsgpack
	serCBOR
)

func newSerializer(k serializerKind) serialize.Serializer {
	switch k {
	case serJSON:
		return &serialize.JSONSerializer{}
	case serMsgpack:
		return &msgpack.Serializer{} // nexus-compatible, a fraction of nexus's cost
	default:
		return &serialize.CBORSerializer{}
	}
}

func (r *Router) newNetPeer(f framer, k serializerKind) *netPeer {
	p := &netPeer{
		f:       f,
		ser:     newSerializer(k),
		kind:    k,
		stats:   &r.tstats,
		global:  r.budget,
		limit:   int64(r.cfg.ClientQueueBytes),
		wt:      r.cfg.WriteTimeout,
		rd:      make(chan wamp.Message),
		wr:      make(chan wamp.Message, r.cfg.OutQueueSize),
		sp:      spill{wake: make(chan struct{}, 1)},
		wake:    make(chan struct{}, 1),
		closing: make(chan struct{}),
		taken:   make(chan struct{}),
		dead:    make(chan struct{}),
	}
	return p
}

// start starts the peer's goroutines (after attach wired onSend).
func (p *netPeer) start() {
	go p.reader()
	go p.intake()
	go p.writer()
}

func (p *netPeer) Recv() <-chan wamp.Message { return p.rd }

// Send returns the channel for nexus's next message: wr, or while wr is at
// least half full a one-message spill channel (see spill). nexus hands most
// messages over with a non-blocking send and drops what does not fit
// silently — an INVOCATION lost that way leaves its caller waiting — so
// Send never returns a full channel while fewer than maxSpill messages
// wait for intake; what intake takes meets the byte budgets as before.
func (p *netPeer) Send() chan<- wamp.Message {
	if p.sp.n.Load() == 0 && len(p.wr) < cap(p.wr)/2 {
		return p.wr
	}
	return p.sp.take(p.wr)
}

// direct returns wr itself, for senders that may abandon the channel
// (the guard's error replies, which are dropped when wr is half full).
func (p *netPeer) direct() chan<- wamp.Message { return p.wr }
func (p *netPeer) IsLocal() bool               { return false }

// Close stops taking messages, lets the writer flush what is queued for up
// to closeGrace, and closes the connection. It does not block.
func (p *netPeer) Close() {
	p.closeOnce.Do(func() {
		close(p.closing)
		p.signal()
		t := time.AfterFunc(closeGrace, p.kill)
		go func() { <-p.dead; t.Stop() }()
	})
}

// kill closes the connection now and releases the queued bytes.
func (p *netPeer) kill() {
	p.deadOnce.Do(func() {
		close(p.dead)
		p.f.close()
		p.signal()
		p.mu.Lock()
		p.global.give(p.queued)
		p.queue, p.queued, p.gone = nil, 0, true
		p.mu.Unlock()
	})
}

func (p *netPeer) signal() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// reader delivers decoded messages (and *undecodable for frames that do not
// decode) until the connection fails.
func (p *netPeer) reader() {
	defer close(p.rd)
	defer p.kill()
	for {
		b, err := p.f.readFrame()
		if err != nil {
			return
		}
		var msg wamp.Message // nil: a frame without a message, see guard
		if b != nil {
			if msg, err = p.ser.Deserialize(b); err != nil {
				msg = newUndecodable(b, p.kind, err)
			}
		}
		select {
		case p.rd <- msg:
		case <-p.dead:
			return
		}
	}
}

// intake serializes what nexus sends and queues it within the budgets: wr
// first, then the spill channels in the order Send handed them out.
func (p *netPeer) intake() {
	defer close(p.taken)
	for {
		select {
		case msg := <-p.wr:
			p.enqueue(msg)
			continue
		default:
		}
		// wr is empty: whatever a sender put there before it was handed a
		// spill channel was taken, so the oldest spilled message is next.
		if c := p.sp.first(); c != nil {
			msg, ok := p.sp.await(c, p.dead)
			p.sp.pop()
			if ok {
				p.enqueue(msg)
			}
			continue
		}
		select {
		case msg := <-p.wr:
			p.enqueue(msg)
		case <-p.sp.wake:
		case <-p.closing:
			// Take what nexus sent before Close (a GOODBYE, an ABORT).
			for {
				select {
				case msg := <-p.wr:
					p.enqueue(msg)
					continue
				default:
				}
				c := p.sp.first()
				if c == nil {
					return
				}
				p.sp.pop()
				select {
				case msg := <-c:
					p.enqueue(msg)
				default:
				}
			}
		case <-p.dead:
			return
		}
	}
}

// enqueue applies the slow-consumer policy: a message that does not fit
// the client's budget (unless its queue is empty) or the router's is
// dropped and counted if it is an EVENT; for any other message the client is
// disconnected (a lost RESULT, INVOCATION or ERROR would leave a call
// hanging).
func (p *netPeer) enqueue(msg wamp.Message) {
	if p.onSend != nil {
		p.onSend(msg)
	}
	b, err := p.ser.Serialize(msg)
	if err != nil {
		p.stats.serializeErrors.Add(1)
		return
	}
	n := int64(len(b))
	p.mu.Lock()
	if p.gone {
		p.mu.Unlock()
		return
	}
	fits := (p.queued == 0 || p.queued+n <= p.limit) && p.global.take(n)
	if fits {
		p.queue = append(p.queue, b)
		p.queued += n
	}
	p.mu.Unlock()
	switch {
	case fits:
		p.signal()
	case msg.MessageType() == wamp.EVENT:
		p.stats.eventsDropped.Add(1)
	default:
		p.stats.slowDisconnects.Add(1)
		p.kill()
	}
}

// writer writes queued frames, each under the write deadline; a failed or
// late write closes the connection. After Close it flushes and closes.
func (p *netPeer) writer() {
	defer p.kill()
	for {
		p.mu.Lock()
		var b []byte
		if len(p.queue) > 0 {
			b = p.queue[0]
			p.queue[0] = nil
			p.queue = p.queue[1:]
		}
		p.mu.Unlock()
		if b == nil {
			select {
			case <-p.taken:
				p.mu.Lock()
				flushed := len(p.queue) == 0
				p.mu.Unlock()
				if flushed {
					return
				}
				continue
			case <-p.dead:
				return
			case <-p.wake:
				continue
			}
		}
		err := p.f.writeFrame(b, time.Now().Add(p.wt))
		p.mu.Lock()
		if !p.gone {
			p.queued -= int64(len(b))
			p.global.give(int64(len(b)))
		}
		p.mu.Unlock()
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				p.stats.writeTimeouts.Add(1)
			}
			return
		}
	}
}

// transportCounters count the slow-consumer policy's decisions.
type transportCounters struct {
	eventsDropped   atomic.Uint64
	slowDisconnects atomic.Uint64
	writeTimeouts   atomic.Uint64
	serializeErrors atomic.Uint64
}

// wsFramer carries WAMP messages in websocket messages.
type wsFramer struct {
	c           *websocket.Conn
	payloadType int
	keepAlive   time.Duration
	pongs       atomic.Int32 // pings not answered
	stop        chan struct{}
	once        sync.Once
}

func newWSFramer(c *websocket.Conn, payloadType int, keepAlive time.Duration) *wsFramer {
	f := &wsFramer{c: c, payloadType: payloadType, keepAlive: keepAlive, stop: make(chan struct{})}
	if keepAlive > 0 {
		c.SetPongHandler(func(string) error { f.pongs.Store(0); return nil })
		go f.ping()
	}
	return f
}

// ping sends a ping every keepAlive and closes the connection after two
// unanswered ones.
func (f *wsFramer) ping() {
	t := time.NewTicker(f.keepAlive)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			if f.pongs.Add(1) > 2 {
				_ = f.c.Close()
				return
			}
			if f.c.WriteControl(websocket.PingMessage, []byte("keepalive"), time.Now().Add(f.keepAlive)) != nil {
				return
			}
		case <-f.stop:
			return
		}
	}
}

func (f *wsFramer) readFrame() ([]byte, error) {
	for {
		typ, b, err := wsread.Read(f.c)
		if err != nil {
			return nil, err
		}
		if typ == websocket.TextMessage || typ == websocket.BinaryMessage {
			return b, nil
		}
	}
}

func (f *wsFramer) writeFrame(b []byte, deadline time.Time) error {
	if err := f.c.SetWriteDeadline(deadline); err != nil {
		return err
	}
	return f.c.WriteMessage(f.payloadType, b)
}

func (f *wsFramer) close() {
	f.once.Do(func() {
		close(f.stop)
		_ = f.c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, "goodbye"), time.Now().Add(time.Second))
		_ = f.c.Close()
	})
}

// Rawsocket protocol constants.
const (
	rawsocketMagic   = 0x7f
	rawsocketMsgpack = 2
	rawsocketCBOR    = 3
)

// rsFramer carries WAMP messages in rawsocket frames.
type rsFramer struct {
	c         net.Conn
	recvLimit int // what we told the client
	sendLimit int // what the client told us
	wmu       sync.Mutex
	hdr       [4]byte
	once      sync.Once
}

// rawsocketLength is the message length a handshake nibble announces.
func rawsocketLength(nibble byte) int { return 1 << (nibble + 9) }

// rawsocketHandshake answers a client's rawsocket handshake on c and returns
// the framer and the session's serializer.
func rawsocketHandshake(c net.Conn, maxMessage int) (*rsFramer, serializerKind, error) {
	var hs [4]byte
	if _, err := io.ReadFull(c, hs[:]); err != nil {
		return nil, 0, err
	}
	if hs[0] != rawsocketMagic {
		return nil, 0, errors.New("not a rawsocket handshake")
	}
	if hs[2] != 0 || hs[3] != 0 {
		_, _ = c.Write([]byte{rawsocketMagic, 0x3 << 4, 0, 0})
		return nil, 0, errors.New("rawsocket handshake uses reserved bits")
	}
	var k serializerKind
	switch hs[1] & 0xf {
	case rawsocketJSON:
		k = serJSON
	case rawsocketMsgpack:
		k = serMsgpack
	case rawsocketCBOR:
		k = serCBOR
	default:
		_, _ = c.Write([]byte{rawsocketMagic, 0x1 << 4, 0, 0})
		return nil, 0, fmt.Errorf("rawsocket serializer %d not supported", hs[1]&0xf)
	}
	nibble := byte(0xf)
	for b := range byte(0xf) {
		if rawsocketLength(b) >= maxMessage {
			nibble = b
			break
		}
	}
	if _, err := c.Write([]byte{rawsocketMagic, nibble<<4 | hs[1]&0xf, 0, 0}); err != nil {
		return nil, 0, err
	}
	return &rsFramer{c: c, recvLimit: rawsocketLength(nibble), sendLimit: rawsocketLength(hs[1] >> 4)}, k, nil
}

func (f *rsFramer) readFrame() ([]byte, error) {
	for {
		if _, err := io.ReadFull(f.c, f.hdr[:]); err != nil {
			return nil, err
		}
		n := int(f.hdr[1])<<16 | int(f.hdr[2])<<8 | int(f.hdr[3])
		if n > f.recvLimit {
			return nil, fmt.Errorf("rawsocket frame of %d bytes exceeds %d", n, f.recvLimit)
		}
		switch f.hdr[0] & 0x7 {
		case 0:
			b := make([]byte, n)
			if _, err := io.ReadFull(f.c, b); err != nil {
				return nil, err
			}
			return b, nil
		case 1: // PING: answer with a PONG carrying the same payload
			b := make([]byte, n)
			if _, err := io.ReadFull(f.c, b); err != nil {
				return nil, err
			}
			if err := f.write(0x2, b, time.Now().Add(time.Second)); err != nil {
				return nil, err
			}
		case 2: // PONG
			if _, err := io.CopyN(io.Discard, f.c, int64(n)); err != nil {
				return nil, err
			}
		default: // reserved: counted by the guard
			if _, err := io.CopyN(io.Discard, f.c, int64(n)); err != nil {
				return nil, err
			}
			return nil, nil
		}
	}
}

func (f *rsFramer) write(typ byte, b []byte, deadline time.Time) error {
	f.wmu.Lock()
	defer f.wmu.Unlock()
	if err := f.c.SetWriteDeadline(deadline); err != nil {
		return err
	}
	n := len(b)
	if _, err := f.c.Write([]byte{typ, byte(n >> 16), byte(n >> 8), byte(n)}); err != nil {
		return err
	}
	_, err := f.c.Write(b)
	return err
}

// writeFrame writes one message; a message longer than the client accepts
// is not sent (nexus's rawsocket peer does the same).
func (f *rsFramer) writeFrame(b []byte, deadline time.Time) error {
	if len(b) > f.sendLimit {
		return nil
	}
	return f.write(0, b, deadline)
}

func (f *rsFramer) close() { f.once.Do(func() { _ = f.c.Close() }) }
