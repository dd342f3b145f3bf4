package session

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"log"
	"net/http"

	"github.com/gammazero/nexus/v3/stdlog"
	"github.com/gammazero/nexus/v3/transport"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/gorilla/websocket"

	"github.com/wamp-e2ee/e2ee-node/e2ee/internal/wsread"
	"github.com/wamp-e2ee/e2ee-node/e2ee/msgpack"
)

// WAMP websocket subprotocols.
const (
	subprotoJSON    = "wamp.2.json"
	subprotoMsgpack = "wamp.2.msgpack"
	subprotoCBOR    = "wamp.2.cbor"
)

// DialReadLimit bounds one websocket message a DialWebsocket peer accepts
// from the router (a larger one ends the connection), so that a hostile
// router cannot make the client buffer without bound.
const DialReadLimit = 16 << 20

// DialWebsocket returns a Config.Dial that connects to the WAMP router at
// url (ws:// or wss://; tlsCfg nil means Go's defaults; the proxy from the
// environment) with the given serializer. It is
// transport.ConnectWebsocketPeer except that msgpack sessions use
// e2ee/msgpack's serializer (byte-compatible with nexus's, a fraction of its
// cost; JSON and CBOR sessions use nexus's), messages are bounded by
// DialReadLimit, and there is no websocket keepalive (Config.Reconnect
// redials a connection that fails). logger receives the transport's
// diagnostics (nil: discarded).
func DialWebsocket(url string, ser serialize.Serialization, tlsCfg *tls.Config, logger stdlog.StdLog) func(ctx context.Context) (wamp.Peer, error) {
	if logger == nil {
		logger = log.New(io.Discard, "", 0)
	}
	return func(ctx context.Context) (wamp.Peer, error) {
		var (
			proto       string
			payloadType = websocket.BinaryMessage
			serializer  serialize.Serializer
		)
		switch ser {
		case serialize.MSGPACK:
			proto, serializer = subprotoMsgpack, &msgpack.Serializer{}
		case serialize.CBOR:
			proto, serializer = subprotoCBOR, &serialize.CBORSerializer{}
		case serialize.JSON:
			proto, serializer, payloadType = subprotoJSON, &serialize.JSONSerializer{}, websocket.TextMessage
		default:
			return nil, fmt.Errorf("session: dial %s: unsupported serialization %d", url, ser)
		}
		d := websocket.Dialer{Subprotocols: []string{proto}, TLSClientConfig: tlsCfg, Proxy: http.ProxyFromEnvironment}
		conn, resp, err := d.DialContext(ctx, url, nil)
		if resp != nil && resp.Body != nil {
			_ = resp.Body.Close()
		}
		if err != nil {
			if resp != nil {
				return nil, fmt.Errorf("session: dial %s: %w (HTTP %s)", url, err, resp.Status)
			}
			return nil, fmt.Errorf("session: dial %s: %w", url, err)
		}
		conn.SetReadLimit(DialReadLimit)
		if got := conn.Subprotocol(); got != proto {
			_ = conn.Close()
			return nil, fmt.Errorf("session: dial %s: router chose subprotocol %q, want %q", url, got, proto)
		}
		return transport.NewWebsocketPeer(wsread.Conn{Conn: conn}, serializer, payloadType, logger, 0, 0), nil
	}
}
