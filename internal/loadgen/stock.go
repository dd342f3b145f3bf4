package loadgen

import (
	"io"
	"log"
	"net"
	"net/http"
	"time"

	nexus "github.com/gammazero/nexus/v3/router"
	"github.com/gammazero/nexus/v3/wamp"
)

// StockRouter starts a stock nexus router — no guard, no authorizer, nexus's
// own serializers, anonymous access to realm — with a websocket listener on
// loopback and the given per-client queue: what a user would otherwise run.
// It returns the router's URL and a function that stops it.
func StockRouter(realm string, outQueue int) (url string, stop func(), err error) {
	r, err := nexus.NewRouter(&nexus.Config{RealmConfigs: []*nexus.RealmConfig{{
		URI: wamp.URI(realm), AnonymousAuth: true,
	}}}, log.New(io.Discard, "", 0))
	if err != nil {
		return "", nil, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		r.Close()
		return "", nil, err
	}
	ws := nexus.NewWebsocketServer(r)
	ws.OutQueueSize = outQueue
	srv := &http.Server{Handler: ws, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan struct{})
	go func() { defer close(done); _ = srv.Serve(l) }()
	return "ws://" + l.Addr().String() + "/", func() { _ = srv.Close(); <-done; r.Close() }, nil
}
