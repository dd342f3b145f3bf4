package keys

import (
	"errors"
	"fmt"

	"github.com/btcsuite/btcd/btcutil/hdkeychain"
	"github.com/btcsuite/btcd/chaincfg"
	"github.com/cosmos/go-bip39"
)

// BIP44 coin types used by Autobahn|Python's security module.
const (
	// CoinTypeEthereum is SLIP-44 coin type 60: delegate keys m/44'/60'/0'/0/i.
	CoinTypeEthereum uint32 = 60
	// CoinTypeWAMP is SLIP-44 coin type 655 (WAMP): session keys
	// m/44'/655'/0'/0/i.
	CoinTypeWAMP uint32 = 655
)

// SeedFromMnemonic returns the 64-byte BIP39 seed of a mnemonic
// (PBKDF2-HMAC-SHA512, 2048 rounds, salt "mnemonic"+passphrase), after
// checking the mnemonic's words and checksum.
func SeedFromMnemonic(mnemonic, passphrase string) ([]byte, error) {
	seed, err := bip39.NewSeedWithErrorChecking(mnemonic, passphrase)
	if err != nil {
		return nil, errors.New("keys: mnemonic: invalid words or checksum")
	}
	return seed, nil
}

// NewMnemonic returns a fresh 24-word BIP39 mnemonic from crypto/rand.
func NewMnemonic() (string, error) {
	entropy, err := bip39.NewEntropy(256)
	if err != nil {
		return "", fmt.Errorf("keys: new mnemonic: %w", err)
	}
	m, err := bip39.NewMnemonic(entropy)
	if err != nil {
		return "", fmt.Errorf("keys: new mnemonic: %w", err)
	}
	return m, nil
}

// derivePath returns the 32-byte BIP32 private key at m/44'/coin'/0'/0/index.
func derivePath(seed []byte, coin, index uint32) ([]byte, error) {
	if index >= hdkeychain.HardenedKeyStart {
		return nil, fmt.Errorf("index %d out of range", index)
	}
	key, err := hdkeychain.NewMaster(seed, &chaincfg.MainNetParams)
	if err != nil {
		return nil, fmt.Errorf("master key: %w", err)
	}
	path := []uint32{
		hdkeychain.HardenedKeyStart + 44,
		hdkeychain.HardenedKeyStart + coin,
		hdkeychain.HardenedKeyStart + 0,
		0,
		index,
	}
	for _, step := range path {
		child, err := key.Derive(step)
		key.Zero()
		if err != nil {
			return nil, fmt.Errorf("derive step %d: %w", step, err)
		}
		key = child
	}
	defer key.Zero()
	priv, err := key.ECPrivKey()
	if err != nil {
		return nil, fmt.Errorf("private key: %w", err)
	}
	b := priv.Key.Bytes()
	return b[:], nil
}

// DeriveDelegateKey derives the delegate key at m/44'/60'/0'/0/index from a
// BIP39 seed, as Autobahn's EthereumKey.from_seedphrase.
func DeriveDelegateKey(seed []byte, index uint32) (*DelegateKey, error) {
	b, err := derivePath(seed, CoinTypeEthereum, index)
	if err != nil {
		return nil, fmt.Errorf("keys: derive delegate key %d: %w", index, err)
	}
	defer clear(b)
	return DelegateKeyFromBytes(b)
}

// DeriveSessionKey derives the session key at m/44'/655'/0'/0/index from a
// BIP39 seed, as Autobahn's CryptosignKey.from_seedphrase: the 32-byte BIP32
// private key is the Ed25519 seed. (Autobahn's security module numbers
// session keys after its Ethereum keys, so its key 6 is index 6 here.)
func DeriveSessionKey(seed []byte, index uint32) (*SessionKey, error) {
	b, err := derivePath(seed, CoinTypeWAMP, index)
	if err != nil {
		return nil, fmt.Errorf("keys: derive session key %d: %w", index, err)
	}
	defer clear(b)
	return SessionKeyFromSeed(b)
}
