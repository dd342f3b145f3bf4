package router

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/gammazero/nexus/v3/router/auth"
	"github.com/gammazero/nexus/v3/wamp"
)

// Defaults of Config.
const (
	// DefaultMaxMessageSize bounds one serialized WAMP message on every
	// transport: 4 MiB leaves room for a DefaultMaxPayload payload in JSON's
	// base64 form.
	DefaultMaxMessageSize = 4 << 20
	// DefaultOutQueueSize is the per-client queue of messages to send.
	DefaultOutQueueSize = 64
	// MinOutQueueSize is the smallest per-client queue the router uses (a
	// smaller OutQueueSize is raised to it).
	MinOutQueueSize = 8
	// DefaultClientQueueBytes bounds the serialized messages queued for one
	// client: two messages of DefaultMaxMessageSize.
	DefaultClientQueueBytes = 2 * DefaultMaxMessageSize
	// DefaultQueueBytes bounds the serialized messages queued for all
	// clients together.
	DefaultQueueBytes = 256 << 20
	// DefaultWriteTimeout bounds writing one message to a client.
	DefaultWriteTimeout = 10 * time.Second
	// DefaultMaxConns bounds the network connections (sessions) of a
	// router, DefaultMaxConnsPerAddr those from one client IP address.
	DefaultMaxConns        = 10000
	DefaultMaxConnsPerAddr = 100
	// DefaultHandshakeTimeout bounds the rawsocket handshake and the HTTP
	// request headers of a websocket upgrade.
	DefaultHandshakeTimeout = 10 * time.Second
)

// Config configures a Router.
type Config struct {
	// Realms served by the router; at least one. Clients cannot create
	// realms.
	Realms []RealmConfig
	// Listeners to open. May be empty for a router used only in-process
	// (through Attach / client.ConnectLocal).
	Listeners []ListenerConfig
	// Guard is the PPT policy; zero fields take their defaults (see
	// Policy.WithDefaults).
	Guard Policy
	// OnReject, if set, is called synchronously for every message the guard
	// rejects, on the offending connection's goroutine; it must not block.
	OnReject func(Rejection)
	// Observe, if set, is called synchronously with every message a client
	// sends that the guard forwards to nexus, on that connection's goroutine;
	// it must not block and must not modify msg. It sees exactly what the
	// router sees (for E2EE traffic: ciphertext), which makes it the
	// router-side tap of audits, tests and the demo.
	Observe func(conn uint64, msg wamp.Message)
	// Logger receives the router's logs (nothing it logs contains payload
	// bytes); nexus's own lines go to it at Debug level. Default:
	// slog.Default().
	Logger *slog.Logger
	// MaxMessageSize bounds a serialized WAMP message (websocket frame or
	// rawsocket message). Default DefaultMaxMessageSize. Rawsocket rounds it
	// up to a power of two as the protocol requires.
	MaxMessageSize int
	// OutQueueSize is the per-client channel of messages nexus hands over
	// for sending. Default DefaultOutQueueSize; at least MinOutQueueSize.
	// Once it is half full, up to 8,192 further messages spill into
	// one-message channels rather than being dropped by nexus (a burst of
	// key requests to one key RPC after a rotation); what is queued for
	// writing is bounded by ClientQueueBytes and QueueBytes.
	OutQueueSize int
	// ClientQueueBytes bounds the bytes of serialized messages waiting to be
	// written to one network client, QueueBytes those of all network
	// clients together; WriteTimeout bounds writing one message. Defaults
	// DefaultClientQueueBytes, DefaultQueueBytes, DefaultWriteTimeout.
	//
	// The slow-consumer policy: a message that does not fit — the client's
	// queue is not empty and the message would take it past
	// ClientQueueBytes, or all queues would pass QueueBytes — is dropped if
	// it is an EVENT (counted in Stats.EventsDropped; WAMP has no message to
	// tell a subscriber it missed events) and otherwise disconnects the
	// client (Stats.SlowDisconnects): a lost RESULT, INVOCATION or ERROR
	// would leave a call hanging. A client that does not take a message
	// within WriteTimeout is disconnected (Stats.WriteTimeouts). A single
	// message larger than ClientQueueBytes is sent when the client's queue
	// is empty. Router memory for outgoing messages is thus bounded by
	// QueueBytes plus one message in serialization per client.
	ClientQueueBytes int
	QueueBytes       int
	WriteTimeout     time.Duration
	// MaxConns bounds the open network connections, each carrying at most
	// one session; MaxConnsPerAddr those from one IP address. A connection
	// beyond either is refused before its handshake (HTTP 503, or the
	// rawsocket "maximum connection count reached" reply) and counted in
	// Stats.ConnsRefused. Defaults DefaultMaxConns, DefaultMaxConnsPerAddr.
	MaxConns, MaxConnsPerAddr int
	// HandshakeTimeout bounds transport handshakes. Default
	// DefaultHandshakeTimeout.
	HandshakeTimeout time.Duration
	// WebsocketKeepAlive, if non-zero, sends websocket pings at this interval
	// and drops clients that miss two.
	WebsocketKeepAlive time.Duration
}

// Authenticator is nexus's authentication method interface (see
// NewCryptosignAuthenticator for WAMP-cryptosign).
type Authenticator = auth.Authenticator

