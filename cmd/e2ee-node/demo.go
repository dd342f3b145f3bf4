package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/verifier"
	"github.com/wamp-e2ee/e2ee-node/e2ee/attest"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

const (
	demoRealmURI = "com.example.demo"
	demoTopic    = "com.example.telemetry"
	demoProc     = "com.example.add"
	// demoSecret is a marker that must never cross the router in plaintext.
	demoSecret = "the-launch-code-is-0000"
)

// demoStep is one verified step of the demo.
type demoStep struct {
	Name   string  `json:"name"`
	OK     bool    `json:"ok"`
	Detail string  `json:"detail,omitempty"`
	Millis float64 `json:"ms"`
	Gas    uint64  `json:"gas,omitempty"`
}

// demoReport is the --json summary.
type demoReport struct {
	OK                bool              `json:"ok"`
	ChainID           uint64            `json:"chainId"`
	Registry          string            `json:"registry"`
	Router            string            `json:"router"`
	Steps             []demoStep        `json:"steps"`
	RouterSaw         int               `json:"routerMessages"`
	PlaintextLeaks    int               `json:"plaintextLeaks"`
	RevocationLatency float64           `json:"revocationToVerifierMs"`
	Attestation       *demoAttestation  `json:"attestation,omitempty"`
	Nodes             map[string]any    `json:"nodes"`
	Guard             map[string]uint64 `json:"routerGuard"`
	ciphertextSample  string
}

// demoAttestation is what the remote-attestation part showed.
type demoAttestation struct {
	AKDigest          string `json:"akDigest"`
	Approved          string `json:"approvedMeasurement"`
	Daves             string `json:"davesMeasurement"`
	DaveRefusedReason string `json:"daveRefusedReason"`
	DaveAdmitted      bool   `json:"daveAdmittedAfterAllow"`
}

// demo runs the whole system in one process and records each step.
type demo struct {
	e      *env
	json   bool
	report demoReport
	ctx    context.Context
	start  time.Time

	sim      *chain.SimulatedChain
	backend  *chain.Backend
	reg      *chain.Registry
	root     *chain.KeySigner
	realmKey *chain.KeySigner
	operator *chain.KeySigner
	realm    common.Address

	rt      *router.Router
	wsURL   string
	tapMu   sync.Mutex
	tapped  [][]byte
	sampleC []byte
	keyIDs  []string // ppt_keyid of alice's events, in order

	nodes map[string]*demoNode

	// tpm is the simulated platform every node quotes (go-tpm-tools' in-process simulator:
	// one per process, so the nodes share it; each quotes the PCRs as they are when it starts).
	tpm      *attest.TPM
	approved [32]byte // the measurement the realm allows from the start
}

// demoNode is one E2EE node: its keys, verifier and session.
type demoNode struct {
	name     string
	delegate *keys.DelegateKey
	sessKey  *keys.SessionKey
	verifier *verifier.Verifier
	prover   *attest.Prover
	sess     *session.Session
	events   chan *wamp.Event
	revoked  chan verifier.Revocation
}

func runDemo(ctx context.Context, e *env, args []string) error {
	var asJSON bool
	fs := newFlags(e, "demo", "demo [--json]",
		"Shows the whole system in one process, with nothing else running: an embedded go-ethereum chain,\nthe trust registry deployed with CREATE2, a root, a realm and an operator CA on-chain, three delegates\nauthorized, the hardened router on loopback, and three E2EE nodes (alice, bob, carol) exchanging\nevents and calls. It prints what the router sees beside what the nodes see, then revokes carol\non-chain and shows her refused and keys rotating. The realm requires remote attestation (TPM 2.0\nquotes from go-tpm-tools' simulator): a fourth node, dave, whose platform booted an unapproved kernel\nis refused the key until the realm allows his measurement on-chain. Exit status 0 only if every step verified.")
	fs.BoolVar(&asJSON, "json", false, "print a machine-readable summary instead of the narrative")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	d := &demo{e: e, json: asJSON, ctx: ctx, nodes: map[string]*demoNode{}, report: demoReport{Nodes: map[string]any{}}}
	err := d.run()
	d.close()
	d.report.OK = err == nil
	for _, s := range d.report.Steps {
		d.report.OK = d.report.OK && s.OK
	}
	if asJSON {
		if jerr := printJSON(e, d.report); jerr != nil {
			return jerr
		}
	}
	if err != nil {
		return fmt.Errorf("demo failed: %w", err)
	}
	if !d.report.OK {
		return errors.New("demo failed: a step did not verify")
	}
	d.say("\nAll %d steps verified in %.0f ms.\n", len(d.report.Steps), msSince(d.start))
	return nil
}

