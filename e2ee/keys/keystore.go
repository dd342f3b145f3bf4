package keys

import (
	"bytes"
	"crypto/ed25519"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/google/uuid"

	"github.com/wamp-e2ee/e2ee-node/internal/safefile"
)

// Keystore formats.
//
// A delegate key is stored as a standard go-ethereum (Web3 Secret Storage
// v3) keystore file, readable by geth, clef and every Ethereum wallet.
//
// A session key is stored as the 32-byte Ed25519 seed encrypted with
// go-ethereum's keystore.EncryptDataV3 (scrypt + AES-128-CTR + Keccak MAC,
// the same "crypto" object as v3 keystores) inside a small envelope:
//
//	{"version": 1, "type": "wamp-cryptosign-ed25519", "id": uuid,
//	 "pubkey": hex Ed25519 public key, "crypto": {…}}
//
// The seed is not put into a secp256k1 keystore because a seed need not be
// a valid secp256k1 scalar and the file's address field would be
// meaningless. pubkey lets tools identify the key without the passphrase;
// after decryption it must match the seed's public key.
const (
	// SessionKeystoreType is the "type" of a session keystore file.
	SessionKeystoreType = "wamp-cryptosign-ed25519"
	// MaxKeystoreSize bounds keystore files read from disk.
	MaxKeystoreSize = 64 << 10
	// StandardScryptN and StandardScryptP are go-ethereum's production
	// scrypt parameters (256 MiB, about a second).
	StandardScryptN = keystore.StandardScryptN
	StandardScryptP = keystore.StandardScryptP
	// LightScryptN and LightScryptP are go-ethereum's light parameters
	// (4 MiB), for tests and constrained devices.
	LightScryptN = keystore.LightScryptN
	LightScryptP = keystore.LightScryptP
)

// Bounds of the keystore parameters accepted from a file, checked before
// anything is derived or decrypted, so that a crafted keystore is refused
// with an error — never a panic, never minutes of work or GiBs of memory.
const (
	// MaxScryptN bounds the scrypt cost parameter N (a power of two).
	MaxScryptN = 1 << 20
	// MaxScryptMemory bounds scrypt's memory, 128·N·r bytes (512 MiB;
	// go-ethereum's standard parameters take 256 MiB).
	MaxScryptMemory = 512 << 20
	// MaxScryptWork bounds N·r·p (8 × go-ethereum's standard 2^21).
	MaxScryptWork = 1 << 24
	// MaxPBKDF2Iterations bounds the PBKDF2-HMAC-SHA256 iteration count.
	MaxPBKDF2Iterations = 1 << 22
	// keystoreKeyLength is the only derived-key length (dklen) of the
	// format: 16 bytes of AES-128 key, 16 of MAC key.
	keystoreKeyLength = 32
	// maxSaltLength bounds the KDF salt (go-ethereum writes 32 bytes).
	maxSaltLength = 1024
	// keystoreSecretLength is the plaintext length of both keystore
	// types: a secp256k1 scalar or an Ed25519 seed.
	keystoreSecretLength = 32
)

// ErrBadKeystore is wrapped by the errors for keystore files whose
// parameters are malformed or out of bounds.
var ErrBadKeystore = errors.New("bad keystore parameters")

