package mrz

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

// dpNode is one step of a path: the combination chosen at a unit of
// several, and the node before (-1 for none). Units of one combination
// make no node.
type dpNode struct {
	prev  int32
	unit  uint16
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
	plan   *checkPlan
	units  []unit
	lo, hi []uint8 // the combinations of each unit the search reads
	k      int
	bound  float64
	// inexact is set when states were dropped at maxStates.
	inexact bool
	// base: the reading of every unit's first combination offered, when
	// reset was given it (see reading).
	base []byte
	// plain: no shortcut, the reference the tests compare the search with.
	plain bool

	nodes       []dpNode
	keys, nkeys []uint64
	ents, nents []dpEnt
	cnt, ncnt   []uint8
	table       []int32 // open addressing over nkeys: index+1, 0 for empty
	nslot       []int32 // the table slot of each of nkeys
	paths       []path
	combosBuf   []combo
	pinLo       []uint8
	pinHi       []uint8
	scratch     []byte
	nearArr     [4][]byte
	nearKept    [3][4][]byte
	unitArena   []unit
	room        searchRoom
	byteArena   []byte
	runs        []layoutRun
	format      Format
}

// roomStates is how many states the search's first room holds.
const roomStates = 16

// searchRoom is the first room of a search's slices.
type searchRoom struct {
	nodes [128]dpNode
	keys  [2 * roomStates]uint64
	cnt   [2 * roomStates]uint8
	ents  [2 * roomStates * kFirst]dpEnt
	ints  [3 * roomStates]int32
	paths [kFirst]path
}

// reset prepares the search for units under plan, keeping k paths per
// state and none costing more than bound.
// Unit ui offers the search its combinations lo[ui] to hi[ui]; base, when
// not nil, is the reading of the combinations lo (see reading).
func (s *search) reset(plan *checkPlan, units []unit, lo, hi []uint8, k int, bound float64, f Format, base []byte) {
	s.plan, s.units, s.lo, s.hi, s.k, s.bound, s.format, s.inexact = plan, units, lo, hi, k, bound, f, false
	s.base = base
	if cap(s.nodes) == 0 {
		// Room for what most MRZs need, within the search itself.
		r := &s.room
		s.nodes = r.nodes[:0]
		s.keys, s.nkeys = r.keys[:0:roomStates], r.keys[roomStates:roomStates:2*roomStates]
		s.cnt, s.ncnt = r.cnt[:0:roomStates], r.cnt[roomStates:roomStates:2*roomStates]
		s.ents, s.nents = r.ents[:0:roomStates*kFirst], r.ents[roomStates*kFirst:roomStates*kFirst:2*roomStates*kFirst]
		s.nslot, s.table = r.ints[:0:roomStates], r.ints[roomStates:]
		s.paths = r.paths[:0]
	}
	s.nodes = s.nodes[:0]
}

// run returns the k cheapest complete paths, cheapest first.
func (s *search) run() []path {
	k := s.k
	s.keys = append(s.keys[:0], s.plan.start())
	s.ents = append(s.ents[:0], make([]dpEnt, k)...)
	s.ents[0] = dpEnt{cost: 0, node: -1}
	s.cnt = append(s.cnt[:0], 1)
	var m macro
	for ui := range s.units {
		u := &s.units[ui]
		if s.hi[ui]-s.lo[ui] == 1 && !u.merges {
			m.add(s.plan, u, &s.combosBuf[int(u.cs)+int(s.lo[ui])])
			continue
		}
		s.forced(&m)
		s.step(ui)
		if len(s.keys) == 0 {
			return nil
		}
	}
	if s.forced(&m); len(s.keys) == 0 {
		return nil
	}
	s.paths = s.paths[:0]
	for si, key := range s.keys {
		if !s.plan.accepts(key) {
			continue
		}
		for _, e := range s.ents[si*k : si*k+int(s.cnt[si])] {
			s.paths = insertPath(s.paths, path{e.cost, e.node}, k)
		}
	}
	return s.paths
}

// insertPath adds p to the sorted list ps of at most k paths.
func insertPath(ps []path, p path, k int) []path {
	if len(ps) == k {
		if p.cost >= ps[k-1].cost {
			return ps
		}
		ps = ps[:k-1]
	}
	ps = append(ps, p)
	for i := len(ps) - 1; i > 0 && ps[i].cost < ps[i-1].cost; i-- {
		ps[i], ps[i-1] = ps[i-1], ps[i]
	}
	return ps
}

