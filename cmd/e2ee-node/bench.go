package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"golang.org/x/crypto/nacl/secretbox"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keyring"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
	"github.com/wamp-e2ee/e2ee-node/e2ee/trust"
	"github.com/wamp-e2ee/e2ee-node/internal/gasreport"
	"github.com/wamp-e2ee/e2ee-node/internal/loadgen"
)

const benchRealm = "com.e2ee.bench"

// benchCipher holds the cipher floors measured in the same run.
type benchCipher struct {
	// SealOpenUs is one nacl/secretbox seal plus open of the payload in a warm loop, µs (fastest
	// of 5 rounds); GCMSealOpenUs the same with AES-256-GCM.
	SealOpenUs    float64 `json:"secretboxSealOpenUs"`
	GCMSealOpenUs float64 `json:"aes256gcmSealOpenUs"`
	// ColdSealOpenUs is one secretbox seal plus open into fresh buffers, timed once per latency
	// iteration on the measuring goroutine (p50): the floor under the latency loop's conditions.
	ColdSealOpenUs float64 `json:"secretboxSealOpenColdUs"`
	// AddedPerEventUs is 1/E2EE − 1/plaintext throughput: the wall time per event E2EE adds, µs.
	AddedPerEventUs float64 `json:"addedPerEventUs"`
}

// benchTarget is one target line.
type benchTarget struct {
	Name     string  `json:"name"`
	Value    float64 `json:"value"`
	Baseline float64 `json:"baseline"`
	Ratio    float64 `json:"ratio"`
	Target   string  `json:"target"`
	Holds    bool    `json:"holds"`
	// Floor, if not empty, states a floor measured in the same run that bounds what the target
	// can reach.
	Floor string `json:"floor,omitempty"`
}

// benchReport is the result of 'e2ee-node bench' (--json prints it).
type benchReport struct {
	Transport    string          `json:"transport"`
	PayloadBytes int             `json:"payloadBytes"`
	Throughput   benchThroughput `json:"throughput"`
	// ThroughputGCM is the same measurement with ppt_cipher aes256gcm.
	ThroughputGCM benchThroughput `json:"throughputAes256gcm"`
	// Cipher is the floor: raw nacl/secretbox seal plus open of one payload, same run.
	Cipher benchCipher `json:"cipher"`
	// Carriage is the router's and transports' cost of a PPT message without cryptography.
	Carriage benchCarriage `json:"carriage"`
	// Stock is E2EE here against plaintext through a stock nexus router.
	Stock benchStock `json:"vsStockNexus"`
	// Targets says, for each target of issue 16 measured here, whether it holds.
	Targets     []benchTarget `json:"targets"`
	Latency     benchLatency  `json:"latency"`
	KeyRequests benchKeyReqs  `json:"keyRequests"`
	// LateJoiner is the late joiner on on-chain trust (benchjoiner.go).
	LateJoiner benchLateJoiner `json:"lateJoiner"`
	// FanOut is rotation and memory at N subscribers (benchfanout.go).
	FanOut    []benchFanOut `json:"fanOut,omitempty"`
	Gas       []chainGas    `json:"gas,omitempty"`
	ElapsedMs float64       `json:"elapsedMs"`
}

type benchThroughput struct {
	Events int `json:"events"`
	// Runs is the number of runs; every figure is the median over them.
	Runs int `json:"runs"`
	// Plaintext and E2EE are delivered events per second; Ratio is E2EE / Plaintext.
	Plaintext float64 `json:"plaintextPerSec"`
	E2EE      float64 `json:"e2eePerSec"`
	Ratio     float64 `json:"ratio"`
	// CPU per delivered event, µs: every thread of this process (publisher, router and
	// subscriber); AddedCPUUs = E2EE − plaintext.
	CPUPlaintextUs float64 `json:"plaintextCpuUsPerEvent"`
	CPUE2EEUs      float64 `json:"e2eeCpuUsPerEvent"`
	AddedCPUUs     float64 `json:"addedCpuUsPerEvent"`
	// Lost counts events not delivered within the time bound (nexus drops on full queues).
	LostPlaintext int `json:"lostPlaintext"`
	LostE2EE      int `json:"lostE2ee"`
}

