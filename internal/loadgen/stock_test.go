package loadgen

import (
	"context"
	"io"
	"log"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/stretchr/testify/require"
)

// TestStockRouter: nexus clients exchange events through it, and Throughput
// measures them.
func TestStockRouter(t *testing.T) {
	url, stop, err := StockRouter("realm1", 64)
	require.NoError(t, err)
	defer stop()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	conn := func() *client.Client {
		c, err := client.ConnectNet(ctx, url, client.Config{Realm: "realm1", Serialization: serialize.MSGPACK, Logger: log.New(io.Discard, "", 0)})
		require.NoError(t, err)
		t.Cleanup(func() { _ = c.Close() })
		return c
	}
	pub, sub := conn(), conn()
	res, err := Throughput(ctx, pub, sub, ThroughputConfig{Topics: [2]string{"a", "b"}, Payload: []byte("x"), Events: 60})
	require.NoError(t, err)
	require.Equal(t, [2]int64{}, res.Lost)
	require.Positive(t, res.Plaintext)
}