// RealmConfig configures one realm.
type RealmConfig struct {
	// Name is the realm URI.
	Name string
	// DisableAnonymous turns off WAMP-Anonymous authentication, which is on
	// by default (role "anonymous").
	DisableAnonymous bool
	// Authenticators are additional authentication methods, e.g. the
	// WAMP-cryptosign authenticator built with NewCryptosignAuthenticator.
	Authenticators []Authenticator
	// StrictURI enforces strict URI validation.
	StrictURI bool
	// AllowDisclose lets callers and publishers ask for disclosure of their
	// session id (which the router can forge anyway).
	AllowDisclose bool
}

// ListenerConfig configures one listener.
type ListenerConfig struct {
	// URL is where to listen:
	//   ws://host:port/path   websocket (path defaults to "/")
	//   wss://host:port/path  websocket over TLS (CertFile, KeyFile required)
	//   tcp://host:port       rawsocket
	// Port 0 picks a free port; Router.Addrs reports the actual URLs.
	// Every listener speaks CBOR, msgpack and JSON.
	URL string
	// CertFile and KeyFile are PEM files for wss.
	CertFile, KeyFile string
	// AllowOrigins lists websocket Origin patterns accepted in addition to
	// the same-host default (see nexus WebsocketServer.AllowOrigins); "*"
	// accepts every origin.
	AllowOrigins []string
}

// Validate reports whether New would accept c, without opening anything;
// the error names the offending field. Callers use it to tell a
// configuration mistake from a failure to start.
func (c Config) Validate() error {
	_, err := c.withDefaults()
	return err
}

// withDefaults validates c and fills its zero fields.
func (c Config) withDefaults() (Config, error) {
	if len(c.Realms) == 0 {
		return c, errors.New("router config: no realm")
	}
	seen := map[string]bool{}
	for _, r := range c.Realms {
		if r.Name == "" {
			return c, errors.New("router config: realm with empty name")
		}
		if seen[r.Name] {
			return c, fmt.Errorf("router config: realm %q listed twice", r.Name)
		}
		seen[r.Name] = true
	}
	for _, l := range c.Listeners {
		if _, err := parseListenURL(l.URL); err != nil {
			return c, err
		}
	}
	for _, s := range c.Guard.Schemes {
		if s == "" || s == "*" || !printableASCII(s) || len(s) > maxScheme {
			return c, fmt.Errorf("router config: ppt scheme %q: want a scheme name or a prefix ending in * (e.g. x_*), printable, at most %d bytes", s, maxScheme)
		}
	}
	maxPayload := c.Guard.MaxPayload
	if maxPayload < 0 {
		return c, fmt.Errorf("router config: max payload %d is negative", maxPayload)
	}
	c.Guard = c.Guard.WithDefaults()
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.MaxMessageSize <= 0 {
		c.MaxMessageSize = DefaultMaxMessageSize
	}
	if maxPayload > c.MaxMessageSize { // could never be reached
		return c, fmt.Errorf("router config: max payload %d is larger than the max message size %d", maxPayload, c.MaxMessageSize)
	}
	if c.OutQueueSize <= 0 {
		c.OutQueueSize = DefaultOutQueueSize
	}
	// nexus sends CHALLENGE, then WELCOME or ABORT, blocking; the guard's
	// error replies use at most half the queue. Below MinOutQueueSize a
	// client that hangs up mid-handshake could leave that send blocked.
	c.OutQueueSize = max(c.OutQueueSize, MinOutQueueSize)
	if c.ClientQueueBytes < 0 || c.QueueBytes < 0 || c.WriteTimeout < 0 {
		return c, errors.New("router config: queue bytes and write timeout must not be negative")
	}
	if c.ClientQueueBytes == 0 {
		c.ClientQueueBytes = DefaultClientQueueBytes
	}
	if c.QueueBytes == 0 {
		c.QueueBytes = DefaultQueueBytes
	}
	if c.QueueBytes < c.MaxMessageSize {
		return c, fmt.Errorf("router config: queue bytes %d cannot hold one message of the max message size %d", c.QueueBytes, c.MaxMessageSize)
	}
	if c.WriteTimeout == 0 {
		c.WriteTimeout = DefaultWriteTimeout
	}
	if c.MaxConns < 0 || c.MaxConnsPerAddr < 0 {
		return c, errors.New("router config: connection limits must not be negative")
	}
	if c.MaxConns == 0 {
		c.MaxConns = DefaultMaxConns
	}
	if c.MaxConnsPerAddr == 0 {
		c.MaxConnsPerAddr = DefaultMaxConnsPerAddr
	}
	if c.HandshakeTimeout <= 0 {
		c.HandshakeTimeout = DefaultHandshakeTimeout
	}
	return c, nil
}

// parseListenURL checks a listener URL.
func parseListenURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("router config: listener %q: %w", s, err)
	}
	switch u.Scheme {
	case "ws", "wss":
		if u.Path == "" {
			u.Path = "/"
		}
	case "tcp":
		if u.Path != "" && u.Path != "/" {
			return nil, fmt.Errorf("router config: listener %q: rawsocket takes no path", s)
		}
	default:
		return nil, fmt.Errorf("router config: listener %q: scheme must be ws, wss or tcp", s)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("router config: listener %q: missing host:port", s)
	}
	return u, nil
}
