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
