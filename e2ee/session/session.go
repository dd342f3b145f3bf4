package session

import (
	"context"
	"fmt"
	"maps"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/wamp"
)

type handlerSub struct {
	fn   client.EventHandler
	opts wamp.Dict
}

type handlerReg struct {
	fn   client.InvocationHandler
	opts wamp.Dict
}

// Session is an end-to-end encrypted WAMP session: a nexus client whose
// transport peer seals and opens payloads per Config.Rules. Its methods are
// safe for concurrent use.
type Session struct {
	n *node

	mu   sync.Mutex
	cl   *client.Client
	peer *cryptoPeer
	subs map[string]handlerSub
	regs map[string]handlerReg

	closing   chan struct{}
	done      chan struct{}
	closeOnce sync.Once
	wg        sync.WaitGroup
}

// logAdapter turns Config.Logf into nexus's logger.
type logAdapter struct{ f func(string, ...any) }

func (l logAdapter) Print(v ...any)                 { l.f("%s", fmt.Sprint(v...)) }
func (l logAdapter) Println(v ...any)               { l.f("%s", fmt.Sprint(v...)) }
func (l logAdapter) Printf(format string, v ...any) { l.f(format, v...) }

// Dial connects to the router with cfg.Dial, joins cfg.Realm and registers
// the key RPCs of the encrypting rules. The returned session is connected;
// with cfg.Reconnect it reconnects on its own until Close.
func Dial(ctx context.Context, cfg Config) (*Session, error) {
	c, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	n, err := newNode(c)
	if err != nil {
		return nil, err
	}
	s := &Session{
		n: n, subs: map[string]handlerSub{}, regs: map[string]handlerReg{},
		closing: make(chan struct{}), done: make(chan struct{}),
	}
	if err := s.connect(ctx); err != nil {
		return nil, err
	}
	s.wg.Add(1)
	go s.supervise()
	return s, nil
}

// connect dials, joins, registers key RPCs and restores the application's
// subscriptions and registrations.
func (s *Session) connect(ctx context.Context) error {
	inner, err := s.n.cfg.Dial(ctx)
	if err != nil {
		return fmt.Errorf("session: dialing router: %w", err)
	}
	p, err := newCryptoPeer(s.n, inner)
	if err != nil {
		inner.Close()
		return fmt.Errorf("session: peer: %w", err)
	}
	cl, err := client.NewClient(p, client.Config{
		Realm:           s.n.cfg.Realm,
		HelloDetails:    s.n.cfg.HelloDetails,
		ResponseTimeout: s.n.cfg.ResponseTimeout,
		Serialization:   s.n.cfg.Serialization,
		Logger:          logAdapter{s.n.cfg.Logf},
	})
	if err != nil {
		p.Close()
		return fmt.Errorf("session: joining realm: %w", err)
	}
	s.n.setClient(cl)
	if err := s.n.registerKeyRPCs(cl); err != nil {
		_ = cl.Close()
		return err
	}
	if s.n.pushOn() {
		// Pushes are handled by the peer before nexus sees them.
		if err := cl.Subscribe(s.n.pushTopic, func(*wamp.Event) {}, nil); err != nil {
			_ = cl.Close()
			return fmt.Errorf("session: subscribing to key pushes: %w", err)
		}
	}
	s.mu.Lock()
	s.cl, s.peer = cl, p
	subs := make(map[string]handlerSub, len(s.subs))
	maps.Copy(subs, s.subs)
	regs := make(map[string]handlerReg, len(s.regs))
	maps.Copy(regs, s.regs)
	s.mu.Unlock()
	for topic, h := range subs {
		if err := cl.Subscribe(topic, h.fn, h.opts); err != nil {
			_ = cl.Close()
			return fmt.Errorf("session: resubscribing: %w", err)
		}
	}
	for proc, h := range regs {
		if err := cl.Register(proc, h.fn, h.opts); err != nil {
			_ = cl.Close()
			return fmt.Errorf("session: re-registering: %w", err)
		}
	}
	return nil
}

