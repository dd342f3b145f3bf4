package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
)

// startDevnet runs 'e2ee-node devnet --dir dir' and waits until its sandbox is ready.
func startDevnet(t testing.TB, dir, routerURL string, extra ...string) (*proc, time.Duration) {
	t.Helper()
	ready := filepath.Join(t.TempDir(), "devnet.ready")
	began := time.Now()
	p := node(t, append([]string{"devnet", "--port", "0", "--dir", dir, "--router-url", routerURL, "--ready-file", ready}, extra...)...)
	waitFile(t, ready, time.Minute, p)
	return p, time.Since(began)
}

type manifest struct {
	HTTP     string `json:"http"`
	Registry string `json:"registry"`
	Nodes    map[string]struct {
		Delegate string `json:"delegate"`
	} `json:"nodes"`
}

func readManifest(t testing.TB, dir string) manifest {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "devnet.json"))
	require.NoError(t, err)
	var m manifest
	require.NoError(t, json.Unmarshal(data, &m))
	return m
}

// TestDevnetThreeTerminals: devnet --dir, then router, sub and pub as separate processes with
// the configs it wrote; the subscriber decrypts the event. A rerun on the same directory
// recreates the sandbox. With --no-deployer the registry is deployed with plain CREATE and the
// configs carry its address.
func TestDevnetThreeTerminals(t *testing.T) {
	for _, tc := range []struct {
		name      string
		extra     []string
		canonical bool
	}{
		{"proxy", nil, true},
		{"no-deployer", []string{"--no-deployer"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "sandbox")
			routerURL := "ws://127.0.0.1:" + freePort(t) + "/ws"
			dn, took := startDevnet(t, dir, routerURL, tc.extra...)
			t.Logf("devnet --dir ready after %v (wall, from exec)", took)
			first := readManifest(t, dir)
			require.Len(t, first.Nodes, 3)
			require.Equal(t, tc.canonical, first.Registry == canonicalRegistry, "registry %s", first.Registry)
			if !tc.canonical {
				require.Contains(t, dn.out.String(), "plain CREATE")
			}
			st, err := os.Stat(filepath.Join(dir, "password"))
			require.NoError(t, err)
			require.Equal(t, os.FileMode(0o600), st.Mode().Perm())

			tmp := t.TempDir()
			router := node(t, "router", "--config", filepath.Join(dir, "router.json"), "--ready-file", filepath.Join(tmp, "router.ready"))
			waitFile(t, filepath.Join(tmp, "router.ready"), 30*time.Second, router)
			sub := node(t, "sub", "com.example.telemetry", "--config", filepath.Join(dir, "bob.json"), "--count", "1", "--ready-file", filepath.Join(tmp, "sub.ready"))
			waitFile(t, filepath.Join(tmp, "sub.ready"), 30*time.Second, sub)
			out := run(t, "pub", "com.example.telemetry", "--config", filepath.Join(dir, "alice.json"), "--kwargs", `{"reading": 7}`)
			require.Contains(t, out, "published 1 event")
			sub.out.wait(t, regexp.MustCompile(`"reading":7`), 30*time.Second, sub.done)
			require.NoError(t, sub.exit(t, 30*time.Second))
			if !tc.canonical {
				return
			}
			// Ctrl-C stops the chain cleanly; a rerun recreates the sandbox in place.
			dn.stop(t)
			require.NoError(t, dn.err)
			require.Contains(t, dn.out.String(), "devnet stopped")
			startDevnet(t, dir, routerURL)
			second := readManifest(t, dir)
			require.NotEqual(t, first.Nodes["alice"].Delegate, second.Nodes["alice"].Delegate, "a rerun makes new identities")
		})
	}
}

// canonicalRegistry is the registry's CREATE2 address (chain.RegistryAddress, default salt).
var canonicalRegistry = chain.RegistryAddress(chain.DefaultRegistrySalt).Hex()

// TestDevnetRefusesForeignDir: a non-empty directory devnet did not write is left alone.
func TestDevnetRefusesForeignDir(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644))
	p := node(t, "devnet", "--port", "0", "--dir", dir)
	require.Error(t, p.exit(t, time.Minute))
	require.Contains(t, p.out.String(), "holds no devnet.json")
	data, err := os.ReadFile(filepath.Join(dir, "notes.txt"))
	require.NoError(t, err)
	require.Equal(t, "mine", string(data))
}

// BenchmarkDevnetReady measures how long 'e2ee-node devnet --dir' takes from exec until its
// sandbox is written and the registry deployed (target: 5 s); the baseline is the same
// command without --dir (chain and registry only).
func BenchmarkDevnetReady(b *testing.B) {
	for _, withDir := range []bool{false, true} {
		name := "chain-only"
		if withDir {
			name = "with-dir"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				ready := filepath.Join(b.TempDir(), "ready")
				args := []string{"devnet", "--port", "0", "--ready-file", ready}
				if withDir {
					args = append(args, "--dir", filepath.Join(b.TempDir(), "sandbox"))
				}
				p := node(b, args...)
				waitFile(b, ready, time.Minute, p)
				b.StopTimer()
				p.stop(b)
				b.StartTimer()
			}
		})
	}
}
