package verifier

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/bindings"
)

func bareVerifier(revs *[]Revocation) *Verifier {
	v := &Verifier{
		cfg: Config{Registry: common.Address{0xee}, OnRevocation: func(r Revocation) { *revs = append(*revs, r) }},
		abi: bindings.NewTrustRegistry(), entries: map[key]*entry{}, reading: map[key]chan struct{}{}, wsReads: make(chan struct{}, 1), rootSeq: map[common.Address]uint64{},
		issuers: map[[2]common.Address]struct{}{},
	}
	v.loadEventIDs()
	return v
}

// rootLog builds a RootPolicyChanged(root, policy, seq) log.
func rootLog(t *testing.T, v *Verifier, root common.Address, seq uint64, block uint64) *types.Log {
	ev := v.abi.GetABI().Events["RootPolicyChanged"]
	data, err := ev.Inputs.NonIndexed().Pack(uint8(1), seq)
	require.NoError(t, err)
	return &types.Log{Address: v.cfg.Registry, Topics: []common.Hash{ev.ID, common.BytesToHash(root.Bytes())}, Data: data, BlockNumber: block}
}

// TestRootSequenceGap: a missed root event (sequence jumps) drops that root's verdicts only and
// reports a Resync; duplicates from backfill are ignored.
func TestRootSequenceGap(t *testing.T) {
	var revs []Revocation
	v := bareVerifier(&revs)
	rootA, rootB := common.Address{0xa}, common.Address{0xb}
	v.entries[key{delegate: common.Address{1}}] = &entry{key: key{delegate: common.Address{1}}, root: rootA}
	v.entries[key{delegate: common.Address{2}}] = &entry{key: key{delegate: common.Address{2}}, root: rootB}

	v.handleLog(rootLog(t, v, rootA, 1, 10))
	v.handleLog(rootLog(t, v, rootA, 2, 11))
	require.Len(t, v.entries, 2, "policy changes do not affect verdicts")
	v.handleLog(rootLog(t, v, rootA, 2, 11)) // duplicate
	require.Zero(t, v.stats.gaps.Load())
	gen := v.Version()
	v.handleLog(rootLog(t, v, rootA, 5, 14)) // 3 and 4 missed
	require.Equal(t, uint64(1), v.stats.gaps.Load())
	require.Len(t, v.entries, 1)
	require.Contains(t, v.entries, key{delegate: common.Address{2}}, "other roots keep their verdicts")
	require.NotEqual(t, gen, v.Version())
	require.Equal(t, []Revocation{{Kind: Resync, Root: rootA, Block: 14}}, revs)
}

// TestRemovedLogAndGarbage: a removed (reorged) log or an undecodable registry log drops
// everything; logs of other contracts are ignored.
func TestRemovedLogAndGarbage(t *testing.T) {
	var revs []Revocation
	v := bareVerifier(&revs)
	fill := func() { v.entries[key{}] = &entry{} }
	fill()
	l := rootLog(t, v, common.Address{0xa}, 1, 3)
	l.Address = common.Address{0x01}
	v.handleLog(l)
	require.Len(t, v.entries, 1)
	l = rootLog(t, v, common.Address{0xa}, 1, 3)
	l.Removed = true
	v.handleLog(l)
	require.Empty(t, v.entries)
	fill()
	l = rootLog(t, v, common.Address{0xa}, 1, 3)
	l.Data = l.Data[:5]
	v.handleLog(l)
	require.Empty(t, v.entries)
	require.Len(t, revs, 2)
	require.Equal(t, Resync, revs[1].Kind)
}

// TestScopeMatching covers the invalidation scopes.
func TestScopeMatching(t *testing.T) {
	e := &entry{key: key{issuer: common.Address{1}, realm: common.Address{2}, delegate: common.Address{3}}, root: common.Address{4}, digests: []common.Hash{{5}, {6}}}
	for _, c := range []struct {
		s    scope
		want bool
	}{
		{scope{}, true},
		{scope{issuer: common.Address{1}, realm: common.Address{2}, delegate: common.Address{3}}, true},
		{scope{issuer: common.Address{1}, realm: common.Address{2}, delegate: common.Address{9}}, false},
		{scope{issuer: common.Address{1}, realm: common.Address{2}}, true},
		{scope{realm: common.Address{9}}, false},
		{scope{root: common.Address{4}}, true},
		{scope{digest: common.Hash{6}}, true},
		{scope{digest: common.Hash{7}}, false},
	} {
		require.Equal(t, c.want, c.s.matches(e), "%+v", c.s)
	}
}

