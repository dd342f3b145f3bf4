package msgpack

import (
	"bytes"
	"encoding/binary"
	"math"
	"runtime"
	"testing"

	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"
	"github.com/ugorji/go/codec"
)

// nest returns depth levels of single-element arrays around 1.
func nest(depth int) []byte {
	return append(bytes.Repeat([]byte{0x91}, depth), 0x01)
}

// TestStrictness covers each documented input that nexus accepts and we
// refuse.
func TestStrictness(t *testing.T) {
	pub := []byte{0x95, 0x10, 0x01, 0x80, 0xa1, 't'} // [PUBLISH, 1, {}, "t", <args>]
	cases := []struct {
		name, err string
		in        []byte
	}{
		{"top-level map", "message is map, want array", []byte{0x81, 0x01, 0xa1, 'r'}},
		{"trailing bytes", "1 trailing bytes", cat(mp(t, []any{1, "r", nil}), []byte{0xc0})},
		{"trailing message", "trailing bytes", cat(mp(t, []any{1, "r"}), mp(t, []any{1, "r"}))},
		{"nil map key", "map key is nil", cat(pub, []byte{0x91, 0x81, 0xc0, 0x01})},
		{"array map key", "map key is array", cat(pub, []byte{0x91, 0x81, 0x92, 0x61, 0x62, 0x01})},
		{"duplicate key", "duplicate map key (1 bytes)", cat(pub, []byte{0x91, 0x82, 0xa1, 'a', 0x01, 0xa1, 'a', 0x02})},
		{"duplicate bin/str key", "duplicate map key (1 bytes)", cat(pub, []byte{0x91, 0x82, 0xa1, 'a', 0x01, 0xc4, 0x01, 'a', 0x02})},
		{"duplicate merging maps", "duplicate map key", cat([]byte{0x94, 0x10, 0x01, 0x82, 0xa1, 'a', 0x81, 0xa1, 'x', 0x01,
			0xa1, 'a', 0x81, 0xa1, 'y', 0x02, 0xa1, 't'})},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want, err := nexus.Deserialize(c.in)
			require.NoError(t, err, "nexus should accept % x", c.in)
			require.NotNil(t, want)
			got, err := ours.Deserialize(c.in)
			require.Nil(t, got)
			require.ErrorContains(t, err, c.err)
			require.True(t, isStrictness(err))
		})
	}
}

// TestDepthMatchesNexus: Deserialize accepts and refuses the same nesting as
// nexus (the message array is level 1, Arguments level 2), for arrays and
// maps, in Arguments and in an extra element.
func TestDepthMatchesNexus(t *testing.T) {
	pub := []byte{0x95, 0x10, 0x01, 0x80, 0xa1, 't'} // [PUBLISH, 1, {}, "t", <args>]
	maps := func(n int) []byte {
		return cat([]byte{0x91}, bytes.Repeat([]byte{0x81, 0xa1, 'k'}, n), []byte{0x01})
	}
	for _, c := range []struct {
		name string
		in   []byte
		ok   bool
	}{
		{"arrays 1023", cat(pub, nest(maxDepth-1)), true},
		{"arrays 1024", cat(pub, nest(maxDepth)), false},
		{"arrays 1100", cat(pub, nest(maxDepth+77)), false},
		{"maps 1023", cat(pub, maps(maxDepth-2)), true},
		{"maps 1024", cat(pub, maps(maxDepth-1)), false},
		{"extra element 1023", cat([]byte{0x93, 0x23, 0x01}, nest(maxDepth-1)), true},
		{"extra element 1024", cat([]byte{0x93, 0x23, 0x01}, nest(maxDepth)), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, nerr := nexus.Deserialize(c.in)
			m, err := ours.Deserialize(c.in)
			require.Equal(t, c.ok, nerr == nil, "nexus: %v", nerr)
			if !c.ok {
				require.ErrorContains(t, err, "nesting deeper than 1023")
				require.Nil(t, m)
				return
			}
			checkNoError(t, c.in)
		})
	}
}

