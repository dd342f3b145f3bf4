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
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/google/uuid"
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

// MaxScryptN bounds the scrypt cost parameter accepted from a keystore file
// (2^20 = 1 GiB of memory), so a crafted file cannot exhaust memory.
const MaxScryptN = 1 << 20

// checkKDF rejects a keystore whose KDF parameters would cost more than
// MaxScryptN (PBKDF2 iteration counts are bounded likewise).
func checkKDF(cj keystore.CryptoJSON) error {
	num := func(name string) (float64, bool) {
		v, ok := cj.KDFParams[name].(float64)
		return v, ok
	}
	switch cj.KDF {
	case "scrypt":
		n, ok1 := num("n")
		r, ok2 := num("r")
		p, ok3 := num("p")
		if !ok1 || !ok2 || !ok3 || n < 2 || n > MaxScryptN || r < 1 || r > 32 || p < 1 || p > 16 {
			return errors.New("scrypt parameters missing or out of bounds")
		}
	case "pbkdf2":
		c, ok := num("c")
		if !ok || c < 1 || c > 1<<24 {
			return errors.New("pbkdf2 parameters missing or out of bounds")
		}
	default:
		return fmt.Errorf("unsupported KDF %.20q", cj.KDF)
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
		Crypto keystore.CryptoJSON `json:"crypto"`
	}
	if err := json.Unmarshal(data, &outer); err != nil {
		return nil, fmt.Errorf("keys: decrypt delegate key: %w", err)
	}
	if err := checkKDF(outer.Crypto); err != nil {
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
	if err := checkKDF(ks.Crypto); err != nil {
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

// readKeyFile reads at most MaxKeystoreSize bytes of a key file that only
// its owner may read.
func readKeyFile(path string) ([]byte, error) {
	f, err := os.Open(path)
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
	data, err := io.ReadAll(io.LimitReader(f, MaxKeystoreSize+1))
	if err != nil {
		return nil, fmt.Errorf("keys: read key file: %w", err)
	}
	if len(data) > MaxKeystoreSize {
		return nil, fmt.Errorf("keys: read key file %s: larger than %d bytes", path, MaxKeystoreSize)
	}
	return bytes.TrimSpace(data), nil
}

// writeNewFile writes data to a temporary file in path's directory (0600),
// syncs it and links it into place, failing if path exists.
func writeNewFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".keystore-*.tmp")
	if err != nil {
		return fmt.Errorf("keys: write key file: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("keys: write key file: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("keys: write key file: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("keys: write key file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("keys: write key file: %w", err)
	}
	// os.Link fails if path exists: no overwrite, no race.
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("keys: write key file %s: %w", path, ErrKeyExists)
		}
		return fmt.Errorf("keys: write key file: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}
