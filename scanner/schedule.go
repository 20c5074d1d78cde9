package scanner

import (
	"cmp"
	"context"
	"slices"
)

// schedule admits scanners to run: at most n at once, and the heavy ones
// (see [WithHeavy]) one at a time, in the order [WithHeavy] names them.
type schedule struct {
	slots chan struct{}
	// after[i] is closed when it is scanner i's turn among the heavy
	// ones; nil for a light scanner. done[i] is closed when heavy
	// scanner i finished or gave up, which is the next one's turn.
	after, done []chan struct{}
}

func newSchedule(n int, ss []Scanner, heavy []string) *schedule {
	s := &schedule{slots: make(chan struct{}, n), after: make([]chan struct{}, len(ss)), done: make([]chan struct{}, len(ss))}
	var order []int
	for i, sc := range ss {
		if slices.Contains(heavy, sc.Name()) {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(slices.Index(heavy, ss[a].Name()), slices.Index(heavy, ss[b].Name()))
	})
	prev := make(chan struct{})
	close(prev)
	for _, i := range order {
		s.after[i], s.done[i] = prev, make(chan struct{})
		prev = s.done[i]
	}
	return s
}

// acquire waits until scanner i may run; false when ctx ended first. A
// heavy scanner waits for its turn before it takes a slot, so that while
// it waits the slot serves a light scanner.
func (s *schedule) acquire(ctx context.Context, i int) (release func(), ok bool) {
	heavy := s.after[i] != nil
	giveUp := func() (func(), bool) {
		if heavy {
			close(s.done[i])
		}
		return nil, false
	}
	if ctx.Err() != nil {
		return giveUp()
	}
	if heavy {
		select {
		case <-s.after[i]:
		case <-ctx.Done():
			return giveUp()
		}
	}
	select {
	case s.slots <- struct{}{}:
	case <-ctx.Done():
		return giveUp()
	}
	release = func() {
		<-s.slots
		if heavy {
			close(s.done[i])
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
