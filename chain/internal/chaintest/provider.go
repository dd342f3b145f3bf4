package chaintest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/rpc"
)

// ProviderProxy is an HTTP JSON-RPC endpoint in front of a chain that behaves like a public
// provider: eth_getLogs over more than RangeCap blocks is refused ("limited to a N block
// range"), every HTTPEvery-th request is answered HTTP 429, every LogsEvery-th eth_getLogs gets
// JSON-RPC -32005, and with Down set every request is answered 429. Zero values disable each.
type ProviderProxy struct {
	*httptest.Server
	up        *rpc.Client
	RangeCap  atomic.Uint64
	HTTPEvery atomic.Uint64
	LogsEvery atomic.Uint64
	Down      atomic.Bool

	// Requests counts HTTP requests, LogCalls eth_getLogs calls within the range cap.
	Requests, LogCalls atomic.Uint64
	// Widest is the widest eth_getLogs range answered with logs.
	Widest atomic.Uint64
}

// NewProviderProxy starts a ProviderProxy forwarding to up, closed by t.Cleanup.
func NewProviderProxy(t testing.TB, up *rpc.Client) *ProviderProxy {
	p := &ProviderProxy{up: up}
	p.Server = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.Close)
	return p
}

// RPCMsg is one JSON-RPC request as a test proxy sees it.
type RPCMsg struct {
	ID     json.RawMessage   `json:"id"`
	Method string            `json:"method"`
	Params []json.RawMessage `json:"params"`
}

// RPCErr is a JSON-RPC error object.
type RPCErr struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    any    `json:"data,omitempty"`
}

// RPCResp is one JSON-RPC response.
type RPCResp struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *RPCErr         `json:"error,omitempty"`
}

// ServeJSONRPC decodes a JSON-RPC request or batch from r, answers each
// message with handle and writes the response or batch to w.
func ServeJSONRPC(w http.ResponseWriter, r *http.Request, handle func(context.Context, RPCMsg) RPCResp) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	body = bytes.TrimSpace(body)
	batch := len(body) > 0 && body[0] == '['
	var msgs []RPCMsg
	if batch {
		err = json.Unmarshal(body, &msgs)
	} else {
		msgs = make([]RPCMsg, 1)
		err = json.Unmarshal(body, &msgs[0])
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	out := make([]RPCResp, len(msgs))
	for i, m := range msgs {
		out[i] = handle(r.Context(), m)
	}
	w.Header().Set("Content-Type", "application/json")
	if batch {
		_ = json.NewEncoder(w).Encode(out)
	} else {
		_ = json.NewEncoder(w).Encode(out[0])
	}
}

func (p *ProviderProxy) serve(w http.ResponseWriter, r *http.Request) {
	n := p.Requests.Add(1)
	if every := p.HTTPEvery.Load(); p.Down.Load() || every != 0 && n%every == 0 {
		http.Error(w, `{"jsonrpc":"2.0","error":{"code":429,"message":"Too Many Requests"}}`, http.StatusTooManyRequests)
		return
	}
	ServeJSONRPC(w, r, p.handle)
}

func (p *ProviderProxy) handle(ctx context.Context, m RPCMsg) RPCResp {
	resp := RPCResp{JSONRPC: "2.0", ID: m.ID}
	var span uint64
	if m.Method == "eth_getLogs" && len(m.Params) == 1 {
		var q struct{ FromBlock, ToBlock string }
		_ = json.Unmarshal(m.Params[0], &q)
		from, err1 := strconv.ParseUint(q.FromBlock, 0, 64)
		to, err2 := strconv.ParseUint(q.ToBlock, 0, 64)
		if err1 != nil || err2 != nil || to < from {
			resp.Error = &RPCErr{Code: -32602, Message: "this provider wants numbered ranges"}
			return resp
		}
		span = to - from + 1
		if c := p.RangeCap.Load(); c != 0 && span > c {
			resp.Error = &RPCErr{Code: -32600, Message: "eth_getLogs is limited to a " + strconv.FormatUint(c, 10) + " block range"}
			return resp
		}
		if every := p.LogsEvery.Load(); every != 0 && p.LogCalls.Add(1)%every == 0 {
			resp.Error = &RPCErr{Code: -32005, Message: "limit exceeded"}
			return resp
		}
	}
	args := make([]any, len(m.Params))
	for i := range m.Params {
		args[i] = m.Params[i]
	}
	var res json.RawMessage
	if err := p.up.CallContext(ctx, &res, m.Method, args...); err != nil {
		resp.Error = &RPCErr{Code: -32000, Message: err.Error()}
		return resp
	}
	if len(res) == 0 {
		res = json.RawMessage("null")
	}
	resp.Result = res
	for span > 0 {
		w := p.Widest.Load()
		if span <= w || p.Widest.CompareAndSwap(w, span) {
			break
		}
	}
	return resp
}
