package main

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"fmt"
	"io"
	"log"
	"slices"
	"time"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"golang.org/x/crypto/nacl/secretbox"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
	"github.com/wamp-e2ee/e2ee-node/internal/loadgen"
)

// benchCarriage is the floor of what carrying a PPT message costs the router and
// the transports, without any cryptography: plain nexus clients (this project's
// msgpack serializer) publish, through the same router, 1 KiB plaintext events
// and events shaped as E2EE ones (the same ppt_* options, a random payload of
// the sealed size).
type benchCarriage struct {
	PlaintextCPUUs float64 `json:"plaintextCpuUsPerEvent"`
	PPTCPUUs       float64 `json:"pptCpuUsPerEvent"`
	AddedCPUUs     float64 `json:"addedCpuUsPerEvent"`
	// AddedP50Us is the one-way latency p50 the PPT shape adds (loadgen.Latency).
	AddedP50Us  float64 `json:"addedP50Us"`
	SealedBytes int     `json:"sealedPayloadBytes"`
}

// benchStock compares E2EE through e2ee/router with plaintext through a stock
// nexus v3.3.0 router and nexus's own msgpack serializer and client (issue 16
// item 6), alternating in one run.
type benchStock struct {
	StockPlaintext float64 `json:"stockPlaintextPerSec"`
	E2EE           float64 `json:"e2eePerSec"`
	Ratio          float64 `json:"ratio"`
}

// median returns the median of v (0 if empty).
func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

// sealedSize returns the payload size of one event of data sealed under a
// fresh xsalsa20poly1305 key.
func sealedSize(data []byte) (int, error) {
	s, err := envelope.NewSealer(envelope.SealOptions{})
	if err != nil {
		return 0, err
	}
	k := envelope.SealKey{ID: "0123456789abcdef.0123456789abcdef0123456789abcdef", Seq: 1}
	_, _ = rand.Read(k.Key[:])
	out, err := s.Seal(nil, &k, &envelope.Message{URI: "bench.carry.ppt", Kind: e2ee.KindPublish, Args: wamp.List{data}})
	return len(out), err
}

// carrierClient dials a nexus client (no E2EE) to the bench router with this project's
// msgpack serializer, as sessions use, through loadgen.Carrier.
func (b *benchEnv) carrierClient(ctx context.Context, topic string, opts wamp.Dict, payload []byte) (*client.Client, error) {
	p, err := session.DialWebsocket(b.url, serialize.MSGPACK, nil, log.New(io.Discard, "", 0))(ctx)
	if err != nil {
		return nil, err
	}
	c, err := client.NewClient(loadgen.Carrier(p, topic, opts, payload), client.Config{Realm: benchRealm, Serialization: serialize.MSGPACK, Logger: log.New(io.Discard, "", 0)})
	if err != nil {
		p.Close()
		return nil, err
	}
	b.clients = append(b.clients, c)
	return c, nil
}

// carriage measures benchCarriage: runs runs of n events per kind (medians), samples latency
// samples.
func (b *benchEnv) carriage(ctx context.Context, data []byte, n, runs, samples int) (benchCarriage, error) {
	var res benchCarriage
	size, err := sealedSize(data)
	if err != nil {
		return res, err
	}
	res.SealedBytes = size
	ppt := make([]byte, size)
	_, _ = rand.Read(ppt)
	opts := envelope.PutOptions(nil, "0123456789abcdef.0123456789abcdef0123456789abcdef", "e2ee.key.0123456789abcdef")
	const topic = "bench.carry.ppt"
	pub, err := b.carrierClient(ctx, topic, opts, ppt)
	if err != nil {
		return res, err
	}
	sub, err := b.carrierClient(ctx, topic, opts, ppt)
	if err != nil {
		return res, err
	}
	var plain, carried, added []float64
	for i := range runs {
		r, err := loadgen.Throughput(ctx, pub, sub, loadgen.ThroughputConfig{
			Topics: [2]string{fmt.Sprintf("bench.carry.plain.%d", i), topic}, Payload: data, Events: n,
		})
		if err != nil {
			return res, err
		}
		p, c := us(r.CPUPerEvent[0]), us(r.CPUPerEvent[1])
		plain, carried, added = append(plain, p), append(carried, c), append(added, c-p)
	}
	res.PlaintextCPUUs, res.PPTCPUUs, res.AddedCPUUs = median(plain), median(carried), median(added)
	l, err := loadgen.Latency(ctx, pub, sub, loadgen.LatencyConfig{
		Topics: [2]string{"bench.carry.plain.l", topic}, Payload: data, Events: samples,
	})
	if err != nil {
		return res, err
	}
	res.AddedP50Us = us(loadgen.Added(l.Events, 0.5))
	return res, nil
}

