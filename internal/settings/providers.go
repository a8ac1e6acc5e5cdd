package settings

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/oauth"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// Providers returns the settings of every OAuth provider (Strapi's grant document): the
// catalog's defaults for a provider nothing was stored for.
func (s *Store) Providers(ctx context.Context) (map[string]oauth.Settings, error) {
	if err := s.refresh(ctx); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.providers), nil
}

// Provider returns the settings of the provider called name, and whether the catalog or
// the store has it.
func (s *Store) Provider(ctx context.Context, name string) (oauth.Settings, bool, error) {
	if err := s.refresh(ctx); err != nil {
		return oauth.Settings{}, false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.providers[name]
	return p, ok, nil
}

// UpdateProviders changes the provider settings with fn, in one transaction. Every
// instance applies the change within a second, as the other settings.
func (s *Store) UpdateProviders(ctx context.Context, fn func(map[string]oauth.Settings) error) error {
	err := s.store.InTx(ctx, func(q store.Querier) error {
		g := oauth.Defaults()
		if err := load(ctx, q, grantKey, &g); err != nil {
			return err
		}
		if err := fn(g); err != nil {
			return err
		}
		b, err := json.Marshal(g)
		if err != nil {
			return fmt.Errorf("encode providers: %w", err)
		}
		return q.PutStoreValue(ctx, db.PutStoreValueParams{Key: grantKey, Value: string(b)})
	})
	s.invalidate()
	return err
}
