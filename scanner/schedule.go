package scanner

import (
	"context"
	"slices"
)

// schedule admits scanners to run: at most n at once, and at most one of
// the heavy ones (see [WithHeavy]).
type schedule struct {
	slots chan struct{}
	heavy chan struct{}
	names []string
}

func newSchedule(n int, heavy []string) *schedule {
	return &schedule{slots: make(chan struct{}, n), heavy: make(chan struct{}, 1), names: heavy}
}

// acquire waits until the named scanner may run; false when ctx ended
// first. A heavy scanner takes the heavy token before a slot, so that
// while it waits for another heavy one the slot serves a light scanner.
func (s *schedule) acquire(ctx context.Context, name string) (release func(), ok bool) {
	if ctx.Err() != nil {
		return nil, false
	}
	heavy := slices.Contains(s.names, name)
	if heavy {
		select {
		case s.heavy <- struct{}{}:
		case <-ctx.Done():
			return nil, false
		}
	}
	select {
	case s.slots <- struct{}{}:
	case <-ctx.Done():
		if heavy {
			<-s.heavy
		}
		return nil, false
	}
	release = func() {
		<-s.slots
		if heavy {
			<-s.heavy
		}
	}
	// ctx may have ended while this scanner waited (and select picks
	// at random among ready cases): a cancelled scan starts nothing.
	if ctx.Err() != nil {
		release()
		return nil, false
	}
	return release, true
}
