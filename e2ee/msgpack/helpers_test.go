package msgpack

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"
)

var (
	ours  = &Serializer{}
	nexus = &serialize.MessagePackSerializer{}
)

// nexusDecode runs nexus's Deserialize, turning a panic into an error so
// that a fuzzer reports it against nexus rather than crashing.
func nexusDecode(b []byte) (m wamp.Message, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("nexus panicked: %v", r)
		}
	}()
	return nexus.Deserialize(b)
}

// equal is reflect.DeepEqual except that floats compare by their bits, so
// that NaN equals itself.
func equal(a, b any) bool { return equalValue(reflect.ValueOf(a), reflect.ValueOf(b)) }

var timeType = reflect.TypeFor[time.Time]()

func equalValue(a, b reflect.Value) bool {
	if a.IsValid() != b.IsValid() {
		return false
	}
	if !a.IsValid() {
		return true
	}
	if a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Float32, reflect.Float64:
		return math.Float64bits(a.Float()) == math.Float64bits(b.Float())
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return equalValue(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !equalValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			bv := b.MapIndex(k)
			if !bv.IsValid() || !equalValue(a.MapIndex(k), bv) {
				return false
			}
		}
		return true
	case reflect.Struct:
		if a.Type() == timeType {
			return reflect.DeepEqual(a.Interface(), b.Interface())
		}
		for i := range a.NumField() {
			if !equalValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

func requireEqual(t testing.TB, want, got any, msgAndArgs ...any) {
	t.Helper()
	if !equal(want, got) {
		require.Equal(t, want, got, msgAndArgs...) // for the diff
		require.Fail(t, "not equal (types or nil-ness differ)",
			fmt.Sprintf("want %#v\ngot  %#v", want, got))
	}
}

// checkDecode asserts the decoding contract for b and returns our result:
// if ours succeeds, nexus succeeds with an equal message; if ours fails and
// nexus succeeds, ours must have failed for a documented strictness.
func checkDecode(t testing.TB, b []byte) (wamp.Message, error) {
	t.Helper()
	got, err := ours.Deserialize(b)
	want, nerr := nexusDecode(b)
	if err == nil {
		require.NoError(t, nerr, "ours accepted % x, nexus did not", b)
		requireEqual(t, want, got, "input % x", b)
	} else if nerr == nil {
		require.True(t, isStrictness(err), "ours rejected % x (%v), nexus accepted %#v", b, err, want)
	}
	if err != nil {
		require.Nil(t, got)
		require.Regexp(t, "^msgpack: ", err.Error())
	}
	return got, err
}

// strictnesses are the error texts of the documented deliberate strictnesses.
var strictnesses = []string{
	"want array",     // 1. top-level value is not an array
	"trailing bytes", // 2.
	// 3. (registered extension types) is not exercised: nothing registers one.
	"want str or bin",    // 4. map key
	"duplicate map key",  // 5.
	"is bin, want array", // 6. bin where the message has a list
}

func isStrictness(err error) bool {
	for _, s := range strictnesses {
		if strings.Contains(err.Error(), s) {
			return true
		}
	}
	return false
}

// checkEncode asserts the encoding contract for m: nexus decodes our output
// to what it decodes its own output to, and so do we. It returns our output.
func checkEncode(t testing.TB, m wamp.Message) []byte {
	t.Helper()
	theirs, nerr := nexus.Serialize(m)
	b, err := ours.Serialize(m)
	if nerr != nil {
		require.Error(t, err, "nexus cannot encode %#v", m)
		return nil
	}
	require.NoError(t, err)
	want, wantErr := nexusDecode(theirs)
	got, gotErr := nexusDecode(b)
	mine, mineErr := ours.Deserialize(b)
	if wantErr != nil { // nexus cannot read its own output (e.g. int map keys)
		require.Error(t, gotErr)
		require.Error(t, mineErr)
		return b
	}
	require.NoError(t, gotErr, "nexus cannot decode our % x", b)
	requireEqual(t, want, got, "nexus decoding ours")
	require.NoError(t, mineErr, "we cannot decode our % x", b)
	requireEqual(t, want, mine, "ours decoding ours")
	mine2, err := ours.Deserialize(theirs)
	require.NoError(t, err, "we cannot decode nexus's % x", theirs)
	requireEqual(t, want, mine2, "ours decoding nexus's")
	if maxMapLen(reflect.ValueOf(m)) <= 1 {
		require.Equal(t, theirs, b, "output differs from nexus's")
	}
	return b
}

// maxMapLen is the largest map in v (map order makes larger ones differ).
func maxMapLen(v reflect.Value) int {
	n := 0
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			n = maxMapLen(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return 0
		}
		for i := range v.Len() {
			n = max(n, maxMapLen(v.Index(i)))
		}
	case reflect.Map:
		n = v.Len()
		for _, k := range v.MapKeys() {
			n = max(n, maxMapLen(v.MapIndex(k)))
		}
	case reflect.Struct:
		if v.Type() == timeType {
			return 0
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				n = max(n, maxMapLen(v.Field(i)))
			}
		}
	}
	return n
}

// mp encodes a data item with nexus, to build raw test inputs.
func mp(t testing.TB, v any) []byte {
	t.Helper()
	b, err := nexus.SerializeDataItem(v)
	require.NoError(t, err)
	return b
}

// cat concatenates byte slices.
func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}