func msSince(t time.Time) float64 { return float64(time.Since(t).Microseconds()) / 1000 }

func (d *demo) say(format string, a ...any) {
	if !d.json {
		fmt.Fprintf(d.e.stdout, format, a...)
	}
}

// step runs fn as a named step and records whether it verified.
func (d *demo) step(name string, fn func() (detail string, gas uint64, err error)) error {
	t := time.Now()
	detail, gas, err := fn()
	s := demoStep{Name: name, OK: err == nil, Detail: detail, Millis: msSince(t), Gas: gas}
	if err != nil {
		s.Detail = err.Error()
	}
	d.report.Steps = append(d.report.Steps, s)
	mark := "✓"
	if err != nil {
		mark = "✗"
	}
	line := fmt.Sprintf("  %s %-52s %8.1f ms", mark, name, s.Millis)
	if gas > 0 {
		line += fmt.Sprintf("  %7d gas", gas)
	}
	d.say("%s\n", line)
	if s.Detail != "" {
		d.say("      %s\n", strings.ReplaceAll(s.Detail, "\n", "\n      "))
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func (d *demo) run() error {
	d.start = time.Now()
	d.say("e2ee-node demo — WAMP payload end-to-end encryption with on-chain trust\n\n1. The chain and the registry\n")
	if err := d.setupChain(); err != nil {
		return err
	}
	d.say("\n2. Three nodes behind a router that must not read their payloads\n")
	if err := d.setupNodes(); err != nil {
		return err
	}
	d.say("\n3. Encrypted events and calls\n")
	if err := d.exchange(); err != nil {
		return err
	}
	d.say("\n4. What the router saw\n")
	if err := d.routerView(); err != nil {
		return err
	}
	d.say("\n5. Revocation on-chain\n")
	if err := d.revoke(); err != nil {
		return err
	}
	d.say("\n6. Remote attestation: a fourth node on a platform that booted something else\n")
	return d.attestation()
}

func (d *demo) close() {
	for _, n := range d.nodes {
		if n.sess != nil {
			_ = n.sess.Close()
		}
		if n.verifier != nil {
			n.verifier.Close()
		}
	}
	if d.rt != nil {
		d.rt.Close()
	}
	if d.backend != nil {
		d.backend.Close()
	}
	if d.sim != nil {
		_ = d.sim.Close()
	}
	if d.tpm != nil {
		_ = d.tpm.Close()
	}
}

func newSigner() (*chain.KeySigner, *ecdsa.PrivateKey, error) {
	k, err := chain.NewDevKey()
	if err != nil {
		return nil, nil, err
	}
	return chain.NewKeySigner(k), k, nil
}

func (d *demo) setupChain() error {
	var err error
	var rootKey *ecdsa.PrivateKey
	if d.root, rootKey, err = newSigner(); err != nil {
		return err
	}
	if d.realmKey, _, err = newSigner(); err != nil {
		return err
	}
	if d.operator, _, err = newSigner(); err != nil {
		return err
	}
	d.realm = d.realmKey.Address()
	if err := d.step("start an embedded go-ethereum chain", func() (string, uint64, error) {
		d.sim = chain.NewSimulatedChain(d.root.Address(), d.realm, d.operator.Address())
		d.backend, err = chain.Connect(d.ctx, chain.BackendConfig{Simulated: d.sim})
		if err != nil {
			return "", 0, err
		}
		d.report.ChainID = d.backend.ChainID().Uint64()
		return fmt.Sprintf("chain id %d", d.report.ChainID), 0, nil
	}); err != nil {
		return err
	}
	if err := d.step("deploy the TrustRegistry with CREATE2", func() (string, uint64, error) {
		dep, err := chain.DeployRegistry(d.ctx, d.sim.Client(), bind.NewKeyedTransactor(rootKey, d.backend.ChainID()), chain.DefaultRegistrySalt, time.Minute)
		if err != nil {
			return "", 0, err
		}
		d.reg = d.backend.Registry(dep.Address)
		d.report.Registry = dep.Address.Hex()
		return "at " + dep.Address.Hex() + " (the same address on every chain)", dep.Receipt.GasUsed, nil
	}); err != nil {
		return err
	}
	writes := []struct {
		name string
		fn   func() (uint64, error)
	}{
		{"register root " + short(d.root.Address()) + " (private policy)", func() (uint64, error) {
			r, err := d.reg.RegisterRoot(d.ctx, d.root, chain.PolicyPrivate)
			return gasOf(r, err)
		}},
		{"realm " + short(d.realm) + " chooses the root as Realm-CA", func() (uint64, error) {
			r, err := d.reg.SetRealmCA(d.ctx, d.realmKey, d.root)
			return gasOf(r, err)
		}},
		{"admit operator CA " + short(d.operator.Address()), func() (uint64, error) {
			r, err := d.reg.AdmitOperator(d.ctx, d.root, d.realm, d.operator.Address(), cert.CapIntermediateCA|cert.CapProvider|cert.CapConsumer)
			return gasOf(r, err)
		}},
	}
	for _, w := range writes {
		if err := d.step(w.name, func() (string, uint64, error) {
			g, err := w.fn()
			return "", g, err
		}); err != nil {
			return err
		}
	}
	if err := d.setupAttestation(); err != nil {
		return err
	}
	for _, name := range []string{"alice", "bob", "carol"} {
		if err := d.newNode(name); err != nil {
			return err
		}
	}
	return nil
}

// setupAttestation makes the realm require remote attestation (docs/protocol.md §6) and boots
// the simulated platform the nodes run on: the Realm-CA sets the policy and allows the platform's
// measurement.
func (d *demo) setupAttestation() error {
	if err := d.step("the Realm-CA requires attestation: TPM quotes over PCRs 0-7 and 14, at most 1 h old", func() (string, uint64, error) {
		r, err := d.reg.SetAttestationPolicy(d.ctx, d.root, d.realm, chain.AttestationPolicy{
			Required: true, MaxQuoteAge: time.Hour, PCRSelection: attest.SelectionBitmap(attest.DefaultPCRs)})
		g, err := gasOf(r, err)
		return "", g, err
	}); err != nil {
		return err
	}
	if err := d.step("the platform boots: a TPM 2.0 (simulator) measures the boot loader into PCR 4", func() (string, uint64, error) {
		var err error
		if d.tpm, err = attest.OpenTPM("simulator", nil); err != nil {
			return "", 0, err
		}
		if err := d.tpm.Extend(4, []byte("boot loader 2.12, signed"), "boot loader"); err != nil {
			return "", 0, err
		}
		if d.approved, _, err = d.tpm.Measurement(); err != nil {
			return "", 0, err
		}
		ak := d.tpm.AKDigest()
		d.report.Attestation = &demoAttestation{AKDigest: hex.EncodeToString(ak[:]), Approved: hex.EncodeToString(d.approved[:])}
		return fmt.Sprintf("attestation key %x…, measurement %x…", ak[:6], d.approved[:6]), 0, nil
	}); err != nil {
		return err
	}
	return d.step("the Realm-CA allows that measurement on-chain", func() (string, uint64, error) {
		r, err := d.reg.AllowMeasurement(d.ctx, d.root, d.realm, d.approved)
		g, err := gasOf(r, err)
		return "", g, err
	})
}

// newNode makes a node's keys and has the operator authorize its delegate, enrolling the
// platform's attestation key with the authorization.
func (d *demo) newNode(name string) error {
	n := &demoNode{name: name, events: make(chan *wamp.Event, 64), revoked: make(chan verifier.Revocation, 16)}
	var err error
	if n.delegate, err = keys.GenerateDelegateKey(); err != nil {
		return err
	}
	if n.sessKey, err = keys.GenerateSessionKey(); err != nil {
		return err
	}
	d.nodes[name] = n
	return d.step("operator authorizes "+name+"'s delegate "+short(n.delegate.Address())+" with the platform's AK", func() (string, uint64, error) {
		r, err := d.reg.AuthorizeWithAttestationKey(d.ctx, d.operator, d.realm, n.delegate.Address(), time.Now().Add(-time.Minute), time.Time{}, d.tpm.AKDigest())
		g, err := gasOf(r, err)
		return "", g, err
	})
}

func gasOf(r *types.Receipt, err error) (uint64, error) {
	if err != nil {
		return 0, err
	}
	return r.GasUsed, nil
}

func short(a common.Address) string { return a.Hex()[:10] + "…" }

func (d *demo) blockNumber() uint64 {
	n, err := d.sim.Client().BlockNumber(context.Background())
	if err != nil {
		return 0
	}
	return n
}

func (d *demo) setupNodes() error {
	if err := d.step("start the hardened router on loopback", func() (string, uint64, error) {
		var err error
		d.rt, err = router.New(router.Config{
			Realms:    []router.RealmConfig{{Name: demoRealmURI}},
			Listeners: []router.ListenerConfig{{URL: "ws://127.0.0.1:0/ws"}},
			Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
			Observe:   d.observe,
		})
		if err != nil {
			return "", 0, err
		}
		d.wsURL = d.rt.Addrs()[0]
		d.report.Router = d.wsURL
		return d.wsURL + " (nexus v3.3.0 behind a guard)", 0, nil
	}); err != nil {
		return err
	}
	for _, name := range []string{"alice", "bob", "carol"} {
		n := d.nodes[name]
		if err := d.step(name+" joins: delegate certificate, on-chain verifier, session", func() (string, uint64, error) {
			return d.startNode(n)
		}); err != nil {
			return err
		}
	}
	return nil
}

// observe is the router-side tap: it records what the router receives.
func (d *demo) observe(_ uint64, msg wamp.Message) {
	b, err := (&serialize.MessagePackSerializer{}).Serialize(msg)
	if err != nil {
		return
	}
	d.tapMu.Lock()
	d.tapped = append(d.tapped, b)
	if p, ok := msg.(*wamp.Publish); ok && string(p.Topic) == demoTopic {
		if id, ok := p.Options["ppt_keyid"].(string); ok {
			d.keyIDs = append(d.keyIDs, id)
		}
	}
	if p, ok := msg.(*wamp.Publish); ok && string(p.Topic) == demoTopic && d.sampleC == nil && len(p.Arguments) == 1 {
		switch c := p.Arguments[0].(type) {
		case []byte:
			d.sampleC = append([]byte(nil), c...)
		case serialize.BinaryData:
			d.sampleC = append([]byte(nil), c...)
		}
	}
	d.tapMu.Unlock()
}

func (d *demo) startNode(n *demoNode) (string, uint64, error) {
	block := d.blockNumber()
	dc, err := cert.SignDelegate(n.delegate, cert.DelegateCertificate{
		ChainID: d.report.ChainID, VerifyingContract: d.reg.Address(), ValidFrom: block,
		Delegate: n.delegate.Address(), CSPubKey: n.sessKey.PublicKey32(), BootedAt: uint64(time.Now().UnixNano()),
	})
	if err != nil {
		return "", 0, err
	}
	n.prover = attest.NewProver(d.tpm, attest.Subject{ChainID: d.report.ChainID, Delegate: n.delegate.Address(), CSPubKey: n.sessKey.PublicKey32(), BootedAt: dc.Delegate.BootedAt})
	if _, err := n.prover.Evidence(time.Hour); err != nil { // quoted now: the platform as this node booted it
		return "", 0, err
	}
	revocations := verifier.NewQueue(16)
	n.verifier, err = verifier.New(d.ctx, d.backend, verifier.Config{
		Registry:     d.reg.Address(),
		Trustroots:   map[common.Address]common.Address{d.realm: d.root.Address()},
		OnRevocation: revocations.Report,
	})
	if err != nil {
		return "", 0, err
	}
	blockAt, latestAt := n.verifier.Blocks()
	policy := n.verifier.AttestationPolicy()
	peerLog := log.New(io.Discard, "", 0)
	n.sess, err = session.Dial(d.ctx, session.Config{
		Realm: demoRealmURI,
		Dial: func(ctx context.Context) (wamp.Peer, error) {
			return session.DialWebsocket(d.wsURL, serialize.MSGPACK, nil, peerLog)(ctx)
		},
		Serialization: serialize.MSGPACK,
		Identity:      keydist.Identity{Delegate: n.delegate, Session: n.sessKey, Chain: []cert.Certificate{dc}, Issuer: d.operator.Address()},
		KeyPolicy: keydist.Policy{
			ChainID: d.report.ChainID, Registry: d.reg.Address(), Realm: d.realm,
			Trust: n.verifier, Block: blockAt, LatestBlock: latestAt,
			Attestation: &keydist.Attestation{Policy: policy, Evidence: n.prover.Evidence},
		},
		Default:      session.Rule{Encrypt: true},
		FetchTimeout: 5 * time.Second,
	})
	if err != nil {
		return "", 0, err
	}
	// The node's revocation policy (verifier.Apply), as the CLI runs it; the
	// demo then reports what was applied.
	go revocations.Run(d.ctx.Done(), n.sess, func(r verifier.Revocation) {
		select {
		case n.revoked <- r:
		default:
		}
	})
	return "delegate certificate (self-signed, EIP712 WMP/1) binds session key " + hex.EncodeToString(n.sessKey.Public()[:6]) + "…; trust = the registry", 0, nil
}

// wantEvent waits for an event carrying reading i on n.
func (n *demoNode) wantEvent(i int, within time.Duration) (*wamp.Event, error) {
	t := time.NewTimer(within)
	defer t.Stop()
	for {
		select {
		case ev := <-n.events:
			if isReading(ev, i) {
				return ev, nil
			}
		case <-t.C:
			return nil, fmt.Errorf("%s received no event %d within %v", n.name, i, within)
		}
	}
}

// receivedEvent reports whether event i is among the events n's handler has
// received and not yet consumed (it consumes them).
func (n *demoNode) receivedEvent(i int) bool {
	for {
		select {
		case ev := <-n.events:
			if isReading(ev, i) {
				return true
			}
		default:
			return false
		}
	}
}

// isReading reports whether ev is the demo's event i (its "reading").
func isReading(ev *wamp.Event, i int) bool {
	switch r := ev.ArgumentsKw["reading"].(type) {
	case int64:
		return r == int64(i)
	case uint64:
		return i >= 0 && r == uint64(i)
	}
	return false
}

func (d *demo) exchange() error {
	alice, bob, carol := d.nodes["alice"], d.nodes["bob"], d.nodes["carol"]
	for _, n := range []*demoNode{bob, carol} {
		if err := n.sess.Subscribe(demoTopic, func(ev *wamp.Event) {
			select {
			case n.events <- ev:
			default:
			}
		}, nil); err != nil {
			return fmt.Errorf("%s subscribe: %w", n.name, err)
		}
	}
	if err := bob.sess.Register(demoProc, func(ctx context.Context, inv *wamp.Invocation) client.InvokeResult {
		var sum int64
		for _, a := range inv.Arguments {
			switch v := a.(type) {
			case int64:
				sum += v
			case uint64:
				sum += int64(v)
			}
		}
		return client.InvokeResult{Args: wamp.List{sum}, Kwargs: wamp.Dict{"note": "computed by bob"}}
	}, nil); err != nil {
		return fmt.Errorf("bob register: %w", err)
	}
	// Subscribe and Register returned the router's acknowledgement: the
	// subscriptions and the registration are in place.
	if err := d.step("alice publishes event 1 (bob and carol fetch alice's key)", func() (string, uint64, error) {
		if err := alice.sess.Publish(demoTopic, nil, wamp.List{"sensor-7"}, wamp.Dict{"reading": 1, "secret": demoSecret}); err != nil {
			return "", 0, err
		}
		evb, err := bob.wantEvent(1, 10*time.Second)
		if err != nil {
			return "", 0, err
		}
		if _, err := carol.wantEvent(1, 10*time.Second); err != nil {
			return "", 0, err
		}
		return fmt.Sprintf("bob sees args=%v kwargs=%v", evb.Arguments, evb.ArgumentsKw), 0, nil
	}); err != nil {
		return err
	}
	if err := d.step("alice publishes events 2-20 (keys cached)", func() (string, uint64, error) {
		for i := 2; i <= 20; i++ {
			if err := alice.sess.Publish(demoTopic, nil, wamp.List{"sensor-7"}, wamp.Dict{"reading": i, "secret": demoSecret}); err != nil {
				return "", 0, err
			}
		}
		if _, err := bob.wantEvent(20, 10*time.Second); err != nil {
			return "", 0, err
		}
		if _, err := carol.wantEvent(20, 10*time.Second); err != nil {
			return "", 0, err
		}
		return "", 0, nil
	}); err != nil {
		return err
	}
	return d.step("alice calls bob's procedure "+demoProc+"(19, 23)", func() (string, uint64, error) {
		res, err := alice.sess.Call(d.ctx, demoProc, nil, wamp.List{19, 23}, wamp.Dict{"secret": demoSecret}, nil)
		if err != nil {
			return "", 0, err
		}
		if len(res.Arguments) != 1 {
			return "", 0, fmt.Errorf("result %v", res.Arguments)
		}
		got := fmt.Sprint(res.Arguments[0])
		if got != "42" {
			return "", 0, fmt.Errorf("result %s, want 42", got)
		}
		return fmt.Sprintf("result %s %v — call, invocation, yield and result all encrypted", got, res.ArgumentsKw), 0, nil
	})
}

func (d *demo) routerView() error {
	return d.step("the router saw ciphertext only", func() (string, uint64, error) {
		d.tapMu.Lock()
		defer d.tapMu.Unlock()
		leaks := 0
		for _, b := range d.tapped {
			if bytes.Contains(b, []byte(demoSecret)) || bytes.Contains(b, []byte("computed by bob")) {
				leaks++
			}
		}
		d.report.RouterSaw = len(d.tapped)
		d.report.PlaintextLeaks = leaks
		if d.sampleC == nil {
			return "", 0, errors.New("the router saw no published event")
		}
		sample := hex.EncodeToString(d.sampleC)
		if len(sample) > 64 {
			sample = sample[:64] + "…"
		}
		d.report.ciphertextSample = sample
		detail := fmt.Sprintf("router:  PUBLISH %s [%d bytes: %s]\n"+
			"nodes:   PUBLISH %s args=[sensor-7] kwargs={reading: 1, secret: %q}\n"+
			"%d messages crossed the router; %d contained a plaintext byte of a payload",
			demoTopic, len(d.sampleC), sample, demoTopic, demoSecret, len(d.tapped), leaks)
		if leaks > 0 {
			return "", 0, errors.New(detail)
		}
		return detail, 0, nil
	})
}

func (d *demo) revoke() error {
	alice, bob, carol := d.nodes["alice"], d.nodes["bob"], d.nodes["carol"]
	var mined time.Time
	if err := d.step("operator revokes carol's delegate on-chain", func() (string, uint64, error) {
		r, err := d.reg.Revoke(d.ctx, d.operator, d.realm, carol.delegate.Address())
		mined = time.Now()
		g, err := gasOf(r, err)
		return "", g, err
	}); err != nil {
		return err
	}
	if err := d.step("every node's verifier sees the revocation event", func() (string, uint64, error) {
		var latest time.Duration
		for _, n := range []*demoNode{alice, bob, carol} {
			select {
			case rv := <-n.revoked:
				if rv.Delegate != carol.delegate.Address() {
					return "", 0, fmt.Errorf("%s: revocation of %s, want carol", n.name, rv.Delegate.Hex())
				}
				if l := time.Since(mined); l > latest {
					latest = l
				}
			case <-time.After(10 * time.Second):
				return "", 0, fmt.Errorf("%s's verifier saw no revocation", n.name)
			}
		}
		d.report.RevocationLatency = float64(latest.Microseconds()) / 1000
		return fmt.Sprintf("within %.1f ms of the transaction being mined; alice rotated her keys", d.report.RevocationLatency), 0, nil
	}); err != nil {
		return err
	}
	if err := d.step("carol asks alice for the new key and is refused", func() (string, uint64, error) {
		// Read before publishing: carol's node may drop the event before
		// Publish returns.
		droppedBefore := carol.sess.Stats().Dropped
		if err := alice.sess.Publish(demoTopic, nil, wamp.List{"sensor-7"}, wamp.Dict{"reading": 21, "secret": demoSecret}); err != nil {
			return "", 0, err
		}
		if _, err := bob.wantEvent(21, 10*time.Second); err != nil {
			return "", 0, err
		}
		// carol's node drops the event once alice refused her the key; then
		// nothing of it may have reached her handler.
		deadline := time.Now().Add(10 * time.Second)
		for carol.sess.Stats().Dropped == droppedBefore {
			if time.Now().After(deadline) {
				return "", 0, errors.New("carol's node neither dropped nor delivered the event")
			}
			time.Sleep(time.Millisecond)
		}
		if carol.receivedEvent(21) {
			return "", 0, errors.New("carol decrypted an event published after her revocation")
		}
		denied := alice.sess.Stats().KeyRequestsDenied
		if denied == 0 {
			return "", 0, errors.New("alice denied no key request")
		}
		d.tapMu.Lock()
		before, after := d.keyIDs[0], d.keyIDs[len(d.keyIDs)-1]
		d.tapMu.Unlock()
		if before == after {
			return "", 0, fmt.Errorf("alice still encrypts under key %s after the revocation", before)
		}
		// bob and carol asked alice before: their requests for the new key
		// resume (MAC instead of signatures, docs/protocol.md §3.8), and the
		// on-chain decision still refuses carol.
		if bob.sess.Stats().ResumedKeyFetches == 0 || alice.sess.Stats().ResumedKeyRequestsServed == 0 {
			return "", 0, errors.New("bob's request for alice's new key did not resume")
		}
		if carol.sess.Stats().ResumedKeyFetches == 0 {
			return "", 0, errors.New("carol's request for alice's new key did not resume")
		}
		return fmt.Sprintf("alice's key rotated (…%s → …%s); bob fetched the new key (resumed: MACs,\n"+
			"no signatures) and still receives; alice denied %d key request(s) (%v);\ncarol dropped %d message(s)",
			before[len(before)-12:], after[len(after)-12:], denied, alice.sess.Stats().KeyDenials, carol.sess.Stats().Dropped), 0, nil
	}); err != nil {
		return err
	}
	for _, n := range []*demoNode{alice, bob, carol} {
		st := n.sess.Stats()
		d.report.Nodes[n.name] = map[string]any{
			"encrypted": st.Encrypted, "decrypted": st.Decrypted, "keyRequestsServed": st.KeyRequestsServed,
			"keyRequestsDenied": st.KeyRequestsDenied, "keyFetches": st.KeyFetches, "resumedKeyFetches": st.ResumedKeyFetches,
			"resumedKeyRequestsServed": st.ResumedKeyRequestsServed, "dropped": st.Dropped,
			"rejected": st.Rejected,
		}
	}
	gs := d.rt.Stats()
	d.report.Guard = map[string]uint64{"pptMessages": gs.PPT, "rejected": gs.TotalRejected()}
	return nil
}

// attestation runs the remote-attestation part: dave's platform measured a kernel the realm
// never allowed, so alice refuses him her key while bob keeps receiving; once the Realm-CA allows
// dave's measurement on-chain, dave receives alice's next key.
func (d *demo) attestation() error {
	alice, bob := d.nodes["alice"], d.nodes["bob"]
	var daves [32]byte
	if err := d.step("dave's platform boots an unapproved kernel: PCR 4 is extended once more", func() (string, uint64, error) {
		if err := d.tpm.Extend(4, []byte("kernel 6.99-unreviewed"), "kernel"); err != nil {
			return "", 0, err
		}
		var err error
		if daves, _, err = d.tpm.Measurement(); err != nil {
			return "", 0, err
		}
		if daves == d.approved {
			return "", 0, errors.New("the extended PCR did not change the measurement")
		}
		d.report.Attestation.Daves = hex.EncodeToString(daves[:])
		return fmt.Sprintf("dave's measurement %x… is not allowed in the realm", daves[:6]), 0, nil
	}); err != nil {
		return err
	}
	if err := d.newNode("dave"); err != nil {
		return err
	}
	dave := d.nodes["dave"]
	if err := d.step("dave joins: he quotes his platform with the enrolled AK", func() (string, uint64, error) {
		detail, g, err := d.startNode(dave)
		if err != nil {
			return "", 0, err
		}
		return detail, g, dave.sess.Subscribe(demoTopic, func(ev *wamp.Event) {
			select {
			case dave.events <- ev:
			default:
			}
		}, nil)
	}); err != nil {
		return err
	}
	if err := d.step("alice publishes: bob receives; dave is refused the key for his measurement", func() (string, uint64, error) {
		denied := alice.sess.Stats().KeyDenials[keydist.ErrorURIAttestation]
		if err := alice.sess.Publish(demoTopic, nil, wamp.List{"sensor-7"}, wamp.Dict{"reading": 30, "secret": demoSecret}); err != nil {
			return "", 0, err
		}
		if _, err := bob.wantEvent(30, 10*time.Second); err != nil {
			return "", 0, err
		}
		// dave's node drops the event once alice refused him the key.
		deadline := time.Now().Add(10 * time.Second)
		for dave.sess.Stats().KeyFetchFailures == 0 {
			if time.Now().After(deadline) {
				return "", 0, errors.New("dave's key fetch did not end")
			}
			time.Sleep(5 * time.Millisecond)
		}
		if dave.receivedEvent(30) {
			return "", 0, errors.New("dave received an event his platform may not read")
		}
		if alice.sess.Stats().KeyDenials[keydist.ErrorURIAttestation] == denied {
			return "", 0, errors.New("alice did not refuse dave on his attestation")
		}
		// What the registry says about dave's evidence: his AK enrolled, his measurement not allowed.
		f, err := alice.verifier.AttestationPolicy().Attestation(d.ctx, attest.Query{Realm: d.realm, Issuer: d.operator.Address(), Delegate: dave.delegate.Address(), Measurement: daves})
		if err != nil {
			return "", 0, err
		}
		if f.AKDigest != d.tpm.AKDigest() || f.Measurement != attest.MeasurementUnknown {
			return "", 0, fmt.Errorf("registry: AK %x, measurement state %d", f.AKDigest[:4], f.Measurement)
		}
		d.report.Attestation.DaveRefusedReason = "measurement_not_allowed"
		return "alice refused dave (key_request.attestation: measurement_not_allowed); bob read event 30", 0, nil
	}); err != nil {
		return err
	}
	source := alice.verifier.AttestationPolicy()
	version := source.Version()
	if err := d.step("the Realm-CA allows dave's measurement on-chain", func() (string, uint64, error) {
		r, err := d.reg.AllowMeasurement(d.ctx, d.root, d.realm, daves)
		g, err := gasOf(r, err)
		if err != nil {
			return "", g, err
		}
		// alice's verifier sees the event: its policy version moves, cached verdicts go.
		deadline := time.Now().Add(10 * time.Second)
		for source.Version() == version {
			if time.Now().After(deadline) {
				return "", g, errors.New("alice's verifier did not see the allowance")
			}
			time.Sleep(time.Millisecond)
		}
		return "", g, nil
	}); err != nil {
		return err
	}
	if err := d.step("alice rotates her key: dave receives the next one, and the event", func() (string, uint64, error) {
		alice.sess.RotateAll()
		if err := alice.sess.Publish(demoTopic, nil, wamp.List{"sensor-7"}, wamp.Dict{"reading": 31, "secret": demoSecret}); err != nil {
			return "", 0, err
		}
		if _, err := dave.wantEvent(31, 10*time.Second); err != nil {
			return "", 0, err
		}
		if _, err := bob.wantEvent(31, 10*time.Second); err != nil {
			return "", 0, err
		}
		d.report.Attestation.DaveAdmitted = true
		return "dave's evidence verified against the new policy; bob still receives", 0, nil
	}); err != nil {
		return err
	}
	st := dave.sess.Stats()
	d.report.Nodes["dave"] = map[string]any{"decrypted": st.Decrypted, "keyFetches": st.KeyFetches, "keyFetchFailures": st.KeyFetchFailures, "dropped": st.Dropped}
	return nil
}