// TestClaimedSizesDoNotAmplifyAllocation: containers claiming far more
// elements than the input could hold in memory (but no more than its
// length) make Deserialize allocate a small fraction of the input, not a
// multiple of it: the first element fails right after the claim.
func TestClaimedSizesDoNotAmplifyAllocation(t *testing.T) {
	const size = 1 << 20
	pub := []byte{0x95, 0x10, 0x01, 0x80, 0xa1, 't'} // [PUBLISH, 1, {}, "t", <args>]
	claim := func(prefix []byte, head, first byte) []byte {
		b := make([]byte, size)
		n := copy(b, prefix)
		b[n] = head
		binary.BigEndian.PutUint32(b[n+1:], uint32((size-32)/2))
		b[n+5] = first
		return b
	}
	for _, c := range []struct {
		name string
		in   []byte
	}{
		{"map claiming 512k entries, int key", claim(cat(pub, []byte{0x91}), 0xdf, 0x00)},
		{"list claiming 512k elements, reserved byte", claim(pub, 0xdd, 0xc1)},
	} {
		t.Run(c.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			m, err := ours.Deserialize(c.in)
			runtime.ReadMemStats(&after)
			require.Error(t, err)
			require.Nil(t, m)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d-byte input: %d bytes allocated (%v)", len(c.in), alloc, err)
			require.Less(t, alloc, uint64(64<<10), "a claim reserves at most a few KB")
		})
	}
}

func checkNoError(t *testing.T, b []byte) wamp.Message {
	t.Helper()
	m, err := checkDecode(t, b)
	require.NoError(t, err)
	return m
}

// TestSerializeDepth: Serialize follows values up to maxEncodeDepth levels
// (the message array is level 1, Arguments level 2) and refuses deeper ones
// (cycles); between maxDepth and maxEncodeDepth it encodes what no decoder
// accepts, as nexus does.
func TestSerializeDepth(t *testing.T) {
	deep := func(n int) any {
		var v any = 1
		for range n {
			v = wamp.List{v}
		}
		return v
	}
	ok := &wamp.Publish{Request: 1, Options: wamp.Dict{}, Topic: "t", Arguments: wamp.List{deep(maxDepth - 3)}}
	checkEncode(t, ok)
	deeper := &wamp.Publish{Request: 1, Options: wamp.Dict{}, Topic: "t", Arguments: wamp.List{deep(maxEncodeDepth - 3)}}
	b, err := ours.Serialize(deeper)
	require.NoError(t, err)
	_, err = nexus.Deserialize(b)
	require.Error(t, err, "nexus cannot read it either")
	tooDeep := &wamp.Publish{Request: 1, Options: wamp.Dict{}, Topic: "t", Arguments: wamp.List{deep(maxEncodeDepth - 1)}}
	_, err = ours.Serialize(tooDeep)
	require.ErrorContains(t, err, "nested deeper than 2046")
	_, err = ours.SerializeDataItem(deep(maxEncodeDepth))
	require.NoError(t, err)
	_, err = ours.SerializeDataItem(deep(maxEncodeDepth + 1))
	require.Error(t, err)
	// A cycle through fast-path types ends in the depth error, not a stack overflow.
	cyc := wamp.Dict{}
	cyc["self"] = wamp.List{cyc}
	_, err = ours.Serialize(&wamp.Publish{Request: 1, Options: cyc, Topic: "t"})
	require.ErrorContains(t, err, "nested deeper than")
}