type benchLatency struct {
	Samples   int          `json:"samples"`
	Plaintext percentileUs `json:"plaintext"`
	E2EE      percentileUs `json:"e2ee"`
	// CallAddedP50 and ResultAddedP50 are the E2EE − plaintext p50 of CALL → callee handler and
	// callee return → caller (one call per 4 events).
	CallAddedP50   float64 `json:"callAddedP50Us"`
	ResultAddedP50 float64 `json:"resultAddedP50Us"`
}

type percentileUs struct {
	P50 float64 `json:"p50Us"`
	P99 float64 `json:"p99Us"`
}

type benchKeyReqs struct {
	Requested int     `json:"events"`
	Served    uint64  `json:"served"`
	PerSecond float64 `json:"perSec"`
}

type chainGas = gasreport.Figure

func runBench(ctx context.Context, e *env, args []string) error {
	var events, samples, keyEvents, payload, runs int
	var gas, asJSON bool
	var limit time.Duration
	var config, rpc, fanout string
	var lateJoiners int
	fs := newFlags(e, "bench", "bench [--events N] [--latency-samples N] [--key-requests N] [--gas=false] [--json]",
		"Measures, in one run and with the plaintext baseline measured in the same run:\n"+
			"  throughput   E2EE vs plaintext pub/sub through the embedded e2ee/router over websocket + msgpack\n"+
			"               (--payload bytes, --events events each; the ratio is E2EE / plaintext);\n"+
			"  latency      one-way publish→handler latency p50/p99, plaintext and E2EE, one event in flight;\n"+
			"  key requests key requests served per second to known requesters (per-message rotation);\n"+
			"  late joiner  first event of a late joiner on on-chain trust: warm, cold verifier, cold node,\n"+
			"               and the plaintext transport floor (--late-joiners iterations; --rpc for a node);\n"+
			"  fan-out      key rotation until N subscribers decrypted, pull vs push, and memory per idle\n"+
			"               session (router and client side together), at the router's default queue\n"+
			"               (--fanout N,N,…; 0: skip);\n"+
			"  gas          the registry's gas per operation on a fresh simulated chain (gasreport.Measure).\n"+
			"Everything runs in this process on loopback; --limit bounds the whole run.")
	fs.IntVar(&events, "events", 20000, "events per throughput run")
	fs.IntVar(&runs, "runs", 3, "throughput runs per figure (medians are reported)")
	fs.IntVar(&samples, "latency-samples", 2000, "latency samples per mode")
	fs.IntVar(&keyEvents, "key-requests", 2000, "events published under per-message rotation (each costs a key request per subscriber)")
	fs.IntVar(&payload, "payload", 1024, "payload size in bytes")
	fs.IntVar(&lateJoiners, "late-joiners", 100, "late-joiner iterations per case")
	fs.StringVar(&rpc, "rpc", "", "late joiner: JSON-RPC endpoint of a development chain with anvil's funded accounts (e.g. ws://127.0.0.1:8545); default: a simulated chain in this process")
	fs.StringVar(&fanout, "fanout", "100", "fan-out: comma-separated subscriber counts, e.g. 10,100,1000 (raise --limit for 1000); 0 skips")
	fs.BoolVar(&gas, "gas", true, "measure registry gas")
	fs.DurationVar(&limit, "limit", 60*time.Second, "upper bound of the whole run")
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	fs.StringVar(&config, "config", "", "JSON config file with flag values, section \"bench\" (default $E2EE_CONFIG)")
	pos, err := parseWithConfig(e, fs, args, "bench")
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usageErrorf(e, "bench: unexpected argument %q", pos[0])
	}
	if events < 6 || runs < 1 || samples < 1 || keyEvents < 1 || lateJoiners < 1 || payload < 1 || payload > 1<<20 {
		return usageErrorf(e, "bench: --events must be ≥ 6; --runs, --latency-samples, --key-requests and --late-joiners ≥ 1; --payload 1…1048576")
	}
	fanNs, err := parseFanOut(fanout)
	if err != nil {
		return usageErrorf(e, "bench: %v", err)
	}
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	start := time.Now()
	b, err := newBenchEnv(ctx)
	if err != nil {
		return err
	}
	defer b.close()
	rep := benchReport{Transport: "websocket+msgpack, embedded e2ee/router, loopback", PayloadBytes: payload}
	data := make([]byte, payload)
	_, _ = rand.Read(data)

	// Each phase gets a share of the time bound so that one slow phase cannot starve the rest.
	phase := func(share float64) (context.Context, context.CancelFunc) {
		left, _ := ctx.Deadline()
		return context.WithTimeout(ctx, time.Duration(float64(time.Until(left))*share))
	}
	pctx, pcancel := phase(0.25)
	rep.Throughput, err = b.throughput(pctx, data, events, runs, envelope.CipherXSalsa)
	pcancel()
	if err != nil {
		return fmt.Errorf("throughput: %w", err)
	}
	pctx, pcancel = phase(0.25)
	rep.ThroughputGCM, err = b.throughput(pctx, data, events, runs, envelope.CipherAESGCM)
	pcancel()
	if err != nil {
		return fmt.Errorf("throughput (aes256gcm): %w", err)
	}
	pctx, pcancel = phase(0.15)
	rep.Carriage, err = b.carriage(pctx, data, events, runs, samples)
	pcancel()
	if err != nil {
		return fmt.Errorf("carriage floor: %w", err)
	}
	pctx, pcancel = phase(0.2)
	rep.Stock, err = b.stock(pctx, data, events, runs)
	pcancel()
	if err != nil {
		return fmt.Errorf("stock nexus: %w", err)
	}
	rep.Cipher.SealOpenUs = secretboxFloor(data)
	if rep.Cipher.GCMSealOpenUs, err = gcmFloor(data); err != nil {
		return fmt.Errorf("aes256gcm floor: %w", err)
	}
	if r := rep.Throughput; r.Plaintext > 0 && r.E2EE > 0 {
		rep.Cipher.AddedPerEventUs = 1e6/r.E2EE - 1e6/r.Plaintext
	}
	pctx, pcancel = phase(0.4)
	rep.Latency, rep.Cipher.ColdSealOpenUs, err = b.latency(pctx, data, samples)
	pcancel()
	if err != nil {
		return fmt.Errorf("latency: %w", err)
	}
	pctx, pcancel = phase(0.5)
	rep.KeyRequests, err = b.keyRequests(pctx, keyEvents)
	pcancel()
	if err != nil {
		return fmt.Errorf("key requests: %w", err)
	}
	pctx, pcancel = phase(0.6)
	rep.LateJoiner, err = b.lateJoiner(pctx, rpc, lateJoiners)
	pcancel()
	if err != nil {
		return fmt.Errorf("late joiner: %w", err)
	}
	pctx, pcancel = phase(0.8)
	rep.FanOut, err = b.fanOut(pctx, fanNs)
	pcancel()
	if err != nil {
		return fmt.Errorf("fan-out: %w", err)
	}
	if gas {
		if rep.Gas, err = gasreport.Measure(ctx); err != nil {
			return fmt.Errorf("registry gas: %w", err)
		}
	}
	rep.Targets = append(benchTargets(rep), lateJoinerTargets(rep.LateJoiner)...)
	rep.Targets = append(rep.Targets, fanOutTargets(rep.FanOut)...)
	rep.ElapsedMs = msSince(start)
	if asJSON {
		return printJSON(e, rep)
	}
	printBench(e, rep)
	return nil
}

