package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/keystore"

	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
	"github.com/wamp-e2ee/e2ee-node/internal/safefile"
)

func runKeys(ctx context.Context, e *env, args []string) error {
	return subcommand(ctx, e, "keys", args, []command{
		{"new", "create a key in a new encrypted keystore file", runKeysNew},
		{"import", "encrypt a raw hex private key (read once from a file) into a keystore", runKeysImport},
		{"show", "decrypt a keystore and print its public identity", runKeysShow},
	})
}

// keyFlags are the flags keys new/import share.
type keyFlags struct {
	kind, out, passwordFile string
	lightKDF, json          bool
}

func (k *keyFlags) register(e *env, name, synopsis, description string) *flag.FlagSet {
	fs := newFlags(e, name, synopsis, description)
	fs.StringVar(&k.kind, "type", "delegate", "key type: delegate (secp256k1, an Ethereum address) or session (Ed25519 client-session key)")
	fs.StringVar(&k.out, "out", "", "keystore file to create (must not exist; written 0600)")
	fs.StringVar(&k.passwordFile, "password-file", "", "file holding the keystore password (default $E2EE_PASSWORD_FILE, else prompt)")
	fs.BoolVar(&k.lightKDF, "light-kdf", false, "use cheap scrypt parameters (tests only: weak against brute force)")
	fs.BoolVar(&k.json, "json", false, "print JSON")
	return fs
}

func scryptParams(light bool) (int, int) {
	if light {
		return keystore.LightScryptN, keystore.LightScryptP
	}
	return keystore.StandardScryptN, keystore.StandardScryptP
}

type keyInfo struct {
	Type      string `json:"type"`
	File      string `json:"file,omitempty"`
	Address   string `json:"address,omitempty"`
	PublicKey string `json:"publicKey,omitempty"`
	X25519    string `json:"x25519,omitempty"`
}

func printKeyInfo(e *env, asJSON bool, info keyInfo) error {
	if asJSON {
		return printJSON(e, info)
	}
	fmt.Fprintf(e.stdout, "type:       %s\n", info.Type)
	if info.File != "" {
		fmt.Fprintf(e.stdout, "keystore:   %s\n", info.File)
	}
	if info.Address != "" {
		fmt.Fprintf(e.stdout, "address:    %s\n", info.Address)
	}
	if info.PublicKey != "" {
		fmt.Fprintf(e.stdout, "public key: %s\n", info.PublicKey)
		fmt.Fprintf(e.stdout, "x25519:     %s\n", info.X25519)
	}
	return nil
}

func sessionInfo(k *keys.SessionKey, file string) keyInfo {
	pub := k.PublicKey32()
	x := k.X25519PublicKey()
	return keyInfo{Type: "session", File: file, PublicKey: hex.EncodeToString(pub[:]), X25519: hex.EncodeToString(x[:])}
}

func storeKey(e *env, k keyFlags, delegate *keys.DelegateKey, session *keys.SessionKey) error {
	pw, err := readPassword(e, k.passwordFile, "new keystore password", true)
	if err != nil {
		return err
	}
	n, p := scryptParams(k.lightKDF)
	if delegate != nil {
		if err := keys.SaveDelegateKey(k.out, delegate, pw, n, p); err != nil {
			return err
		}
		return printKeyInfo(e, k.json, keyInfo{Type: "delegate", File: k.out, Address: delegate.Address().Hex()})
	}
	if err := keys.SaveSessionKey(k.out, session, pw, n, p); err != nil {
		return err
	}
	return printKeyInfo(e, k.json, sessionInfo(session, k.out))
}

func runKeysNew(ctx context.Context, e *env, args []string) error {
	var k keyFlags
	fs := k.register(e, "keys new", "keys new --type delegate|session --out FILE [--password-file F]",
		"Creates a fresh key from crypto/rand and writes it to a new go-ethereum encrypted keystore file (0600).")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if k.out == "" {
		return usageErrorf(e, "keys new: --out is required")
	}
	switch k.kind {
	case "delegate":
		d, err := keys.GenerateDelegateKey()
		if err != nil {
			return err
		}
		return storeKey(e, k, d, nil)
	case "session":
		s, err := keys.GenerateSessionKey()
		if err != nil {
			return err
		}
		return storeKey(e, k, nil, s)
	}
	return usageErrorf(e, "keys new: --type must be delegate or session, not %q", k.kind)
}

func runKeysImport(ctx context.Context, e *env, args []string) error {
	var k keyFlags
	var keyFile string
	fs := k.register(e, "keys import", "keys import --type delegate|session --private-key-file F --out FILE [--password-file P]",
		"Reads a raw hex private key (secp256k1 key, or 32-byte Ed25519 seed) from the first line of a file\nonce and writes it to a new encrypted keystore. Delete the plain file afterwards.")
	fs.StringVar(&keyFile, "private-key-file", "", "file whose first line is the hex private key (never pass keys as flag values)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if k.out == "" || keyFile == "" {
		return usageErrorf(e, "keys import: --private-key-file and --out are required")
	}
	raw, err := readSecretHexFile(keyFile)
	if err != nil {
		return err
	}
	defer clear(raw)
	switch k.kind {
	case "delegate":
		d, err := keys.DelegateKeyFromBytes(raw)
		if err != nil {
			return fmt.Errorf("import delegate key: %w", err)
		}
		return storeKey(e, k, d, nil)
	case "session":
		s, err := keys.SessionKeyFromSeed(raw)
		if err != nil {
			return fmt.Errorf("import session key: %w", err)
		}
		return storeKey(e, k, nil, s)
	}
	return usageErrorf(e, "keys import: --type must be delegate or session, not %q", k.kind)
}

func runKeysShow(ctx context.Context, e *env, args []string) error {
	var passwordFile string
	var asJSON bool
	fs := newFlags(e, "keys show", "keys show [--password-file F] [--json] KEYSTORE",
		"Decrypts a delegate or session keystore (proving the password) and prints its address or public keys.")
	fs.StringVar(&passwordFile, "password-file", "", "file holding the keystore password (default $E2EE_PASSWORD_FILE, else prompt)")
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErrorf(e, "keys show: exactly one KEYSTORE file expected")
	}
	path := pos[0]
	data, err := safefile.ReadFile(path, keys.MaxKeystoreSize)
	if err != nil {
		return fmt.Errorf("read keystore: %w", err)
	}
	pw, err := readPassword(e, passwordFile, "keystore password", false)
	if err != nil {
		return err
	}
	var kind struct {
		Type string `json:"type"`
	}
	_ = json.Unmarshal(data, &kind) // a parse error is reported by the decryption below
	if kind.Type == keys.SessionKeystoreType {
		s, err := keys.DecryptSessionKey(data, pw)
		if err != nil {
			return fmt.Errorf("open keystore %s: %w", path, err)
		}
		return printKeyInfo(e, asJSON, sessionInfo(s, path))
	}
	d, err := keys.DecryptDelegateKey(data, pw)
	if err != nil {
		return fmt.Errorf("open keystore %s: %w", path, err)
	}
	return printKeyInfo(e, asJSON, keyInfo{Type: "delegate", File: path, Address: d.Address().Hex()})
}
