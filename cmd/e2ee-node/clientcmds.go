package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

// payloadFlags are --args and --kwargs.
type payloadFlags struct{ args, kwargs string }

func (p *payloadFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&p.args, "args", "", `positional arguments as a JSON array, e.g. '[1, "two"]'`)
	fs.StringVar(&p.kwargs, "kwargs", "", `keyword arguments as a JSON object, e.g. '{"reading": 7}'`)
}

// parse decodes the flags; integers stay integers.
func (p *payloadFlags) parse() (wamp.List, wamp.Dict, error) {
	var list wamp.List
	var dict wamp.Dict
	if p.args != "" {
		v, err := decodeJSON(p.args)
		if err != nil {
			return nil, nil, fmt.Errorf("--args is not valid JSON: %v", err)
		}
		l, ok := v.([]any)
		if !ok {
			return nil, nil, errors.New("--args must be a JSON array")
		}
		list = wamp.List(l)
	}
	if p.kwargs != "" {
		v, err := decodeJSON(p.kwargs)
		if err != nil {
			return nil, nil, fmt.Errorf("--kwargs is not valid JSON: %v", err)
		}
		d, ok := v.(map[string]any)
		if !ok {
			return nil, nil, errors.New("--kwargs must be a JSON object")
		}
		dict = wamp.Dict(d)
	}
	return list, dict, nil
}

// decodeJSON decodes one JSON value, turning integral numbers into int64.
func decodeJSON(s string) (any, error) {
	d := json.NewDecoder(bytes.NewReader([]byte(s)))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if d.More() {
		return nil, errors.New("trailing data after the JSON value")
	}
	return numbers(v), nil
}

func numbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(x.String(), 10, 64); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case []any:
		for i := range x {
			x[i] = numbers(x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = numbers(x[k])
		}
	}
	return v
}

// jsonable makes decoded WAMP values printable as JSON (maps with non-string keys, binary).
func jsonable(v any) any {
	switch x := v.(type) {
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, val := range x {
			m[fmt.Sprint(k)] = jsonable(val)
		}
		return m
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, val := range x {
			m[k] = jsonable(val)
		}
		return m
	case wamp.Dict:
		return jsonable(map[string]any(x))
	case []any:
		l := make([]any, len(x))
		for i, val := range x {
			l[i] = jsonable(val)
		}
		return l
	case wamp.List:
		return jsonable([]any(x))
	case serialize.BinaryData:
		return []byte(x)
	}
	return v
}

// printLine writes v as one JSON line.
func printLine(e *env, mu *sync.Mutex, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode output: %w", err)
	}
	mu.Lock()
	defer mu.Unlock()
	_, err = e.stdout.Write(append(b, '\n'))
	return err
}

// longRunning are the flags of sub and serve.
type longRunning struct {
	count     int
	metrics   string
	readyFile string
}

func (l *longRunning) register(fs *flag.FlagSet, what string) {
	fs.IntVar(&l.count, "count", 0, "exit after this many "+what+" (0: run until interrupted)")
	fs.StringVar(&l.metrics, "metrics", "", "serve Prometheus metrics at http://ADDR/metrics (e.g. 127.0.0.1:9101)")
	fs.StringVar(&l.readyFile, "ready-file", "", "create this file once ready (for scripts that must wait)")
}

// ready starts the metrics endpoint and writes the ready file.
func (l *longRunning) ready(ctx context.Context, n *node) error {
	if l.metrics != "" {
		reg := prometheus.NewRegistry()
		reg.MustRegister(sessionCollector{n})
		addr, err := serveMetrics(ctx, l.metrics, reg, n.log)
		if err != nil {
			return err
		}
		n.log.Info("metrics", "url", "http://"+addr+"/metrics")
	}
	if l.readyFile != "" {
		if err := os.WriteFile(l.readyFile, []byte("ready\n"), 0o644); err != nil {
			return fmt.Errorf("write --ready-file: %w", err)
		}
	}
	return nil
}

