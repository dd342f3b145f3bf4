// Package eip712 is the allocation-free EIP712 encoding shared by the
// certificates (e2ee/cert) and the key-distribution messages (e2ee/keydist):
// 32-byte words and pooled Keccak-256 scratch. The packages lay out their
// fixed-layout struct encodings with it; their tests check every digest
// against go-ethereum's signer/core/apitypes, which the protocol core does
// not import.
package eip712

import (
	"encoding/binary"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// PutUint64 writes v as a 32-byte big-endian EIP712 word (uint64 and
// uint256 fields).
func PutUint64(w []byte, v uint64) {
	clear(w[:24])
	binary.BigEndian.PutUint64(w[24:32], v)
}

// PutAddress writes a as a 32-byte left-padded EIP712 word.
func PutAddress(w []byte, a common.Address) {
	clear(w[:12])
	copy(w[12:32], a[:])
}

// Hasher is reusable Keccak-256 scratch. Buffers handed to the Keccak
// interface escape to the heap, so a Hasher keeps them inside itself: kept
// in a sync.Pool (or per goroutine), hashing allocates nothing. A Hasher is
// not safe for concurrent use.
type Hasher struct {
	st  crypto.KeccakState
	out common.Hash
	str [256]byte // staging for string input, copied in chunks
	pre [2 + 32 + 32]byte
}

// NewHasher returns a Hasher.
func NewHasher() *Hasher { return &Hasher{st: crypto.NewKeccakState()} }

// Sum returns keccak256(b).
func (h *Hasher) Sum(b []byte) common.Hash {
	h.st.Reset()
	_, _ = h.st.Write(b)
	_, _ = h.st.Read(h.out[:])
	return h.out
}

// PutString writes keccak256(s), the EIP712 encoding of a string, to the
// word w, without converting s to a heap []byte.
func (h *Hasher) PutString(w []byte, s string) {
	h.st.Reset()
	for len(s) > 0 {
		n := copy(h.str[:], s)
		_, _ = h.st.Write(h.str[:n])
		s = s[n:]
	}
	_, _ = h.st.Read(h.out[:])
	copy(w, h.out[:])
}

// Digest returns keccak256(0x19 0x01 ‖ domainSeparator ‖ structHash), the
// EIP712 digest a signature covers.
func (h *Hasher) Digest(domainSeparator, structHash common.Hash) common.Hash {
	h.pre[0], h.pre[1] = 0x19, 0x01
	copy(h.pre[2:34], domainSeparator[:])
	copy(h.pre[34:66], structHash[:])
	return h.Sum(h.pre[:])
}
