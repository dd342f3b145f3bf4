package router

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"

	nexus "github.com/gammazero/nexus/v3/router"
	"github.com/gammazero/nexus/v3/stdlog"
	"github.com/gammazero/nexus/v3/wamp"
)

// ErrClosed is returned when attaching a client to a closed Router.
var ErrClosed = errors.New("router: closed")

// Router is a nexus WAMP router with the PPT guard in front of it and its
// listeners. It implements nexus's router.Router, so in-process clients
// connect with client.ConnectLocal(r, cfg) and go through the guard like
// network clients. All methods are safe for concurrent use.
type Router struct {
	cfg Config
	log *slog.Logger
	nx  nexus.Router
	g   *guard

	addrs   []string
	stopFns []func() // stop accepting, one per listener

	nconn atomic.Uint64

	// budget bounds the bytes queued for network clients; tstats counts
	// the slow-consumer policy's decisions.
	budget *budget
	tstats transportCounters

	// open counts network connections in total and per IP address.
	omu          sync.Mutex
	open         int
	openByAddr   map[string]int
	connsRefused atomic.Uint64

	mu     sync.Mutex
	closed bool
	conns  map[net.Conn]struct{} // open client connections
	wg     sync.WaitGroup        // accept loops, handlers, pumps
	// attaching are the peers inside nexus's AttachClient (HELLO, auth,
	// WELCOME not yet done); attachWG counts those calls. Close ends them
	// before closing nexus, which panics when a HELLO reaches a closed
	// router.
	attaching map[*guardPeer]struct{}
	attachWG  sync.WaitGroup

	closeOnce sync.Once
}

// Compile-time check: a *Router can stand in for a nexus router.
var _ nexus.Router = (*Router)(nil)

// New starts a router: it creates the realms and opens every listener. On
// error nothing is left running.
func New(cfg Config) (*Router, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	nxCfg := &nexus.Config{}
	for _, rc := range cfg.Realms {
		nxCfg.RealmConfigs = append(nxCfg.RealmConfigs, &nexus.RealmConfig{
			URI:            wamp.URI(rc.Name),
			AnonymousAuth:  !rc.DisableAnonymous,
			Authenticators: rc.Authenticators,
			StrictURI:      rc.StrictURI,
			AllowDisclose:  rc.AllowDisclose,
			// Every guarded peer reports itself local (see guardPeer.IsLocal):
			// authenticate and authorize local sessions like network ones.
			RequireLocalAuth:  true,
			RequireLocalAuthz: true,
		})
	}
	nx, err := nexus.NewRouter(nxCfg, nexusLog{cfg.Logger})
	if err != nil {
		return nil, fmt.Errorf("router: starting nexus: %w", err)
	}
	r := &Router{
		cfg:   cfg,
		log:   cfg.Logger,
		nx:    nx,
		g:     &guard{policy: cfg.Guard, log: cfg.Logger, onReject: cfg.OnReject, observe: cfg.Observe},
		conns: map[net.Conn]struct{}{}, attaching: map[*guardPeer]struct{}{},
		budget: &budget{limit: int64(cfg.QueueBytes)}, openByAddr: map[string]int{},
	}
	for _, rc := range cfg.Realms {
		r.g.setDisclose(wamp.URI(rc.Name), rc.AllowDisclose)
	}
	for _, lc := range cfg.Listeners {
		if err := r.listen(lc); err != nil {
			r.Close()
			return nil, err
		}
	}
	return r, nil
}

// Addrs returns the URL of every listener in Config order, with the port
// actually bound (useful with port 0).
func (r *Router) Addrs() []string {
	return append([]string(nil), r.addrs...)
}

// Stats returns a snapshot of the guard's and the transports' counters.
func (r *Router) Stats() Stats {
	s := r.g.stats.snapshot()
	s.EventsDropped = r.tstats.eventsDropped.Load()
	s.SlowDisconnects = r.tstats.slowDisconnects.Load()
	s.WriteTimeouts = r.tstats.writeTimeouts.Load()
	s.QueuedBytes = r.budget.used.Load()
	s.ConnsRefused = r.connsRefused.Load()
	return s
}

// admit counts a new network connection from remote (host:port) against
// MaxConns and MaxConnsPerAddr; ok false (and counted) if it is over
// either. release undoes it once.
func (r *Router) admit(remote string) (release func(), ok bool) {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	r.omu.Lock()
	defer r.omu.Unlock()
	if r.open >= r.cfg.MaxConns || r.openByAddr[host] >= r.cfg.MaxConnsPerAddr {
		r.connsRefused.Add(1)
		return nil, false
	}
	r.open++
	r.openByAddr[host]++
	var once sync.Once
	return func() {
		once.Do(func() {
			r.omu.Lock()
			defer r.omu.Unlock()
			r.open--
			if r.openByAddr[host]--; r.openByAddr[host] == 0 {
				delete(r.openByAddr, host)
			}
		})
	}, true
}