// secretboxFloor returns the fastest of 5 rounds of one nacl/secretbox seal plus open of data, in
// µs: the cipher cost E2EE cannot avoid (a floor: the other rounds met interference, not less work).
func secretboxFloor(data []byte) float64 {
	var key [32]byte
	var nonce [24]byte
	_, _ = rand.Read(key[:])
	const n = 2000
	box := make([]byte, 0, len(data)+secretbox.Overhead)
	out := make([]byte, 0, len(data))
	rounds := make([]float64, 5)
	for i := range rounds {
		start := time.Now()
		for range n {
			box = secretbox.Seal(box[:0], data, &nonce, &key)
			out, _ = secretbox.Open(out[:0], box, &nonce, &key)
		}
		rounds[i] = us(time.Since(start)) / n
	}
	return slices.Min(rounds)
}

// benchTargets evaluates the targets of issue 16 that bench measures.
func benchTargets(r benchReport) []benchTarget {
	ratio := func(a, b float64) float64 {
		if b == 0 {
			return 0
		}
		return a / b
	}
	so, cold := r.Cipher.SealOpenUs, r.Cipher.ColdSealOpenUs
	added := r.Latency.E2EE.P50 - r.Latency.Plaintext.P50
	cpu := r.Throughput.AddedCPUUs
	carry := r.Carriage.AddedCPUUs
	// The best aes256gcm ratio the carriage floor allows: plaintext CPU ÷ (plaintext CPU +
	// carriage + the cipher), with nothing else added.
	gcmBest := ratio(r.ThroughputGCM.CPUPlaintextUs, r.ThroughputGCM.CPUPlaintextUs+carry+r.Cipher.GCMSealOpenUs)
	return []benchTarget{
		{Name: "added CPU per event ÷ secretbox seal+open, µs", Value: cpu, Baseline: so,
			Ratio: ratio(cpu, so), Target: "≤ 2", Holds: so > 0 && cpu <= 2*so,
			Floor: fmt.Sprintf("carrying a PPT message without cryptography: %.2f µs = %.2f × seal+open", carry, ratio(carry, so))},
		{Name: "throughput aes256gcm ÷ plaintext", Value: r.ThroughputGCM.E2EE, Baseline: r.ThroughputGCM.Plaintext,
			Ratio: r.ThroughputGCM.Ratio, Target: "≥ 0.80", Holds: r.ThroughputGCM.Ratio >= 0.80,
			Floor: fmt.Sprintf("carriage + AES-GCM alone allow %.2f (CPU-bound)", gcmBest)},
		{Name: "added one-way p50 ÷ seal+open (cold), µs", Value: added, Baseline: cold,
			Ratio: ratio(added, cold), Target: "≤ 1.5", Holds: cold > 0 && added <= 1.5*cold,
			Floor: fmt.Sprintf("carrying a PPT message without cryptography adds %.2f µs p50 = %.2f × seal+open (cold)", r.Carriage.AddedP50Us, ratio(r.Carriage.AddedP50Us, cold))},
	}
}

