package attest

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/google/go-tpm-tools/client"
	"github.com/google/go-tpm-tools/simulator"
	"github.com/google/go-tpm/legacy/tpm2"
	"github.com/google/go-tpm/tpmutil"
)

// DefaultDevice is the TPM resource manager device.
const DefaultDevice = "/dev/tpmrm0"

// DefaultPCRs is the PCR selection quoted by default: SHA-256 PCRs 0–7
// (firmware, option ROMs, boot loader, boot configuration) and 14 (the shim
// MOK list), the boot chain on a UEFI machine.
var DefaultPCRs = []int{0, 1, 2, 3, 4, 5, 6, 7, 14}

// TPM is a TPM 2.0 with the node's attestation key loaded. It is safe for
// concurrent use.
type TPM struct {
	mu     sync.Mutex
	rw     io.ReadWriteCloser
	ak     *client.Key
	akPub  []byte
	pcrs   []int
	log    []Event
	logged bool // events were extended through this TPM (a log is carried)
	now    func() time.Time
}

// OpenTPM opens the TPM named by spec and creates or loads the attestation
// key: go-tpm-tools' ECC AK template (NIST P-256, ECDSA-SHA256, restricted,
// fixedTPM) under the owner hierarchy, persisted at client.DefaultAKECCHandle
// so that a device or swtpm keeps the same AK across runs. spec is
//
//	device[:PATH]   a TPM device (default /dev/tpmrm0)
//	swtpm:ADDR      a swtpm socket interface: a Unix socket path (unixio) or host:port (tcp)
//	simulator       go-tpm-tools' in-process reference simulator (one per process; a second
//	                OpenTPM("simulator") waits until the first is closed)
//
// pcrs is the SHA-256 PCR selection to quote (nil: DefaultPCRs).
func OpenTPM(spec string, pcrs []int) (*TPM, error) {
	sel, err := selection(pcrs)
	if err != nil {
		return nil, err
	}
	rw, err := openBackend(spec)
	if err != nil {
		return nil, err
	}
	ak, err := client.AttestationKeyECC(rw)
	if err != nil {
		rw.Close()
		return nil, fmt.Errorf("attest: %s: create or load the attestation key: %w", spec, err)
	}
	pub, err := ak.PublicArea().Encode()
	if err != nil {
		ak.Close()
		rw.Close()
		return nil, fmt.Errorf("attest: encode the attestation key: %w", err)
	}
	return &TPM{rw: rw, ak: ak, akPub: pub, pcrs: sel, now: time.Now}, nil
}

func selection(pcrs []int) ([]int, error) {
	if pcrs == nil {
		pcrs = DefaultPCRs
	}
	seen := map[int]bool{}
	out := make([]int, 0, len(pcrs))
	for _, p := range pcrs {
		if p < 0 || p >= MaxPCRs || seen[p] {
			return nil, fmt.Errorf("attest: bad PCR selection %v (0…23, each once)", pcrs)
		}
		seen[p] = true
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, errors.New("attest: empty PCR selection")
	}
	sortInts(out)
	return out, nil
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func openBackend(spec string) (io.ReadWriteCloser, error) {
	kind, arg, _ := strings.Cut(spec, ":")
	switch kind {
	case "simulator":
		if arg != "" {
			return nil, fmt.Errorf("attest: --tpm simulator takes no address")
		}
		s, err := simulator.Get()
		if err != nil {
			return nil, fmt.Errorf("attest: start the TPM simulator: %w", err)
		}
		return s, nil
	case "device":
		if arg == "" {
			arg = DefaultDevice
		}
		rw, err := tpmutil.OpenTPM(arg)
		if err != nil {
			return nil, fmt.Errorf("attest: open TPM device %s: %w", arg, err)
		}
		return rw, nil
	case "swtpm":
		if arg == "" {
			return nil, errors.New("attest: --tpm swtpm:ADDR needs the socket path or host:port of swtpm's server interface")
		}
		if strings.Contains(arg, "/") {
			if _, err := os.Stat(arg); err != nil {
				return nil, fmt.Errorf("attest: swtpm socket: %w", err)
			}
			return unixEmulator{tpmutil.NewEmulatorReadWriteCloser(arg)}, nil
		}
		c, err := net.DialTimeout("tcp", arg, 5*time.Second)
		if err != nil {
			return nil, fmt.Errorf("attest: connect to swtpm at %s: %w", arg, err)
		}
		return &framedConn{c: c}, nil
	}
	return nil, fmt.Errorf("attest: unknown TPM %q (want device[:PATH], swtpm:ADDR or simulator)", spec)
}

// unixEmulator is go-tpm's client of an emulator's Unix socket (one
// connection per command). Its Close fails when no command is in flight,
// which is always the case between commands: there is then nothing to close.
type unixEmulator struct {
	*tpmutil.EmulatorReadWriteCloser
}

func (u unixEmulator) Close() error {
	_ = u.EmulatorReadWriteCloser.Close()
	return nil
}

// framedConn carries TPM commands over a stream socket (swtpm's tcp server
// interface): a Read returns one whole response, whose length the TPM
// response header gives (go-tpm reads a response with one Read).
type framedConn struct{ c net.Conn }

func (f *framedConn) Write(p []byte) (int, error) { return f.c.Write(p) }
func (f *framedConn) Close() error                { return f.c.Close() }

// maxResponse bounds a TPM response (TPM2 MAX_RESPONSE_SIZE is 4096 on most TPMs).
const maxResponse = 8192

func (f *framedConn) Read(p []byte) (int, error) {
	const header = 10 // tag (2) ‖ size (4) ‖ response code (4)
	if len(p) < header {
		return 0, io.ErrShortBuffer
	}
	if _, err := io.ReadFull(f.c, p[:header]); err != nil {
		return 0, err
	}
	size := int(p[2])<<24 | int(p[3])<<16 | int(p[4])<<8 | int(p[5])
	if size < header || size > maxResponse || size > len(p) {
		return 0, fmt.Errorf("attest: swtpm response of %d bytes", size)
	}
	if _, err := io.ReadFull(f.c, p[header:size]); err != nil {
		return 0, err
	}
	return size, nil
}

// Close flushes the AK's transient handle (the persisted key stays) and
// closes the TPM.
func (t *TPM) Close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.ak.Close()
	return t.rw.Close()
}