// wait blocks until ctx ends, the session ends, or done is closed.
func (l *longRunning) wait(ctx context.Context, n *node, done <-chan struct{}) error {
	select {
	case <-ctx.Done():
		return nil
	case <-done:
		return nil
	case <-n.sess.Done():
		return errors.New("connection to the router lost")
	}
}

func runPub(ctx context.Context, e *env, args []string) error {
	var c clientFlags
	var p payloadFlags
	var count int
	var linger time.Duration
	var metrics string
	fs := newFlags(e, "pub", "pub TOPIC --url URL --realm NAME --key KS --session-key KS --chain FILE --trust … [--args JSON] [--kwargs JSON] [--count N] [--metrics ADDR]",
		"Publishes an end-to-end encrypted event (--count times) to TOPIC and stays connected for --linger\nso that subscribers can fetch the payload key from this node's key RPC.\n\n"+clientFlagsHelp)
	c.register(fs)
	p.register(fs)
	fs.IntVar(&count, "count", 1, "number of events to publish")
	fs.DurationVar(&linger, "linger", 2*time.Second, "keep serving key requests this long after the last event")
	fs.StringVar(&metrics, "metrics", "", "serve Prometheus metrics at http://ADDR/metrics while publishing and lingering (e.g. 127.0.0.1:9101)")
	pos, err := parseWithConfig(e, fs, args, "client", "pub")
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErrorf(e, "pub: exactly one TOPIC expected")
	}
	topic := pos[0]
	list, dict, err := p.parse()
	if err != nil {
		return usageErrorf(e, "pub: %v", err)
	}
	if count < 1 {
		return usageErrorf(e, "pub: --count must be ≥ 1")
	}
	n, err := c.open(ctx, e, "pub", false)
	if err != nil {
		return err
	}
	defer n.Close()
	if err := (&longRunning{metrics: metrics}).ready(ctx, n); err != nil {
		return err
	}
	for i := 0; i < count; i++ {
		if err := n.sess.Publish(topic, wamp.Dict{wamp.OptAcknowledge: true}, list, dict); err != nil {
			return fmt.Errorf("publish to %s: %w", topic, err)
		}
	}
	fmt.Fprintf(e.stdout, "published %d event(s) to %s\n", count, topic)
	select {
	case <-ctx.Done():
	case <-time.After(linger):
	}
	st := n.sess.Stats()
	// Denied key requests are what an operator needs to see (a subscriber this node does not
	// trust, or that is not trusted on-chain): info level, with the reasons.
	n.log.Info("done", "encrypted", st.Encrypted, "keyRequestsServed", st.KeyRequestsServed, "keyRequestsDenied", st.KeyRequestsDenied)
	for reason, k := range st.KeyDenials {
		n.log.Info("key requests denied", "reason", reason, "count", k)
	}
	return nil
}

