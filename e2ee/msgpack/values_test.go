package msgpack

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"
)

type point struct {
	X, Y int
	Name string `codec:"name"`
}

// values covers every fast-path type and the int, str and bin boundaries.
func values() map[string]any {
	v := map[string]any{
		"nil": nil, "true": true, "false": false,
		"float32": float32(1.5), "float32-neg0": float32(math.Copysign(0, -1)),
		"float32-inf": float32(math.Inf(1)), "float32-nan": float32(math.NaN()),
		"float32-tiny": float32(math.SmallestNonzeroFloat32),
		"float64":      3.25, "float64-max": math.MaxFloat64, "float64-nan": math.NaN(),
		"float64-neginf": math.Inf(-1),
		"id":             wamp.ID(1 << 53), "uri": wamp.URI("com.example"),
		"list-empty": wamp.List{}, "list-nil": wamp.List(nil),
		"slice-empty": []any{}, "slice-nil": []any(nil),
		"dict-empty": wamp.Dict{}, "dict-nil": wamp.Dict(nil),
		"map-empty": map[string]any{}, "map-nil": map[string]any(nil),
		"nested":  wamp.List{wamp.List{wamp.Dict{"a": []any{map[string]any{"b": wamp.List{nil}}}}}},
		"strings": []string{"a", ""}, "strings-nil": []string(nil),
		"uris": []wamp.URI{"a.b"}, "uris-nil": []wamp.URI(nil),
		"strmap": map[string]string{"k": "v"}, "strmap-nil": map[string]string(nil),
		"bin-nil": []byte(nil), "bin-empty": []byte{},
		"binarydata": serialize.BinaryData("\x00\x01payload"), "binarydata-nil": serialize.BinaryData(nil),
		// fallback to nexus
		"time":        time.Date(2024, 5, 6, 7, 8, 9, 123456789, time.UTC),
		"time-local":  time.Date(2024, 5, 6, 7, 8, 9, 0, time.FixedZone("x", 3600)),
		"time-sec":    time.Unix(1700000000, 0),
		"time-big":    time.Unix(1<<40, 5),
		"time-neg":    time.Unix(-5, 0),
		"time-zero":   time.Time{},
		"struct":      point{1, -2, "p"},
		"struct-ptr":  &point{3, 4, "q"},
		"nil-ptr":     (*point)(nil),
		"ints":        []int{1, 300, -70000},
		"array":       [2]string{"a", "b"},
		"msgtype":     wamp.CALL,
		"uintptr":     uintptr(300),
		"intmap":      map[int]string{1: "one"},
		"dictmap-ptr": &wamp.Dict{"a": 1},
	}
	for _, n := range []int64{0, 1, 127, 128, 255, 256, 32767, 32768, 65535, 65536,
		math.MaxInt32, math.MaxInt32 + 1, math.MaxUint32, math.MaxUint32 + 1, math.MaxInt64,
		-1, -32, -33, -128, -129, -32768, -32769, math.MinInt32, math.MinInt32 - 1, math.MinInt64} {
		v["int "+itoa(n)] = int(n)
		v["int64 "+itoa(n)] = n
		if n == int64(int32(n)) {
			v["int32 "+itoa(n)] = int32(n)
		}
		if n == int64(int16(n)) {
			v["int16 "+itoa(n)] = int16(n)
		}
		if n == int64(int8(n)) {
			v["int8 "+itoa(n)] = int8(n)
		}
		if n >= 0 {
			v["uint "+itoa(n)] = uint(n)
			v["uint64 "+itoa(n)] = uint64(n)
			if n == int64(uint32(n)) {
				v["uint32 "+itoa(n)] = uint32(n)
			}
			if n == int64(uint16(n)) {
				v["uint16 "+itoa(n)] = uint16(n)
			}
			if n == int64(uint8(n)) {
				v["uint8 "+itoa(n)] = uint8(n)
			}
		}
	}
	v["uint64 max"] = uint64(math.MaxUint64)
	v["uint max"] = uint(math.MaxUint)
	for _, n := range []int{0, 1, 31, 32, 255, 256, 65535, 65536, 70000} {
		v["str "+itoa(int64(n))] = strings.Repeat("s", n)
		v["bin "+itoa(int64(n))] = randBytes(n, uint64(n))
	}
	return v
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestValues(t *testing.T) {
	for name, v := range values() {
		t.Run(name, func(t *testing.T) {
			// In Arguments, in ArgumentsKw and in Options of a message.
			checkEncode(t, &wamp.Publish{Request: 1, Options: wamp.Dict{"v": v}, Topic: "t",
				Arguments: wamp.List{v}, ArgumentsKw: wamp.Dict{"v": v}})
			// As a data item.
			theirs, nerr := nexus.SerializeDataItem(v)
			b, err := ours.SerializeDataItem(v)
			require.NoError(t, nerr)
			require.NoError(t, err)
			if maxMapLen(reflect.ValueOf(v)) <= 1 {
				require.Equal(t, theirs, b)
			}
			var want, got any
			werr := nexus.DeserializeDataItem(theirs, &want)
			gerr := ours.DeserializeDataItem(b, &got)
			require.Equal(t, werr == nil, gerr == nil, "%v / %v", werr, gerr)
			requireEqual(t, want, got)
		})
	}
}
