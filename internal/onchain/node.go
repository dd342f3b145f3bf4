package onchain

import (
	"context"
	"sync"
	"time"

	"github.com/wamp-e2ee/e2ee-node/chain/verifier"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

// The session is what the revocation policy acts on.
var _ verifier.KeyHolder = (*session.Session)(nil)

// Node is a delegate authorized by the domain's operator, with its own
// verifier, whose revocations are applied to its session as the CLI applies
// them (verifier.Queue.Run).
type Node struct {
	ID       keydist.Identity
	Verifier *verifier.Verifier
	Revs     *verifier.Queue
	Session  *session.Session

	closeVerifier func()
	mu            sync.Mutex
	stop          chan struct{}
	wg            sync.WaitGroup
}

// Node authorizes a delegate, starts its verifier and dials its session
// with cfg, whose Identity and KeyPolicy it sets. applied, if not nil, is
// called after each revocation report was applied. Close the node when
// done.
func (d *Domain) Node(ctx context.Context, cfg session.Config, applied func(verifier.Revocation)) (*Node, error) {
	id, err := d.Delegate(ctx)
	if err != nil {
		return nil, err
	}
	n := &Node{ID: id, Revs: verifier.NewQueue(64), stop: make(chan struct{})}
	n.Verifier, n.closeVerifier, err = d.NewVerifier(ctx, n.Revs.Report)
	if err != nil {
		return nil, err
	}
	cfg.Identity, cfg.KeyPolicy = id, d.Policy(n.Verifier)
	dctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if n.Session, err = session.Dial(dctx, cfg); err != nil {
		n.closeVerifier()
		return nil, err
	}
	s, stop := n.Session, n.stop
	n.wg.Go(func() { n.Revs.Run(stop, s, applied) })
	return n, nil
}

// Close stops the revocation policy, closes the session and stops the
// verifier. It is idempotent.
func (n *Node) Close() {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.stop == nil {
		return
	}
	close(n.stop)
	n.wg.Wait()
	n.stop = nil
	_ = n.Session.Close()
	n.closeVerifier()
}