func runSub(ctx context.Context, e *env, args []string) error {
	var c clientFlags
	var l longRunning
	var match string
	fs := newFlags(e, "sub", "sub TOPIC --url URL --realm NAME --key KS --session-key KS --chain FILE --trust … [--count N] [--metrics ADDR]",
		"Subscribes to TOPIC and prints every decrypted event as one JSON line\n({\"topic\", \"args\", \"kwargs\"}) until interrupted or --count events arrived. Events that fail to\ndecrypt or verify never reach the output; they are counted (see --metrics).\n\n"+clientFlagsHelp)
	c.register(fs)
	l.register(fs, "events")
	fs.StringVar(&match, "match", "exact", "topic match: exact, prefix or wildcard")
	pos, err := parseWithConfig(e, fs, args, "client", "sub")
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErrorf(e, "sub: exactly one TOPIC expected")
	}
	topic := pos[0]
	opts, err := matchOption(match)
	if err != nil {
		return usageErrorf(e, "sub: %v", err)
	}
	n, err := c.open(ctx, e, "sub", true)
	if err != nil {
		return err
	}
	defer n.Close()
	var mu sync.Mutex
	var seen int
	done := make(chan struct{})
	var once sync.Once
	err = n.sess.Subscribe(topic, func(ev *wamp.Event) {
		t := topic
		if s, ok := ev.Details["topic"].(string); ok {
			t = s
		}
		out := map[string]any{"topic": t, "args": jsonable(ev.Arguments), "kwargs": jsonable(ev.ArgumentsKw)}
		if ev.Arguments == nil {
			out["args"] = []any{}
		}
		if ev.ArgumentsKw == nil {
			out["kwargs"] = map[string]any{}
		}
		if err := printLine(e, &mu, out); err != nil {
			n.log.Error("print event", "err", err)
		}
		mu.Lock()
		seen++
		if l.count > 0 && seen >= l.count {
			once.Do(func() { close(done) })
		}
		mu.Unlock()
	}, opts)
	if err != nil {
		return fmt.Errorf("subscribe to %s: %w", topic, err)
	}
	n.log.Info("subscribed", "topic", topic)
	if err := l.ready(ctx, n); err != nil {
		return err
	}
	return l.wait(ctx, n, done)
}

func matchOption(m string) (wamp.Dict, error) {
	switch m {
	case "exact", "":
		return nil, nil
	case "prefix", "wildcard":
		return wamp.Dict{wamp.OptMatch: m}, nil
	}
	return nil, fmt.Errorf("--match must be exact, prefix or wildcard, not %q", m)
}

func runCall(ctx context.Context, e *env, args []string) error {
	var c clientFlags
	var p payloadFlags
	fs := newFlags(e, "call", "call PROC --url URL --realm NAME --key KS --session-key KS --chain FILE --trust … [--args JSON] [--kwargs JSON]",
		"Calls PROC with end-to-end encrypted arguments and prints the decrypted result as one JSON line\n({\"args\", \"kwargs\"}). A WAMP error exits 1 naming its URI.\n\n"+clientFlagsHelp)
	c.register(fs)
	p.register(fs)
	pos, err := parseWithConfig(e, fs, args, "client", "call")
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErrorf(e, "call: exactly one PROC expected")
	}
	proc := pos[0]
	list, dict, err := p.parse()
	if err != nil {
		return usageErrorf(e, "call: %v", err)
	}
	n, err := c.open(ctx, e, "call", false)
	if err != nil {
		return err
	}
	defer n.Close()
	cctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	res, err := n.sess.Call(cctx, proc, nil, list, dict, nil)
	if err != nil {
		var re client.RPCError
		if errors.As(err, &re) && re.Err != nil {
			if re.Err.Error == session.ReasonKeyFetch {
				return fmt.Errorf("call %s: %s: the callee did not get this node's payload key (refused here by --allow, trust or attestation, or the callee is not authorized; see both logs)", proc, re.Err.Error)
			}
			return fmt.Errorf("call %s: %s", proc, re.Err.Error)
		}
		return fmt.Errorf("call %s: %w", proc, err)
	}
	out := map[string]any{"args": jsonable(res.Arguments), "kwargs": jsonable(res.ArgumentsKw)}
	if res.Arguments == nil {
		out["args"] = []any{}
	}
	if res.ArgumentsKw == nil {
		out["kwargs"] = map[string]any{}
	}
	var mu sync.Mutex
	return printLine(e, &mu, out)
}