// TestWindowLoss: a re-authorization is reported only when its window certainly ended
// (RevokedDelegate) or certainly has not begun (SuspendedDelegate) by the block's timestamp
// and the local clock (widened by clockSkew without a block timestamp).
func TestWindowLoss(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	n := uint64(now.Unix())
	never := uint64(1<<48 - 1)
	b := func(x uint64) *big.Int { return new(big.Int).SetUint64(x) }
	for _, tc := range []struct {
		name            string
		from, until, bt uint64
		want            RevocationKind
	}{
		{"unbounded", 0, never, 0, 0},
		{"unbounded with block time", 0, never, n, 0},
		{"from now by the issuer's clock", n, never, 0, 0},
		{"from now, issuer's clock a little ahead", n + 5, never, 0, 0},
		{"from now, issuer's clock ahead of the block", n + 5, never, n, 0},
		{"ended, no block time (perhaps an old log)", n - 7200, n - 3600, 0, SuspendedDelegate},
		{"backfilled ordinary window, since run out, no block time", n - 1200, n - 600, 0, SuspendedDelegate},
		{"backfilled ordinary window, since run out (as a shortened one: rotate)", n - 1200, n - 600, n - 1200, SuspendedDelegate},
		{"ended by block time", n - 7200, n - 3600, n, RevokedDelegate},
		{"ends within the skew", 0, n + 10, 0, 0},
		{"ended within the skew", 0, n - 10, 0, SuspendedDelegate},
		{"shortened, mined before its new end, processed after it", n - 3700, n - 3540, n - 3600, SuspendedDelegate},
		{"ends at the block", 0, n, n, RevokedDelegate},
		{"block behind the local clock, ended by the local clock only", 0, n - 5, n - 10, SuspendedDelegate},
		{"not yet begun", n + 3600, never, 0, SuspendedDelegate},
		{"not yet begun by block time", n + 3600, never, n, SuspendedDelegate},
		{"begins within the skew", n + 10, never, 0, 0},
		{"begins within the skew after the block", n + 10, never, n, 0},
		{"began before the block", n - 10, never, n, 0},
		{"current", n - 60, n + 3600, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, windowLoss(b(tc.from), b(tc.until), tc.bt, now))
		})
	}
}

// TestRealmRequestCancelledInSequence: RealmCARequestCancelled carries the asked root's sequence,
// so following it leaves no gap (no Resync) and changes no verdict.
func TestRealmRequestCancelledInSequence(t *testing.T) {
	var revs []Revocation
	v := bareVerifier(&revs)
	root, realm := common.Address{0xa}, common.Address{0xb}
	v.entries[key{delegate: common.Address{1}}] = &entry{key: key{delegate: common.Address{1}}, root: root}
	realmLog := func(name string, seq, block uint64) *types.Log {
		ev := v.abi.GetABI().Events[name]
		data, err := ev.Inputs.NonIndexed().Pack(seq)
		require.NoError(t, err)
		return &types.Log{Address: v.cfg.Registry, Topics: []common.Hash{ev.ID, common.BytesToHash(realm.Bytes()), common.BytesToHash(root.Bytes())}, Data: data, BlockNumber: block}
	}
	v.handleLog(rootLog(t, v, root, 1, 10))
	v.handleLog(realmLog("RealmCARequested", 2, 11))
	v.handleLog(realmLog("RealmCARequestCancelled", 3, 12))
	v.handleLog(rootLog(t, v, root, 4, 13))
	require.Zero(t, v.stats.gaps.Load(), "no sequence gap")
	require.Len(t, v.entries, 1, "verdicts kept")
	require.Empty(t, revs)
	require.Equal(t, uint64(4), v.rootSeq[root])
}

// TestAdmissionChangesReportedForKnownOperatorsOnly: anyone may request admission (Open and
// Permissioned realms), so OperatorAdmitted and AdmissionRequested are reported — making nodes
// rotate keys — only for an operator some delegate of which this verifier admitted in that
// realm, or for any operator once that record overflowed.
func TestAdmissionChangesReportedForKnownOperatorsOnly(t *testing.T) {
	root, realm, known, stranger := common.Address{0xa}, common.Address{0xb}, common.Address{0xc}, common.Address{0xd}
	var revs []Revocation
	v := bareVerifier(&revs)
	v.noteIssuer(realm, known)
	seq := uint64(0)
	admissionLog := func(name string, operator common.Address) *types.Log {
		ev := v.abi.GetABI().Events[name]
		seq++
		data, err := ev.Inputs.NonIndexed().Pack(uint64(0x30), seq) // capabilities, sequence
		require.NoError(t, err)
		return &types.Log{Address: v.cfg.Registry, BlockNumber: 10 + seq, Data: data,
			Topics: []common.Hash{ev.ID, common.BytesToHash(root.Bytes()), common.BytesToHash(realm.Bytes()), common.BytesToHash(operator.Bytes())}}
	}
	for _, name := range []string{"AdmissionRequested", "OperatorAdmitted"} {
		revs = nil
		v.handleLog(admissionLog(name, stranger))
		require.Empty(t, revs, "%s of an operator with no delegate admitted here", name)
		v.handleLog(admissionLog(name, known))
		require.Len(t, revs, 1, name)
		require.Equal(t, RemovedOperator, revs[0].Kind)
		require.Equal(t, known, revs[0].Issuer)
	}
	require.Zero(t, v.stats.gaps.Load(), "the logs were in sequence")

	for i := range maxIssuers {
		v.noteIssuer(realm, common.BigToAddress(new(big.Int).SetUint64(uint64(i)+0x1000)))
	}
	revs = nil
	v.handleLog(admissionLog("AdmissionRequested", stranger))
	require.Len(t, revs, 1, "once the record overflowed, every operator counts")
}