// TestFieldConversions mirrors listToMsg's reflect conversions and errors.
func TestFieldConversions(t *testing.T) {
	d := map[string]any{}
	accept := &wamp.Publish{} // placeholder: both accept, values compared by checkDecode
	strict := &wamp.Publish{} // placeholder: nexus accepts, ours refuses (a documented strictness)
	cases := []struct {
		name string
		in   []any
		want wamp.Message // nil: both must reject
	}{
		{"request float", []any{16, 1.9, d, "t"}, &wamp.Publish{Request: 1, Options: wamp.Dict{}, Topic: "t"}},
		{"request float32", []any{16, float32(7.5), d, "t"}, &wamp.Publish{Request: 7, Options: wamp.Dict{}, Topic: "t"}},
		{"request negative", []any{16, -1, d, "t"}, &wamp.Publish{Request: math.MaxUint64, Options: wamp.Dict{}, Topic: "t"}},
		{"request negative float", []any{16, -1.5, d, "t"}, accept},
		{"request nan", []any{16, math.NaN(), d, "t"}, accept},
		{"request huge float", []any{16, 1e300, d, "t"}, accept},
		{"request inf", []any{16, math.Inf(-1), d, "t"}, accept},
		{"error type nan", []any{8, math.NaN(), 1, d, "e"}, accept},
		{"error type huge float", []any{8, -1e300, 1, d, "e"}, accept},
		{"request string", []any{16, "1", d, "t"}, nil},
		{"request bin", []any{16, []byte{1}, d, "t"}, nil},
		{"request bool", []any{16, true, d, "t"}, nil},
		{"request list", []any{16, []any{1}, d, "t"}, nil},
		{"request map", []any{16, d, d, "t"}, nil},
		{"request nil", []any{16, nil, d, "t"}, &wamp.Publish{Options: wamp.Dict{}, Topic: "t"}},
		{"options nil", []any{16, 1, nil, "t"}, &wamp.Publish{Request: 1, Topic: "t"}},
		{"options list", []any{16, 1, []any{}, "t"}, nil},
		{"options string", []any{16, 1, "x", "t"}, nil},
		{"options bin", []any{16, 1, []byte{}, "t"}, nil},
		{"topic bin", []any{16, 1, d, []byte("a.b")}, &wamp.Publish{Request: 1, Options: wamp.Dict{}, Topic: "a.b"}},
		{"topic int", []any{16, 1, d, 65}, &wamp.Publish{Request: 1, Options: wamp.Dict{}, Topic: "A"}},
		{"topic uint", []any{16, 1, d, uint(0x263a)}, &wamp.Publish{Request: 1, Options: wamp.Dict{}, Topic: "☺"}},
		{"topic negative", []any{16, 1, d, -5}, &wamp.Publish{Request: 1, Options: wamp.Dict{}, Topic: "\uFFFD"}},
		{"topic surrogate", []any{16, 1, d, 0xd800}, &wamp.Publish{Request: 1, Options: wamp.Dict{}, Topic: "\uFFFD"}},
		{"topic huge uint", []any{16, 1, d, uint64(1 << 40)}, &wamp.Publish{Request: 1, Options: wamp.Dict{}, Topic: "\uFFFD"}},
		{"topic float", []any{16, 1, d, 1.0}, nil},
		{"topic bool", []any{16, 1, d, false}, nil},
		{"topic list", []any{16, 1, d, []any{}}, nil},
		// nexus makes a list of one uint8 per byte of these (16× the
		// input in memory): strictness 6.
		{"args bin", []any{16, 1, d, "t", []byte{1, 200}}, strict},
		{"args empty bin", []any{16, 1, d, "t", []byte{}}, strict},
		{"args map", []any{16, 1, d, "t", d}, nil},
		{"args string", []any{16, 1, d, "t", "x"}, nil},
		{"args int", []any{16, 1, d, "t", 1}, nil},
		{"kw list", []any{16, 1, d, "t", []any{}, []any{}}, nil},
		{"extra elements", []any{16, 1, d, "t", []any{}, d, "x", []any{1}, nil}, &wamp.Publish{Request: 1,
			Options: wamp.Dict{}, Topic: "t", Arguments: wamp.List{}, ArgumentsKw: wamp.Dict{}}},
		{"type only", []any{16}, &wamp.Publish{}},
		{"short", []any{16, 5}, &wamp.Publish{Request: 5}},
		{"error defaults", []any{8}, &wamp.Error{Type: wamp.ERROR, Details: wamp.Dict{}}},
		{"error nil type", []any{8, nil, 3, nil, "e"}, &wamp.Error{Type: wamp.ERROR, Request: 3, Details: wamp.Dict{}, Error: "e"}},
		{"error float type", []any{8, 48.7, 3, d, "e"}, &wamp.Error{Type: wamp.CALL, Request: 3, Details: wamp.Dict{}, Error: "e"}},
		{"error negative type", []any{8, -3, 3, d, "e"}, &wamp.Error{Type: -3, Request: 3, Details: wamp.Dict{}, Error: "e"}},
		{"error huge type", []any{8, uint64(math.MaxUint64), 3, d, "e"}, &wamp.Error{Type: -1, Request: 3, Details: wamp.Dict{}, Error: "e"}},
		{"error string type", []any{8, "x", 3, d, "e"}, nil},
		{"challenge method int", []any{4, 97, d}, &wamp.Challenge{AuthMethod: "a", Extra: wamp.Dict{}}},
		{"challenge method bin", []any{4, []byte("ticket"), d}, &wamp.Challenge{AuthMethod: "ticket", Extra: wamp.Dict{}}},
		{"authenticate sig float", []any{5, 1.5, d}, nil},
		{"welcome id float32", []any{2, float32(3), d}, &wamp.Welcome{ID: 3, Details: wamp.Dict{}}},
		{"hello details nested", []any{1, "r", map[string]any{"x": []any{map[string]any{}}}},
			&wamp.Hello{Realm: "r", Details: wamp.Dict{"x": []any{map[string]any{}}}}},
		{"map nil value", []any{1, "r", map[string]any{"x": nil}}, &wamp.Hello{Realm: "r", Details: wamp.Dict{"x": nil}}},
		{"type 0", []any{0}, nil},
		{"type 7", []any{7}, nil},
		{"type 71", []any{71, 1}, nil},
		{"type negative", []any{-16}, nil},
		{"type huge", []any{uint64(math.MaxUint64)}, nil},
		{"type float", []any{16.0, 1, d, "t"}, nil},
		{"type string", []any{"16", 1, d, "t"}, nil},
		{"type nil", []any{nil}, nil},
		{"type bool", []any{true}, nil},
		{"empty", []any{}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := mp(t, c.in)
			got, err := checkDecode(t, b)
			_, nerr := nexus.Deserialize(b)
			if c.want == nil {
				require.Error(t, err)
				require.Error(t, nerr)
				return
			}
			if c.want == strict {
				require.Error(t, err)
				require.True(t, isStrictness(err), "%v", err)
				require.NoError(t, nerr)
				return
			}
			require.NoError(t, err)
			if c.want != accept {
				requireEqual(t, c.want, got)
			}
		})
	}
	// uint8 (0xcc) of a small value decodes as uint64 but still converts.
	checkNoError(t, []byte{0x94, 0x10, 0xcc, 0x05, 0x80, 0xa1, 't'})
	// signed formats for positive values are int64.
	checkNoError(t, []byte{0x94, 0xd0, 0x10, 0xd3, 0, 0, 0, 0, 0, 0, 0, 5, 0x80, 0xa1, 't'})
	// message type in uint64 format.
	checkNoError(t, []byte{0x92, 0xcf, 0, 0, 0, 0, 0, 0, 0, 0x22, 0x01})
}

