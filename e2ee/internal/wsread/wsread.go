// Package wsread reads websocket messages into buffers of their exact size.
//
// gorilla/websocket's ReadMessage reads through io.ReadAll, which starts
// at 512 bytes and grows: a 1.4 KB WAMP frame costs four allocations and
// three copies. Read assembles the message in pooled scratch space and
// returns one exact-size copy that the caller owns (decoders may alias it).
package wsread

import (
	"io"
	"sync"

	"github.com/gorilla/websocket"
)

const (
	// initialScratch is the size of a new scratch buffer.
	initialScratch = 4 << 10
	// maxPooled is the largest scratch buffer kept for reuse.
	maxPooled = 64 << 10
)

var scratches = sync.Pool{New: func() any { b := make([]byte, 0, initialScratch); return &b }}

// Read reads the next message from c, as c.ReadMessage does (the connection's
// read limit applies), and returns its type and bytes in a new slice of
// exactly the message's length (empty, not nil, for an empty message).
func Read(c *websocket.Conn) (int, []byte, error) {
	typ, r, err := c.NextReader()
	if err != nil {
		return typ, nil, err
	}
	sp := scratches.Get().(*[]byte)
	b, err := readAll(r, (*sp)[:0])
	var out []byte
	if err == nil {
		out = make([]byte, len(b))
		copy(out, b)
	}
	if cap(b) <= maxPooled {
		*sp = b[:0]
		scratches.Put(sp)
	}
	return typ, out, err
}

// readAll appends what r yields until io.EOF to b.
func readAll(r io.Reader, b []byte) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// Conn is a websocket connection whose ReadMessage reads with Read. It
// satisfies nexus's transport.WebsocketConnection.
type Conn struct {
	*websocket.Conn
}

// ReadMessage is Read(c.Conn).
func (c Conn) ReadMessage() (int, []byte, error) { return Read(c.Conn) }
