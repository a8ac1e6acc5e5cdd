package store

import "crypto/rand"

const docIDAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

// NewDocumentID returns a random 24-character id shaped like Strapi 5's cuid2 documentIds:
// lower-case letters and digits, starting with a letter.
func NewDocumentID() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	for i := range b {
		n := len(docIDAlphabet)
		if i == 0 {
			n = 26
		}
		b[i] = docIDAlphabet[int(b[i])%n]
	}
	return string(b)
}