// checkCrypto validates the "crypto" object of a keystore before it is
// handed to go-ethereum, which would panic on a short IV, a derived-key
// length below 32 or a missing salt, and would spend unbounded time and
// memory on large KDF parameters.
func checkCrypto(cj keystore.CryptoJSON) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrBadKeystore, fmt.Sprintf(format, args...))
	}
	hexField := func(name, v string, minLen, maxLen int) error {
		b, err := hex.DecodeString(v)
		if err != nil || len(b) < minLen || len(b) > maxLen {
			if minLen == maxLen {
				return bad("%s must be %d hex-encoded bytes", name, minLen)
			}
			return bad("%s must be %d to %d hex-encoded bytes", name, minLen, maxLen)
		}
		return nil
	}
	// integer returns a KDF parameter that must be an integer in [lo, hi].
	integer := func(name string, lo, hi float64) (float64, error) {
		v, ok := cj.KDFParams[name].(float64)
		if !ok || v != math.Trunc(v) || v < lo || v > hi {
			return 0, bad("kdfparams.%s must be an integer from %.0f to %.0f", name, lo, hi)
		}
		return v, nil
	}
	if cj.Cipher != "aes-128-ctr" {
		return bad("cipher %.20q is not aes-128-ctr", cj.Cipher)
	}
	if err := hexField("cipherparams.iv", cj.CipherParams.IV, 16, 16); err != nil {
		return err
	}
	if err := hexField("mac", cj.MAC, 32, 32); err != nil {
		return err
	}
	if err := hexField("ciphertext", cj.CipherText, keystoreSecretLength, keystoreSecretLength); err != nil {
		return err
	}
	salt, ok := cj.KDFParams["salt"].(string)
	if !ok {
		return bad("kdfparams.salt missing")
	}
	if err := hexField("kdfparams.salt", salt, 1, maxSaltLength); err != nil {
		return err
	}
	if _, err := integer("dklen", keystoreKeyLength, keystoreKeyLength); err != nil {
		return err
	}
	switch cj.KDF {
	case "scrypt":
		n, err := integer("n", 2, MaxScryptN)
		if err != nil {
			return err
		}
		if uint64(n)&(uint64(n)-1) != 0 {
			return bad("kdfparams.n must be a power of two")
		}
		r, err := integer("r", 1, 32)
		if err != nil {
			return err
		}
		p, err := integer("p", 1, 16)
		if err != nil {
			return err
		}
		if 128*n*r > MaxScryptMemory {
			return bad("scrypt needs %.0f MiB (128·N·r), more than %d", 128*n*r/(1<<20), MaxScryptMemory>>20)
		}
		if n*r*p > MaxScryptWork {
			return bad("scrypt work N·r·p = %.0f is more than %d", n*r*p, MaxScryptWork)
		}
	case "pbkdf2":
		if _, err := integer("c", 1, MaxPBKDF2Iterations); err != nil {
			return err
		}
		if prf, _ := cj.KDFParams["prf"].(string); prf != "hmac-sha256" {
			return bad("kdfparams.prf must be hmac-sha256")
		}
	default:
		return bad("unsupported KDF %.20q", cj.KDF)
	}
	return nil
}

// ErrKeyExists is returned when saving would overwrite an existing file.
var ErrKeyExists = errors.New("key file already exists")

// sessionKeystore is the on-disk envelope of a session key.
type sessionKeystore struct {
	Version int                 `json:"version"`
	Type    string              `json:"type"`
	ID      string              `json:"id"`
	PubKey  string              `json:"pubkey"`
	Crypto  keystore.CryptoJSON `json:"crypto"`
}

// EncryptDelegateKey returns k as a go-ethereum v3 keystore JSON document.
func EncryptDelegateKey(k *DelegateKey, passphrase string, scryptN, scryptP int) ([]byte, error) {
	id, err := uuid.NewRandom()
	if err != nil {
		return nil, fmt.Errorf("keys: encrypt delegate key: %w", err)
	}
	data, err := keystore.EncryptKey(&keystore.Key{Id: id, Address: k.addr, PrivateKey: k.priv}, passphrase, scryptN, scryptP)
	if err != nil {
		return nil, fmt.Errorf("keys: encrypt delegate key: %w", err)
	}
	return data, nil
}

// DecryptDelegateKey reads a go-ethereum keystore JSON document.
func DecryptDelegateKey(data []byte, passphrase string) (*DelegateKey, error) {
	if len(data) > MaxKeystoreSize {
		return nil, fmt.Errorf("keys: decrypt delegate key: %d bytes, more than %d", len(data), MaxKeystoreSize)
	}
	var outer struct {
		Version int                 `json:"version"`
		Crypto  keystore.CryptoJSON `json:"crypto"`
	}
	if err := json.Unmarshal(data, &outer); err != nil {
		return nil, fmt.Errorf("keys: decrypt delegate key: %w", err)
	}
	if outer.Version != 3 {
		return nil, fmt.Errorf("keys: decrypt delegate key: %w: version %d, want a version 3 keystore", ErrBadKeystore, outer.Version)
	}
	if err := checkCrypto(outer.Crypto); err != nil {
		return nil, fmt.Errorf("keys: decrypt delegate key: %w", err)
	}
	key, err := keystore.DecryptKey(data, passphrase)
	if err != nil {
		return nil, fmt.Errorf("keys: decrypt delegate key: %w", err)
	}
	return NewDelegateKey(key.PrivateKey)
}

// EncryptSessionKey returns k as a session keystore JSON document.
func EncryptSessionKey(k *SessionKey, passphrase string, scryptN, scryptP int) ([]byte, error) {
	id, err := uuid.NewRandom()
	if err != nil {
		return nil, fmt.Errorf("keys: encrypt session key: %w", err)
	}
	seed := k.Seed()
	defer clear(seed)
	cj, err := keystore.EncryptDataV3(seed, []byte(passphrase), scryptN, scryptP)
	if err != nil {
		return nil, fmt.Errorf("keys: encrypt session key: %w", err)
	}
	return json.Marshal(sessionKeystore{
		Version: 1, Type: SessionKeystoreType, ID: id.String(),
		PubKey: hex.EncodeToString(k.Public()), Crypto: cj,
	})
}

