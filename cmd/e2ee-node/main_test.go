package main

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/anvil"
)

// TestMain lets the test binary run as the e2ee-node command inside scripts.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"e2ee-node": func() {
			// As main: an interrupt (testscript's kill -INT, or the end of a script) ends long-running
			// commands cleanly.
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
			code := run(ctx, e, os.Args[1:])
			stop()
			os.Exit(code)
		},
	})
}

// TestScripts runs the CLI scripts in testdata/script: each reads like a terminal session
// (see rogpeppe/go-internal/testscript).
func TestScripts(t *testing.T) {
	vectors, err := filepath.Abs(filepath.Join("..", "..", "testdata", "vectors"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("VECTORS", vectors)
			env.Setenv("REGISTRY", chain.RegistryAddress(chain.DefaultRegistrySalt).Hex())
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// start-anvil [no-deployer] starts a real anvil node for the script (without the
			// deterministic deployment proxy) and sets $RPC (http) and $WSRPC.
			"start-anvil": func(ts *testscript.TestScript, neg bool, args []string) {
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				defer cancel()
				noDeployer := len(args) == 1 && args[0] == "no-deployer"
				n, err := anvil.Start(ctx, anvil.Options{Home: ts.MkAbs(".anvil-home"), NoCreate2Deployer: noDeployer})
				ts.Check(err)
				ts.Defer(n.Stop)
				ts.Setenv("RPC", n.HTTPURL)
				ts.Setenv("WSRPC", n.WSURL)
			},
			// anvil-key writes anvil's funded development key i (hex) to a file.
			"anvil-key": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: anvil-key INDEX FILE")
				}
				i := map[string]int{"0": 0, "1": 1, "2": 2}[args[0]]
				ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(anvil.DevKeys[i]+"\n"), 0o600))
			},
			// free-port VAR sets $VAR to a TCP port on 127.0.0.1 that was free a moment ago.
			"free-port": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: free-port VAR")
				}
				l, err := net.Listen("tcp", "127.0.0.1:0")
				ts.Check(err)
				port := l.Addr().(*net.TCPAddr).Port
				ts.Check(l.Close())
				ts.Setenv(args[0], strconv.Itoa(port))
			},
			// start-swtpm starts a real swtpm (TPM 2.0 emulator, Debian package swtpm) on a Unix
			// socket for the script and sets $SWTPM to the socket path; its state lives in the
			// script's work directory. scripts/test.sh installs swtpm: CI runs this.
			"start-swtpm": func(ts *testscript.TestScript, neg bool, args []string) {
				bin, err := exec.LookPath("swtpm")
				if err != nil {
					ts.Fatalf("swtpm not installed: apt-get install swtpm swtpm-tools (scripts/test.sh does)")
				}
				dir := ts.MkAbs(".swtpm")
				ts.Check(os.MkdirAll(dir, 0o700))
				sock := filepath.Join(dir, "tpm.sock")
				cmd := exec.Command(bin, "socket", "--tpm2", "--tpmstate", "dir="+dir,
					"--server", "type=unixio,path="+sock, "--ctrl", "type=unixio,path="+sock+".ctrl",
					"--flags", "not-need-init,startup-clear")
				cmd.Stderr = os.Stderr
				ts.Check(cmd.Start())
				ts.Defer(func() {
					_ = cmd.Process.Kill()
					_ = cmd.Wait()
				})
				if !waitUntil(20*time.Second, func() bool { _, err := os.Stat(sock); return err == nil }) {
					ts.Fatalf("swtpm did not open %s within 20 s", sock)
				}
				ts.Setenv("SWTPM", sock)
			},
			// json-env FILE KEY VAR sets $VAR to the string value of KEY in the JSON object in FILE.
			"json-env": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 3 {
					ts.Fatalf("usage: json-env FILE KEY VAR")
				}
				var m map[string]any
				ts.Check(json.Unmarshal([]byte(ts.ReadFile(args[0])), &m))
				v, ok := m[args[1]].(string)
				if !ok {
					ts.Fatalf("%s: no string %q", args[0], args[1])
				}
				ts.Setenv(args[2], v)
			},
			// waitfile FILE waits (up to 60 s) until FILE exists, e.g. a --ready-file.
			"waitfile": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: waitfile FILE")
				}
				if !waitUntil(60*time.Second, func() bool { _, err := os.Stat(ts.MkAbs(args[0])); return err == nil }) {
					ts.Fatalf("%s did not appear within 60 s", args[0])
				}
			},
		},
	})
}

// waitUntil polls cond every 20 ms until it holds (true) or limit passes
// (false).
func waitUntil(limit time.Duration, cond func() bool) bool {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(limit)
	for !cond() {
		select {
		case <-tick.C:
		case <-deadline:
			return cond()
		}
	}
	return true
}