// supervise waits for the connection to end and reconnects if configured.
func (s *Session) supervise() {
	defer s.wg.Done()
	defer close(s.done)
	for {
		s.mu.Lock()
		cl := s.cl
		s.mu.Unlock()
		select {
		case <-s.closing:
			return
		case <-cl.Done():
		}
		_ = cl.Close()
		if !s.n.cfg.Reconnect {
			return
		}
		delay := s.n.cfg.ReconnectDelay
		for {
			select {
			case <-s.closing:
				return
			case <-time.After(delay):
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			err := s.connect(ctx)
			cancel()
			if err == nil {
				s.n.stats.reconnec.Add(1)
				break
			}
			s.n.cfg.Logf("session: reconnect failed: %v", err)
			if delay *= 2; delay > 5*time.Second {
				delay = 5 * time.Second
			}
		}
	}
}

func (s *Session) client() (*client.Client, error) {
	select {
	case <-s.closing:
		return nil, ErrClosed
	default:
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cl == nil || !s.cl.Connected() {
		return nil, ErrNotConnected
	}
	return s.cl, nil
}

// Publish publishes args/kwargs to topic, sealed if topic's rule encrypts.
func (s *Session) Publish(topic string, opts wamp.Dict, args wamp.List, kwargs wamp.Dict) error {
	cl, err := s.client()
	if err != nil {
		return err
	}
	return cl.Publish(topic, opts, args, kwargs)
}

// Subscribe subscribes fn to topic (options as in nexus, e.g. match). Events
// reach fn opened and stripped of ppt_* options; events that fail to open
// are dropped and counted. The subscription is restored after reconnects.
func (s *Session) Subscribe(topic string, fn client.EventHandler, opts wamp.Dict) error {
	cl, err := s.client()
	if err != nil {
		return err
	}
	if err := cl.Subscribe(topic, fn, opts); err != nil {
		return err
	}
	s.mu.Lock()
	s.subs[topic] = handlerSub{fn: fn, opts: opts}
	s.mu.Unlock()
	return nil
}

// Unsubscribe ends the subscription to topic.
func (s *Session) Unsubscribe(topic string) error {
	s.mu.Lock()
	delete(s.subs, topic)
	s.mu.Unlock()
	cl, err := s.client()
	if err != nil {
		return err
	}
	return cl.Unsubscribe(topic)
}

// Register registers fn for procedure (options as in nexus). Invocations
// reach fn opened; results and errors of encrypted invocations are sealed
// with this session's keys. The registration is restored after reconnects.
func (s *Session) Register(procedure string, fn client.InvocationHandler, opts wamp.Dict) error {
	cl, err := s.client()
	if err != nil {
		return err
	}
	if err := cl.Register(procedure, fn, opts); err != nil {
		return err
	}
	s.mu.Lock()
	s.regs[procedure] = handlerReg{fn: fn, opts: opts}
	s.mu.Unlock()
	return nil
}

// Unregister removes the registration of procedure.
func (s *Session) Unregister(procedure string) error {
	s.mu.Lock()
	delete(s.regs, procedure)
	s.mu.Unlock()
	cl, err := s.client()
	if err != nil {
		return err
	}
	return cl.Unregister(procedure)
}

// Call calls procedure with args/kwargs (sealed if its rule encrypts) and
// returns the opened result. progcb receives opened progressive results.
// A result that fails to open ends the call with an ERROR whose URI names
// the reason.
func (s *Session) Call(ctx context.Context, procedure string, opts wamp.Dict, args wamp.List, kwargs wamp.Dict, progcb client.ProgressHandler) (*wamp.Result, error) {
	cl, err := s.client()
	if err != nil {
		return nil, err
	}
	return cl.Call(ctx, procedure, opts, args, kwargs, progcb)
}

// Client returns the current nexus client (nil before connecting). It changes
// on reconnection; prefer the Session methods.
func (s *Session) Client() *client.Client {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cl
}

// Stats returns a snapshot of the session's counters.
func (s *Session) Stats() Stats { return s.n.stats.snapshot() }

// KeyRPCURIs returns the key-RPC URIs of the encrypting rules (in rule order,
// the default rule last).
func (s *Session) KeyRPCURIs() []string {
	var out []string
	for _, rs := range append(append([]*ruleState{}, s.n.rules...), s.n.def) {
		if r := rs.currentRing(); r != nil {
			out = append(out, r.KeyRPCURI())
		}
	}
	return out
}

// RotateAll retires every current payload key: each scope gets a fresh key
// with its next message.
func (s *Session) RotateAll() { s.n.rotateAll() }

// Revoke is the revocation hook (e.g. fed by the on-chain verifier's
// revocation events): the delegate is denied every future key request, every
// key it fetched from this session is rotated, and keys this session fetched
// from it are dropped (its messages no longer open).
func (s *Session) Revoke(delegate common.Address) { s.n.revoke(delegate) }

// RevokeMeasurement is the hook for a measurement revoked in the realm's
// attestation policy (docs/protocol.md §5): every key fetched by a peer whose
// evidence had measurement m is rotated and the keys fetched from such
// peers are dropped. The peers are refused from their next exchange on by
// the attestation check (the policy's version moved), and may be admitted
// again if the realm allows m again.
func (s *Session) RevokeMeasurement(m [32]byte) { s.n.revokeMeasurement(m) }

// AttestationChanged is the hook for any other change of the realm's
// attestation policy (required or not, quote age, a delegate's enrolled
// AK): delegate's keys are forgotten as by RevokeMeasurement, or, for the
// zero address (a realm-wide change), every key is rotated. Peers are
// checked against the new policy on their next exchange.
func (s *Session) AttestationChanged(delegate common.Address) {
	if delegate == (common.Address{}) {
		s.n.rotateAll()
		return
	}
	s.n.forgetDelegate(delegate)
}

// Done is closed when the session has ended: after Close, or when the
// connection is lost without Reconnect.
func (s *Session) Done() <-chan struct{} { return s.done }

// Close leaves the realm, stops reconnecting and every goroutine of the
// session, and wipes nothing the caller owns.
func (s *Session) Close() error {
	var err error
	s.closeOnce.Do(func() {
		close(s.closing)
		s.mu.Lock()
		cl := s.cl
		s.mu.Unlock()
		if cl != nil {
			err = cl.Close()
		}
		s.wg.Wait()
		s.n.setClient(nil)
	})
	return err
}
