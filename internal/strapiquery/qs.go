package strapiquery

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Query strings are read as Strapi reads them: with the qs library, configured by Strapi's
// query middleware as {strictNullHandling: true, arrayLimit: 100, depth: 20}.
// "filters[$or][0][username]=alice" is {filters: {$or: [{username: "alice"}]}}, "a=1&a=2"
// and "a[]=1&a[]=2" are lists, "a[1]=x" is the list [x] (qs compacts sparse lists), an index
// above 100 is an object key, and a key without "=" has the value nil.
//
// A parsed value is a string, nil, a []any, or a *qsObject, which keeps its keys in the order
// they came, so that the first invalid key reported is the one Strapi reports.

const (
	qsDepth          = 20
	qsArrayLimit     = 100
	qsParameterLimit = 1000
)

// qsObject is an object of a parsed query string, its keys in order.
type qsObject struct {
	keys []string
	vals map[string]any
}

func newQSObject() *qsObject { return &qsObject{vals: map[string]any{}} }

func (o *qsObject) get(k string) (any, bool) {
	v, ok := o.vals[k]
	return v, ok
}

func (o *qsObject) set(k string, v any) {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

func (o *qsObject) len() int { return len(o.keys) }

// qsList is a list while it is being built: indexes may have holes until qsFinish. Every
// write goes through put, which keeps end, so that appending costs no scan of the list.
type qsList struct {
	vals map[int]any
	end  int // one past the highest index written: where push appends
}

// newQSList is the list holding v at index i.
func newQSList(i int, v any) *qsList {
	l := &qsList{vals: map[int]any{}}
	l.put(i, v)
	return l
}

// put sets index i to v.
func (l *qsList) put(i int, v any) {
	l.vals[i] = v
	l.end = max(l.end, i+1)
}

// push appends v after the highest index, as qs appends to an array.
func (l *qsList) push(v any) { l.put(l.end, v) }

// parseQS parses a raw query string (r.URL.RawQuery).
func parseQS(raw string) *qsObject {
	root := newQSObject()
	parts := strings.Split(raw, "&")
	if len(parts) > qsParameterLimit {
		parts = parts[:qsParameterLimit]
	}
	// Same keys combine into a list first, as qs does, then each key is expanded.
	flat := newQSObject()
	for _, part := range parts {
		if part == "" {
			continue
		}
		pos := strings.Index(part, "]=")
		if pos >= 0 {
			pos++
		} else {
			pos = strings.IndexByte(part, '=')
		}
		var (
			key string
			val any
		)
		if pos < 0 {
			key, val = qsDecode(part), nil
		} else {
			key, val = qsDecode(part[:pos]), qsDecode(part[pos+1:])
		}
		if key == "" {
			continue
		}
		if prev, ok := flat.get(key); ok {
			flat.set(key, qsMerge(prev, val))
		} else {
			flat.set(key, val)
		}
	}
	for _, key := range flat.keys {
		chain := qsSplitKey(key)
		if chain == nil {
			continue
		}
		leaf := qsBuild(chain, flat.vals[key])
		obj, ok := leaf.(*qsObject)
		if !ok {
			continue
		}
		for _, k := range obj.keys {
			if prev, exists := root.get(k); exists {
				root.set(k, qsMerge(prev, obj.vals[k]))
			} else {
				root.set(k, obj.vals[k])
			}
		}
	}
	return qsFinish(root).(*qsObject)
}

func qsDecode(s string) string {
	s = strings.ReplaceAll(s, "+", " ")
	if d, err := url.PathUnescape(s); err == nil {
		return d
	}
	return s
}

// qsSplitKey splits "a[b][c]" into ["a", "[b]", "[c]"]; beyond the depth limit the rest of
// the key is one last segment, as qs keeps it.
func qsSplitKey(key string) []string {
	if strings.Contains(key, "__proto__") {
		return nil
	}
	i := strings.IndexByte(key, '[')
	parent := key
	if i >= 0 {
		parent = key[:i]
	}
	var chain []string
	if parent != "" {
		chain = append(chain, parent)
	} else if i < 0 {
		return nil
	}
	rest := ""
	if i >= 0 {
		rest = key[i:]
	}
	depth := 0
	for rest != "" && depth < qsDepth {
		if rest[0] != '[' {
			break
		}
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			break
		}
		chain = append(chain, rest[:end+1])
		rest = rest[end+1:]
		depth++
	}
	if rest != "" {
		chain = append(chain, "["+rest+"]")
	}
	if parent == "" && len(chain) > 0 {
		// "[a]=1" is {a: 1} for qs.
		chain[0] = strings.TrimSuffix(strings.TrimPrefix(chain[0], "["), "]")
	}
	return chain
}

