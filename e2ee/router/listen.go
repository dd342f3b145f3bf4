package router

import (
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/gorilla/websocket"
)

// WAMP websocket subprotocols, in the server's order of preference.
const (
	subprotoCBOR    = "wamp.2.cbor"
	subprotoMsgpack = "wamp.2.msgpack"
	subprotoJSON    = "wamp.2.json"
)

// rawsocketJSON is the rawsocket handshake's serializer number for JSON.
const rawsocketJSON = 1

// listen opens one listener and starts serving it.
func (r *Router) listen(lc ListenerConfig) error {
	u, err := parseListenURL(lc.URL)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", u.Host)
	if err != nil {
		return fmt.Errorf("router: listening on %s: %w", lc.URL, err)
	}
	bound := &url.URL{Scheme: u.Scheme, Host: ln.Addr().String(), Path: u.Path}
	if u.Scheme == "tcp" {
		bound.Path = ""
	}
	switch u.Scheme {
	case "ws", "wss":
		if u.Scheme == "wss" {
			if lc.CertFile == "" || lc.KeyFile == "" {
				_ = ln.Close()
				return fmt.Errorf("router: listener %s: wss needs CertFile and KeyFile", lc.URL)
			}
			cert, err := tls.LoadX509KeyPair(lc.CertFile, lc.KeyFile)
			if err != nil {
				_ = ln.Close()
				return fmt.Errorf("router: listener %s: loading TLS key pair: %w", lc.URL, err)
			}
			ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12})
		}
		r.serveWebsocket(ln, u.Path, lc.AllowOrigins)
	case "tcp":
		r.serveRawSocket(ln)
	}
	r.addrs = append(r.addrs, bound.String())
	r.log.Info("router: listening", "url", bound.String())
	return nil
}

// serveWebsocket serves WAMP over websocket on ln at path.
func (r *Router) serveWebsocket(ln net.Listener, path string, origins []string) {
	h := &wsHandler{
		r:    r,
		path: path,
		up: websocket.Upgrader{
			Subprotocols: []string{subprotoCBOR, subprotoMsgpack, subprotoJSON},
			CheckOrigin:  originChecker(origins),
		},
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: r.cfg.HandshakeTimeout,
		ErrorLog:          slog.NewLogLogger(r.log.Handler(), slog.LevelDebug),
	}
	r.wg.Go(func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			r.log.Error("router: websocket listener stopped", "addr", ln.Addr().String(), "err", err)
		}
	})
	// Close stops accepting and closes connections not yet upgraded;
	// upgraded ones are the router's (closed through their sessions).
	r.stopFns = append(r.stopFns, func() { _ = srv.Close() })
}

type wsHandler struct {
	r    *Router
	path string
	up   websocket.Upgrader
}

// ServeHTTP upgrades a WAMP websocket request and attaches the client.
func (h *wsHandler) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if req.URL.Path != h.path {
		http.NotFound(w, req)
		return
	}
	if !slices.ContainsFunc(websocket.Subprotocols(req), func(p string) bool {
		return p == subprotoCBOR || p == subprotoMsgpack || p == subprotoJSON
	}) {
		http.Error(w, "WAMP subprotocol required (wamp.2.cbor, wamp.2.msgpack or wamp.2.json)", http.StatusBadRequest)
		return
	}
	r := h.r
	if !r.enter() {
		http.Error(w, "router closing", http.StatusServiceUnavailable)
		return
	}
	defer r.wg.Done()
	release, ok := r.admit(req.RemoteAddr)
	if !ok {
		http.Error(w, "too many connections", http.StatusServiceUnavailable)
		return
	}
	conn, err := h.up.Upgrade(w, req, nil)
	if err != nil {
		release()
		r.log.Debug("router: websocket upgrade failed", "remote", req.RemoteAddr, "err", err)
		return // Upgrade has answered the request
	}
	conn.SetReadLimit(int64(r.cfg.MaxMessageSize))
	payloadType, kind := websocket.BinaryMessage, serCBOR
	switch conn.Subprotocol() {
	case subprotoCBOR:
	case subprotoMsgpack:
		kind = serMsgpack
	case subprotoJSON:
		payloadType, kind = websocket.TextMessage, serJSON
	default:
		_ = conn.Close()
		release()
		return
	}
	f := newWSFramer(conn, payloadType, r.cfg.WebsocketKeepAlive)
	_ = r.attach(r.newNetPeer(f, kind), nil, kind == serJSON, req.RemoteAddr, conn.NetConn(), f.close, release)
}

// originChecker accepts a request without Origin, with an Origin whose host
// equals the request host, or matching one of the glob patterns.
func originChecker(patterns []string) func(*http.Request) bool {
	if slices.Contains(patterns, "*") {
		return func(*http.Request) bool { return true }
	}
	return func(req *http.Request) bool {
		origin := req.Header.Get("Origin")
		if origin == "" {
			return true
		}
		u, err := url.Parse(origin)
		if err != nil {
			return false
		}
		if strings.EqualFold(u.Host, req.Host) {
			return true
		}
		for _, p := range patterns {
			if ok, _ := filepath.Match(strings.ToLower(p), strings.ToLower(u.Host)); ok {
				return true
			}
		}
		return false
	}
}

// serveRawSocket serves WAMP over rawsocket on ln.
func (r *Router) serveRawSocket(ln net.Listener) {
	r.wg.Go(func() {
		var backoff time.Duration
		for {
			c, err := ln.Accept()
			if err != nil {
				if errors.Is(err, net.ErrClosed) {
					return
				}
				// e.g. EMFILE: back off instead of spinning.
				backoff = min(max(2*backoff, 5*time.Millisecond), time.Second)
				r.log.Warn("router: rawsocket accept failed", "err", err)
				time.Sleep(backoff)
				continue
			}
			backoff = 0
			if !r.enter() {
				_ = c.Close()
				continue
			}
			go func() {
				defer r.wg.Done()
				r.handleRawSocket(c)
			}()
		}
	})
	r.stopFns = append(r.stopFns, func() { _ = ln.Close() })
}

// handleRawSocket runs the rawsocket handshake under a deadline and attaches
// the client.
func (r *Router) handleRawSocket(c net.Conn) {
	release, ok := r.admit(c.RemoteAddr().String())
	if !ok {
		// Read the client's handshake (closing with it unread would reset
		// the connection and lose the reply), then reply "maximum
		// connection count reached".
		_ = c.SetDeadline(time.Now().Add(r.cfg.HandshakeTimeout))
		var hs [4]byte
		if _, err := io.ReadFull(c, hs[:]); err == nil {
			_, _ = c.Write([]byte{rawsocketMagic, 0x4 << 4, 0, 0})
		}
		_ = c.Close()
		return
	}
	if !r.track(c) {
		release()
		return
	}
	_ = c.SetDeadline(time.Now().Add(r.cfg.HandshakeTimeout))
	f, kind, err := rawsocketHandshake(c, r.cfg.MaxMessageSize)
	if err != nil {
		r.log.Debug("router: rawsocket handshake failed", "remote", c.RemoteAddr().String(), "err", err)
		_ = c.Close()
		r.untrack(c)
		release()
		return
	}
	_ = c.SetDeadline(time.Time{})
	_ = r.attach(r.newNetPeer(f, kind), nil, kind == serJSON, c.RemoteAddr().String(), c, f.close, release)
}
