package main

import (
	"math"
	"math/rand/v2"
	"sync"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
)

const nc = glyph.NumClasses

// templates returns the linear model equivalent to nearest class mean:
// score_c = -|x - t_c|² / T up to a term common to all classes.
func templates(d *dataset, temperature float32) []glyph.Layer {
	const in = glyph.ShapeLen
	sum := make([]float64, nc*in)
	count := make([]float64, nc)
	for i := range d.n() {
		c := int(d.y[i])
		count[c]++
		for k, v := range d.row(i) {
			sum[c*in+k] += float64(v)
		}
	}
	l := glyph.Layer{In: in, Out: nc, W: make([]float32, nc*in), Bias: make([]float32, nc)}
	for c := range nc {
		var sq float64
		for k := range in {
			t := sum[c*in+k] / max(count[c], 1)
			l.W[c*in+k] = float32(2 * t / float64(temperature))
			sq += t * t
		}
		l.Bias[c] = float32(-sq / float64(temperature))
	}
	return []glyph.Layer{l}
}

// fitOptions are the settings of gradient descent.
type fitOptions struct {
	hidden []int // widths of the hidden layers; none for a linear model
	epochs int
	batch  int
	lr     float64
	decay  float64 // L2 weight decay
	seed   uint64
}

// network is the float model being trained, with its Adam state.
type network struct {
	layers []glyph.Layer
	m, v   [][]float32 // Adam moments, weights then biases of each layer
	step   int
}

func newNetwork(sizes []int, r *rand.Rand) *network {
	n := &network{}
	for i := 0; i+1 < len(sizes); i++ {
		in, out := sizes[i], sizes[i+1]
		l := glyph.Layer{In: in, Out: out, W: make([]float32, in*out), Bias: make([]float32, out)}
		s := math.Sqrt(2 / float64(in))
		for k := range l.W {
			l.W[k] = float32(r.NormFloat64() * s)
		}
		n.layers = append(n.layers, l)
		n.m = append(n.m, make([]float32, in*out+out))
		n.v = append(n.v, make([]float32, in*out+out))
	}
	return n
}

// grads holds the gradient of a batch and the buffers of the passes.
type grads struct {
	g    [][]float32 // per layer: weights then biases
	acts [][]float32 // per layer input/output activations of one sample
	dlt  [][]float32
	nz   []int // the input's non-zero samples
	loss float64
}

func newGrads(n *network) *grads {
	g := &grads{}
	g.acts = append(g.acts, make([]float32, n.layers[0].In))
	for _, l := range n.layers {
		g.g = append(g.g, make([]float32, l.In*l.Out+l.Out))
		g.acts = append(g.acts, make([]float32, l.Out))
		g.dlt = append(g.dlt, make([]float32, l.Out))
	}
	return g
}

// sample adds the gradient of the cross-entropy loss of one sample.
func (g *grads) sample(n *network, x []float32, y int) {
	copy(g.acts[0], x)
	// Most of a cell is paper, 0: the first layer needs only the rest.
	g.nz = g.nz[:0]
	for i, v := range x {
		if v != 0 {
			g.nz = append(g.nz, i)
		}
	}
	last := len(n.layers) - 1
	for li, l := range n.layers {
		in, out := g.acts[li], g.acts[li+1]
		for o := range l.Out {
			var s float32
			if li == 0 {
				w := l.W[o*l.In : (o+1)*l.In]
				for _, i := range g.nz {
					s += float32(w[i] * in[i])
				}
				s += l.Bias[o]
			} else {
				s = l.Bias[o] + glyph.Dot(l.W[o*l.In:(o+1)*l.In], in)
			}
			if li < last {
				s = max(s, 0)
			}
			out[o] = s
		}
	}
	// Softmax and its gradient.
	z := g.acts[last+1]
	mx := z[0]
	for _, v := range z {
		mx = max(mx, v)
	}
	var sum float64
	for _, v := range z {
		sum += math.Exp(float64(v - mx))
	}
	d := g.dlt[last]
	for k, v := range z {
		p := math.Exp(float64(v-mx)) / sum
		if k == y {
			g.loss -= math.Log(max(p, 1e-30))
			p--
		}
		d[k] = float32(p)
	}
	for li := last; li >= 0; li-- {
		l := n.layers[li]
		in := g.acts[li]
		gw := g.g[li]
		d := g.dlt[li]
		for o := range l.Out {
			if d[o] == 0 {
				continue
			}
			if li == 0 {
				row := gw[o*l.In : (o+1)*l.In]
				for _, i := range g.nz {
					row[i] += float32(d[o] * in[i])
				}
			} else {
				glyph.Axpy(gw[o*l.In:(o+1)*l.In], d[o], in)
			}
			gw[l.In*l.Out+o] += d[o]
		}
		if li == 0 {
			break
		}
		prev := g.dlt[li-1]
		for k := range prev {
			prev[k] = 0
		}
		for o := range l.Out {
			if d[o] != 0 {
				glyph.Axpy(prev, d[o], l.W[o*l.In:(o+1)*l.In])
			}
		}
		for k, a := range g.acts[li] {
			if a <= 0 {
				prev[k] = 0
			}
		}
	}
}

