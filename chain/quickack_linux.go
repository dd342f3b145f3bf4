package chain

import (
	"net"
	"syscall"
)

// quickAckConn is a TCP connection that asks the kernel for an immediate ACK
// after every read (TCP_QUICKACK, which Linux does not keep: it falls back to
// delayed ACKs on an interactive connection). A JSON-RPC endpoint that writes
// small messages with Nagle's algorithm on — anvil's websocket sends a
// subscription notification and then the answer to a request — holds the
// second write until the first is ACKed, and a delayed ACK makes that 40 ms
// (measured: the first eth_blockNumber after a registry transaction took
// 40–45 ms on a subscribed connection, 0.1–0.3 ms with this).
type quickAckConn struct {
	*net.TCPConn
	raw syscall.RawConn
}

func (c *quickAckConn) Read(b []byte) (int, error) {
	n, err := c.TCPConn.Read(b)
	if n > 0 {
		_ = c.raw.Control(func(fd uintptr) {
			_ = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_QUICKACK, 1)
		})
	}
	return n, err
}

// quickAck wraps a TCP connection in a quickAckConn (other connections are
// returned as they are).
func quickAck(c net.Conn) net.Conn {
	tc, ok := c.(*net.TCPConn)
	if !ok {
		return c
	}
	raw, err := tc.SyscallConn()
	if err != nil {
		return c
	}
	return &quickAckConn{TCPConn: tc, raw: raw}
}
