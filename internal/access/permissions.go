// Package access decides what a caller may do: the roles and their permissions (Strapi's
// up_roles and up_permissions, cached per role and version), the catalog of actions a role
// or an API token can be given, and the API tokens (Strapi's content-API tokens).
package access

import (
	"context"
	"fmt"
	"sync"

	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// Actions is the set of Strapi action names a role holds, e.g.
// "plugin::users-permissions.user.me".
type Actions map[string]struct{}

// Has reports whether the set holds action.
func (a Actions) Has(action string) bool {
	_, ok := a[action]
	return ok
}

// actionSet is the set of the actions of list.
func actionSet(list []string) Actions {
	out := make(Actions, len(list))
	for _, a := range list {
		out[a] = struct{}{}
	}
	return out
}

// ActionFindRoles is the permission that lets a caller see roles, in user payloads too.
const ActionFindRoles = "plugin::users-permissions.role.find"

// Permissions caches each role's actions. Every change to a role's permissions bumps the
// role's perm_version in the same transaction, and every request reads the version with
// the user (one query), so a change takes effect on the next request on every instance.
type Permissions struct {
	store *store.Store
	mu    sync.RWMutex
	roles map[int64]roleActions
}

type roleActions struct {
	version int64
	actions Actions
}

// NewPermissions returns an empty cache of the roles' actions in st.
func NewPermissions(st *store.Store) *Permissions {
	return &Permissions{store: st, roles: map[int64]roleActions{}}
}

// ForRole returns the actions of the role, from the cache when its version is current.
func (p *Permissions) ForRole(ctx context.Context, roleID, version int64) (Actions, error) {
	p.mu.RLock()
	c, ok := p.roles[roleID]
	p.mu.RUnlock()
	if ok && c.version == version {
		return c.actions, nil
	}
	list, err := p.store.Q.ListRoleActions(ctx, roleID)
	if err != nil {
		return nil, fmt.Errorf("load permissions of role %d: %w", roleID, err)
	}
	actions := actionSet(list)
	p.mu.Lock()
	if cur, ok := p.roles[roleID]; !ok || cur.version <= version {
		p.roles[roleID] = roleActions{version: version, actions: actions}
	}
	p.mu.Unlock()
	return actions, nil
}