// qsBuild turns a key chain and its value into nested objects and lists.
func qsBuild(chain []string, val any) any {
	leaf := val
	for i := len(chain) - 1; i >= 0; i-- {
		root := chain[i]
		if root == "[]" { // [].concat(leaf): a combined list stays one list
			if _, isList := leaf.(*qsList); !isList {
				leaf = newQSList(0, leaf)
			}
			continue
		}
		clean := root
		bracketed := strings.HasPrefix(root, "[") && strings.HasSuffix(root, "]")
		if bracketed {
			clean = root[1 : len(root)-1]
		}
		if n, err := strconv.Atoi(clean); bracketed && err == nil && n >= 0 && strconv.Itoa(n) == clean && n <= qsArrayLimit {
			leaf = newQSList(n, leaf)
			continue
		}
		if clean == "__proto__" {
			return nil
		}
		o := newQSObject()
		o.set(clean, leaf)
		leaf = o
	}
	if o, ok := leaf.(*qsObject); ok {
		return o
	}
	// A key such as "[]=x" or "[0]=x" has no name: qs drops it.
	return nil
}

// qsMerge merges source into target as qs.utils.merge does.
func qsMerge(target, source any) any {
	switch t := target.(type) {
	case *qsList:
		switch s := source.(type) {
		case *qsList:
			for _, i := range sortedIndexes(s) {
				v := s.vals[i]
				if cur, ok := t.vals[i]; ok {
					if isContainer(cur) && isContainer(v) {
						t.put(i, qsMerge(cur, v))
					} else {
						t.push(v)
					}
				} else {
					t.put(i, v)
				}
			}
			return t
		case *qsObject:
			return qsMerge(listToObject(t), s)
		default:
			t.push(source)
			return t
		}
	case *qsObject:
		switch s := source.(type) {
		case *qsObject:
			for _, k := range s.keys {
				if cur, ok := t.get(k); ok {
					t.set(k, qsMerge(cur, s.vals[k]))
				} else {
					t.set(k, s.vals[k])
				}
			}
			return t
		case *qsList:
			return qsMerge(t, listToObject(s))
		case string:
			t.set(s, "true")
			return t
		default:
			return t
		}
	default: // a scalar: both become a list
		l := newQSList(0, target)
		if s, ok := source.(*qsList); ok {
			for _, i := range sortedIndexes(s) {
				l.push(s.vals[i])
			}
			return l
		}
		l.push(source)
		return l
	}
}

func isContainer(v any) bool {
	switch v.(type) {
	case *qsList, *qsObject:
		return true
	}
	return false
}

func listToObject(l *qsList) *qsObject {
	o := newQSObject()
	for _, i := range sortedIndexes(l) {
		o.set(strconv.Itoa(i), l.vals[i])
	}
	return o
}

func sortedIndexes(l *qsList) []int {
	idx := make([]int, 0, len(l.vals))
	for i := range l.vals {
		idx = append(idx, i)
	}
	slices.Sort(idx)
	return idx
}

// qsFinish compacts the lists (holes removed, as qs does) into []any.
func qsFinish(v any) any {
	switch t := v.(type) {
	case *qsList:
		out := make([]any, 0, len(t.vals))
		for _, i := range sortedIndexes(t) {
			out = append(out, qsFinish(t.vals[i]))
		}
		return out
	case *qsObject:
		for _, k := range t.keys {
			t.vals[k] = qsFinish(t.vals[k])
		}
		return t
	}
	return v
}
