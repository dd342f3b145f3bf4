package envelope

import (
	"crypto/rand"
	"fmt"
	"testing"
	"time"

	"golang.org/x/crypto/nacl/secretbox"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

// BenchmarkSealOpen compares the full envelope (seal + open, one byte-string
// argument, realistic URI) with raw secretbox seal + open of the same bytes,
// in the same run.
func BenchmarkSealOpen(b *testing.B) {
	const uri = "com.example.telemetry.sensor.temperature"
	for _, size := range []int{64, 1024, 64 * 1024} {
		data := make([]byte, size)
		_, _ = rand.Read(data)
		var key [KeySize]byte
		_, _ = rand.Read(key[:])

		b.Run(fmt.Sprintf("raw-secretbox/%d", size), func(b *testing.B) {
			var nonce [NonceSize]byte
			box := make([]byte, 0, size+Overhead)
			out := make([]byte, 0, size)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				_, _ = rand.Read(nonce[:])
				box = secretbox.Seal(box[:0], data, &nonce, &key)
				var ok bool
				out, ok = secretbox.Open(out[:0], box, &nonce, &key)
				if !ok {
					b.Fatal("open")
				}
			}
		})
		b.Run(fmt.Sprintf("envelope/%d", size), func(b *testing.B) {
			s, err := NewSealer(SealOptions{})
			if err != nil {
				b.Fatal(err)
			}
			o, err := NewOpener(OpenOptions{})
			if err != nil {
				b.Fatal(err)
			}
			lk := newTestLookup()
			sk := lk.add(b, key)
			msg := &Message{URI: uri, Kind: e2ee.KindPublish, Args: []any{data}}
			opts := PutOptions(nil, sk.ID, "")
			args := make([]any, 1)
			buf := make([]byte, 0, size+256)
			d := Delivery{URI: uri, Kind: e2ee.KindPublish}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				sk.Seq++
				buf, err = s.Seal(buf[:0], &sk, msg)
				if err != nil {
					b.Fatal(err)
				}
				args[0] = buf
				if _, err := o.Open(opts, args, nil, d, lk); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSealOpenRatio interleaves raw secretbox seal+open and envelope
// seal+open of the same data in one loop and reports both per-op times and
// their ratio, so that load on a shared machine affects both alike.
func BenchmarkSealOpenRatio(b *testing.B) {
	const uri = "com.example.telemetry.sensor.temperature"
	for _, size := range []int{64, 1024, 64 * 1024} {
		b.Run(fmt.Sprint(size), func(b *testing.B) {
			data := make([]byte, size)
			_, _ = rand.Read(data)
			var key [KeySize]byte
			_, _ = rand.Read(key[:])
			var nonce [NonceSize]byte
			box := make([]byte, 0, size+Overhead)
			out := make([]byte, 0, size)

			s, _ := NewSealer(SealOptions{})
			o, _ := NewOpener(OpenOptions{})
			lk := newTestLookup()
			sk := lk.add(b, key)
			msg := &Message{URI: uri, Kind: e2ee.KindPublish, Args: []any{data}}
			opts := PutOptions(nil, sk.ID, "")
			args := make([]any, 1)
			buf := make([]byte, 0, size+256)
			d := Delivery{URI: uri, Kind: e2ee.KindPublish}

			var rawNs, envNs time.Duration
			b.ReportAllocs()
			for b.Loop() {
				t0 := time.Now()
				_, _ = rand.Read(nonce[:])
				box = secretbox.Seal(box[:0], data, &nonce, &key)
				var ok bool
				if out, ok = secretbox.Open(out[:0], box, &nonce, &key); !ok {
					b.Fatal("open")
				}
				t1 := time.Now()
				sk.Seq++
				var err error
				if buf, err = s.Seal(buf[:0], &sk, msg); err != nil {
					b.Fatal(err)
				}
				args[0] = buf
				if _, err := o.Open(opts, args, nil, d, lk); err != nil {
					b.Fatal(err)
				}
				t2 := time.Now()
				rawNs += t1.Sub(t0)
				envNs += t2.Sub(t1)
			}
			b.ReportMetric(float64(rawNs.Nanoseconds())/float64(b.N), "raw-ns/op")
			b.ReportMetric(float64(envNs.Nanoseconds())/float64(b.N), "env-ns/op")
			b.ReportMetric(float64(envNs)/float64(rawNs), "ratio")
		})
	}
}
