package attest

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// startSwtpm starts a real swtpm (Debian package swtpm; scripts/test.sh
// installs it) with its server interface on a Unix socket or, with tcp, on
// a loopback port, and returns the --tpm spec for it.
func startSwtpm(t *testing.T, tcp bool) string {
	t.Helper()
	bin, err := exec.LookPath("swtpm")
	require.NoError(t, err, "swtpm not installed: apt-get install swtpm swtpm-tools (scripts/test.sh does)")
	dir := t.TempDir()
	server, spec, probe := "type=unixio,path="+filepath.Join(dir, "tpm.sock"), "swtpm:"+filepath.Join(dir, "tpm.sock"), filepath.Join(dir, "tpm.sock")
	if tcp {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		port := l.Addr().(*net.TCPAddr).Port
		require.NoError(t, l.Close())
		server, spec, probe = "type=tcp,bindaddr=127.0.0.1,port="+strconv.Itoa(port), "swtpm:127.0.0.1:"+strconv.Itoa(port), ""
	}
	cmd := exec.Command(bin, "socket", "--tpm2", "--tpmstate", "dir="+dir, "--server", server,
		"--ctrl", "type=unixio,path="+filepath.Join(dir, "ctrl.sock"), "--flags", "not-need-init,startup-clear")
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	require.Eventually(t, func() bool {
		if probe != "" {
			_, err := os.Stat(probe)
			return err == nil
		}
		c, err := net.Dial("tcp", spec[len("swtpm:"):])
		if err == nil {
			c.Close()
		}
		return err == nil
	}, 20*time.Second, 20*time.Millisecond, "swtpm did not listen")
	return spec
}

// Evidence from a real swtpm, over both of its socket interfaces, verifies;
// the AK persists across opens.
func TestSwtpm(t *testing.T) {
	for _, tcp := range []bool{false, true} {
		name := "unixio"
		if tcp {
			name = "tcp"
		}
		t.Run(name, func(t *testing.T) {
			spec := startSwtpm(t, tcp)
			tpm, err := OpenTPM(spec, nil)
			require.NoError(t, err)
			ak := tpm.AKDigest()
			require.NoError(t, tpm.Extend(4, []byte("approved"), "boot loader"))
			s := testSubject()
			p := enrolled(t, tpm, s)
			ev, err := tpm.Evidence(s)
			require.NoError(t, err)
			require.NoError(t, tpm.Close())
			_, err = NewVerifier(Config{Policy: p}).Verify(context.Background(), Request{Realm: testRealm, Subject: s, Evidence: ev})
			require.NoError(t, err)

			again, err := OpenTPM(spec, nil)
			require.NoError(t, err)
			defer again.Close()
			require.Equal(t, ak, again.AKDigest(), "the AK is loaded from its persistent handle")
			require.Error(t, again.Reboot(), "only the simulator reboots")
		})
	}
}