func printBench(e *env, r benchReport) {
	w := e.stdout
	fmt.Fprintf(w, "e2ee-node bench — %s, %d-byte payloads\n\n", r.Transport, r.PayloadBytes)
	fmt.Fprintf(w, "%-40s %12s %12s %8s\n", "", "plaintext", "E2EE", "ratio")
	row := func(name string, p, x, ratio float64) {
		fmt.Fprintf(w, "%-40s %12.0f %12.0f %8.2f\n", name, p, x, ratio)
	}
	cpu := func(name string, p, x, added float64) {
		fmt.Fprintf(w, "%-40s %12.2f %12.2f %+8.2f\n", name, p, x, added)
	}
	row(fmt.Sprintf("throughput, events/s (%d × %d events)", r.Throughput.Runs, r.Throughput.Events), r.Throughput.Plaintext, r.Throughput.E2EE, r.Throughput.Ratio)
	cpu("  CPU µs per event (added)", r.Throughput.CPUPlaintextUs, r.Throughput.CPUE2EEUs, r.Throughput.AddedCPUUs)
	row("  same, aes256gcm", r.ThroughputGCM.Plaintext, r.ThroughputGCM.E2EE, r.ThroughputGCM.Ratio)
	cpu("  CPU µs per event (added)", r.ThroughputGCM.CPUPlaintextUs, r.ThroughputGCM.CPUE2EEUs, r.ThroughputGCM.AddedCPUUs)
	cpu("carriage floor: PPT without crypto, CPU µs", r.Carriage.PlaintextCPUUs, r.Carriage.PPTCPUUs, r.Carriage.AddedCPUUs)
	row("vs stock nexus v3.3.0 plaintext, events/s", r.Stock.StockPlaintext, r.Stock.E2EE, r.Stock.Ratio)
	fmt.Fprintf(w, "%-40s %12.0f %12.0f\n", fmt.Sprintf("latency p50, µs (%d samples)", r.Latency.Samples), r.Latency.Plaintext.P50, r.Latency.E2EE.P50)
	fmt.Fprintf(w, "%-40s %12.0f %12.0f\n", "latency p99, µs", r.Latency.Plaintext.P99, r.Latency.E2EE.P99)
	fmt.Fprintf(w, "%-40s %12s %+12.0f\n", "call → callee, added p50 µs", "", r.Latency.CallAddedP50)
	fmt.Fprintf(w, "%-40s %12s %+12.0f\n", "return → caller, added p50 µs", "", r.Latency.ResultAddedP50)
	fmt.Fprintf(w, "%-40s %12s %12.0f\n", "key requests served/s", "—", r.KeyRequests.PerSecond)
	if r.Throughput.LostPlaintext+r.Throughput.LostE2EE > 0 {
		fmt.Fprintf(w, "(not delivered in time: %d plaintext, %d E2EE events)\n", r.Throughput.LostPlaintext, r.Throughput.LostE2EE)
	}
	printLateJoiner(w, r.LateJoiner)
	printFanOut(w, r.FanOut)
	if len(r.Gas) > 0 {
		fmt.Fprintf(w, "\nregistry gas (fresh simulated chain)\n")
		for _, g := range r.Gas {
			fmt.Fprintf(w, "  %-40s %9d  %s\n", g.Op, g.Gas, g.Kind)
		}
	}
	fmt.Fprintf(w, "\ntargets (issue 16; baselines from this run; secretbox seal+open %.2f µs warm, %.2f µs cold; aes256gcm %.2f µs)\n",
		r.Cipher.SealOpenUs, r.Cipher.ColdSealOpenUs, r.Cipher.GCMSealOpenUs)
	for _, t := range r.Targets {
		verdict := "holds"
		if !t.Holds {
			verdict = "MISSED"
		}
		fmt.Fprintf(w, "  %-48s %10.2f vs %10.2f  ratio %6.2f  target %-6s %s\n", t.Name, t.Value, t.Baseline, t.Ratio, t.Target, verdict)
		if t.Floor != "" {
			fmt.Fprintf(w, "    floor (same run): %s\n", t.Floor)
		}
	}
	fmt.Fprintf(w, "\ntotal %.1f s\n", r.ElapsedMs/1000)
}

