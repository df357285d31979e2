package mrz

import "sort"

// The search: a dynamic programme over the units of an MRZ, in order,
// whose state is the running weighted sums modulo 10 of the check digits in
// progress (checkPlan). Each state keeps the k cheapest paths that reach
// it; as two paths in one state have the same futures, the k cheapest
// complete paths found this way are exactly the k cheapest readings that
// satisfy every type and check digit. Paths costing more than a bound are
// dropped. The work is at most units × states × k × combinations per
// unit, the states at most maxStates.

// maxStates bounds the states of one step. The layouts reach at most
// 10 × 2 × 10 (a check digit in progress, whether it has covered fillers
// only, the composite) but for a long document number, which adds two
// sums and its flags (below 10,000 in all); past the bound the cheapest
// states found first are kept and the search says it is inexact.
const maxStates = 4096

// dpNode is one step of a path: the combination chosen at its unit and
// the node before (-1 for none). A node's depth names its unit.
type dpNode struct {
	prev  int32
	combo uint16
}

// dpEnt is one path reaching a state: its cost and its last node (while
// a step is built, the node before and the combination chosen).
type dpEnt struct {
	cost  float64
	node  int32
	combo uint16
}

// path is a complete reading found by the search.
type path struct {
	cost float64
	node int32
}

// search holds the work space of the dynamic programme; it is reused
// across the MRZs of one call.
type search struct {
	plan  *checkPlan
	units []unit
	k     int
	bound float64
	// inexact is set when states were dropped at maxStates.
	inexact bool

	nodes       []dpNode
	keys, nkeys []uint64
	ents, nents []dpEnt
	cnt, ncnt   []uint8
	table       []int32 // open addressing over nkeys: index+1, 0 for empty
	nslot       []int32 // the table slot of each of nkeys
	paths       []path
	combosBuf   []combo
	pinned      []unit
	format      Format
}

// reset prepares the search for units under plan, keeping k paths per
// state and none costing more than bound.
func (s *search) reset(plan *checkPlan, units []unit, k int, bound float64, f Format) {
	s.plan, s.units, s.k, s.bound, s.format, s.inexact = plan, units, k, bound, f, false
	s.nodes = s.nodes[:0]
}

// run returns the k cheapest complete paths, cheapest first.
func (s *search) run() []path {
	k := s.k
	s.keys = append(s.keys[:0], s.plan.start())
	s.ents = append(s.ents[:0], make([]dpEnt, k)...)
	s.ents[0] = dpEnt{cost: 0, node: -1}
	s.cnt = append(s.cnt[:0], 1)
	for ui := range s.units {
		u := &s.units[ui]
		s.clearNext()
		for si, key := range s.keys {
			for _, e := range s.ents[si*k : si*k+int(s.cnt[si])] {
				if e.cost+u.combos[0].cost > s.bound {
					break
				}
				for xi := range u.combos {
					x := &u.combos[xi]
					c := e.cost + x.cost
					if c > s.bound {
						break
					}
					nk, ok := s.apply(key, u, x)
					if ok {
						s.insert(nk, c, e.node, uint16(xi))
					}
				}
			}
		}
		// The survivors become nodes.
		for i := range s.nkeys {
			es := s.nents[i*k : i*k+int(s.ncnt[i])]
			for j := range es {
				s.nodes = append(s.nodes, dpNode{prev: es[j].node, combo: es[j].combo})
				es[j].node = int32(len(s.nodes) - 1)
			}
		}
		s.keys, s.nkeys = s.nkeys, s.keys
		s.ents, s.nents = s.nents, s.ents
		s.cnt, s.ncnt = s.ncnt, s.cnt
		if len(s.keys) == 0 {
			return nil
		}
	}
	s.paths = s.paths[:0]
	for si, key := range s.keys {
		if !s.plan.accepts(key) {
			continue
		}
		for _, e := range s.ents[si*k : si*k+int(s.cnt[si])] {
			s.paths = append(s.paths, path{e.cost, e.node})
		}
	}
	sort.SliceStable(s.paths, func(i, j int) bool { return s.paths[i].cost < s.paths[j].cost })
	if len(s.paths) > k {
		s.paths = s.paths[:k]
	}
	return s.paths
}

// apply reads the characters of combination x of unit u in state key.
func (s *search) apply(key uint64, u *unit, x *combo) (uint64, bool) {
	ok := true
	for j := 0; j < int(u.n) && ok; j++ {
		key, ok = s.plan.step(key, int(u.off)+j, x.chars[j])
	}
	return key, ok
}

// clearNext empties the next step's states.
func (s *search) clearNext() {
	for _, sl := range s.nslot {
		s.table[sl] = 0
	}
	s.nkeys, s.nents, s.ncnt, s.nslot = s.nkeys[:0], s.nents[:0], s.ncnt[:0], s.nslot[:0]
	if len(s.table) == 0 {
		s.table = make([]int32, 64)
	}
}

func hashKey(key uint64, mask int) int {
	return int((key*0x9E3779B97F4A7C15)>>40) & mask
}

// state returns the index in the next step of the state key, adding it
// when new; -1 when maxStates are taken.
func (s *search) state(key uint64) int {
	mask := len(s.table) - 1
	h := hashKey(key, mask)
	for {
		i := s.table[h]
		if i == 0 {
			break
		}
		if s.nkeys[i-1] == key {
			return int(i - 1)
		}
		h = (h + 1) & mask
	}
	if len(s.nkeys) >= maxStates {
		s.inexact = true
		return -1
	}
	s.nkeys = append(s.nkeys, key)
	s.ncnt = append(s.ncnt, 0)
	s.nents = append(s.nents, make([]dpEnt, s.k)...)
	s.table[h] = int32(len(s.nkeys))
	s.nslot = append(s.nslot, int32(h))
	if 2*len(s.nkeys) > len(s.table) {
		s.grow()
	}
	return len(s.nkeys) - 1
}

// grow doubles the table.
func (s *search) grow() {
	s.table = make([]int32, 2*len(s.table))
	mask := len(s.table) - 1
	for i, key := range s.nkeys {
		h := hashKey(key, mask)
		for s.table[h] != 0 {
			h = (h + 1) & mask
		}
		s.table[h] = int32(i + 1)
		s.nslot[i] = int32(h)
	}
}

// insert offers a path to state key, which keeps its k cheapest (the
// first found among equals).
func (s *search) insert(key uint64, cost float64, prev int32, combo uint16) {
	si := s.state(key)
	if si < 0 {
		return
	}
	k := s.k
	es := s.nents[si*k : si*k+k]
	n := int(s.ncnt[si])
	if n == k {
		if cost >= es[k-1].cost {
			return
		}
		n--
	} else {
		s.ncnt[si]++
	}
	i := n
	for i > 0 && es[i-1].cost > cost {
		es[i] = es[i-1]
		i--
	}
	es[i] = dpEnt{cost: cost, node: prev, combo: combo}
}

// reading writes the characters of the path ending at node into raw.
func (s *search) reading(node int32, raw []byte) {
	for ui := len(s.units) - 1; ui >= 0 && node >= 0; ui-- {
		n := s.nodes[node]
		u := &s.units[ui]
		x := &u.combos[n.combo]
		copy(raw[u.off:int(u.off)+int(u.n)], x.chars[:u.n])
		node = n.prev
	}
}
