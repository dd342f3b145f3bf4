package verifier

import (
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// laggingNode answers like a node that is at block lag and has no block above it
// (eth_getBlockByNumber returns null): a load-balanced backend that is behind, or a chain
// reverted to block lag.
func laggingNode(t *testing.T, lag uint64) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var m struct {
			ID     json.RawMessage   `json:"id"`
			Method string            `json:"method"`
			Params []json.RawMessage `json:"params"`
		}
		require.NoError(t, json.Unmarshal(body, &m))
		var result any
		switch m.Method {
		case "eth_chainId":
			result = hexutil.Uint64(chain.SimulatedChainID)
		case "eth_getBlockByNumber":
			var tag string
			_ = json.Unmarshal(m.Params[0], &tag)
			n := lag
			if tag != "latest" {
				n = uint64(hexutil.MustDecodeUint64(tag))
			}
			if n > lag {
				result = nil // not there yet: this node lags
			} else {
				result = &types.Header{Number: new(big.Int).SetUint64(n), Difficulty: big.NewInt(0), Extra: []byte{}}
			}
		}
		out, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": m.ID, "result": result})
		_, _ = w.Write(out)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// behindLaggingNode returns a bare verifier (revocations appended to revs) that has processed
// up to block 110 and holds one verdict, whose endpoint is a laggingNode at block 100.
func behindLaggingNode(t *testing.T, revs *[]Revocation) *Verifier {
	t.Helper()
	v := bareVerifier(revs)
	b, err := chain.Connect(context.Background(), chain.BackendConfig{URL: laggingNode(t, 100).URL, ChainID: chain.SimulatedChainID})
	require.NoError(t, err)
	t.Cleanup(b.Close)
	v.backend, v.rpc = b, b.RPC()
	v.f.lastBlock, v.f.lastHash = 110, common.Hash{0x11}
	v.processed.Store(110)
	k := key{delegate: common.Address{1}}
	v.entries[k] = &entry{key: k}
	return v
}

// TestLivenessMissingTopFailsClosed: the follower processed up to block 110; the liveness
// check is answered by a node at block 100 that lacks block 110 — a node that lags behind a
// load balancer, or a chain that moved onto a shorter one; the check cannot tell which. It must
// not lower P below logs already acted on (a lagging node could then serve state from before a
// processed revocation), must drop every verdict, and reports a Resync only when the second
// check in a row finds the same.
func TestLivenessMissingTopFailsClosed(t *testing.T) {
	var revs []Revocation
	v := behindLaggingNode(t, &revs)

	require.NoError(t, v.liveness(context.Background()))
	require.EqualValues(t, 110, v.processed.Load(), "P stays")
	require.Empty(t, v.entries, "every verdict dropped")
	require.Zero(t, v.stats.reorgs.Load())
	require.Empty(t, revs, "one observation reports nothing")

	require.NoError(t, v.liveness(context.Background()))
	require.EqualValues(t, 110, v.processed.Load(), "P stays")
	require.Len(t, revs, 1)
	require.Equal(t, Resync, revs[0].Kind, "the second in a row reports a Resync")
	require.NoError(t, v.liveness(context.Background()))
	require.Len(t, revs, 1, "once per episode")
}

// TestCatchUpLaggingNodeKeepsP: catchUp (every HTTP poll, every (re)subscription) meets a head
// below the processed chain from a node that lacks the processed block: as in liveness, P
// stays and every verdict is dropped.
func TestCatchUpLaggingNodeKeepsP(t *testing.T) {
	var revs []Revocation
	v := behindLaggingNode(t, &revs)
	v.cfg.ReadTimeout = 5 * time.Second
	v.f.initialized = true
	require.NoError(t, v.catchUp(context.Background(), false))
	require.EqualValues(t, 110, v.processed.Load(), "P must not drop to a lagging node's head")
	require.EqualValues(t, 110, v.f.lastBlock)
	require.Empty(t, v.entries)
	require.Empty(t, revs)
}

// TestCacheHitRecordsIssuer: a positive decision answered from the cache records its issuer
// too (an entry stored by a read whose own decision was refused, e.g. for a role lacking a
// capability, later admits the delegate in another role), so that a narrowing re-admission of
// the operator is reported.
func TestCacheHitRecordsIssuer(t *testing.T) {
	root, realm, operator := common.Address{0xa}, common.Address{0xb}, common.Address{0xc}
	var revs []Revocation
	v := bareVerifier(&revs)
	v.chainID = chain.SimulatedChainID
	v.cfg.Trustroots = map[common.Address]common.Address{realm: root}
	v.cfg.MaxStaleTime, v.cfg.MaxStaleBlocks = time.Hour, 1000
	var err error
	v.rules, err = newRules(nil)
	require.NoError(t, err)
	v.synced.Store(true)
	v.touch()

	pk, err := chain.NewDevKey()
	require.NoError(t, err)
	d := chain.NewKeySigner(pk)
	exp := cert.Expect{ChainID: chain.SimulatedChainID, VerifyingContract: v.cfg.Registry, Block: 100}
	dc, err := cert.SignDelegate(d, cert.DelegateCertificate{ChainID: exp.ChainID, VerifyingContract: exp.VerifyingContract, Delegate: d.Address(), CSPubKey: [32]byte{1}, BootedAt: 1})
	require.NoError(t, err)
	vc, err := cert.Verify([]cert.Certificate{dc}, exp)
	require.NoError(t, err)
	req := e2ee.TrustRequest{Realm: realm, URI: "com.example.topic", Role: e2ee.RoleSubscriber, Chain: vc, IssuerHint: operator}
	k, _, err := v.subject(req)
	require.NoError(t, err)
	v.entries[k] = &entry{key: k, root: root, digests: []common.Hash{{1}}, facts: facts{
		auth:      chain.Authorization{Status: chain.StatusValid, Root: root, IssuerCapabilities: cert.CapConsumer | cert.CapProvider},
		confirmed: chain.StatusValid, revoked: -1, block: 100}}

	_, err = v.Decide(context.Background(), req)
	require.NoError(t, err, "admitted from the cache")

	ev := v.abi.GetABI().Events["OperatorAdmitted"]
	data, err := ev.Inputs.NonIndexed().Pack(uint64(0), uint64(1))
	require.NoError(t, err)
	v.handleLog(&types.Log{Address: v.cfg.Registry, BlockNumber: 101, Data: data,
		Topics: []common.Hash{ev.ID, common.BytesToHash(root.Bytes()), common.BytesToHash(realm.Bytes()), common.BytesToHash(operator.Bytes())}})
	require.Len(t, revs, 1, "re-admission of an operator whose delegate this verifier admitted")
	require.Equal(t, RemovedOperator, revs[0].Kind)
}

// TestBelowProcessedOnAnotherChain: a head below the processed chain whose block differs from
// the head processed at that height is another chain (a reset development chain, a
// reorganisation onto a shorter chain): P drops to it, every verdict is dropped and a Resync
// reported — unlike a lagging node, which shows the same block.
func TestBelowProcessedOnAnotherChain(t *testing.T) {
	for _, same := range []bool{true, false} {
		var revs []Revocation
		v := behindLaggingNode(t, &revs)
		head, err := v.backend.Client().HeaderByNumber(context.Background(), nil)
		require.NoError(t, err)
		seen := head.Hash()
		if !same {
			seen = common.Hash{0x99}
		}
		v.f.record(100, seen)
		v.f.record(110, common.Hash{0x11})
		require.NoError(t, v.liveness(context.Background()))
		require.Empty(t, v.entries)
		if same { // the lagging node's block 100 is ours: P stays
			require.EqualValues(t, 110, v.processed.Load())
			require.Empty(t, revs)
			continue
		}
		require.EqualValues(t, 100, v.processed.Load())
		require.Len(t, revs, 1)
		require.Equal(t, Resync, revs[0].Kind)
	}
}