// benchEnv is a router and a standalone PKI (one root certifying every delegate).
type benchEnv struct {
	clients  []*client.Client
	rt       *router.Router
	url      string
	root     *keys.DelegateKey
	rootCert cert.Certificate
	trust    e2ee.TrustDecider
	sessions []*session.Session
}

var (
	benchRegistry = common.HexToAddress("0x0000000000000000000000000000000000000001")
	benchRealmAdr = common.HexToAddress("0x00000000000000000000000000000000000000b7")
)

func newBenchEnv(ctx context.Context) (*benchEnv, error) {
	rt, err := router.New(router.Config{
		Realms:    []router.RealmConfig{{Name: benchRealm}},
		Listeners: []router.ListenerConfig{{URL: "ws://127.0.0.1:0/ws"}},
		Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
		// Room for loadgen's window: nexus drops events when a client's queue is full.
		OutQueueSize: 2 * loadgen.DefaultWindow,
	})
	if err != nil {
		return nil, fmt.Errorf("start router: %w", err)
	}
	b := &benchEnv{rt: rt, url: rt.Addrs()[0]}
	if b.root, err = keys.GenerateDelegateKey(); err != nil {
		b.close()
		return nil, err
	}
	b.rootCert, err = cert.SignAuthority(b.root, cert.AuthorityCertificate{ChainID: chain.SimulatedChainID, VerifyingContract: benchRegistry, ValidFrom: 1,
		Issuer: b.root.Address(), Subject: b.root.Address(), Realm: benchRealmAdr, Capabilities: 0xff})
	if err != nil {
		b.close()
		return nil, fmt.Errorf("root certificate: %w", err)
	}
	if b.trust, err = trust.NewStandalone(trust.StandaloneConfig{RootCertificates: []cert.Certificate{b.rootCert}}); err != nil {
		b.close()
		return nil, err
	}
	return b, nil
}

func (b *benchEnv) close() {
	for _, s := range b.sessions {
		_ = s.Close()
	}
	for _, c := range b.clients {
		_ = c.Close()
	}
	b.rt.Close()
}

