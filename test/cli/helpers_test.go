// Package cli_test runs the e2ee-node binary as separate processes — a chain, a router and
// nodes, each its own process as an operator runs them — against the devnet and a real geth.
package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

// bin is the e2ee-node binary built for this test run.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "e2ee-cli-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "e2ee-node")
	build := exec.Command(goTool(), "build", "-o", bin, "github.com/wamp-e2ee/e2ee-node/cmd/e2ee-node")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build e2ee-node:", err)
		os.Exit(1)
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// goTool is the go command of this toolchain.
func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return filepath.Join(os.Getenv("GOROOT"), "bin", "go")
}

// output is a process's combined output; waiters are woken on every write.
type output struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	changed chan struct{}
}

func newOutput() *output { return &output{changed: make(chan struct{})} }

func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.buf.Write(p)
	close(o.changed)
	o.changed = make(chan struct{})
	return len(p), nil
}

func (o *output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// wait returns the first match of re in the output, waiting up to timeout.
func (o *output) wait(t testing.TB, re *regexp.Regexp, timeout time.Duration, done <-chan struct{}) []string {
	t.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		o.mu.Lock()
		m := re.FindStringSubmatch(o.buf.String())
		ch := o.changed
		o.mu.Unlock()
		if m != nil {
			return m
		}
		select {
		case <-ch:
		case <-done:
			o.mu.Lock()
			m := re.FindStringSubmatch(o.buf.String())
			o.mu.Unlock()
			if m != nil {
				return m
			}
			t.Fatalf("process exited without printing %q; output:\n%s", re, o.String())
		case <-deadline.C:
			t.Fatalf("no %q within %v; output:\n%s", re, timeout, o.String())
		}
	}
}

// proc is a running process of the test.
type proc struct {
	name string
	cmd  *exec.Cmd
	out  *output
	done chan struct{}
	err  error
}

// start runs name with args; the process is interrupted (then killed) when the test ends.
func start(t testing.TB, name string, args ...string) *proc {
	t.Helper()
	p := &proc{name: name, out: newOutput(), done: make(chan struct{})}
	p.cmd = exec.Command(name, args...)
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	go func() {
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() { p.stop(t) })
	return p
}

// node runs the e2ee-node binary.
func node(t testing.TB, args ...string) *proc { return start(t, bin, args...) }

// stop interrupts the process and waits for it (killing it after 10 s).
func (p *proc) stop(t testing.TB) {
	select {
	case <-p.done:
		return
	default:
	}
	_ = p.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
		t.Errorf("%s did not stop on SIGINT within 10 s", filepath.Base(p.name))
	}
}

// exit waits for the process to end and returns its error.
func (p *proc) exit(t testing.TB, timeout time.Duration) error {
	t.Helper()
	select {
	case <-p.done:
		return p.err
	case <-time.After(timeout):
		t.Fatalf("%s still running after %v; output:\n%s", filepath.Base(p.name), timeout, p.out)
		return nil
	}
}

// waitFile waits until path exists.
func waitFile(t testing.TB, path string, timeout time.Duration, p *proc) {
	t.Helper()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(timeout)
	for {
		if _, err := os.Stat(path); err == nil {
			return
		}
		select {
		case <-tick.C:
		case <-p.done:
			t.Fatalf("%s exited before writing %s: %v; output:\n%s", filepath.Base(p.name), path, p.err, p.out)
		case <-deadline:
			t.Fatalf("%s did not appear within %v; output:\n%s", path, timeout, p.out)
		}
	}
}

// run runs e2ee-node to completion and returns its output, failing the test on a non-zero exit.
func run(t testing.TB, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("e2ee-node %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// freePort returns a loopback TCP port that was free a moment ago.
func freePort(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}
