package ocr

// pt is a point or a vector in pixels of some image.
type pt struct{ X, Y float64 }

func (p pt) add(q pt) pt      { return pt{p.X + q.X, p.Y + q.Y} }
func (p pt) sub(q pt) pt      { return pt{p.X - q.X, p.Y - q.Y} }
func (p pt) mul(k float64) pt { return pt{p.X * k, p.Y * k} }
func (p pt) dot(q pt) float64 { return p.X*q.X + p.Y*q.Y }
func (p pt) perp() pt         { return pt{-p.Y, p.X} } // turned a quarter clockwise (y down)
