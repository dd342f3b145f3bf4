package router_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

var cborItem = &serialize.CBORSerializer{} //nolint:gochecknoglobals // stateless codec

func decodeItem(b []byte) any {
	var v any
	if len(b) == 0 || cborItem.DeserializeDataItem(b, &v) != nil {
		return nil
	}
	return v
}

func encodeItem(v any) []byte {
	b, err := cborItem.SerializeDataItem(v)
	if err != nil {
		panic(err)
	}
	return b
}

// fuzzMessage builds one of the four checked message kinds from CBOR-encoded
// options, arguments and keyword arguments (any shape, any types).
func fuzzMessage(kind uint8, optsB, argsB, kwargsB []byte) wamp.Message {
	opts := wamp.NormalizeDict(decodeItem(optsB))
	if v, ok := decodeItem(optsB).(map[string]any); ok && opts == nil {
		opts = wamp.Dict(v)
	}
	var args wamp.List
	switch v := decodeItem(argsB).(type) {
	case []any:
		args = v
	case nil:
	default:
		args = wamp.List{v}
	}
	kwargs := wamp.NormalizeDict(decodeItem(kwargsB))
	switch kind % 4 {
	case 0:
		return &wamp.Publish{Request: 1, Options: opts, Topic: "t", Arguments: args, ArgumentsKw: kwargs}
	case 1:
		return &wamp.Call{Request: 1, Options: opts, Procedure: "p", Arguments: args, ArgumentsKw: kwargs}
	case 2:
		return &wamp.Yield{Request: 1, Options: opts, Arguments: args, ArgumentsKw: kwargs}
	default:
		return &wamp.Error{Type: wamp.INVOCATION, Request: 1, Details: opts, Error: "e", Arguments: args, ArgumentsKw: kwargs}
	}
}

func fields(msg wamp.Message) (wamp.Dict, wamp.List, wamp.Dict) {
	switch m := msg.(type) {
	case *wamp.Publish:
		return m.Options, m.Arguments, m.ArgumentsKw
	case *wamp.Call:
		return m.Options, m.Arguments, m.ArgumentsKw
	case *wamp.Yield:
		return m.Options, m.Arguments, m.ArgumentsKw
	case *wamp.Error:
		return m.Details, m.Arguments, m.ArgumentsKw
	}
	return nil, nil, nil
}

// FuzzPolicyCheck: Check never panics, and whatever it accepts with
// ppt_scheme is safe for nexus and its clients: all four ppt_* options are
// strings, the scheme and serializer are allowed, exactly one non-empty
// BinaryData argument within MaxPayload, no kwargs.
func FuzzPolicyCheck(f *testing.F) {
	for i, c := range checkCases() {
		f.Add(uint8(i), encodeItem(map[string]any(c.opts)), encodeItem([]any(c.args)), encodeItem(map[string]any(c.kwargs)), c.json)
	}
	p := router.DefaultPolicy()
	p.MaxPayload = 4096
	f.Fuzz(func(t *testing.T, kind uint8, optsB, argsB, kwargsB []byte, jsonSession bool) {
		checkOne(t, &p, kind, optsB, argsB, kwargsB, jsonSession)
	})
}

// checkOne is the body of FuzzPolicyCheck.
func checkOne(t testing.TB, p *router.Policy, kind uint8, optsB, argsB, kwargsB []byte, jsonSession bool) {
	{
		msg := fuzzMessage(kind, optsB, argsB, kwargsB)
		rerr := p.Check(msg, jsonSession)
		if rerr != nil {
			if rerr.Reason >= router.NumReasons || rerr.Field == "" {
				t.Fatalf("bad rejection %+v", rerr)
			}
			return
		}
		opts, args, kwargs := fields(msg)
		if _, ppt := opts[router.OptScheme]; !ppt {
			for _, k := range []string{router.OptSerializer, router.OptCipher, router.OptKeyID} {
				if _, ok := opts[k]; ok {
					t.Fatalf("%s accepted without ppt_scheme", k)
				}
			}
			return
		}
		for _, k := range []string{router.OptScheme, router.OptSerializer, router.OptCipher, router.OptKeyID} {
			if v, ok := opts[k]; ok {
				if _, isString := v.(string); !isString {
					t.Fatalf("%s accepted as %T", k, v)
				}
			}
		}
		if s := opts[router.OptSerializer]; s == nil || s == router.SerializerNative {
			t.Fatalf("serializer %v accepted", s)
		}
		if len(kwargs) != 0 || len(args) != 1 {
			t.Fatalf("accepted %d args, %d kwargs", len(args), len(kwargs))
		}
		b, ok := args[0].(serialize.BinaryData)
		if !ok || len(b) == 0 || len(b) > p.MaxPayload {
			t.Fatalf("accepted payload %T of %d bytes", args[0], len(b))
		}
	}
}