// AKPublic returns the AK's public area (TPMT_PUBLIC).
func (t *TPM) AKPublic() []byte { return append([]byte(nil), t.akPub...) }

// AKDigest is the digest a realm enrolls for a delegate: SHA-256 of the AK's
// TPMT_PUBLIC (AKDigest).
func (t *TPM) AKDigest() [32]byte { return AKDigest(t.akPub) }

// AKDigest is SHA-256 of an AK's TPMT_PUBLIC.
func AKDigest(akPublic []byte) [32]byte { return sha256.Sum256(akPublic) }

// PCRs returns the quoted PCR selection.
func (t *TPM) PCRs() []int { return append([]int(nil), t.pcrs...) }

// Measurement reads the selected PCRs and returns their measurement (what a
// realm allows) and values.
func (t *TPM) Measurement() ([32]byte, [][]byte, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	values, err := t.readPCRs()
	if err != nil {
		return [32]byte{}, nil, err
	}
	d := PCRDigest(values)
	return Measurement(t.pcrs, d[:]), values, nil
}

func (t *TPM) readPCRs() ([][]byte, error) {
	got, err := client.ReadPCRs(t.rw, tpm2.PCRSelection{Hash: tpm2.AlgSHA256, PCRs: t.pcrs})
	if err != nil {
		return nil, fmt.Errorf("attest: read PCRs: %w", err)
	}
	values := make([][]byte, len(t.pcrs))
	for i, p := range t.pcrs {
		v := got.GetPcrs()[uint32(p)]
		if len(v) != sha256.Size {
			return nil, fmt.Errorf("attest: PCR %d has no SHA-256 value", p)
		}
		values[i] = v
	}
	return values, nil
}

// Extend measures data into pcr (EventDigest of SHA-256(data) and
// description, TPM2_PCR_Extend) and records the event in the log carried
// with the evidence. It is how a
// simulated or emulated platform's measured boot is played; on a device the
// firmware measured the boot chain already.
func (t *TPM) Extend(pcr int, data []byte, description string) error {
	if pcr < 0 || pcr >= MaxPCRs || len(description) > MaxEventDescription {
		return fmt.Errorf("attest: bad event for PCR %d", pcr)
	}
	d := sha256.Sum256(data)
	ev := Event{PCR: uint32(pcr), Digest: d[:], Description: description}
	x := EventDigest(ev)
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.log) >= MaxEvents {
		return errors.New("attest: event log full")
	}
	if err := tpm2.PCRExtend(t.rw, tpmutil.Handle(pcr), tpm2.AlgSHA256, x[:], ""); err != nil {
		return fmt.Errorf("attest: extend PCR %d: %w", pcr, err)
	}
	t.log = append(t.log, ev)
	t.logged = true
	return nil
}

// Evidence quotes the selected PCRs for s now and returns the encoded
// evidence. The event log is carried when the PCRs were extended through
// this TPM (only events of quoted PCRs).
func (t *TPM) Evidence(s Subject) ([]byte, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	at := uint64(t.now().UnixMilli())
	qd := QualifyingData(s, at)
	q, err := t.ak.Quote(tpm2.PCRSelection{Hash: tpm2.AlgSHA256, PCRs: t.pcrs}, qd[:])
	if err != nil {
		return nil, fmt.Errorf("attest: quote: %w", err)
	}
	values := make([][]byte, len(t.pcrs))
	for i, p := range t.pcrs {
		values[i] = q.GetPcrs().GetPcrs()[uint32(p)]
	}
	e := &Evidence{V: Version, AK: t.akPub, Quote: q.GetQuote(), Signature: q.GetRawSig(), PCRs: values, QuotedAt: at}
	if t.logged {
		for _, ev := range t.log {
			if containsInt(t.pcrs, int(ev.PCR)) {
				e.Log = append(e.Log, ev)
			}
		}
	}
	return EncodeEvidence(e)
}

func containsInt(a []int, x int) bool {
	for _, v := range a {
		if v == x {
			return true
		}
	}
	return false
}

// Reboot resets the in-process simulator as if its host had rebooted: PCRs
// return to zero, the TPM's reset count grows, the event log is cleared and
// the AK (a primary key of the unchanged owner seed) is recreated. Other
// backends refuse: a real platform reboots itself.
func (t *TPM) Reboot() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	sim, ok := t.rw.(*simulator.Simulator)
	if !ok {
		return errors.New("attest: only the simulator can be rebooted")
	}
	t.ak.Close()
	if err := sim.Reset(); err != nil {
		return fmt.Errorf("attest: reset the simulator: %w", err)
	}
	ak, err := client.AttestationKeyECC(t.rw)
	if err != nil {
		return fmt.Errorf("attest: reload the attestation key: %w", err)
	}
	t.ak, t.log, t.logged = ak, nil, false
	return nil
}
