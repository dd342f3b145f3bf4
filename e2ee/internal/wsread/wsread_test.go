package wsread

import (
	"bytes"
	"crypto/rand"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pair returns the client and server ends of a websocket connection.
func pair(t testing.TB) (*websocket.Conn, *websocket.Conn) {
	t.Helper()
	srv := make(chan *websocket.Conn, 1)
	up := websocket.Upgrader{}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			t.Error(err)
			return
		}
		srv <- c
	}))
	t.Cleanup(ts.Close)
	c, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(ts.URL, "http"), nil)
	require.NoError(t, err)
	s := <-srv
	t.Cleanup(func() { _ = c.Close(); _ = s.Close() })
	return c, s
}

// TestReadMatchesGorilla: Read returns what gorilla's ReadMessage returns,
// for sizes around the scratch and pool bounds and fragmented messages, in
// slices of exactly the message's length that later reads do not touch.
func TestReadMatchesGorilla(t *testing.T) {
	c, s := pair(t)
	sizes := []int{0, 1, 511, 512, 513, 1400, initialScratch - 1, initialScratch, initialScratch + 1, maxPooled, maxPooled + 1, 200_000}
	var msgs [][]byte
	for _, n := range sizes {
		m := make([]byte, n)
		_, _ = rand.Read(m)
		msgs = append(msgs, m)
	}
	go func() {
		for i, m := range msgs {
			if i%2 == 1 && len(m) > 2 { // fragmented: one message in two frames
				w, err := s.NextWriter(websocket.BinaryMessage)
				if err != nil {
					return
				}
				_, _ = w.Write(m[:len(m)/2])
				_, _ = w.Write(m[len(m)/2:])
				_ = w.Close()
				continue
			}
			_ = s.WriteMessage(websocket.BinaryMessage, m)
		}
		_ = s.WriteMessage(websocket.TextMessage, []byte("text"))
	}()
	var got [][]byte
	for range msgs {
		typ, b, err := Conn{c}.ReadMessage()
		require.NoError(t, err)
		assert.Equal(t, websocket.BinaryMessage, typ)
		assert.NotNil(t, b)
		assert.Equal(t, len(b), cap(b))
		got = append(got, b)
	}
	typ, b, err := Read(c)
	require.NoError(t, err)
	assert.Equal(t, websocket.TextMessage, typ)
	assert.Equal(t, []byte("text"), b)
	for i := range msgs {
		assert.True(t, bytes.Equal(msgs[i], got[i]), "message %d of %d bytes", i, sizes[i])
	}
}

// TestReadLimit: the connection's read limit still applies.
func TestReadLimit(t *testing.T) {
	c, s := pair(t)
	c.SetReadLimit(1000)
	go func() { _ = s.WriteMessage(websocket.BinaryMessage, make([]byte, 1001)) }()
	_, _, err := Read(c)
	require.ErrorIs(t, err, websocket.ErrReadLimit)
}

func BenchmarkRead(b *testing.B) {
	for _, mode := range []string{"gorilla", "wsread"} {
		b.Run(mode, func(b *testing.B) {
			c, s := pair(b)
			msg := make([]byte, 1400)
			go func() {
				for range b.N {
					if s.WriteMessage(websocket.BinaryMessage, msg) != nil {
						return
					}
				}
			}()
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				var err error
				if mode == "gorilla" {
					_, _, err = c.ReadMessage()
				} else {
					_, _, err = Read(c)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
