package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func runRouter(ctx context.Context, e *env, args []string) error {
	var listens, realms, schemes stringList
	var certFile, keyFile, metrics, readyFile, config string
	var maxPayload, clientQueue, queue, maxURI, maxOptions, maxPending, maxConns, maxConnsPerAddr int
	var writeTimeout time.Duration
	var logs logFlags
	fs := newFlags(e, "router", "router --listen URL [--listen URL…] --realm NAME [--realm NAME…] [--tls-cert F --tls-key F] [--metrics ADDR]",
		"Runs the hardened embedded WAMP router (nexus) until interrupted. A guard in front of nexus validates\nevery message's ppt_* options and payload shape and answers what would crash nexus or its clients\nwith a WAMP error; the sender's session and all other traffic continue. Listeners speak CBOR,\nmsgpack and JSON: ws://host:port/path, wss://host:port/path (with --tls-cert/--tls-key), tcp://host:port\n(rawsocket).")
	fs.Var(&listens, "listen", "listener URL (repeatable), e.g. ws://127.0.0.1:8080/ws or tcp://127.0.0.1:8081")
	fs.Var(&realms, "realm", "realm to serve (repeatable)")
	fs.StringVar(&certFile, "tls-cert", "", "PEM certificate for wss:// listeners")
	fs.StringVar(&keyFile, "tls-key", "", "PEM private key for wss:// listeners")
	fs.StringVar(&metrics, "metrics", "", "serve Prometheus metrics at http://ADDR/metrics (e.g. 127.0.0.1:9100)")
	fs.Var(&schemes, "ppt-scheme", "ppt_scheme value the guard accepts (repeatable; a trailing * matches a prefix, e.g. x_*);\ngiven at all, it replaces the default list: "+strings.Join(router.DefaultSchemes(), ", "))
	fs.IntVar(&maxPayload, "max-payload", 1<<20, "largest E2EE payload accepted, bytes (at most the 4 MiB message size)")
	fs.IntVar(&clientQueue, "client-queue-bytes", router.DefaultClientQueueBytes, "bytes of messages queued for one client; beyond it a slow client loses events (counted)\nor, for any other message, is disconnected")
	fs.IntVar(&queue, "queue-bytes", router.DefaultQueueBytes, "bytes of messages queued for all clients together (bounds the router's memory for slow clients)")
	fs.DurationVar(&writeTimeout, "write-timeout", router.DefaultWriteTimeout, "a client that does not take one message within this time is disconnected")
	fs.IntVar(&maxURI, "max-uri", router.DefaultMaxURI, "longest topic, procedure, realm or error URI accepted, bytes")
	fs.IntVar(&maxOptions, "max-options", router.DefaultMaxOptions, "largest options (details) of a message accepted, bytes")
	fs.IntVar(&maxPending, "max-pending-calls", router.DefaultMaxPendingCalls, "calls one session may have in flight")
	fs.IntVar(&maxConns, "max-conns", router.DefaultMaxConns, "open client connections (sessions) in total")
	fs.IntVar(&maxConnsPerAddr, "max-conns-per-addr", router.DefaultMaxConnsPerAddr, "open client connections from one IP address")
	fs.StringVar(&readyFile, "ready-file", "", "once listening, write the listener URLs to this file (for scripts that must wait)")
	fs.StringVar(&config, "config", "", "JSON config file with flag values, section \"router\" (default $E2EE_CONFIG)")
	logs.register(fs)
	pos, err := parseWithConfig(e, fs, args, "router")
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usageErrorf(e, "router: unexpected argument %q", pos[0])
	}
	if len(listens) == 0 || len(realms) == 0 {
		return usageErrorf(e, "router: at least one --listen and one --realm are required")
	}
	log, err := logs.logger(e.stderr)
	if err != nil {
		return usageErrorf(e, "router: %v", err)
	}
	if maxURI <= 0 || maxOptions <= 0 || maxPending <= 0 {
		return usageErrorf(e, "router: --max-uri, --max-options and --max-pending-calls must be positive")
	}
	cfg := router.Config{Logger: log,
		Guard:            router.Policy{MaxPayload: maxPayload, Schemes: schemes, MaxURI: maxURI, MaxOptions: maxOptions, MaxPendingCalls: maxPending},
		ClientQueueBytes: clientQueue, QueueBytes: queue, WriteTimeout: writeTimeout,
		MaxConns: maxConns, MaxConnsPerAddr: maxConnsPerAddr}
	for _, r := range realms {
		cfg.Realms = append(cfg.Realms, router.RealmConfig{Name: r})
	}
	for _, l := range listens {
		lc := router.ListenerConfig{URL: l}
		if strings.HasPrefix(l, "wss://") {
			if certFile == "" || keyFile == "" {
				return usageErrorf(e, "router: wss:// listeners need --tls-cert and --tls-key")
			}
			lc.CertFile, lc.KeyFile = certFile, keyFile
		}
		cfg.Listeners = append(cfg.Listeners, lc)
	}
	if err := cfg.Validate(); err != nil {
		return usageErrorf(e, "router: %v", err)
	}
	r, err := router.New(cfg)
	if err != nil {
		return fmt.Errorf("start router: %w", err)
	}
	defer r.Close()
	if metrics != "" {
		reg := prometheus.NewRegistry()
		reg.MustRegister(routerCollector{r})
		addr, err := serveMetrics(ctx, metrics, reg, log)
		if err != nil {
			return err
		}
		log.Info("metrics", "url", "http://"+addr+"/metrics")
	}
	for _, a := range r.Addrs() {
		fmt.Fprintf(e.stdout, "listening on %s\n", a)
	}
	if readyFile != "" {
		if err := os.WriteFile(readyFile, []byte(strings.Join(r.Addrs(), "\n")+"\n"), 0o644); err != nil {
			return fmt.Errorf("write --ready-file: %w", err)
		}
	}
	<-ctx.Done()
	log.Info("shutting down")
	return nil
}