// session dials a new E2EE session with a fresh certified delegate: URIs under bench.plain are
// sent in plaintext, the rest per rules (default: encrypted); opts adjust the config.
func (b *benchEnv) session(ctx context.Context, rules []session.Rule, opts ...func(*session.Config)) (*session.Session, error) {
	del, err := keys.GenerateDelegateKey()
	if err != nil {
		return nil, err
	}
	sk, err := keys.GenerateSessionKey()
	if err != nil {
		return nil, err
	}
	d, err := cert.SignDelegate(del, cert.DelegateCertificate{ChainID: chain.SimulatedChainID, VerifyingContract: benchRegistry, ValidFrom: 1,
		Delegate: del.Address(), CSPubKey: sk.PublicKey32(), BootedAt: uint64(time.Now().UnixNano())})
	if err != nil {
		return nil, err
	}
	a, err := cert.SignAuthority(b.root, cert.AuthorityCertificate{ChainID: chain.SimulatedChainID, VerifyingContract: benchRegistry, ValidFrom: 1,
		Issuer: b.root.Address(), Subject: del.Address(), Realm: benchRealmAdr, Capabilities: 0xfc})
	if err != nil {
		return nil, err
	}
	quiet := log.New(io.Discard, "", 0)
	rules = append([]session.Rule{{Pattern: "bench.plain", Match: e2ee.MatchPrefix}}, rules...)
	cfg := session.Config{
		Realm:         benchRealm,
		Dial:          session.DialWebsocket(b.url, serialize.MSGPACK, nil, quiet),
		Serialization: serialize.MSGPACK,
		Identity:      keydist.Identity{Delegate: del, Session: sk, Chain: []cert.Certificate{d, a, b.rootCert}},
		KeyPolicy:     keydist.Policy{ChainID: chain.SimulatedChainID, Registry: benchRegistry, Realm: benchRealmAdr, Trust: b.trust, Block: func() uint64 { return 100 }},
		Rules:         rules,
		Default:       session.Rule{Encrypt: true},
		FetchTimeout:  3 * time.Second,
	}
	for _, o := range opts {
		o(&cfg)
	}
	s, err := session.Dial(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("bench session: %w", err)
	}
	b.sessions = append(b.sessions, s)
	return s, nil
}

// pair dials a publisher and a subscriber session with the default rules.
func (b *benchEnv) pair(ctx context.Context) (pub, sub *session.Session, err error) {
	if pub, err = b.session(ctx, nil); err != nil {
		return nil, nil, err
	}
	if sub, err = b.session(ctx, nil); err != nil {
		return nil, nil, err
	}
	return pub, sub, nil
}

func us(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1000 }

// throughput measures with loadgen.Throughput (the method of the test benchmarks), E2EE with
// the given cipher: runs runs of n events per mode, medians.
func (b *benchEnv) throughput(ctx context.Context, data []byte, n, runs int, cipher string) (benchThroughput, error) {
	res := benchThroughput{Events: n, Runs: runs}
	rules := []session.Rule{{Pattern: "bench.e2ee", Match: e2ee.MatchPrefix, Encrypt: true, Cipher: cipher}}
	pub, err := b.session(ctx, rules)
	if err != nil {
		return res, err
	}
	sub, err := b.session(ctx, rules)
	if err != nil {
		return res, err
	}
	var plain, enc, ratio, cpuP, cpuE, cpuAdded []float64
	for i := range runs {
		r, err := loadgen.Throughput(ctx, pub, sub, loadgen.ThroughputConfig{
			// Topics of this cipher's round alone: the sessions of an earlier round
			// are still subscribed to theirs.
			Topics: [2]string{fmt.Sprintf("bench.plain.%s.t%d", cipher, i), fmt.Sprintf("bench.e2ee.%s.t%d", cipher, i)}, Payload: data, Events: n,
		})
		res.LostPlaintext += int(r.Lost[0])
		res.LostE2EE += int(r.Lost[1])
		if err != nil {
			return res, fmt.Errorf("%w (raise --limit or lower --events)", err)
		}
		plain, enc, ratio = append(plain, r.Plaintext), append(enc, r.E2EE), append(ratio, r.Ratio)
		p, e := us(r.CPUPerEvent[0]), us(r.CPUPerEvent[1])
		cpuP, cpuE, cpuAdded = append(cpuP, p), append(cpuE, e), append(cpuAdded, e-p)
	}
	res.Plaintext, res.E2EE, res.Ratio = median(plain), median(enc), median(ratio)
	res.CPUPlaintextUs, res.CPUE2EEUs, res.AddedCPUUs = median(cpuP), median(cpuE), median(cpuAdded)
	return res, nil
}