// FuzzDeserializeCheck feeds arbitrary bytes to nexus's three deserializers —
// which run on the transport goroutine, before the guard, where a panic
// would kill the router — and the result to Check.
func FuzzDeserializeCheck(f *testing.F) {
	sers := []serialize.Serializer{&serialize.CBORSerializer{}, &serialize.MessagePackSerializer{}, &serialize.JSONSerializer{}}
	for _, c := range checkCases() {
		for i, s := range sers {
			for _, msg := range messagesFor(c) {
				if b, err := s.Serialize(msg); err == nil {
					f.Add(uint8(i), b)
				}
			}
		}
	}
	p := router.DefaultPolicy()
	f.Fuzz(func(_ *testing.T, ser uint8, data []byte) {
		deserializeOne(&p, ser, data)
	})
}

// deserializeOne is the body of FuzzDeserializeCheck.
func deserializeOne(p *router.Policy, ser uint8, data []byte) {
	sers := [...]serialize.Serializer{&serialize.CBORSerializer{}, &serialize.MessagePackSerializer{}, &serialize.JSONSerializer{}}
	i := int(ser) % len(sers)
	msg, err := sers[i].Deserialize(data)
	if err != nil || msg == nil {
		return
	}
	_ = p.Check(msg, i == 2)
}

// TestWriteFuzzSeeds regenerates the committed seed corpora in
// testdata/fuzz (run with ROUTER_WRITE_SEEDS=1). The seeds are also added
// in the fuzz targets themselves, so the corpora only help `go test -fuzz`
// start from named, readable cases.
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("ROUTER_WRITE_SEEDS") == "" {
		t.Skip("set ROUTER_WRITE_SEEDS=1 to regenerate testdata/fuzz")
	}
	write := func(target, name string, lines ...string) {
		dir := filepath.Join("testdata", "fuzz", target)
		require.NoError(t, os.MkdirAll(dir, 0o755))
		var body strings.Builder
		body.WriteString("go test fuzz v1\n")
		for _, l := range lines {
			body.WriteString(l + "\n")
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body.String()), 0o644))
	}
	sers := []serialize.Serializer{&serialize.CBORSerializer{}, &serialize.MessagePackSerializer{}, &serialize.JSONSerializer{}}
	serNames := []string{"cbor", "msgpack", "json"}
	for i, c := range checkCases() {
		if strings.Contains(c.name, "oversized") {
			continue // megabyte seeds; covered by the in-code seeds
		}
		name := seedName(i, c.name)
		write("FuzzPolicyCheck", name,
			fmt.Sprintf("uint8(%d)", i%4),
			fmt.Sprintf("[]byte(%q)", encodeItem(map[string]any(c.opts))),
			fmt.Sprintf("[]byte(%q)", encodeItem([]any(c.args))),
			fmt.Sprintf("[]byte(%q)", encodeItem(map[string]any(c.kwargs))),
			fmt.Sprintf("bool(%v)", c.json))
		for si, s := range sers {
			b, err := s.Serialize(messagesFor(c)[0])
			if err != nil {
				continue
			}
			write("FuzzDeserializeCheck", name+"_"+serNames[si], fmt.Sprintf("uint8(%d)", si), fmt.Sprintf("[]byte(%q)", b))
		}
	}
}

func seedName(i int, s string) string {
	out := fmt.Appendf(nil, "%03d_", i)
	for _, r := range []byte(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			out = append(out, r)
		default:
			out = append(out, '_')
		}
	}
	return string(out)
}