func runServe(ctx context.Context, e *env, args []string) error {
	var c clientFlags
	var l longRunning
	var echo bool
	var match string
	fs := newFlags(e, "serve", "serve PROC --echo --url URL --realm NAME --key KS --session-key KS --chain FILE --trust … [--metrics ADDR]",
		"Registers PROC as an end-to-end encrypted callee and serves it until interrupted (or --count calls).\nWith --echo it returns the call's args and kwargs unchanged: a working E2EE service to test callers,\nrouters and trust configurations against. Results are encrypted with this node's keys.\n\n"+clientFlagsHelp)
	c.register(fs)
	l.register(fs, "calls")
	fs.BoolVar(&echo, "echo", false, "answer every call with its own args and kwargs")
	fs.StringVar(&match, "match", "exact", "procedure match: exact, prefix or wildcard")
	pos, err := parseWithConfig(e, fs, args, "client", "serve")
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErrorf(e, "serve: exactly one PROC expected")
	}
	if !echo {
		return usageErrorf(e, "serve: choose a handler: --echo")
	}
	proc := pos[0]
	opts, err := matchOption(match)
	if err != nil {
		return usageErrorf(e, "serve: %v", err)
	}
	n, err := c.open(ctx, e, "serve", true)
	if err != nil {
		return err
	}
	defer n.Close()
	var mu sync.Mutex
	var calls int
	done := make(chan struct{})
	var once sync.Once
	err = n.sess.Register(proc, func(_ context.Context, inv *wamp.Invocation) client.InvokeResult {
		mu.Lock()
		calls++
		if l.count > 0 && calls >= l.count {
			// Let the result (and the caller's key request) go out first.
			once.Do(func() { time.AfterFunc(time.Second, func() { close(done) }) })
		}
		mu.Unlock()
		return client.InvokeResult{Args: inv.Arguments, Kwargs: inv.ArgumentsKw}
	}, opts)
	if err != nil {
		return fmt.Errorf("register %s: %w", proc, err)
	}
	n.log.Info("serving", "procedure", proc)
	if err := l.ready(ctx, n); err != nil {
		return err
	}
	return l.wait(ctx, n, done)
}

// sessionCollector exports a node's session (and verifier) counters to Prometheus.
type sessionCollector struct{ n *node }

var (
	sessEncrypted   = prometheus.NewDesc("e2ee_messages_encrypted_total", "Outgoing messages sealed.", nil, nil)
	sessDecrypted   = prometheus.NewDesc("e2ee_messages_decrypted_total", "Incoming messages opened.", nil, nil)
	sessPlain       = prometheus.NewDesc("e2ee_messages_plaintext_total", "Application messages passed in plaintext by policy (the key RPC's own traffic is not counted).", nil, nil)
	sessRejected    = prometheus.NewDesc("e2ee_messages_rejected_total", "Messages dropped, by reason.", []string{"reason"}, nil)
	sessServed      = prometheus.NewDesc("e2ee_key_requests_served_total", "Key requests answered with a key.", nil, nil)
	sessDenied      = prometheus.NewDesc("e2ee_key_requests_denied_total", "Key requests refused, by error URI.", []string{"reason"}, nil)
	sessFetches     = prometheus.NewDesc("e2ee_key_fetches_total", "Key requests this node sent.", nil, nil)
	sessFetchFail   = prometheus.NewDesc("e2ee_key_fetch_failures_total", "Key requests that yielded no verified key.", nil, nil)
	sessResumed     = prometheus.NewDesc("e2ee_key_fetches_resumed_total", "Key requests sent MAC-authenticated to a responder known from a signed exchange.", nil, nil)
	sessFallbacks   = prometheus.NewDesc("e2ee_key_fetch_resume_fallbacks_total", "Resumed key requests answered unknown_peer and sent again signed.", nil, nil)
	sessResServed   = prometheus.NewDesc("e2ee_key_requests_served_resumed_total", "Resumed key requests answered with a key.", nil, nil)
	sessEarlySent   = prometheus.NewDesc("e2ee_key_early_chains_sent_total", "Early chains sent ahead of a key-request decision (progressive result).", nil, nil)
	sessEarlyUsed   = prometheus.NewDesc("e2ee_key_early_chains_used_total", "Early chains received that started the decision about a responder before its response.", nil, nil)
	sessEarlyBad    = prometheus.NewDesc("e2ee_key_early_chains_rejected_total", "Early chains received malformed or not verifying (ignored).", nil, nil)
	sessCacheHits   = prometheus.NewDesc("e2ee_key_cache_hits_total", "Incoming messages whose key was cached.", nil, nil)
	sessBuffered    = prometheus.NewDesc("e2ee_messages_buffered_total", "Messages that waited for a key.", nil, nil)
	sessDropped     = prometheus.NewDesc("e2ee_messages_dropped_total", "Buffered messages dropped (overflow, timeout, fetch failure).", nil, nil)
	sessReconnects  = prometheus.NewDesc("e2ee_reconnects_total", "Reconnections to the router.", nil, nil)
	verifierReads   = prometheus.NewDesc("e2ee_chain_reads_total", "Batched registry reads (on-chain trust).", nil, nil)
	verifierHits    = prometheus.NewDesc("e2ee_trust_cache_hits_total", "Trust decisions answered from the verdict cache.", nil, nil)
	verifierEvents  = prometheus.NewDesc("e2ee_registry_events_total", "Registry events processed.", nil, nil)
	verifierHead    = prometheus.NewDesc("e2ee_chain_head_block", "Highest block seen by the verifier.", nil, nil)
	verifierSynced  = prometheus.NewDesc("e2ee_verifier_synced", "1 when the registry event stream is live.", nil, nil)
	verifierInvalid = prometheus.NewDesc("e2ee_trust_invalidated_total", "Cached verdicts dropped by events, gaps and reorgs.", nil, nil)
)