// Attach connects an in-process or otherwise pre-built peer through the
// guard. Binary payloads must be []byte (the peer is not JSON). An
// in-process peer (IsLocal) receives PPT payloads as []byte, like every
// other binary value (nexus's client requires it).
func (r *Router) Attach(peer wamp.Peer) error {
	return r.AttachClient(peer, nil)
}

// AttachClient is Attach with transport details, which nexus adds to the
// session details.
func (r *Router) AttachClient(peer wamp.Peer, transportDetails wamp.Dict) error {
	remote := "local"
	if peer.IsLocal() {
		peer = newLocalPeer(peer)
	} else {
		remote = "unknown"
	}
	return r.attach(peer, transportDetails, false, remote, nil, nil, nil)
}

// attach wraps peer in a guardPeer and hands it to nexus. nc, if not nil, is
// the network connection under peer, closed by Close if still open;
// shutdown, if not nil, ends the connection in place of peer.Close (see
// guardPeer.Close).
//
// release, if not nil, is called once the connection's guard stops (see
// admit).
func (r *Router) attach(peer wamp.Peer, td wamp.Dict, jsonSession bool, remote string, nc net.Conn, shutdown, release func()) error {
	if release == nil {
		release = func() {}
	}
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		peer.Close()
		release()
		return ErrClosed
	}
	r.wg.Add(1)
	if nc != nil {
		r.conns[nc] = struct{}{}
	}
	gp := newGuardPeer(peer, r.g, jsonSession, r.nconn.Add(1), remote)
	gp.shutdown = shutdown
	if np, ok := peer.(*netPeer); ok {
		gp.calls = map[wamp.ID]struct{}{}
		np.onSend = gp.sent
		np.start()
	}
	r.attaching[gp] = struct{}{}
	r.attachWG.Add(1)
	r.mu.Unlock()

	go func() {
		defer r.wg.Done()
		gp.pump()
		release()
		if nc != nil {
			r.untrack(nc)
		}
	}()
	err := r.nx.AttachClient(gp, td)
	close(gp.attached)
	r.mu.Lock()
	delete(r.attaching, gp)
	r.mu.Unlock()
	r.attachWG.Done()
	if err != nil {
		r.log.Debug("router: client not attached", "conn", gp.conn, "remote", remote, "err", err)
		return fmt.Errorf("router: attaching client: %w", err)
	}
	return nil
}

// track registers a client connection for Close; false (and c closed) once
// the router is closing.
func (r *Router) track(c net.Conn) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		_ = c.Close()
		return false
	}
	r.conns[c] = struct{}{}
	return true
}

func (r *Router) untrack(c net.Conn) {
	r.mu.Lock()
	delete(r.conns, c)
	r.mu.Unlock()
}

// enter registers a connection handler; false once the router is closing.
func (r *Router) enter() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return false
	}
	r.wg.Add(1)
	return true
}

// Close stops the listeners, ends every session (GOODBYE
// wamp.close.system_shutdown), closes every connection and waits for all
// goroutines the router started. It is idempotent.
func (r *Router) Close() {
	r.closeOnce.Do(func() {
		r.mu.Lock()
		r.closed = true
		r.mu.Unlock()
		for _, stop := range r.stopFns {
			stop()
		}
		// nexus v3.3.0's AttachClient sends on a channel its Close closes:
		// a HELLO arriving after that panics the process. Closing the Recv
		// of the peers still attaching makes their HELLO/AUTHENTICATE wait
		// fail; those already handed to a realm end their session there,
		// and nexus closes them itself.
		r.mu.Lock()
		for gp := range r.attaching {
			gp.stopForwarding()
		}
		r.mu.Unlock()
		r.attachWG.Wait()
		r.nx.Close()
		r.mu.Lock()
		for c := range r.conns {
			_ = c.Close()
		}
		r.mu.Unlock()
		r.wg.Wait()
	})
}

// Logger returns the nexus-style logger the router uses (nexus's lines go to
// Config.Logger at Debug level).
func (r *Router) Logger() stdlog.StdLog { return nexusLog{r.log} }

// AddRealm adds a realm at run time (nexus's configuration type; its
// Authorizer, if any, runs after the guard).
func (r *Router) AddRealm(cfg *nexus.RealmConfig) error {
	c := *cfg
	c.RequireLocalAuth, c.RequireLocalAuthz = true, true // see guardPeer.IsLocal
	if err := r.nx.AddRealm(&c); err != nil {
		return fmt.Errorf("router: adding realm: %w", err)
	}
	r.g.setDisclose(c.URI, c.AllowDisclose)
	return nil
}

// RemoveRealm removes a realm and ends its sessions.
func (r *Router) RemoveRealm(uri wamp.URI) { r.nx.RemoveRealm(uri) }

// RouterFeatures returns the WAMP features nexus announces.
func (r *Router) RouterFeatures() *wamp.Dict { return r.nx.RouterFeatures() }