// stock measures benchStock: rounds alternating runs, medians.
func (b *benchEnv) stock(ctx context.Context, data []byte, n, rounds int) (benchStock, error) {
	var res benchStock
	url, stop, err := loadgen.StockRouter(benchRealm, 2*loadgen.DefaultWindow)
	if err != nil {
		return res, fmt.Errorf("stock nexus router: %w", err)
	}
	defer stop()
	conn := func() (*client.Client, error) {
		return client.ConnectNet(ctx, url, client.Config{Realm: benchRealm, Serialization: serialize.MSGPACK, Logger: log.New(io.Discard, "", 0)})
	}
	sp, err := conn()
	if err != nil {
		return res, err
	}
	defer sp.Close()
	ss, err := conn()
	if err != nil {
		return res, err
	}
	defer ss.Close()
	ep, es, err := b.pair(ctx)
	if err != nil {
		return res, err
	}
	var stockRate, e2eeRate []float64
	for i := range rounds {
		topics := [2]string{fmt.Sprintf("bench.stock.%d", i), fmt.Sprintf("bench.e2ee.stock.%d", i)}
		r, err := loadgen.Throughput(ctx, loadgen.Split{Topic: topics[0], First: sp, Second: ep}, loadgen.Split{Topic: topics[0], First: ss, Second: es},
			loadgen.ThroughputConfig{Topics: topics, Payload: data, Events: n})
		if err != nil {
			return res, err
		}
		stockRate, e2eeRate = append(stockRate, r.Plaintext), append(e2eeRate, r.E2EE)
	}
	res.StockPlaintext, res.E2EE = median(stockRate), median(e2eeRate)
	if res.StockPlaintext > 0 {
		res.Ratio = res.E2EE / res.StockPlaintext
	}
	return res, nil
}

// gcmFloor returns the fastest of 5 rounds of one AES-256-GCM seal plus open of
// data (the aes256gcm payload layout), in µs.
func gcmFloor(data []byte) (float64, error) {
	var key [32]byte
	_, _ = rand.Read(key[:])
	blk, err := aes.NewCipher(key[:])
	if err != nil {
		return 0, err
	}
	aead, err := cipher.NewGCM(blk)
	if err != nil {
		return 0, err
	}
	nonce := make([]byte, aead.NonceSize())
	const n = 2000
	box := make([]byte, 0, len(data)+aead.Overhead())
	out := make([]byte, 0, len(data))
	rounds := make([]float64, 5)
	for i := range rounds {
		start := time.Now()
		for range n {
			box = aead.Seal(box[:0], nonce, data, nil)
			out, _ = aead.Open(out[:0], nonce, box, nil)
		}
		rounds[i] = us(time.Since(start)) / n
	}
	return slices.Min(rounds), nil
}

// coldSealOpen returns a loadgen probe: one nacl/secretbox seal plus open of
// data into fresh buffers, as the session seals and opens one event.
func coldSealOpen(data []byte) func() {
	var key [32]byte
	var nonce [24]byte
	_, _ = rand.Read(key[:])
	_, _ = rand.Read(nonce[:])
	return func() {
		box := secretbox.Seal(make([]byte, 0, len(data)+secretbox.Overhead), data, &nonce, &key)
		_, _ = secretbox.Open(make([]byte, 0, len(data)), box, &nonce, &key)
	}
}
