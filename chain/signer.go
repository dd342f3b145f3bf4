package chain

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

// TxSigner signs the transactions of one account. [KeySigner] implements it; a hardware wallet,
// clef or a remote signer can too. Keys never come from a command line: load them from a
// keystore ([LoadKeystoreSigner]) or sign externally.
type TxSigner interface {
	// Address is the account that sends (and pays for) the transaction.
	Address() common.Address
	// SignTx returns tx signed for chainID (EIP-155 or a typed transaction).
	SignTx(tx *types.Transaction, chainID *big.Int) (*types.Transaction, error)
}

// DigestSigner signs 32-byte EIP712 digests for one account, returning 65 bytes r‖s‖v with
// v ∈ {27, 28} and low s. It is the shape of cert.Signer, so a keys.DelegateKey works too. It
// signs relayed calls ([Registry.SignRelayed]).
type DigestSigner interface {
	// Address is the account the signature speaks for.
	Address() common.Address
	// SignDigest signs digest.
	SignDigest(digest common.Hash) ([]byte, error)
}

// KeySigner is an in-memory secp256k1 key that implements [TxSigner] and [DigestSigner].
// Its String and Format never print the key.
type KeySigner struct {
	key  *ecdsa.PrivateKey
	addr common.Address
}

// NewKeySigner wraps k.
func NewKeySigner(k *ecdsa.PrivateKey) *KeySigner {
	return &KeySigner{key: k, addr: crypto.PubkeyToAddress(k.PublicKey)}
}

// LoadKeystoreSigner decrypts a go-ethereum (Web3 Secret Storage v3) keystore file, read and
// checked as keys.LoadDelegateKey does (a regular file of bounded size, mode 0600, KDF
// parameters validated before decrypting).
func LoadKeystoreSigner(path, passphrase string) (*KeySigner, error) {
	k, err := keys.LoadDelegateKey(path, passphrase)
	if err != nil {
		return nil, fmt.Errorf("load keystore %s: %w", path, err)
	}
	return NewKeySigner(k.PrivateKey()), nil
}

// Address returns the key's Ethereum address.
func (s *KeySigner) Address() common.Address { return s.addr }

// SignTx signs tx with the latest signer for chainID.
func (s *KeySigner) SignTx(tx *types.Transaction, chainID *big.Int) (*types.Transaction, error) {
	signed, err := types.SignTx(tx, types.LatestSignerForChainID(chainID), s.key)
	if err != nil {
		return nil, fmt.Errorf("sign transaction: %w", err)
	}
	return signed, nil
}

// SignDigest signs a 32-byte digest: r‖s‖v with v ∈ {27, 28} (go-ethereum signatures have low s).
func (s *KeySigner) SignDigest(digest common.Hash) ([]byte, error) {
	sig, err := crypto.Sign(digest[:], s.key)
	if err != nil {
		return nil, fmt.Errorf("sign digest: %w", err)
	}
	sig[64] += 27
	return sig, nil
}

// String returns the address only.
func (s *KeySigner) String() string { return "KeySigner(" + s.addr.Hex() + ")" }

// transactOpts adapts a TxSigner to bind/v2.
func transactOpts(s TxSigner, chainID *big.Int) (*bind.TransactOpts, error) {
	if s == nil {
		return nil, errors.New("no transaction signer")
	}
	from := s.Address()
	return &bind.TransactOpts{
		From: from,
		Signer: func(addr common.Address, tx *types.Transaction) (*types.Transaction, error) {
			if addr != from {
				return nil, fmt.Errorf("signer for %s asked to sign for %s", from.Hex(), addr.Hex())
			}
			return s.SignTx(tx, chainID)
		},
	}, nil
}