// TestMalformed checks inputs that both nexus and we must refuse.
func TestMalformed(t *testing.T) {
	pub := []byte{0x95, 0x10, 0x01, 0x80, 0xa1, 't'}
	cases := map[string][]byte{
		"empty":            {},
		"nil":              {0xc0},
		"int":              {0x10},
		"str":              {0xa1, 'x'},
		"bin":              {0xc4, 0x01, 0x10},
		"reserved c1":      {0x91, 0xc1},
		"c1 in args":       cat(pub, []byte{0x91, 0xc1}),
		"huge array":       {0xdd, 0xff, 0xff, 0xff, 0xff},
		"huge array16":     {0xdc, 0xff, 0xff, 0x10},
		"huge map":         {0xdf, 0xff, 0xff, 0xff, 0xff},
		"huge map arg":     cat(pub, []byte{0x91, 0xdf, 0xff, 0xff, 0xff, 0xff}),
		"huge str":         cat(pub, []byte{0x91, 0xdb, 0xff, 0xff, 0xff, 0xff}),
		"huge bin":         cat(pub, []byte{0x91, 0xc6, 0xff, 0xff, 0xff, 0xff}),
		"huge ext":         cat(pub, []byte{0x91, 0xc9, 0xff, 0xff, 0xff, 0xff, 0xff}),
		"huge nested":      cat(pub, []byte{0x91, 0xdd, 0x7f, 0xff, 0xff, 0xff, 0xdd, 0x7f, 0xff, 0xff, 0xff}),
		"timestamp len 1":  cat(pub, []byte{0x91, 0xd4, 0xff, 0x00}),
		"timestamp len 16": cat(pub, []byte{0x91, 0xd8, 0xff}, make([]byte, 16)),
		"timestamp len 5":  cat(pub, []byte{0x91, 0xc7, 0x05, 0xff}, make([]byte, 5)),
		"map int key":      cat(pub, []byte{0x91, 0x81, 0x01, 0x01}),
		"map bool key":     cat(pub, []byte{0x91, 0x81, 0xc3, 0x01}),
		"map map key":      cat(pub, []byte{0x91, 0x81, 0x80, 0x01}),
		"map float key":    cat(pub, []byte{0x91, 0x81, 0xcb, 0, 0, 0, 0, 0, 0, 0, 0, 0x01}),
		"map time key":     cat(pub, []byte{0x91, 0x81, 0xd6, 0xff, 0, 0, 0, 0, 0x01}),
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			_, nerr := nexus.Deserialize(in)
			require.Error(t, nerr)
			var m wamp.Message
			var err error
			allocs := testing.AllocsPerRun(10, func() { m, err = ours.Deserialize(in) })
			require.Error(t, err)
			require.Nil(t, m)
			require.LessOrEqual(t, allocs, 12.0, "allocations to refuse % x", in)
			checkDecode(t, in)
		})
	}
}

