// Package anvil starts and stops a local anvil node (Foundry's dev chain, installed from npm as
// @foundry-rs/anvil) for tests and local development: a real JSON-RPC node over HTTP and
// websocket on one loopback port.
package anvil

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
)

// ChainID is anvil's default chain id.
const ChainID = 31337

// DevKeys are the private keys (hex, no 0x) of anvil's first funded development accounts,
// derived from its well-known public test mnemonic. Never use them on a real network.
var DevKeys = [...]string{
	"ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
	"59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
	"5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
}

// Node is a running anvil process.
type Node struct {
	// HTTPURL is the node's JSON-RPC endpoint over HTTP.
	HTTPURL string
	// WSURL is the same endpoint over websocket.
	WSURL string
	cmd   *exec.Cmd
	done  chan error
	stop  sync.Once
	port  int
}

// Options configure [Start].
type Options struct {
	// Binary is the anvil executable; empty means [FindBinary].
	Binary string
	// Port to listen on (127.0.0.1); 0 picks a free one.
	Port int
	// NoCreate2Deployer starts the chain without the deterministic deployment proxy.
	NoCreate2Deployer bool
	// Home is the HOME anvil writes its ~/.foundry cache to; empty means a temporary directory.
	Home string
}

// FindBinary returns the anvil executable: $E2EE_ANVIL if set, else the npm-installed native
// binary in node_modules of the current directory or one of its parents, else anvil on PATH.
func FindBinary() (string, error) {
	if p := os.Getenv("E2EE_ANVIL"); p != "" {
		return p, nil
	}
	dir, err := os.Getwd()
	if err == nil {
		for {
			p := filepath.Join(dir, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil")
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p, nil
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	if p, err := exec.LookPath("anvil"); err == nil {
		return p, nil
	}
	return "", errors.New("anvil not found: run 'npm ci' in the repository (installs @foundry-rs/anvil) or set E2EE_ANVIL")
}

// Start launches anvil on 127.0.0.1 and waits until it answers JSON-RPC (up to 30 s).
// Stop it with [Node.Stop].
func Start(ctx context.Context, opts Options) (*Node, error) {
	bin := opts.Binary
	if bin == "" {
		var err error
		if bin, err = FindBinary(); err != nil {
			return nil, err
		}
	}
	port := opts.Port
	if port == 0 {
		var err error
		if port, err = freePort(); err != nil {
			return nil, fmt.Errorf("anvil: pick a port: %w", err)
		}
	}
	home := opts.Home
	if home == "" {
		var err error
		if home, err = os.MkdirTemp("", "anvil-home-"); err != nil {
			return nil, fmt.Errorf("anvil: temp home: %w", err)
		}
	}
	args := []string{"--host", "127.0.0.1", "--port", strconv.Itoa(port), "--quiet"}
	if opts.NoCreate2Deployer {
		args = append(args, "--disable-default-create2-deployer")
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+home)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("anvil: start %s: %w", bin, err)
	}
	n := &Node{
		HTTPURL: fmt.Sprintf("http://127.0.0.1:%d", port),
		WSURL:   fmt.Sprintf("ws://127.0.0.1:%d", port),
		cmd:     cmd,
		done:    make(chan error, 1),
		port:    port,
	}
	go func() { n.done <- cmd.Wait() }()
	deadline := time.Now().Add(30 * time.Second)
	for {
		c, err := ethclient.DialContext(ctx, n.HTTPURL)
		if err == nil {
			_, err = c.ChainID(ctx)
			c.Close()
			if err == nil {
				return n, nil
			}
		}
		select {
		case werr := <-n.done:
			return nil, fmt.Errorf("anvil exited before it was ready: %v", werr)
		case <-ctx.Done():
			n.Stop()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			n.Stop()
			return nil, errors.New("anvil: not ready after 30 s")
		}
	}
}

// Stop kills the node and waits (up to 5 s) for it to exit. It is safe to call more than once.
func (n *Node) Stop() {
	n.stop.Do(func() {
		if n.cmd.Process != nil {
			_ = n.cmd.Process.Kill()
		}
		select {
		case <-n.done:
		case <-time.After(5 * time.Second):
		}
	})
}

// Port returns the TCP port the node listens on.
func (n *Node) Port() int { return n.port }

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