// fit trains a network by mini-batch Adam. Each batch is split between
// two goroutines whose gradients are added in a fixed order.
func fit(d *dataset, o fitOptions) []glyph.Layer {
	r := rand.New(rand.NewPCG(o.seed, 0x6c79))
	sizes := append(append([]int{glyph.ShapeLen}, o.hidden...), nc)
	n := newNetwork(sizes, r)
	const shards = 2
	gs := [shards]*grads{newGrads(n), newGrads(n)}
	order := make([]int, d.n())
	for i := range order {
		order[i] = i
	}
	steps := o.epochs * ((d.n() + o.batch - 1) / o.batch)
	for ep := range o.epochs {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for b := 0; b < len(order); b += o.batch {
			batch := order[b:min(b+o.batch, len(order))]
			half := (len(batch) + 1) / 2
			var wg sync.WaitGroup
			for s := range shards {
				part := batch[min(s*half, len(batch)):min((s+1)*half, len(batch))]
				g := gs[s]
				wg.Add(1)
				go func() {
					defer wg.Done()
					for _, gl := range g.g {
						clear(gl)
					}
					for _, i := range part {
						g.sample(n, d.row(i), int(d.y[i]))
					}
				}()
			}
			wg.Wait()
			for li := range n.layers {
				a, c := gs[0].g[li], gs[1].g[li]
				for k := range a {
					a[k] += c[k]
				}
			}
			// Cosine decay of the learning rate to a twentieth.
			t := float64(n.step) / float64(steps)
			lr := o.lr * (0.05 + 0.95*0.5*(1+math.Cos(math.Pi*t)))
			n.adam(gs[0].g, float32(1/float64(len(batch))), lr, o.decay)
		}
		_ = ep
	}
	return n.layers
}

func (n *network) adam(g [][]float32, scale float32, lr, decay float64) {
	const b1, b2, eps = 0.9, 0.999, 1e-8
	n.step++
	c1 := 1 - math.Pow(b1, float64(n.step))
	c2 := 1 - math.Pow(b2, float64(n.step))
	for li := range n.layers {
		l := &n.layers[li]
		nw := l.In * l.Out
		m, v := n.m[li], n.v[li]
		for k, gk := range g[li] {
			var w *float32
			if k < nw {
				w = &l.W[k]
			} else {
				w = &l.Bias[k-nw]
			}
			gg := float64(gk*scale) + decay*float64(*w)*boolf(k < nw)
			m[k] = float32(b1*float64(m[k]) + (1-b1)*gg)
			v[k] = float32(b2*float64(v[k]) + (1-b2)*gg*gg)
			mh := float64(m[k]) / c1
			vh := float64(v[k]) / c2
			*w -= float32(lr * mh / (math.Sqrt(vh) + eps))
		}
	}
}

func boolf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