// TestHugeClaimsDoNotAllocate checks that claimed lengths are validated
// against the input before anything is allocated for them.
func TestHugeClaimsDoNotAllocate(t *testing.T) {
	pub := []byte{0x95, 0x10, 0x01, 0x80, 0xa1, 't'}
	for _, in := range [][]byte{
		{0xdd, 0xff, 0xff, 0xff, 0xff},
		cat(pub, []byte{0xdd, 0xff, 0xff, 0xff, 0xff}),
		cat(pub, []byte{0xdf, 0xff, 0xff, 0xff, 0xff}),
		cat(pub, []byte{0xc6, 0xff, 0xff, 0xff, 0xff}),
		cat(pub, []byte{0xdb, 0xff, 0xff, 0xff, 0xff}),
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for range 100 {
			_, err := ours.Deserialize(in)
			require.Error(t, err)
		}
		runtime.ReadMemStats(&after)
		require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(1<<20), "% x", in)
	}
	// Nested arrays that each claim (almost) the rest of the input must not
	// preallocate quadratically (100 levels would preallocate 100 times what
	// 1 level does); the inner list still grows by append.
	nested := func(levels int) []byte {
		in := cat(pub, []byte{0x91})
		start := len(in)
		in = append(in, make([]byte, 3*levels+20000)...)
		for l := range levels {
			i := start + 3*l
			rem := len(in) - i - 3
			in[i], in[i+1], in[i+2] = 0xdc, byte(rem>>8), byte(rem)
		}
		return in
	}
	cost := func(in []byte) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, _ = ours.Deserialize(in)
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	one, hundred := cost(nested(1)), cost(nested(100))
	require.Less(t, hundred, 8*one, "1 level: %d bytes, 100 levels: %d bytes", one, hundred)
}

// TestTruncated checks that every proper prefix of every sample is refused.
func TestTruncated(t *testing.T) {
	for _, s := range samples() {
		b, err := ours.Serialize(s.msg)
		require.NoError(t, err)
		for i := range len(b) {
			got, err := ours.Deserialize(b[:i])
			require.Error(t, err, "%s cut at %d", s.name, i)
			require.Nil(t, got)
			_, nerr := nexus.Deserialize(b[:i])
			require.Error(t, nerr, "%s cut at %d", s.name, i)
		}
	}
}

// TestAliasing documents that bin values refer to the input.
func TestAliasing(t *testing.T) {
	b, err := ours.Serialize(&wamp.Publish{Request: 1, Options: wamp.Dict{}, Topic: "t", Arguments: wamp.List{[]byte{1, 2, 3}}})
	require.NoError(t, err)
	m, err := ours.Deserialize(b)
	require.NoError(t, err)
	arg := m.(*wamp.Publish).Arguments[0].([]byte)
	require.Equal(t, []byte{1, 2, 3}, arg)
	require.Equal(t, 3, cap(arg), "capacity limited so appends cannot overwrite the input")
	b[len(b)-1] = 9
	require.Equal(t, []byte{1, 2, 9}, arg)
}

