package chain_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/anvil"
)

// TestDevnetAutomines: a transaction sent over http from another connection is mined at once,
// a websocket subscriber sees the head, and the chain id is the configured one.
func TestDevnetAutomines(t *testing.T) {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	from := crypto.PubkeyToAddress(key.PublicKey)
	d, err := chain.StartDevnet(chain.DevnetConfig{ChainID: 4242, Funded: []common.Address{from}})
	require.NoError(t, err)
	defer d.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	hc, err := ethclient.DialContext(ctx, d.HTTPURL())
	require.NoError(t, err)
	defer hc.Close()
	wc, err := ethclient.DialContext(ctx, d.WSURL())
	require.NoError(t, err)
	defer wc.Close()

	id, err := hc.ChainID(ctx)
	require.NoError(t, err)
	require.EqualValues(t, 4242, id.Uint64())
	heads := make(chan *types.Header, 16)
	sub, err := wc.SubscribeNewHead(ctx, heads)
	require.NoError(t, err)
	defer sub.Unsubscribe()

	start, err := hc.BlockNumber(ctx)
	require.NoError(t, err)
	for i := 0; i < 3; i++ {
		tip := big.NewInt(1e9)
		tx := types.MustSignNewTx(key, types.LatestSignerForChainID(id), &types.DynamicFeeTx{
			ChainID: id, Nonce: uint64(i), GasTipCap: tip, GasFeeCap: big.NewInt(1e11), Gas: 21000,
			To: &common.Address{1}, Value: big.NewInt(1),
		})
		require.NoError(t, hc.SendTransaction(ctx, tx))
		r, err := chain.WaitReceipt(ctx, hc, tx.Hash())
		require.NoError(t, err)
		require.Equal(t, types.ReceiptStatusSuccessful, r.Status)
		select {
		case h := <-heads:
			require.Equal(t, r.BlockNumber.Uint64(), h.Number.Uint64())
		case <-ctx.Done():
			t.Fatal("no head over websocket")
		}
	}
	end, err := hc.BlockNumber(ctx)
	require.NoError(t, err)
	require.Equal(t, start+3, end, "one block per transaction, no empty blocks")
	code, err := hc.CodeAt(ctx, chain.DeterministicDeployer, nil)
	require.NoError(t, err)
	require.NotEmpty(t, code)
}

// TestDevnetRefusesNonLoopback: the dev accounts' keys are public.
func TestDevnetRefusesNonLoopback(t *testing.T) {
	_, err := chain.StartDevnet(chain.DevnetConfig{Host: "0.0.0.0"})
	require.ErrorContains(t, err, "only loopback")
}

// TestDevnetBlockTime: with a block time the chain grows without transactions.
func TestDevnetBlockTime(t *testing.T) {
	d, err := chain.StartDevnet(chain.DevnetConfig{BlockTime: 50 * time.Millisecond})
	require.NoError(t, err)
	defer d.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c, err := ethclient.DialContext(ctx, d.WSURL())
	require.NoError(t, err)
	defer c.Close()
	heads := make(chan *types.Header, 16)
	sub, err := c.SubscribeNewHead(ctx, heads)
	require.NoError(t, err)
	defer sub.Unsubscribe()
	for i := 0; i < 3; i++ {
		select {
		case <-heads:
		case <-ctx.Done():
			t.Fatal("no block without transactions")
		}
	}
}

// TestDevAccountsAreAnvils: the devnet funds the accounts anvil funds (same mnemonic).
func TestDevAccountsAreAnvils(t *testing.T) {
	ks, err := chain.DevAccounts(len(anvil.DevKeys))
	require.NoError(t, err)
	for i, want := range anvil.DevKeys {
		require.Equal(t, want, common.Bytes2Hex(crypto.FromECDSA(ks[i])), "account %d", i)
	}
}