// DecryptSessionKey reads a session keystore JSON document.
func DecryptSessionKey(data []byte, passphrase string) (*SessionKey, error) {
	if len(data) > MaxKeystoreSize {
		return nil, fmt.Errorf("keys: decrypt session key: %d bytes, more than %d", len(data), MaxKeystoreSize)
	}
	var ks sessionKeystore
	if err := json.Unmarshal(data, &ks); err != nil {
		return nil, fmt.Errorf("keys: decrypt session key: %w", err)
	}
	if ks.Version != 1 || ks.Type != SessionKeystoreType {
		return nil, fmt.Errorf("keys: decrypt session key: not a %s keystore (version %d, type %.40q)", SessionKeystoreType, ks.Version, ks.Type)
	}
	pub, err := hex.DecodeString(ks.PubKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return nil, errors.New("keys: decrypt session key: bad pubkey field")
	}
	if err := checkCrypto(ks.Crypto); err != nil {
		return nil, fmt.Errorf("keys: decrypt session key: %w", err)
	}
	seed, err := keystore.DecryptDataV3(ks.Crypto, passphrase)
	if err != nil {
		return nil, fmt.Errorf("keys: decrypt session key: %w", err)
	}
	defer clear(seed)
	k, err := SessionKeyFromSeed(seed)
	if err != nil {
		return nil, fmt.Errorf("keys: decrypt session key: %w", err)
	}
	if subtle.ConstantTimeCompare(k.Public(), pub) != 1 {
		return nil, errors.New("keys: decrypt session key: decrypted seed does not match pubkey")
	}
	return k, nil
}

// SaveDelegateKey encrypts k into a new keystore file at path (mode 0600).
// It refuses to overwrite an existing file.
func SaveDelegateKey(path string, k *DelegateKey, passphrase string, scryptN, scryptP int) error {
	data, err := EncryptDelegateKey(k, passphrase, scryptN, scryptP)
	if err != nil {
		return err
	}
	return writeNewFile(path, data)
}

// LoadDelegateKey decrypts the keystore file at path.
func LoadDelegateKey(path, passphrase string) (*DelegateKey, error) {
	data, err := readKeyFile(path)
	if err != nil {
		return nil, err
	}
	return DecryptDelegateKey(data, passphrase)
}

// SaveSessionKey encrypts k into a new session keystore file at path (mode
// 0600). It refuses to overwrite an existing file.
func SaveSessionKey(path string, k *SessionKey, passphrase string, scryptN, scryptP int) error {
	data, err := EncryptSessionKey(k, passphrase, scryptN, scryptP)
	if err != nil {
		return err
	}
	return writeNewFile(path, data)
}

// LoadSessionKey decrypts the session keystore file at path.
func LoadSessionKey(path, passphrase string) (*SessionKey, error) {
	data, err := readKeyFile(path)
	if err != nil {
		return nil, err
	}
	return DecryptSessionKey(data, passphrase)
}

// readKeyFile reads at most MaxKeystoreSize bytes of a regular key file
// that only its owner may read.
func readKeyFile(path string) ([]byte, error) {
	f, err := safefile.Open(path)
	if err != nil {
		return nil, fmt.Errorf("keys: read key file: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("keys: read key file: %w", err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("keys: read key file %s: mode %v is readable by others, want 0600", path, st.Mode().Perm())
	}
	if st.Size() > MaxKeystoreSize {
		return nil, fmt.Errorf("keys: read key file %s: larger than %d bytes", path, MaxKeystoreSize)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxKeystoreSize+1))
	if err != nil {
		return nil, fmt.Errorf("keys: read key file: %w", err)
	}
	if len(data) > MaxKeystoreSize {
		return nil, fmt.Errorf("keys: read key file %s: larger than %d bytes", path, MaxKeystoreSize)
	}
	return bytes.TrimSpace(data), nil
}

// writeNewFile writes a new key file (0600) atomically, failing if path
// exists.
func writeNewFile(path string, data []byte) error {
	if err := safefile.WriteNew(path, data, 0o600); err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("keys: write key file %s: %w", path, ErrKeyExists)
		}
		return fmt.Errorf("keys: write key file: %w", err)
	}
	return nil
}