// macro is a run of units of one combination that close no check digit
// and touch no long number, read at once: what they add to each check
// digit's sum, the checks for which they read something but a filler, and
// their cost.
type macro struct {
	delta [maxPlanChecks]uint8
	clear uint64
	cost  float64
	n     int
}

// add appends unit u, holding x, to m.
func (m *macro) add(p *checkPlan, u *unit, x *combo) {
	for j := 0; j < int(u.n); j++ {
		c := x.chars[j]
		for _, cw := range p.cover[int(u.off)+j] {
			d := m.delta[cw.check] + weighted[cw.w&7][c]
			if d >= 10 {
				d -= 10
			}
			m.delta[cw.check] = d
		}
		if c != '<' {
			m.clear |= p.fillMask[int(u.off)+j]
		}
	}
	m.cost += x.cost
	m.n++
}

// forced reads the units of m in every state: each state goes to one
// state, no two to the same, and the paths keep their order. It empties m.
func (s *search) forced(m *macro) {
	if m.n == 0 {
		return
	}
	k := s.k
	bound := s.bound
	w := 0
	for si, key := range s.keys {
		for ci := 0; ci < maxPlanChecks; ci++ {
			if d := uint64(m.delta[ci]); d != 0 {
				sh := 5 * uint(ci)
				v := key>>sh&15 + d
				if v >= 10 {
					v -= 10
				}
				key = key&^(15<<sh) | v<<sh
			}
		}
		key &^= m.clear
		n := 0
		for _, e := range s.ents[si*k : si*k+int(s.cnt[si])] {
			if e.cost += m.cost; e.cost <= bound {
				s.ents[w*k+n] = e
				n++
			}
		}
		if n == 0 {
			continue
		}
		s.keys[w], s.cnt[w] = key, uint8(n)
		w++
	}
	s.keys, s.cnt, s.ents = s.keys[:w], s.cnt[:w], s.ents[:w*k]
	*m = macro{}
}

// step reads unit ui in every state, keeping the k cheapest paths of each
// new state.
func (s *search) step(ui int) {
	k := s.k
	u := &s.units[ui]
	combos := u.combosOf(s.combosBuf)[s.lo[ui]:s.hi[ui]]
	s.clearNext()
	bound := s.bound
	for si, key := range s.keys {
		for _, e := range s.ents[si*k : si*k+int(s.cnt[si])] {
			if e.cost+combos[0].cost > bound {
				break
			}
			for xi := range combos {
				x := &combos[xi]
				c := e.cost + x.cost
				if c > bound {
					break
				}
				var nk uint64
				var ok bool
				if u.n == 1 {
					nk, ok = s.plan.step(key, int(u.off), x.chars[0])
				} else {
					nk, ok = s.apply(key, u, x)
				}
				if ok {
					s.insert(nk, c, e.node, uint16(xi))
				}
			}
		}
	}
	// The survivors of a unit of several combinations become nodes.
	for i := range s.nkeys {
		es := s.nents[i*k : i*k+int(s.ncnt[i])]
		for j := range es {
			if len(combos) > 1 {
				s.nodes = append(s.nodes, dpNode{prev: es[j].node, unit: uint16(ui), combo: es[j].combo})
				es[j].node = int32(len(s.nodes) - 1)
			}
		}
	}
	s.keys, s.nkeys = s.nkeys, s.keys
	s.ents, s.nents = s.nents, s.ents
	s.cnt, s.ncnt = s.ncnt, s.cnt
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
		s.table = make([]int32, 128)
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

// reading writes the characters of the path ending at node into raw:
// each unit's only (or first) combination, then those the path chose.
// raw holds the lattice's most probable characters when called.
func (s *search) reading(node int32, raw []byte) {
	if s.base != nil && !s.plain {
		copy(raw, s.base)
	} else {
		for i := range s.units {
			u := &s.units[i]
			copy(raw[u.off:int(u.off)+int(u.n)], s.combosBuf[int(u.cs)+int(s.lo[i])].chars[:u.n])
		}
	}
	for node >= 0 {
		n := s.nodes[node]
		u := &s.units[n.unit]
		copy(raw[u.off:int(u.off)+int(u.n)], s.combosBuf[int(u.cs)+int(s.lo[n.unit])+int(n.combo)].chars[:u.n])
		node = n.prev
	}
}
