package msgpack

import (
	"encoding/binary"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// gen writes random msgpack items using every format, including
// non-canonical ones, to explore what a byte-level fuzzer reaches slowly.
type gen struct{ r *rand.Rand }

func (g gen) be(b []byte, n int, v uint64) []byte {
	switch n {
	case 1:
		return append(b, byte(v))
	case 2:
		return binary.BigEndian.AppendUint16(b, uint16(v))
	case 4:
		return binary.BigEndian.AppendUint32(b, uint32(v))
	}
	return binary.BigEndian.AppendUint64(b, v)
}

// num is an interesting integer, as raw bits.
func (g gen) num() uint64 {
	switch g.r.IntN(6) {
	case 0:
		return uint64(g.r.IntN(300))
	case 1:
		return uint64(-g.r.Int64N(300))
	case 2:
		return 1 << g.r.IntN(64)
	case 3:
		return g.r.Uint64()
	case 4:
		return uint64(g.r.IntN(71)) // message types
	}
	return uint64(0x20 + g.r.IntN(0x10ffff))
}

func (g gen) text() []byte {
	words := []string{"", "a", "b", "ppt_scheme", "wamp", "cbor", "topic", "com.example", "é", "\xff"}
	if g.r.IntN(4) == 0 {
		b := make([]byte, g.r.IntN(40))
		for i := range b {
			b[i] = byte(g.r.Uint32())
		}
		return b
	}
	return []byte(words[g.r.IntN(len(words))])
}

func (g gen) raw(b []byte, fix byte, fixMax int, forms []byte, p []byte) []byte {
	i := g.r.IntN(len(forms) + 1)
	if i == len(forms) && len(p) < fixMax {
		return append(append(b, fix|byte(len(p))), p...)
	}
	i %= len(forms)
	n := []int{1, 2, 4}[i]
	return append(g.be(append(b, forms[i]), n, uint64(len(p))), p...)
}

func (g gen) header(b []byte, fix byte, b16 byte, n int) []byte {
	switch g.r.IntN(3) {
	case 0:
		if n < 16 {
			return append(b, fix|byte(n))
		}
		fallthrough
	case 1:
		return g.be(append(b, b16), 2, uint64(n))
	}
	return g.be(append(b, b16+1), 4, uint64(n))
}

// ext is an extension of any type and form: fixext 1, 2, 4, 8, 16 or ext 8,
// 16, 32 (JavaScript encoders send undefined as fixext 1 of type 0).
func (g gen) ext(b []byte) []byte {
	typ := byte(g.r.IntN(256))
	switch g.r.IntN(4) {
	case 0:
		typ = 0
	case 1:
		typ = 0xff // timestamp, usually with a bad length
	}
	if g.r.IntN(3) == 0 {
		fix := []byte{0xd4, 0xd5, 0xd6, 0xd7, 0xd8}
		i := g.r.IntN(len(fix))
		b = append(b, fix[i], typ)
		for range 1 << i {
			b = append(b, byte(g.r.Uint32()))
		}
		return b
	}
	p := g.text()
	i := g.r.IntN(3)
	b = g.be(append(b, 0xc7+byte(i)), 1<<i, uint64(len(p)))
	return append(append(b, typ), p...)
}

func (g gen) item(b []byte, depth int) []byte {
	k := g.r.IntN(16)
	if depth > 4 && k >= 12 {
		k = g.r.IntN(12)
	}
	switch k {
	case 0:
		return append(b, 0xc0)
	case 1:
		return append(b, 0xc2+byte(g.r.IntN(2)))
	case 2:
		return append(b, byte(g.r.IntN(128)))
	case 3:
		return append(b, 0xe0|byte(g.r.IntN(32)))
	case 4:
		i := g.r.IntN(8) // uint8..64, int8..64
		return g.be(append(b, 0xcc+byte(i&3)+byte(i&4)), 1<<(i&3), g.num())
	case 5:
		if g.r.IntN(2) == 0 {
			return g.be(append(b, 0xca), 4, g.num())
		}
		return g.be(append(b, 0xcb), 8, g.num())
	case 6, 7:
		return g.raw(b, 0xa0, 32, []byte{0xd9, 0xda, 0xdb}, g.text())
	case 8:
		return g.raw(b, 0, 0, []byte{0xc4, 0xc5, 0xc6}, g.text())
	case 9:
		ts := [][]byte{{0xd6, 0xff}, {0xd7, 0xff}, {0xc7, 12, 0xff}}[g.r.IntN(3)]
		n := map[byte]int{0xd6: 4, 0xd7: 8, 0xc7: 12}[ts[0]]
		b = append(b, ts...)
		for range n {
			b = append(b, byte(g.r.Uint32()))
		}
		return b
	case 10:
		if g.r.IntN(2) == 0 {
			return g.ext(b)
		}
		return append(b, byte(g.r.IntN(128)))
	case 11:
		return append(b, 0xc0)
	case 12, 13:
		n := g.r.IntN(5)
		b = g.header(b, 0x90, 0xdc, n)
		for range n {
			b = g.item(b, depth+1)
		}
		return b
	}
	n := g.r.IntN(4)
	b = g.header(b, 0x80, 0xde, n)
	for range n {
		switch g.r.IntN(10) {
		case 0:
			b = g.item(b, depth+1) // any key
		case 1:
			b = g.raw(b, 0, 0, []byte{0xc4, 0xc5, 0xc6}, g.text())
		default:
			b = g.raw(b, 0xa0, 32, []byte{0xd9, 0xda, 0xdb}, g.text())
		}
		b = g.item(b, depth+1)
	}
	return b
}

// message is a random message array, usually of a known type.
func (g gen) message() []byte {
	n := 1 + g.r.IntN(8)
	b := g.header(nil, 0x90, 0xdc, n)
	types := []uint64{1, 2, 3, 4, 5, 6, 8, 16, 17, 32, 33, 34, 35, 36, 48, 49, 50, 64, 65, 66, 67, 68, 69, 70}
	switch g.r.IntN(10) {
	case 0:
		b = g.item(b, 1)
	case 1:
		b = g.be(append(b, 0xcc+byte(g.r.IntN(4))), []int{1, 2, 4, 8}[g.r.IntN(4)], types[g.r.IntN(len(types))])
	default:
		b = append(b, byte(types[g.r.IntN(len(types))]))
	}
	for range n - 1 {
		b = g.item(b, 2)
	}
	if g.r.IntN(20) == 0 {
		b = append(b, 0xc0)
	}
	return b
}

// TestRandomStructured runs the FuzzDeserialize checks on random
// structured messages (MSGPACK_RANDOM_N sets the count).
func TestRandomStructured(t *testing.T) {
	n := 3000
	if s := os.Getenv("MSGPACK_RANDOM_N"); s != "" {
		var err error
		n, err = strconv.Atoi(s)
		require.NoError(t, err)
	}
	g := gen{rand.New(rand.NewPCG(1, uint64(n)))}
	accepted := 0
	for range n {
		in := g.message()
		got, err := checkDecode(t, in)
		if err != nil {
			continue
		}
		accepted++
		b := checkEncode(t, got)
		again, err := ours.Deserialize(b)
		require.NoError(t, err)
		b2, err := ours.Serialize(again)
		require.NoError(t, err)
		again2, err := ours.Deserialize(b2)
		require.NoError(t, err)
		requireEqual(t, again, again2)
	}
	t.Logf("%d of %d random messages accepted", accepted, n)
	require.Greater(t, accepted, n/20)
}
