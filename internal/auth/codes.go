package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
)

// newCode returns a random one-time code of n bytes, hex-encoded: 64 bytes (128 hex
// characters) for reset codes and 20 bytes (40) for confirmation tokens, as Strapi makes them.
func newCode(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// hashCode is what is stored of a one-time code: its SHA-256 (decision D4). The codes carry
// 160 to 512 random bits, so a plain hash is enough (OWASP ASVS 6.5.2).
func hashCode(code string) string {
	sum := sha256.Sum256([]byte(code))
	return hex.EncodeToString(sum[:])
}

const docIDAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

// newDocumentID returns a random 24-character id shaped like Strapi 5's cuid2 documentIds:
// lower-case letters and digits, starting with a letter.
func newDocumentID() string {
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