func (c sessionCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{sessEncrypted, sessDecrypted, sessPlain, sessRejected, sessServed, sessDenied, sessFetches,
		sessFetchFail, sessResumed, sessFallbacks, sessResServed, sessEarlySent, sessEarlyUsed, sessEarlyBad, sessCacheHits, sessBuffered, sessDropped, sessReconnects, verifierReads, verifierHits, verifierEvents,
		verifierHead, verifierSynced, verifierInvalid} {
		ch <- d
	}
}

func (c sessionCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.n.sess.Stats()
	counter := func(d *prometheus.Desc, v uint64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, float64(v), labels...)
	}
	counter(sessEncrypted, st.Encrypted)
	counter(sessDecrypted, st.Decrypted)
	counter(sessPlain, st.Plain)
	for _, r := range sortedKeys(st.Rejected) {
		counter(sessRejected, st.Rejected[r], r)
	}
	counter(sessServed, st.KeyRequestsServed)
	for _, r := range sortedKeys(st.KeyDenials) {
		counter(sessDenied, st.KeyDenials[r], r)
	}
	counter(sessFetches, st.KeyFetches)
	counter(sessFetchFail, st.KeyFetchFailures)
	counter(sessResumed, st.ResumedKeyFetches)
	counter(sessFallbacks, st.ResumeFallbacks)
	counter(sessResServed, st.ResumedKeyRequestsServed)
	counter(sessEarlySent, st.EarlyChainsSent)
	counter(sessEarlyUsed, st.EarlyChainsUsed)
	counter(sessEarlyBad, st.EarlyChainsRejected)
	counter(sessCacheHits, st.CacheHits)
	counter(sessBuffered, st.Buffered)
	counter(sessDropped, st.Dropped)
	counter(sessReconnects, st.Reconnects)
	if c.n.verifier != nil {
		vs := c.n.verifier.Stats()
		counter(verifierReads, vs.Reads)
		counter(verifierHits, vs.Hits)
		counter(verifierEvents, vs.Events)
		counter(verifierInvalid, vs.Invalidated)
		ch <- prometheus.MustNewConstMetric(verifierHead, prometheus.GaugeValue, float64(vs.Head))
		synced := 0.0
		if vs.Synced {
			synced = 1
		}
		ch <- prometheus.MustNewConstMetric(verifierSynced, prometheus.GaugeValue, synced)
	}
}

func sortedKeys(m map[string]uint64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
