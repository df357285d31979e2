package server

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/mrzkit/mrzkit/passport"
)

// pool bounds the work of reading images. A request first takes an
// admission ticket, before its body is read: there are workers+queue of
// them, so at most that many bodies are in memory at once, and a request
// that finds none is refused at once (429) instead of piling up. Holding a
// ticket, it then waits for one of the workers to run the reader.
type pool struct {
	tickets chan struct{}
	workers chan struct{}
	busy    atomic.Int64 // workers running a reader
	held    atomic.Int64 // tickets held
}

// errBusy is returned when every ticket is taken.
var errBusy = errors.New("server busy: every worker and queue place is taken")

func newPool(workers, queue int) *pool {
	return &pool{tickets: make(chan struct{}, workers+queue), workers: make(chan struct{}, workers)}
}

// admit takes a ticket, or returns errBusy when there is none. The ticket
// is given back by calling the returned function once.
func (p *pool) admit() (release func(), err error) {
	select {
	case p.tickets <- struct{}{}:
	default:
		return nil, errBusy
	}
	p.held.Add(1)
	return func() { p.held.Add(-1); <-p.tickets }, nil
}

// read waits for a free worker and runs r on it. It returns when the
// reader does, or with ctx's error when ctx is done first; a reader that
// does not heed ctx keeps its worker until it returns, so the number of
// readers running never exceeds the number of workers. A panic in the
// reader becomes an error.
func (p *pool) read(ctx context.Context, r Reader, image []byte) (passport.Passport, error) {
	select {
	case p.workers <- struct{}{}:
	case <-ctx.Done():
		return passport.Passport{}, ctx.Err()
	}
	p.busy.Add(1)
	type result struct {
		p   passport.Passport
		err error
	}
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				ch <- result{err: fmt.Errorf("reader panicked: %v", v)}
			}
			p.busy.Add(-1)
			<-p.workers
		}()
		pp, err := r.Read(ctx, image)
		ch <- result{pp, err}
	}()
	select {
	case res := <-ch:
		return res.p, res.err
	case <-ctx.Done():
		return passport.Passport{}, ctx.Err()
	}
}
