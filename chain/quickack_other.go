//go:build !linux

package chain

import "net"

// quickAck returns c: delayed-ACK control is Linux's TCP_QUICKACK.
func quickAck(c net.Conn) net.Conn { return c }
