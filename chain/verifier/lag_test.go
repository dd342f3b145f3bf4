package verifier_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/internal/chaintest"
	"github.com/wamp-e2ee/e2ee-node/chain/verifier"
	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

// lagProxy is an HTTP JSON-RPC endpoint in front of an upstream client that models a
// load-balanced endpoint with a lagging node behind it. With lag L set (≠ 0):
//   - eth_call at "latest" and eth_blockNumber are answered by the lagging node, from block L;
//   - eth_call at an explicit block above L fails like a node without that block when strict
//     is set, and is answered by an up-to-date node otherwise.
//
// Everything else (the follower's heads and logs) goes to the up-to-date node. With blockLag
// set (≠ 0) only eth_blockNumber is answered by a lagging node, from block blockLag.
type lagProxy struct {
	*httptest.Server
	up       *rpc.Client
	lag      atomic.Uint64
	strict   atomic.Bool
	blockLag atomic.Uint64
	// logsLag (≠ 0): eth_getLogs and eth_getBlockByNumber of a numbered block are answered by a
	// node at block logsLag: logs above it are left out without an error, blocks above it are
	// null.
	logsLag atomic.Uint64
}

func newLagProxy(t testing.TB, up *rpc.Client) *lagProxy {
	p := &lagProxy{up: up}
	p.Server = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.Close)
	return p
}

func (p *lagProxy) serve(w http.ResponseWriter, r *http.Request) {
	chaintest.ServeJSONRPC(w, r, p.handle)
}

func (p *lagProxy) handle(ctx context.Context, m chaintest.RPCMsg) chaintest.RPCResp {
	resp := chaintest.RPCResp{JSONRPC: "2.0", ID: m.ID}
	if lag := p.logsLag.Load(); lag != 0 && m.Method == "eth_getBlockByNumber" && len(m.Params) >= 1 {
		var tag string
		_ = json.Unmarshal(m.Params[0], &tag)
		if n, err := strconv.ParseUint(tag, 0, 64); err == nil && n > lag {
			resp.Result = json.RawMessage("null")
			return resp
		}
	}
	if lag := p.logsLag.Load(); lag != 0 && m.Method == "eth_getLogs" {
		var logs []types.Log
		if err := p.up.CallContext(ctx, &logs, m.Method, m.Params[0]); err != nil {
			resp.Error = &chaintest.RPCErr{Code: -32000, Message: err.Error()}
			return resp
		}
		kept := []types.Log{}
		for _, l := range logs {
			if l.BlockNumber <= lag {
				kept = append(kept, l)
			}
		}
		resp.Result, _ = json.Marshal(kept)
		return resp
	}
	if n := p.blockLag.Load(); n != 0 && m.Method == "eth_blockNumber" {
		resp.Result, _ = json.Marshal(hexutil.Uint64(n))
		return resp
	}
	if lag := p.lag.Load(); lag != 0 {
		switch {
		case m.Method == "eth_blockNumber":
			resp.Result, _ = json.Marshal(hexutil.Uint64(lag))
			return resp
		case m.Method == "eth_call" && len(m.Params) >= 2:
			var tag string
			_ = json.Unmarshal(m.Params[1], &tag)
			if tag == "latest" {
				m.Params[1], _ = json.Marshal(hexutil.Uint64(lag))
			} else if n, err := strconv.ParseUint(tag, 0, 64); err == nil && n > lag && p.strict.Load() {
				resp.Error = &chaintest.RPCErr{Code: -32000, Message: "header not found"}
				return resp
			}
		}
	}
	args := make([]any, len(m.Params))
	for i := range m.Params {
		args[i] = m.Params[i]
	}
	var res json.RawMessage
	if err := p.up.CallContext(ctx, &res, m.Method, args...); err != nil {
		e := &chaintest.RPCErr{Code: -32000, Message: err.Error()}
		var ce rpc.Error
		if errors.As(err, &ce) {
			e.Code = ce.ErrorCode()
		}
		var de rpc.DataError
		if errors.As(err, &de) {
			e.Data = de.ErrorData()
		}
		resp.Error = e
		return resp
	}
	if len(res) == 0 {
		res = json.RawMessage("null")
	}
	resp.Result = res
	return resp
}

