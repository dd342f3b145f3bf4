package verifier_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/internal/chaintest"
	"github.com/wamp-e2ee/e2ee-node/chain/verifier"
	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

// providerProxy is an HTTP JSON-RPC endpoint in front of the simulated chain that behaves like
// a public provider: eth_getLogs over more than rangeCap blocks is refused ("limited to a N
// block range"), every httpEvery-th request is answered HTTP 429, every logsEvery-th
// eth_getLogs gets JSON-RPC -32005, and with down set every request is answered 429.
type providerProxy struct {
	*httptest.Server
	up        *rpc.Client
	rangeCap  atomic.Uint64
	httpEvery atomic.Uint64
	logsEvery atomic.Uint64
	down      atomic.Bool

	requests, logCalls atomic.Uint64
	// widest is the widest eth_getLogs range answered with logs.
	widest atomic.Uint64
}

func newProviderProxy(t testing.TB, up *rpc.Client) *providerProxy {
	p := &providerProxy{up: up}
	p.Server = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.Close)
	return p
}

func (p *providerProxy) serve(w http.ResponseWriter, r *http.Request) {
	n := p.requests.Add(1)
	if every := p.httpEvery.Load(); p.down.Load() || every != 0 && n%every == 0 {
		http.Error(w, `{"jsonrpc":"2.0","error":{"code":429,"message":"Too Many Requests"}}`, http.StatusTooManyRequests)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	body = bytes.TrimSpace(body)
	batch := len(body) > 0 && body[0] == '['
	var msgs []rpcMsg
	if batch {
		err = json.Unmarshal(body, &msgs)
	} else {
		msgs = make([]rpcMsg, 1)
		err = json.Unmarshal(body, &msgs[0])
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	out := make([]rpcResp, len(msgs))
	for i, m := range msgs {
		out[i] = p.handle(r.Context(), m)
	}
	w.Header().Set("Content-Type", "application/json")
	if batch {
		_ = json.NewEncoder(w).Encode(out)
	} else {
		_ = json.NewEncoder(w).Encode(out[0])
	}
}

func (p *providerProxy) handle(ctx context.Context, m rpcMsg) rpcResp {
	resp := rpcResp{JSONRPC: "2.0", ID: m.ID}
	var span uint64
	if m.Method == "eth_getLogs" && len(m.Params) == 1 {
		var q struct{ FromBlock, ToBlock string }
		_ = json.Unmarshal(m.Params[0], &q)
		from, err1 := strconv.ParseUint(q.FromBlock, 0, 64)
		to, err2 := strconv.ParseUint(q.ToBlock, 0, 64)
		if err1 != nil || err2 != nil || to < from {
			resp.Error = &rpcErr{Code: -32602, Message: "this provider wants numbered ranges"}
			return resp
		}
		span = to - from + 1
		if c := p.rangeCap.Load(); c != 0 && span > c {
			resp.Error = &rpcErr{Code: -32600, Message: "eth_getLogs is limited to a " + strconv.FormatUint(c, 10) + " block range"}
			return resp
		}
		if every := p.logsEvery.Load(); every != 0 && p.logCalls.Add(1)%every == 0 {
			resp.Error = &rpcErr{Code: -32005, Message: "limit exceeded"}
			return resp
		}
	}
	args := make([]any, len(m.Params))
	for i := range m.Params {
		args[i] = m.Params[i]
	}
	var res json.RawMessage
	if err := p.up.CallContext(ctx, &res, m.Method, args...); err != nil {
		resp.Error = &rpcErr{Code: -32000, Message: err.Error()}
		return resp
	}
	if len(res) == 0 {
		res = json.RawMessage("null")
	}
	resp.Result = res
	for span > 0 {
		w := p.widest.Load()
		if span <= w || p.widest.CompareAndSwap(w, span) {
			break
		}
	}
	return resp
}

// TestPublicEndpointRangeCapAndRateLimits: polling a provider that caps eth_getLogs at 10
// blocks and rate-limits (HTTP 429 and JSON-RPC -32005). During an outage 41 blocks pass with
// a revocation in the middle; the cached yes expires (fail closed) instead of outliving what
// the verifier can confirm, and after the outage the follower backfills in ranges the provider
// accepts, through the rate limits, and sees the revocation. (Before bounded ranges, the one
// 41-block query was refused for ever and the revocation never reported.)
func TestPublicEndpointRangeCapAndRateLimits(t *testing.T) {
	e := setup(t, chaintest.Simulated, 0)
	e.cfg.MaxStaleTime = time.Second
	e.cfg.MaxStaleBlocks = 1000
	px := newProviderProxy(t, e.Sim.RPCClient())
	b, err := chain.Connect(e.Ctx, chain.BackendConfig{URL: px.URL, ChainID: chain.SimulatedChainID})
	require.NoError(t, err)
	t.Cleanup(b.Close)
	v, err := verifier.New(e.Ctx, b, e.cfg)
	require.NoError(t, err)
	t.Cleanup(v.Close)
	e.v = v
	e.waitSynced()

	realm := e.realm.Address()
	d := e.Signer()
	_, err = e.Reg.Authorize(e.Ctx, e.root, realm, d.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	vc := e.lone(d)
	require.Eventually(t, func() bool { _, err := e.decide(vc, realm, common.Address{}); return err == nil }, 5*time.Second, 10*time.Millisecond)
	drain(e.revs)

	px.rangeCap.Store(10)
	px.down.Store(true)
	for range 20 {
		e.Sim.Commit()
	}
	_, err = e.Reg.Revoke(e.Ctx, e.root, realm, d.Address())
	require.NoError(t, err)
	for range 20 {
		e.Sim.Commit()
	}
	// Down: the cached yes is not kept beyond MaxStaleTime, and nothing can be re-read.
	require.Eventually(t, func() bool {
		_, err := e.decide(vc, realm, common.Address{})
		return err != nil
	}, 5*time.Second, 10*time.Millisecond)
	_, err = e.decide(vc, realm, common.Address{})
	require.ErrorIs(t, err, e2ee.ErrTrustUnavailable)

	px.httpEvery.Store(4)
	px.logsEvery.Store(3)
	px.down.Store(false)
	r, _ := e.waitRevocation(verifier.RevokedDelegate, 60*time.Second)
	require.Equal(t, d.Address(), r.Delegate)
	st := v.Stats()
	require.NotZero(t, st.LogRangeShrinks, "%+v", st)
	require.NotZero(t, st.RateLimited, "%+v", st)
	require.LessOrEqual(t, px.widest.Load(), uint64(10))
	t.Logf("stats %+v; widest range answered %d blocks", st, px.widest.Load())
	px.httpEvery.Store(0)
	require.Eventually(t, func() bool {
		_, err := e.decide(vc, realm, common.Address{})
		return err != nil && !isUnavailable(err)
	}, 10*time.Second, 10*time.Millisecond)
	_, err = e.decide(vc, realm, common.Address{})
	requireReason(t, err, "Revoked")
}

func isUnavailable(err error) bool { return errors.Is(err, e2ee.ErrTrustUnavailable) }