// TestExtensionsLikeNexus: extension types other than the timestamp decode
// as nexus decodes them (codec.RawExt), wherever a value may be — wampy's
// MessagePack encoder sends undefined as fixext 1 of type 0 (d4 00 00) in
// SUBSCRIBE options, which this serializer once refused.
func TestExtensionsLikeNexus(t *testing.T) {
	pub := []byte{0x95, 0x10, 0x01, 0x80, 0xa1, 't', 0x91}
	cases := map[string][]byte{
		"wampy subscribe": {0x94, 0x20, 0x01, 0x82, 0xa5, 'm', 'a', 't', 'c', 'h', 0xd4, 0x00, 0x00,
			0xac, 'g', 'e', 't', '_', 'r', 'e', 't', 'a', 'i', 'n', 'e', 'd', 0xd4, 0x00, 0x00, 0xa3, 'a', '.', 'b'},
		"fixext1 type 5":       cat(pub, []byte{0xd4, 0x05, 0x00}),
		"ext8 type -2":         cat(pub, []byte{0xc7, 0x01, 0xfe, 0x00}),
		"ext8 empty":           cat(pub, []byte{0xc7, 0x00, 0x07}),
		"ext16":                cat(pub, []byte{0xc8, 0x00, 0x03, 0x01, 'a', 'b', 'c'}),
		"ext32":                cat(pub, []byte{0xc9, 0x00, 0x00, 0x00, 0x02, 0x80, 'a', 'b'}),
		"fixext16":             cat(pub, append([]byte{0xd8, 0x7f}, bytes.Repeat([]byte{9}, 16)...)),
		"ext in extra element": cat([]byte{0x93, 0x23, 0x01}, []byte{0xd5, 0x01, 0, 0}),
		"ext as map value":     cat(pub, []byte{0x81, 0xa1, 'k', 0xd6, 0x03, 1, 2, 3, 4}),
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			checkNoError(t, in)
		})
	}
	m := checkNoError(t, cases["wampy subscribe"]).(*wamp.Subscribe)
	require.Equal(t, codec.RawExt{Tag: 0, Data: []byte{0}}, m.Options["match"])
	// Truncated extensions and timestamps of the wrong length stay errors,
	// as in nexus.
	for _, in := range [][]byte{cat(pub, []byte{0xd5, 0x05, 0x00}), cat(pub, []byte{0xc7, 0x03, 0x05, 0x00}), cat(pub, []byte{0xd4, 0xff, 0x00})} {
		_, err := checkDecode(t, in)
		require.Error(t, err)
	}
}

// TestTimestamp checks the timestamp extension.
func TestTimestamp(t *testing.T) {
	pub := []byte{0x95, 0x10, 0x01, 0x80, 0xa1, 't', 0x91}
	for name, ext := range map[string][]byte{
		"32":          {0xd6, 0xff, 0x65, 0x00, 0x00, 0x01},
		"64":          {0xd7, 0xff, 0xee, 0x6b, 0x27, 0xfc, 0x65, 0x00, 0x00, 0x01},
		"64 overflow": {0xd7, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
		"96":          {0xc7, 0x0c, 0xff, 0x3b, 0x9a, 0xc9, 0xff, 0x80, 0, 0, 0, 0, 0, 0, 0},
		"96 big nsec": {0xc7, 0x0c, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
		"ext8 len 4":  {0xc7, 0x04, 0xff, 0, 0, 0, 1},
		"ext16 len 8": {0xc8, 0x00, 0x08, 0xff, 0, 0, 0, 4, 0, 0, 0, 1},
	} {
		t.Run(name, func(t *testing.T) {
			m := checkNoError(t, cat(pub, ext))
			require.NotNil(t, m.(*wamp.Publish).Arguments[0])
		})
	}
}

func TestSerializeErrors(t *testing.T) {
	_, err := ours.Serialize(nil)
	require.ErrorContains(t, err, "msgpack: nil message")
	_, err = ours.Serialize((*wamp.Publish)(nil))
	require.ErrorContains(t, err, "msgpack: nil *wamp.Publish")
	bad := &wamp.Publish{Options: wamp.Dict{"c": complex(1, 2)}}
	_, err = ours.Serialize(bad)
	require.ErrorContains(t, err, "msgpack: encoding complex128")
	_, err = nexus.Serialize(bad)
	require.Error(t, err)
	// What nexus can encode, we can: ugorji encodes a chan as an empty array.
	checkEncode(t, &wamp.Publish{Options: wamp.Dict{"c": make(chan int), "f": func() {}}})
	var v any
	require.ErrorContains(t, ours.DeserializeDataItem([]byte{0xc1}, &v), "msgpack: decoding data item")
}

// other is a message type outside the fast path.
type other struct {
	N    wamp.ID
	Args wamp.List `wamp:"omitempty"`
}

func (*other) MessageType() wamp.MessageType { return 99 }

func TestSerializeFallback(t *testing.T) {
	m := &other{N: 5}
	b, err := ours.Serialize(m)
	require.NoError(t, err)
	theirs, err := nexus.Serialize(m)
	require.NoError(t, err)
	require.Equal(t, theirs, b)
}