// latency measures with loadgen.Latency (the method of the test benchmarks), and the cold
// seal+open floor under the same loop (p50, µs).
func (b *benchEnv) latency(ctx context.Context, data []byte, n int) (benchLatency, float64, error) {
	res := benchLatency{Samples: n}
	pub, sub, err := b.pair(ctx)
	if err != nil {
		return res, 0, err
	}
	r, err := loadgen.Latency(ctx, pub, sub, loadgen.LatencyConfig{
		Topics: [2]string{"bench.plain.l", "bench.e2ee.l"}, Procedures: [2]string{"bench.plain.rpc", "bench.e2ee.rpc"},
		Payload: data, Events: n, Probe: coldSealOpen(data),
	})
	if err != nil {
		return res, 0, fmt.Errorf("%w (raise --limit or lower --latency-samples)", err)
	}
	for i, p := range []*percentileUs{&res.Plaintext, &res.E2EE} {
		*p = percentileUs{P50: us(loadgen.Percentile(r.Events[i], 0.5)), P99: us(loadgen.Percentile(r.Events[i], 0.99))}
	}
	res.CallAddedP50 = us(loadgen.Added(r.Invocations, 0.5))
	res.ResultAddedP50 = us(loadgen.Added(r.Results, 0.5))
	return res, us(loadgen.Percentile(r.Probe, 0.5)), nil
}

// keyRequests publishes n events under per-message rotation on 16 topics to two subscribers
// whose chains the publisher has already verified (known requesters): every event costs one key
// request per subscriber.
func (b *benchEnv) keyRequests(ctx context.Context, n int) (benchKeyReqs, error) {
	res := benchKeyReqs{Requested: n}
	pm := keyring.PerMessage()
	rules := []session.Rule{{Pattern: "bench.keys", Match: e2ee.MatchPrefix, Encrypt: true, Rotation: &pm}}
	pub, err := b.session(ctx, rules, noKeyPush) // every key is requested, not pushed
	if err != nil {
		return res, err
	}
	const topics = 16
	got := loadgen.NewCounter()
	for range 2 {
		sub, err := b.session(ctx, rules)
		if err != nil {
			return res, err
		}
		for i := range topics {
			if err := sub.Subscribe(fmt.Sprintf("bench.keys.%d", i), got.Handle, nil); err != nil {
				return res, err
			}
		}
	}
	time.Sleep(20 * time.Millisecond)
	for i := range topics { // warm the chain caches
		if err := pub.Publish(fmt.Sprintf("bench.keys.%d", i), nil, wamp.List{"x"}, nil); err != nil {
			return res, err
		}
	}
	if !got.Wait(ctx, 2*topics, 5*time.Second) {
		return res, errors.New("warm-up events did not arrive")
	}
	served0 := pub.Stats().KeyRequestsServed
	base := got.Count()
	start := time.Now()
	// At most 16 events (32 deliveries, each a key request) in flight.
	const window = 16
	for i := 0; i < n && ctx.Err() == nil; i++ {
		if err := pub.Publish(fmt.Sprintf("bench.keys.%d", i%topics), nil, wamp.List{"x"}, nil); err != nil {
			return res, err
		}
		if i%window == window-1 {
			got.Wait(ctx, base+int64(2*(i+1-window/2)), loadgen.DefaultStall)
		}
	}
	got.Wait(ctx, base+int64(2*n), loadgen.DefaultStall)
	el := time.Since(start)
	res.Served = pub.Stats().KeyRequestsServed - served0
	res.PerSecond = float64(res.Served) / el.Seconds()
	if res.Served == 0 {
		return res, errors.New("no key request was served in time")
	}
	return res, nil
}