// routerCollector exports the router guard's counters.
type routerCollector struct{ r *router.Router }

var (
	pptDesc      = prometheus.NewDesc("e2ee_router_ppt_messages_total", "PPT messages that passed the guard.", nil, nil)
	rejectedDesc = prometheus.NewDesc("e2ee_router_rejected_messages_total", "Messages the guard rejected, by reason.", []string{"reason"}, nil)

	droppedDesc = prometheus.NewDesc("e2ee_router_events_dropped_total", "EVENTs not sent to slow clients (queue budget).", nil, nil)
	slowDesc    = prometheus.NewDesc("e2ee_router_slow_disconnects_total", "Clients disconnected: over their queue budget, or a write past --write-timeout.", []string{"cause"}, nil)
	queuedDesc  = prometheus.NewDesc("e2ee_router_queued_bytes", "Bytes queued for clients now.", nil, nil)
	refusedDesc = prometheus.NewDesc("e2ee_router_connections_refused_total", "Connections refused by --max-conns or --max-conns-per-addr.", nil, nil)
)

func (c routerCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- pptDesc
	ch <- rejectedDesc
	ch <- droppedDesc
	ch <- slowDesc
	ch <- queuedDesc
	ch <- refusedDesc
}

func (c routerCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.r.Stats()
	ch <- prometheus.MustNewConstMetric(pptDesc, prometheus.CounterValue, float64(st.PPT))
	ch <- prometheus.MustNewConstMetric(droppedDesc, prometheus.CounterValue, float64(st.EventsDropped))
	ch <- prometheus.MustNewConstMetric(slowDesc, prometheus.CounterValue, float64(st.SlowDisconnects), "queue")
	ch <- prometheus.MustNewConstMetric(slowDesc, prometheus.CounterValue, float64(st.WriteTimeouts), "write_timeout")
	ch <- prometheus.MustNewConstMetric(queuedDesc, prometheus.GaugeValue, float64(st.QueuedBytes))
	ch <- prometheus.MustNewConstMetric(refusedDesc, prometheus.CounterValue, float64(st.ConnsRefused))
	for i, n := range st.Rejected {
		ch <- prometheus.MustNewConstMetric(rejectedDesc, prometheus.CounterValue, float64(n), router.Reason(i).String())
	}
}