// startOverProxy starts e's verifier (with e.cfg) over an HTTP endpoint behind a lagProxy in
// front of the simulated chain, waits until it is synced, and returns the proxy and the
// verifier's backend.
func (e *tenv) startOverProxy() (*lagProxy, *chain.Backend) {
	e.T.Helper()
	px := newLagProxy(e.T, e.Sim.RPCClient())
	b, err := chain.Connect(e.Ctx, chain.BackendConfig{URL: px.URL, ChainID: chain.SimulatedChainID})
	require.NoError(e.T, err)
	e.T.Cleanup(b.Close)
	require.Equal(e.T, chain.TransportHTTP, b.Transport())
	v, err := verifier.New(e.Ctx, b, e.cfg)
	require.NoError(e.T, err)
	e.T.Cleanup(v.Close)
	e.v = v
	e.waitSynced()
	return px, b
}

// TestLaggingEndpointCannotResurrectRevokedDelegate: the endpoint answers "latest" from a
// node that lags behind a revocation the follower has already processed. The verifier must
// neither answer nor cache the stale yes: it reads at the processed block, and when no node
// can answer there it fails closed with ErrStale.
func TestLaggingEndpointCannotResurrectRevokedDelegate(t *testing.T) {
	e := setup(t, chaintest.Simulated, 0)
	px, b := e.startOverProxy()

	realm := e.realm.Address()
	d := e.Signer()
	_, err := e.Reg.Authorize(e.Ctx, e.root, realm, d.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	vc := e.lone(d)
	_, err = e.decide(vc, realm, common.Address{})
	require.NoError(t, err)

	// The lagging node stops at the last block in which d is authorized.
	lag := e.head()
	px.lag.Store(lag)
	drain(e.revs)
	_, err = e.Reg.Revoke(e.Ctx, e.root, realm, d.Address())
	require.NoError(t, err)
	e.waitRevocation(verifier.RevokedDelegate, 5*time.Second)

	// The endpoint really serves the stale yes at "latest".
	var out hexutil.Bytes
	require.NoError(t, b.RPC().CallContext(e.Ctx, &out, "eth_call",
		map[string]any{"to": e.Reg.Address(), "data": hexutil.Bytes(e.Reg.ABI.PackAuthorizationStatus(e.root.Address(), realm, d.Address()))}, "latest"))
	s, err := e.Reg.ABI.UnpackAuthorizationStatus(out)
	require.NoError(t, err)
	require.Equal(t, chain.StatusValid, chain.AuthorizationFromOutput(s.Status, s.Root, s.IssuerCapabilities, s.ValidUntil).Status)

	// Load-balanced: reads at an explicit block reach an up-to-date node.
	for range 3 {
		_, err = e.decide(vc, realm, common.Address{})
		requireReason(t, err, "Revoked")
	}

	// Only the lagging node: fail closed, cache nothing.
	px.strict.Store(true)
	e.v.Purge()
	reads := e.v.Stats().Reads
	_, err = e.decide(vc, realm, common.Address{})
	require.ErrorIs(t, err, e2ee.ErrTrustUnavailable)
	require.ErrorIs(t, err, verifier.ErrStale)
	require.NotErrorIs(t, err, e2ee.ErrUntrusted)
	t.Log(err)
	require.Zero(t, e.v.Stats().Entries)
	require.Equal(t, reads+2, e.v.Stats().Reads, "one re-read before failing closed")

	// The node catches up.
	px.lag.Store(0)
	_, err = e.decide(vc, realm, common.Address{})
	requireReason(t, err, "Revoked")
}

// TestRefusalNamesTheNewestReason: when the follower has not yet processed a registry change,
// the facts at its processed block and at "latest" may both refuse, for different reasons. The
// verifier then reads at the endpoint's head, so the refusal names the reason that holds now
// (here UnknownRealm, not the NotAuthorized of the block before the authorization).
func TestRefusalNamesTheNewestReason(t *testing.T) {
	e := setup(t, chaintest.Simulated, 0)
	stranger, strangeRealm := e.Account(), e.Signer()
	e.cfg.Trustroots[strangeRealm.Address()] = stranger.Address()
	e.cfg.PollInterval = time.Hour // the follower stays at the block it started from
	e.startOverProxy()
	processed := e.head()

	d := e.Signer()
	_, err := e.Reg.Authorize(e.Ctx, stranger, strangeRealm.Address(), d.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	require.Greater(t, e.head(), processed)
	reads := e.v.Stats().Reads
	_, err = e.decide(e.lone(d), strangeRealm.Address(), common.Address{})
	requireReason(t, err, "UnknownRealm")
	require.Equal(t, reads+2, e.v.Stats().Reads, "a second batch at the endpoint's head")
}

// TestLaggingBlockNumberCannotConfirmStaleYes: "latest" is served by an up-to-date node that
// shows a revocation the follower has not processed yet, while eth_blockNumber comes from a
// lagging node reporting a head at the processed block P. The two reads disagree and the head
// cannot tell which is newer, so the verifier answers the negative of the two, uncached, rather
// than the yes at P.
func TestLaggingBlockNumberCannotConfirmStaleYes(t *testing.T) {
	e := setup(t, chaintest.Simulated, 0)
	realm := e.realm.Address()
	d := e.Signer()
	_, err := e.Reg.Authorize(e.Ctx, e.root, realm, d.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	e.cfg.PollInterval = time.Hour // the follower stays at the block it started from
	px, _ := e.startOverProxy()
	processed := e.head()
	px.blockLag.Store(processed)

	_, err = e.Reg.Revoke(e.Ctx, e.root, realm, d.Address())
	require.NoError(t, err)
	require.Greater(t, e.head(), processed)
	vc := e.lone(d)
	for range 2 {
		_, err = e.decide(vc, realm, common.Address{})
		requireReason(t, err, "Revoked")
		require.Zero(t, e.v.Stats().Entries, "a verdict the head cannot place is not cached")
	}
}

// TestLaggingLogsCannotHideARevocation: polling over a load-balanced HTTP endpoint, the log
// query reaches a node that lacks the newest blocks and answers with what it has, without an
// error. The follower must not pass over the revocation it was not given: it reads the range
// again until a node that has it answers, and then drops the cached yes and reports it.
func TestLaggingLogsCannotHideARevocation(t *testing.T) {
	e := setup(t, chaintest.Simulated, 0)
	px, _ := e.startOverProxy()

	realm := e.realm.Address()
	d := e.Signer()
	_, err := e.Reg.Authorize(e.Ctx, e.root, realm, d.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	vc := e.lone(d)
	require.Eventually(t, func() bool { _, err := e.decide(vc, realm, common.Address{}); return err == nil }, 5*time.Second, 10*time.Millisecond)
	drain(e.revs)

	px.logsLag.Store(e.head())
	_, err = e.Reg.Revoke(e.Ctx, e.root, realm, d.Address())
	require.NoError(t, err)
	time.Sleep(10 * e.cfg.PollInterval) // several polls meet the lagging node
	select {
	case r := <-e.revs:
		t.Fatalf("revocation reported from a node that lacks it: %+v", r)
	default:
	}
	px.logsLag.Store(0)
	e.waitRevocation(verifier.RevokedDelegate, 5*time.Second)
	_, err = e.decide(vc, realm, common.Address{})
	requireReason(t, err, "Revoked")
}
