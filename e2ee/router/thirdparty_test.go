package router_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestThirdPartyClients runs the WAMP clients people use — AutobahnJS and
// wampy from npm, pinned in package.json and installed by scripts/test.sh —
// through the router over websocket with JSON, MessagePack and CBOR, and
// over rawsocket where the client has it (AutobahnJS, JSON only):
// pub/sub with args, kwargs, unicode, binary values and a 512 KiB payload,
// exact, prefix and wildcard subscriptions, register/call, application
// errors, unsubscribe, unregister, leave and reconnect
// (testdata/interop/interop.mjs). Before the router accepted MessagePack
// extension types and undefined options, wampy's subscriptions hung over
// MessagePack and were refused over CBOR.
func TestThirdPartyClients(t *testing.T) {
	if testing.Short() {
		t.Skip("runs node")
	}
	node, err := exec.LookPath("node")
	require.NoError(t, err, "node is needed: install Node.js and run npm ci (scripts/test.sh does)")
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	for _, pkg := range []string{"autobahn", "wampy", "ws"} {
		_, err := os.Stat(filepath.Join(root, "node_modules", pkg, "package.json"))
		require.NoError(t, err, "npm package %s missing: run npm ci in the repository root", pkg)
	}
	script := filepath.Join("testdata", "interop", "interop.mjs")
	r := startRouter(t, nil)
	ws, raw := addrOf(t, r, tWS), addrOf(t, r, tRaw)

	cases := []struct{ lib, url, ser string }{
		{"autobahn", ws, "json"}, {"autobahn", ws, "msgpack"}, {"autobahn", ws, "cbor"},
		{"autobahn", raw, "json"},
		{"wampy", ws, "json"}, {"wampy", ws, "msgpack"}, {"wampy", ws, "cbor"},
	}
	steps := []string{"join", "subscribe", "pubsub-args-kwargs-unicode", "pubsub-512KiB", "rpc",
		"rpc-application-error", "unsubscribe", "unregister", "leave-reconnect", "done"}
	for _, c := range cases {
		name := c.lib + "/" + strings.SplitN(c.url, ":", 2)[0] + "/" + c.ser
		t.Run(name, func(t *testing.T) {
			before := r.Stats()
			ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, node, script, c.lib, c.url, c.ser)
			cmd.Env = append(os.Environ(), "INTEROP_REALM="+testRealm)
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "interop.mjs output:\n%s", out)
			want := steps
			if c.ser != "json" {
				want = append(want, "pubsub-binary")
			}
			for _, s := range want {
				require.Contains(t, string(out), "step "+s+" ok\n", "output:\n%s", out)
			}
			after := r.Stats()
			require.Equal(t, before.TotalRejected(), after.TotalRejected(), "the guard rejected plain traffic: %+v", after.Rejected)
		})
	}
}
